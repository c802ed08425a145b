import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { DealerFilters } from '@/components/factory-dealers/dealer-filters';
import { DealerTable } from '@/components/factory-dealers/dealer-table';
import { EmptyNotice } from '@/components/ui/empty-notice';
import { PageNav } from '@/components/ui/page-nav';
import { can } from '@/lib/auth/permissions';
import { requireAreaActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { listDealers, listRegions } from '@/lib/dealers/list';
import { dealerFilterFromSearchParams, dealerListHref, isDealerFilterEmpty } from '@/lib/dealers/list-filter';
import { redirectToCleanUrl } from '@/lib/http/clean-url';
import { formatNumber } from '@/lib/i18n/format';

const BASE = '/factory/dealers';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('factoryDealers'))('title') };
}

export default async function FactoryDealersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAreaActor('factory');
  if (!can(actor, 'dealers.read')) redirect('/factory');
  const db = getDb();
  const params = await searchParams;
  const filter = dealerFilterFromSearchParams(params);
  redirectToCleanUrl(BASE, params, dealerListHref(BASE, filter));
  const [t, locale, list, regions] = await Promise.all([
    getTranslations('factoryDealers'),
    getLocale() as Promise<Locale>,
    listDealers(db, actor, filter),
    listRegions(db, actor),
  ]);
  if (list.total > 0 && list.rows.length === 0 && filter.page > 1) redirect(dealerListHref(BASE, { ...filter, page: 1 }));
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const first = (list.page - 1) * list.pageSize + 1;
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
        <EmptyNotice testId="dealers-empty" clear={isDealerFilterEmpty(filter) ? undefined : { href: BASE, label: t('clear') }}>
          <p className="text-slate-600">{t(isDealerFilterEmpty(filter) ? 'empty' : 'noMatch')}</p>
        </EmptyNotice>
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
          <PageNav
            page={list.page}
            pages={pages}
            hrefOf={(page) => dealerListHref(BASE, { ...filter, page })}
            labels={{ nav: t('pages'), previous: t('previous'), next: t('next'), pageOf: t('pageOf', { page: list.page, pages }) }}
          />
        </>
      )}
    </div>
  );
}
