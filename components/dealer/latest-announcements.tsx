import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import type { DealerAnnouncement } from '@/lib/announcements/queries';
import { formatDate } from '@/lib/i18n/format';

/** The factory's newest news for this dealer, pinned ones first, the unread ones marked. */
export async function LatestAnnouncements({ unread, items }: { unread: number; items: DealerAnnouncement[] }) {
  const t = await getTranslations('dealerHome');
  const tNews = await getTranslations('announcements');
  const locale = (await getLocale()) as Locale;
  return (
    <section aria-labelledby="announcements" className="rounded-2xl border border-slate-200 bg-white" data-testid="announcements">
      <div className="flex flex-wrap items-baseline justify-between gap-2 px-4 pt-4 md:px-5">
        <h2 id="announcements" className="text-base font-semibold">{t('announcements')}</h2>
        <span className="flex items-baseline gap-3">
          <span className="text-sm text-slate-600" data-testid="unread-count">{t('unreadCount', { count: unread })}</span>
          <Link href="/dealer/news" className="text-sm font-medium text-brand-700 hover:underline">
            {tNews('allNews')}
          </Link>
        </span>
      </div>
      {items.length === 0 ? (
        <p className="px-4 pb-6 pt-2 text-sm text-slate-600 md:px-5">{t('noAnnouncements')}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100">
          {items.map((item) => (
            <li key={item.id} className="flex flex-col gap-1 px-4 py-3 md:px-5" data-read={item.read ? 'true' : 'false'} data-pinned={item.pinned ? 'true' : 'false'}>
              <Link href={`/dealer/news/${item.id}`} className={`break-words hover:underline ${item.read ? 'text-slate-800' : 'font-semibold text-slate-950'}`}>
                {item.title}
              </Link>
              <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
                <span>{formatDate(item.publishedAt, locale)}</span>
                {item.pinned ? <span className="rounded-sm bg-amber-100 px-1.5 py-0.5 font-medium text-amber-900">{t('pinned')}</span> : null}
                {item.read ? null : <span className="rounded-sm bg-brand-700 px-1.5 py-0.5 font-medium text-white">{t('unread')}</span>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
