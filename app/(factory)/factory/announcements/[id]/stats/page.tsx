import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AnnouncementStatusBadge } from '@/components/announcements/status-badge';
import { getAnnouncementForFactory, getAnnouncementStats } from '@/lib/announcements/queries';
import { can } from '@/lib/auth/permissions';
import { requireAreaActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('announcements'))('statsTitle') };
}

/**
 * Who of the audience has read an announcement. A dealer counts as having read it when at least one
 * of its active users opened it; the lists name the users who have not.
 */
export default async function AnnouncementStatsPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireAreaActor('factory');
  if (!can(actor, 'announcements.publish')) notFound();
  const { id: raw } = await params;
  const id = /^[1-9]\d{0,14}$/.test(raw) ? Number(raw) : 0;
  const db = getDb();
  const [t, announcement, stats] = await Promise.all([getTranslations('announcements'), getAnnouncementForFactory(db, actor, id), getAnnouncementStats(db, actor, id)]);
  if (!announcement || !stats) notFound();
  return (
    <div className="flex min-w-0 flex-col gap-4" data-testid="announcement-stats">
      <Link href={`/factory/announcements/${announcement.id}`} className="inline-flex min-h-11 items-center self-start text-sm text-brand-700 hover:underline">
        ← {announcement.title}
      </Link>
      <div>
        <h1 className="text-xl font-semibold md:text-2xl">{t('statsTitle')}</h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <AnnouncementStatusBadge status={announcement.status} />
          <span>{t('readMeaning')}</span>
        </p>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="rounded-2xl border border-slate-200 bg-white px-4 py-3">
          <p className="text-sm text-slate-600">{t('dealersRead')}</p>
          <p className="text-2xl font-semibold tabular-nums" data-testid="dealers-read" data-read={stats.readDealers} data-total={stats.audienceDealers}>
            {t('xOfY', { read: stats.readDealers, total: stats.audienceDealers })}
          </p>
        </div>
        <div className="rounded-2xl border border-slate-200 bg-white px-4 py-3">
          <p className="text-sm text-slate-600">{t('usersRead')}</p>
          <p className="text-2xl font-semibold tabular-nums" data-testid="users-read" data-read={stats.readUsers} data-total={stats.audienceUsers}>
            {t('xOfY', { read: stats.readUsers, total: stats.audienceUsers })}
          </p>
        </div>
      </div>
      <section className="rounded-2xl border border-slate-200 bg-white" aria-labelledby="not-read">
        <h2 id="not-read" className="px-4 pt-4 text-base font-semibold md:px-5">
          {t('notReadTitle')}
        </h2>
        {stats.dealers.length === 0 ? (
          <p className="px-4 pt-2 pb-5 text-sm text-slate-600 md:px-5" data-testid="everyone-read">
            {t('everyoneRead')}
          </p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100" data-testid="not-read-list">
            {stats.dealers.map((d) => (
              <li key={d.code} className="flex flex-col gap-1 px-4 py-3 md:px-5" data-testid="not-read-dealer" data-code={d.code} data-dealer-read={d.read > 0 ? 'true' : 'false'}>
                <p className="flex flex-wrap items-baseline gap-2">
                  <span className="font-medium">
                    {d.code} · {d.name}
                  </span>
                  {d.region ? <span className="text-sm text-slate-500">{d.region}</span> : null}
                  <span className={`rounded-sm px-1.5 py-0.5 text-xs font-medium ${d.read > 0 ? 'bg-amber-100 text-amber-900' : 'bg-red-100 text-red-900'}`}>
                    {d.read > 0 ? t('dealerPartly', { read: d.read, total: d.users }) : d.users === 0 ? t('dealerNoUsers') : t('dealerNotRead')}
                  </span>
                </p>
                {d.unreadUsers.length ? (
                  <p className="text-sm break-words text-slate-700">
                    {t('notReadBy')}: {d.unreadUsers.map((u) => `${u.name} (${u.email})`).join(', ')}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {stats.truncated ? <p className="px-4 pb-4 text-sm text-slate-600 md:px-5">{t('moreNotShown')}</p> : null}
      </section>
    </div>
  );
}
