import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/enums';
import { DeskFilters } from '@/components/claims/desk-filters';
import { DeskQueue } from '@/components/claims/desk-queue';
import { DeskTiles } from '@/components/claims/desk-tiles';
import { LiveRefresh } from '@/components/realtime/live-refresh';
import { requireAreaActor } from '@/lib/auth/session';
import { deskFilterFromSearchParams, deskQueueHref, isDeskFilterEmpty } from '@/lib/claims/desk-filter';
import { countOpenClaimsForDesk, listDeskFilterOptions, listDeskQueue } from '@/lib/claims/queries';
import { getDb } from '@/lib/db';
import { formatNumber } from '@/lib/i18n/format';

const BASE = '/claims';
const PAGE_SIZE = 100;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('claimsHome'))('title') };
}

export default async function ClaimsHomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAreaActor('claims');
  const db = getDb();
  // Whatever in the URL is not understood is left out: a stale or edited link still opens the queue,
  // under its clean address (the filter form also sends the fields left at "all" as empty values).
  const params = await searchParams;
  const filter = deskFilterFromSearchParams(params);
  const canonical = deskQueueHref(BASE, filter);
  const received = new URLSearchParams(Object.entries(params).flatMap(([key, value]) => [value ?? ''].flat().map((v) => [key, v]))).toString();
  if (canonical !== (received ? `${BASE}?${received}` : BASE)) redirect(canonical);
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
        <div className="flex flex-col items-start gap-2 rounded-2xl border border-slate-200 bg-white p-6 text-slate-600" data-testid="claims-queue-empty">
          <p>{t(filtered ? 'noMatch' : 'empty')}</p>
          {filtered ? (
            <Link href={BASE} className="font-medium text-brand-700 underline underline-offset-2">
              {t('clear')}
            </Link>
          ) : null}
        </div>
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
