import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/enums';
import { PayerRuleSection } from '@/components/factory-finance/payer-rule-section';
import { ReceivablesFilters } from '@/components/factory-finance/receivables-filters';
import { ReceivablesTable } from '@/components/factory-finance/receivables-table';
import { ReminderPanel } from '@/components/factory-finance/reminder-panel';
import { can } from '@/lib/auth/permissions';
import { requireAreaActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getPayerRule } from '@/lib/finance/payer-category';
import { listDealerRegions, listReceivables } from '@/lib/finance/receivables';
import { isReceivablesFilterEmpty, receivablesFilterFromSearchParams, receivablesHref, receivablesQuery } from '@/lib/finance/receivables-filter';
import { formatDate, formatNumber } from '@/lib/i18n/format';

const BASE = '/factory/finance';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('factoryFinance'))('title') };
}

export default async function FactoryFinancePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAreaActor('factory');
  const db = getDb();
  // Whatever in the URL is not understood is left out: a stale or edited link still opens the
  // list, under its clean address (the filter form also sends its empty fields and the defaults).
  const params = await searchParams;
  const filter = receivablesFilterFromSearchParams(params);
  const canonical = receivablesHref(BASE, filter);
  const received = new URLSearchParams(Object.entries(params).flatMap(([key, value]) => [value ?? ''].flat().map((v) => [key, v]))).toString();
  if (canonical !== (received ? `${BASE}?${received}` : BASE)) redirect(canonical);
  const [t, locale, list, regions, settings] = await Promise.all([
    getTranslations('factoryFinance'),
    getLocale() as Promise<Locale>,
    listReceivables(db, actor, filter),
    listDealerRegions(db, actor),
    getPayerRule(db),
  ]);
  if (list.total > 0 && list.rows.length === 0 && filter.page > 1) redirect(receivablesHref(BASE, { ...filter, page: 1 }));
  const canRemind = can(actor, 'finance.remind');
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const first = (list.page - 1) * list.pageSize + 1;
  const query = receivablesQuery(filter, { page: false });
  const pageLink = (page: number) => receivablesHref(BASE, { ...filter, page });
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold md:text-2xl">{t('title')}</h1>
          <p className="mt-1 text-sm text-slate-600">
            {t('asOf', { date: formatDate(list.today, locale) })}
            {list.currency ? ` · ${t('amountsIn', { currency: list.currency })}` : ''}
          </p>
        </div>
        <a
          href={query ? `${BASE}/export?${query}` : `${BASE}/export`}
          download
          className="inline-flex min-h-11 items-center rounded-lg border border-brand-700 px-4 text-sm font-medium text-brand-800 hover:bg-brand-50"
          data-testid="receivables-export"
        >
          {t('export')}
        </a>
      </div>
      <ReceivablesFilters base={BASE} filter={filter} regions={regions} />
      {canRemind ? <ReminderPanel /> : null}
      {list.total === 0 ? (
        <div className="flex flex-col items-start gap-2 rounded-2xl border border-slate-200 bg-white p-6 text-slate-600" data-testid="receivables-empty">
          <p>{t(isReceivablesFilterEmpty(filter) ? 'empty' : 'noMatch')}</p>
          {isReceivablesFilterEmpty(filter) ? null : (
            <Link href={BASE} className="font-medium text-brand-700 underline underline-offset-2">
              {t('clear')}
            </Link>
          )}
        </div>
      ) : (
        <>
          <p className="text-sm text-slate-600" role="status" data-testid="receivables-summary">
            {t('summary', {
              first: formatNumber(first, locale),
              last: formatNumber(first + list.rows.length - 1, locale),
              total: formatNumber(list.total, locale),
            })}
          </p>
          <ReceivablesTable list={list} filter={filter} base={BASE} canRemind={canRemind} />
          {pages > 1 ? (
            <nav aria-label={t('pages')} className="flex flex-wrap items-center justify-center gap-2">
              {list.page > 1 ? (
                <Link href={pageLink(list.page - 1)} prefetch={false} className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 font-medium hover:bg-slate-100">
                  {t('previous')}
                </Link>
              ) : null}
              <span className="text-sm text-slate-600">{t('pageOf', { page: list.page, pages })}</span>
              {list.page < pages ? (
                <Link href={pageLink(list.page + 1)} prefetch={false} className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 font-medium hover:bg-slate-100" data-testid="next-page">
                  {t('next')}
                </Link>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
      <PayerRuleSection settings={settings} canEdit={can(actor, 'finance.settings')} />
    </div>
  );
}
