import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { LiveRefresh } from '@/components/realtime/live-refresh';
import { formatDayHeading, formatTimeOfDay } from '@/components/shipments/day-format';
import type { Actor } from '@/lib/auth/actor';
import type { Area } from '@/lib/auth/permissions';
import { addDays, factoryToday } from '@/lib/calendar';
import { getDb } from '@/lib/db';
import { getNotificationBadge, listNotificationsForUser, type NotificationItem } from '@/lib/notifications/queries';
import { MarkAllRead } from './mark-all-read';
import { MarkReadButton, NotificationOpenLink } from './notification-open';

const IMPORTANCE = {
  critical: { bar: 'border-l-red-600', label: 'bg-red-100 text-red-900' },
  normal: { bar: 'border-l-brand-600', label: 'bg-brand-50 text-brand-800' },
} as const;

/** One area's notification page: the signed-in person's notifications by day, newest first. */
export async function NotificationCentre({ area, actor, before }: { area: Area; actor: Actor; before?: number }) {
  const db = getDb();
  const [t, tAll, locale, list, badge] = await Promise.all([
    getTranslations('notifications'),
    getTranslations(),
    getLocale() as Promise<Locale>,
    listNotificationsForUser(db, actor, { before }),
    getNotificationBadge(db, actor),
  ]);
  const today = factoryToday();
  const yesterday = addDays(today, -1);
  const base = `/${area}/notifications`;
  const typeName = (type: string) => (tAll.has(`notificationTypes.${type}.name`) ? tAll(`notificationTypes.${type}.name`) : null);

  const entry = (item: NotificationItem) => {
    const style = IMPORTANCE[item.importance];
    const name = typeName(item.type);
    return (
      <li
        key={item.id}
        className={`flex flex-col gap-1 border-l-4 px-4 py-3 ${style.bar} ${item.read ? '' : 'bg-brand-50/40'}`}
        data-testid="notification"
        data-read={item.read ? 'true' : 'false'}
        data-importance={item.importance}
      >
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
          <span className={`rounded-sm px-1.5 py-0.5 font-medium ${style.label}`}>{t(`importance.${item.importance}`)}</span>
          {name ? <span>{name}</span> : null}
          <time dateTime={item.createdAt.toISOString()}>{formatTimeOfDay(item.createdAt, locale)}</time>
          {item.read ? null : <span className="rounded-sm bg-brand-700 px-1.5 py-0.5 font-medium text-white">{t('unread')}</span>}
        </p>
        <div className={item.read ? 'text-slate-800' : 'font-semibold text-slate-950'}>
          {item.link ? (
            <NotificationOpenLink id={item.id} href={item.link} read={item.read}>
              {item.title}
            </NotificationOpenLink>
          ) : (
            <p className="break-words">{item.title}</p>
          )}
        </div>
        {item.body ? <p className="text-sm break-words text-slate-700">{item.body}</p> : null}
        {!item.link && !item.read ? <MarkReadButton id={item.id} label={t('markRead')} /> : null}
      </li>
    );
  };

  return (
    <div className="flex flex-col gap-4">
      <LiveRefresh events={['notification']} />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold md:text-2xl">{t('title')}</h1>
          <p className="mt-1 text-sm text-slate-600" aria-live="polite" data-testid="notifications-unread">
            {t('unreadCount', { count: badge.unread })}
          </p>
        </div>
        <div className="flex flex-wrap items-start gap-2">
          <MarkAllRead disabled={badge.unread === 0} />
          <Link
            href={`${base}/settings`}
            className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-100"
          >
            {t('settingsLink')}
          </Link>
        </div>
      </div>

      {list.days.length === 0 ? (
        <section className="rounded-2xl border border-slate-200 bg-white p-5" data-testid="notifications-empty">
          <p className="font-medium">{before ? t('noOlder') : t('empty')}</p>
          <p className="mt-1 text-sm text-slate-600">{t('emptyHint')}</p>
        </section>
      ) : (
        list.days.map(({ day, items }) => (
          <section key={day} aria-labelledby={`notifications-${day}`} className="flex flex-col gap-2" data-testid="notification-day" data-day={day}>
            <h2 id={`notifications-${day}`} className="text-base font-semibold">
              {day === today ? t('today') : day === yesterday ? t('yesterday') : formatDayHeading(day, locale)}
            </h2>
            <ul className="divide-y divide-slate-100 overflow-hidden rounded-2xl border border-slate-200 bg-white">{items.map(entry)}</ul>
          </section>
        ))
      )}

      {list.nextBefore || before ? (
        <nav aria-label={t('pages')} className="flex flex-wrap gap-2">
          {before ? (
            <Link href={base} className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-100">
              {t('newest')}
            </Link>
          ) : null}
          {list.nextBefore ? (
            <Link
              href={`${base}?before=${list.nextBefore}`}
              className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-100"
            >
              {t('older')}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
