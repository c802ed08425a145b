import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { DeskFilters } from '@/components/claims/desk-filters';
import { DeskQueue } from '@/components/claims/desk-queue';
import { DeskTiles } from '@/components/claims/desk-tiles';
import { LiveRefresh } from '@/components/realtime/live-refresh';
import { EmptyNotice } from '@/components/ui/empty-notice';
import { requireAreaActor } from '@/lib/auth/session';
import { deskFilterFromSearchParams, deskQueueHref, isDeskFilterEmpty } from '@/lib/claims/desk-filter';
import { countOpenClaimsForDesk, listDeskFilterOptions, listDeskQueue } from '@/lib/claims/queries';
import { getDb } from '@/lib/db';
import { redirectToCleanUrl } from '@/lib/http/clean-url';
import { formatNumber } from '@/lib/i18n/format';

const BASE = '/claims';
const PAGE_SIZE = 100;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('claimsHome'))('title') };
}

export default async function ClaimsHomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAreaActor('claims');
  const db = getDb();
  const params = await searchParams;
  const filter = deskFilterFromSearchParams(params);
  redirectToCleanUrl(BASE, params, deskQueueHref(BASE, filter));
  const now = new Date();
  const [t, locale, queue, counts, options] = await Promise.all([
    getTranslations('claimsHome'),
    getLocale() as Promise<Locale>,
    listDeskQueue(db, actor, filter, { now, limit: PAGE_SIZE }),
    countOpenClaimsForDesk(db, actor, now),
    listDeskFilterOptions(db, actor),
  ]);
  const filtered = !isDeskFilterEmpty(filter);
  return (
    <div className="flex flex-col gap-4">
      <LiveRefresh events={['claim.updated']} />
      <h1 className="text-xl font-semibold md:text-2xl">{t('title')}</h1>
      <DeskTiles base={BASE} counts={counts} />
      <DeskFilters base={BASE} filter={filter} dealers={options.dealers} plants={options.plants} />
      {queue.claims.length === 0 ? (
        <EmptyNotice testId="claims-queue-empty" clear={filtered ? { href: BASE, label: t('clear') } : undefined}>
          <p className="text-slate-600">{t(filtered ? 'noMatch' : 'empty')}</p>
        </EmptyNotice>
      ) : (
        <>
          <p className="text-sm text-slate-600" role="status" data-testid="claims-summary">
            {t(filtered ? 'summaryFiltered' : 'summary', { shown: formatNumber(queue.claims.length, locale), total: formatNumber(queue.total, locale) })}{' '}
            {t('workingTimeNote')}
          </p>
          <DeskQueue claims={queue.claims} now={now} />
        </>
      )}
    </div>
  );
}
