import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/enums';
import { DealerFilters } from '@/components/factory-dealers/dealer-filters';
import { DealerTable } from '@/components/factory-dealers/dealer-table';
import { can } from '@/lib/auth/permissions';
import { requireAreaActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { listDealers, listRegions } from '@/lib/dealers/list';
import { dealerFilterFromSearchParams, dealerListHref, isDealerFilterEmpty } from '@/lib/dealers/list-filter';
import { formatNumber } from '@/lib/i18n/format';

const BASE = '/factory/dealers';
const BUTTON = 'inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 font-medium hover:bg-slate-100';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('factoryDealers'))('title') };
}

export default async function FactoryDealersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAreaActor('factory');
  if (!can(actor, 'dealers.read')) redirect('/factory');
  const db = getDb();
  // Whatever in the URL is not understood is left out: a stale or edited link still opens the
  // list, under its clean address (the filter form also sends its empty fields and the defaults).
  const params = await searchParams;
  const filter = dealerFilterFromSearchParams(params);
  const canonical = dealerListHref(BASE, filter);
  const received = new URLSearchParams(Object.entries(params).flatMap(([key, value]) => [value ?? ''].flat().map((v) => [key, v]))).toString();
  if (canonical !== (received ? `${BASE}?${received}` : BASE)) redirect(canonical);
  const [t, locale, list, regions] = await Promise.all([
    getTranslations('factoryDealers'),
    getLocale() as Promise<Locale>,
    listDealers(db, actor, filter),
    listRegions(db, actor),
  ]);
  if (list.total > 0 && list.rows.length === 0 && filter.page > 1) redirect(dealerListHref(BASE, { ...filter, page: 1 }));
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const first = (list.page - 1) * list.pageSize + 1;
  const pageLink = (page: number) => dealerListHref(BASE, { ...filter, page });
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-xl font-semibold md:text-2xl">{t('title')}</h1>
        {can(actor, 'dealers.manage') ? (
          <Link href={`${BASE}/new`} className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800" data-testid="new-dealer">
            {t('newDealer')}
          </Link>
        ) : null}
      </div>
      <DealerFilters base={BASE} filter={filter} regions={regions} />
      {list.total === 0 ? (
        <div className="flex flex-col items-start gap-2 rounded-2xl border border-slate-200 bg-white p-6 text-slate-600" data-testid="dealers-empty">
          <p>{t(isDealerFilterEmpty(filter) ? 'empty' : 'noMatch')}</p>
          {isDealerFilterEmpty(filter) ? null : (
            <Link href={BASE} className="font-medium text-brand-700 underline underline-offset-2">
              {t('clear')}
            </Link>
          )}
        </div>
      ) : (
        <>
          <p className="text-sm text-slate-600" role="status" data-testid="dealers-summary">
            {t('summary', {
              first: formatNumber(first, locale),
              last: formatNumber(first + list.rows.length - 1, locale),
              total: formatNumber(list.total, locale),
            })}
          </p>
          <DealerTable list={list} filter={filter} base={BASE} />
          {pages > 1 ? (
            <nav aria-label={t('pages')} className="flex flex-wrap items-center justify-center gap-2">
              {list.page > 1 ? (
                <Link href={pageLink(list.page - 1)} prefetch={false} className={BUTTON}>
                  {t('previous')}
                </Link>
              ) : null}
              <span className="text-sm text-slate-600">{t('pageOf', { page: list.page, pages })}</span>
              {list.page < pages ? (
                <Link href={pageLink(list.page + 1)} prefetch={false} className={BUTTON} data-testid="next-page">
                  {t('next')}
                </Link>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}
