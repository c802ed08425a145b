import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { PayerRuleSection } from '@/components/factory-finance/payer-rule-section';
import { ReceivablesFilters } from '@/components/factory-finance/receivables-filters';
import { ReceivablesTable } from '@/components/factory-finance/receivables-table';
import { ReminderPanel } from '@/components/factory-finance/reminder-panel';
import { EmptyNotice } from '@/components/ui/empty-notice';
import { PageNav } from '@/components/ui/page-nav';
import { can } from '@/lib/auth/permissions';
import { requireAreaActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getPayerRule } from '@/lib/finance/payer-category';
import { listDealerRegions, listReceivables } from '@/lib/finance/receivables';
import { isReceivablesFilterEmpty, receivablesFilterFromSearchParams, receivablesHref, receivablesQuery } from '@/lib/finance/receivables-filter';
import { redirectToCleanUrl } from '@/lib/http/clean-url';
import { formatDate, formatNumber } from '@/lib/i18n/format';

const BASE = '/factory/finance';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('factoryFinance'))('title') };
}

export default async function FactoryFinancePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAreaActor('factory');
  const db = getDb();
  const params = await searchParams;
  const filter = receivablesFilterFromSearchParams(params);
  redirectToCleanUrl(BASE, params, receivablesHref(BASE, filter));
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
        <EmptyNotice testId="receivables-empty" clear={isReceivablesFilterEmpty(filter) ? undefined : { href: BASE, label: t('clear') }}>
          <p className="text-slate-600">{t(isReceivablesFilterEmpty(filter) ? 'empty' : 'noMatch')}</p>
        </EmptyNotice>
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
          <PageNav
            page={list.page}
            pages={pages}
            hrefOf={(page) => receivablesHref(BASE, { ...filter, page })}
            labels={{ nav: t('pages'), previous: t('previous'), next: t('next'), pageOf: t('pageOf', { page: list.page, pages }) }}
          />
        </>
      )}
      <PayerRuleSection settings={settings} canEdit={can(actor, 'finance.settings')} />
    </div>
  );
}
