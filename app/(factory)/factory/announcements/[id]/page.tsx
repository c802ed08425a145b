import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { AnnouncementEditor } from '@/components/announcements/editor';
import { ManageButtons } from '@/components/announcements/manage-buttons';
import { AnnouncementStatusBadge, PinnedBadge } from '@/components/announcements/status-badge';
import { dateToKyivLocal } from '@/lib/announcements/kyiv-time';
import { getAnnouncementForFactory, listAudienceRegions } from '@/lib/announcements/queries';
import { can } from '@/lib/auth/permissions';
import { requireAreaActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/format';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('announcements'))('editTitle') };
}

export default async function EditAnnouncementPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAreaActor('factory');
  if (!can(actor, 'announcements.publish')) notFound();
  const { id: raw } = await params;
  const id = /^[1-9]\d{0,14}$/.test(raw) ? Number(raw) : 0;
  const db = getDb();
  const [t, locale, announcement, regions] = await Promise.all([
    getTranslations('announcements'),
    getLocale() as Promise<Locale>,
    getAnnouncementForFactory(db, actor, id),
    listAudienceRegions(db, actor),
  ]);
  if (!announcement) notFound();
  const saved = (await searchParams).saved === '1';
  const a = announcement;
  return (
    <div className="flex min-w-0 flex-col gap-4" data-testid="announcement-page" data-id={a.id} data-status={a.status}>
      <Link href="/factory/announcements" className="inline-flex min-h-11 items-center self-start text-sm text-brand-700 hover:underline">
        ← {t('backToList')}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-xl font-semibold break-words md:text-2xl">{a.title}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <AnnouncementStatusBadge status={a.status} />
            {a.pinned ? <PinnedBadge /> : null}
            {a.status === 'published' && a.publishedAt ? <span>{t('publishedOn', { at: formatDateTime(a.publishedAt, locale) })}</span> : null}
            {a.status === 'scheduled' && a.publishAt ? <span>{t('scheduledFor', { at: formatDateTime(a.publishAt, locale) })}</span> : null}
            {a.status === 'unpublished' && a.unpublishedAt ? <span>{t('unpublishedOn', { at: formatDateTime(a.unpublishedAt, locale) })}</span> : null}
            {a.authorName ? <span>· {t('author', { name: a.authorName })}</span> : null}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {a.status === 'published' || a.status === 'unpublished' ? (
            <Link href={`/factory/announcements/${a.id}/stats`} className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 text-sm font-medium hover:bg-slate-50" data-testid="stats-link">
              {t('statsLink')}
            </Link>
          ) : null}
          <ManageButtons id={a.id} status={a.status} />
        </div>
      </div>
      {saved ? (
        <p role="status" className="rounded-lg bg-green-50 px-4 py-2 text-sm text-green-900" data-testid="saved">
          {t(`savedAs.${a.status}`)}
        </p>
      ) : null}
      <AnnouncementEditor
        id={a.id}
        status={a.status}
        initial={{
          title: a.title,
          body: a.body,
          audienceKind: a.audienceKind,
          regions: a.regions,
          dealerCodes: a.dealers.map((d) => d.code),
          pinned: a.pinned,
          mode: a.status === 'scheduled' ? 'schedule' : a.status === 'published' ? 'keep' : 'draft',
          publishAt: a.publishAt && a.status === 'scheduled' ? dateToKyivLocal(a.publishAt) : '',
        }}
        regions={regions}
        chosenDealers={a.dealers}
        files={a.files}
      />
    </div>
  );
}
