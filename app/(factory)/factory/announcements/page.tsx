import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { AnnouncementStatusBadge, PinnedBadge } from '@/components/announcements/status-badge';
import { ANNOUNCEMENT_STATUSES, listAnnouncementsForFactory, type AnnouncementStatus, type FactoryAnnouncementRow } from '@/lib/announcements/queries';
import { can } from '@/lib/auth/permissions';
import { requireAreaActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/format';

const BASE = '/factory/announcements';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('announcements'))('factoryTitle') };
}

function href(status: AnnouncementStatus | null, page = 1): string {
  const q = new URLSearchParams();
  if (status) q.set('status', status);
  if (page > 1) q.set('page', String(page));
  const s = q.toString();
  return s ? `${BASE}?${s}` : BASE;
}

export default async function FactoryAnnouncementsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAreaActor('factory');
  if (!can(actor, 'announcements.publish')) notFound();
  const params = await searchParams;
  const status = ANNOUNCEMENT_STATUSES.find((s) => s === params.status) ?? null;
  const page = Math.max(1, Number.parseInt(typeof params.page === 'string' ? params.page : '1', 10) || 1);
  const [t, locale, list] = await Promise.all([getTranslations('announcements'), getLocale() as Promise<Locale>, listAnnouncementsForFactory(getDb(), actor, { status, page })]);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold md:text-2xl">{t('factoryTitle')}</h1>
          <p className="mt-1 text-sm text-slate-600">{t('factoryIntro')}</p>
        </div>
        <Link href={`${BASE}/new`} className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800" data-testid="new-announcement">
          {t('new')}
        </Link>
      </div>
      <nav aria-label={t('filter')} className="flex flex-wrap gap-2">
        {[null, ...ANNOUNCEMENT_STATUSES].map((s) => (
          <Link
            key={s ?? 'all'}
            href={href(s)}
            aria-current={s === status ? 'page' : undefined}
            className={`inline-flex min-h-11 items-center rounded-full border px-3 text-sm ${s === status ? 'border-brand-700 bg-brand-50 font-medium text-brand-800' : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50'}`}
          >
            {s ? t(`statusPlural.${s}`) : t('statusPlural.all')}
          </Link>
        ))}
      </nav>
      {list.rows.length === 0 ? (
        <p className="rounded-2xl border border-slate-200 bg-white px-4 py-6 text-slate-600">{t('noneYet')}</p>
      ) : (
        <ul className="flex flex-col gap-3" data-testid="announcement-list">
          {list.rows.map((row) => (
            <Row key={row.id} row={row} locale={locale} t={t} />
          ))}
        </ul>
      )}
      {pages > 1 ? (
        <nav aria-label={t('pages')} className="flex items-center justify-between gap-2 text-sm">
          {list.page > 1 ? <Link href={href(status, list.page - 1)} className="min-h-11 rounded-lg border border-slate-300 bg-white px-4 py-2.5">{t('previous')}</Link> : <span />}
          <span className="text-slate-600">{t('pageOf', { page: list.page, pages })}</span>
          {list.page < pages ? <Link href={href(status, list.page + 1)} className="min-h-11 rounded-lg border border-slate-300 bg-white px-4 py-2.5">{t('next')}</Link> : <span />}
        </nav>
      ) : null}
    </div>
  );
}

function Row({ row, locale, t }: { row: FactoryAnnouncementRow; locale: Locale; t: Awaited<ReturnType<typeof getTranslations<'announcements'>>> }) {
  const audience =
    row.audienceKind === 'all'
      ? t('audience.all')
      : row.audienceKind === 'regions'
        ? `${t('audience.regions')}: ${row.regions.join(', ')}`
        : t('audienceDealers', { count: row.dealerCount });
  const when =
    row.status === 'published' && row.publishedAt
      ? t('publishedOn', { at: formatDateTime(row.publishedAt, locale) })
      : row.status === 'scheduled' && row.publishAt
        ? t('scheduledFor', { at: formatDateTime(row.publishAt, locale) })
        : row.status === 'unpublished' && row.unpublishedAt
          ? t('unpublishedOn', { at: formatDateTime(row.unpublishedAt, locale) })
          : t('editedOn', { at: formatDateTime(row.updatedAt, locale) });
  return (
    <li className="flex flex-col gap-2 rounded-2xl border border-slate-200 bg-white px-4 py-3 md:flex-row md:items-center md:justify-between md:px-5" data-testid="announcement-row" data-id={row.id} data-pinned={row.pinned ? 'true' : 'false'}>
      <div className="flex min-w-0 flex-col gap-1">
        <Link href={`${BASE}/${row.id}`} className="font-semibold break-words text-brand-800 hover:underline">
          {row.title}
        </Link>
        <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
          <AnnouncementStatusBadge status={row.status} />
          {row.pinned ? <PinnedBadge /> : null}
          <span>{when}</span>
        </p>
        <p className="text-sm break-words text-slate-700">{audience}</p>
      </div>
      {row.status === 'published' || row.status === 'unpublished' ? (
        <Link href={`${BASE}/${row.id}/stats`} className="shrink-0 text-sm font-medium text-brand-700 hover:underline" data-testid="read-count">
          {t('readCount', { read: row.readDealers, total: row.audienceDealers })}
        </Link>
      ) : null}
    </li>
  );
}
