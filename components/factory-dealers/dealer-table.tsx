import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { PayerBadge } from '@/components/ui/payer-badge';
import type { DealerListPage } from '@/lib/dealers/list';
import { dealerSortHref, type DealerListFilter, type DealerSort } from '@/lib/dealers/list-filter';
import { dealerHref } from '@/lib/dealers/schemas';
import { formatMoney, formatNumber } from '@/lib/i18n/format';
import { decimalSign } from '@/lib/money';

/** A table from `lg` up; below it each dealer is a card (the cells stack), so a phone never scrolls sideways. */
const CELL = 'min-w-0 lg:table-cell lg:px-3 lg:py-2.5 lg:align-top';
const AMOUNT = `${CELL} tabular-nums lg:text-right lg:whitespace-nowrap`;
const LABEL = 'block text-xs text-slate-600 lg:hidden';

/** The dealers of this page; name, code and balance sort by their headers (the sort is in the URL). */
export async function DealerTable({ list, filter, base }: { list: DealerListPage; filter: DealerListFilter; base: string }) {
  const [t, locale] = await Promise.all([getTranslations('factoryDealers'), getLocale() as Promise<Locale>]);
  const header = (sort: DealerSort, label: string, numeric = false) => {
    const current = filter.sort === sort;
    return (
      <Link href={dealerSortHref(base, filter, sort)} prefetch={false} className={`inline-flex items-center gap-1 hover:text-slate-900 hover:underline ${numeric ? 'justify-end' : ''}`} data-testid={`sort-${sort}`}>
        {label}
        <span aria-hidden="true" className={current ? 'text-slate-900' : 'text-slate-400'}>
          {current ? (filter.dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </Link>
    );
  };
  const ariaSort = (sort: DealerSort) => (filter.sort === sort ? (filter.dir === 'asc' ? 'ascending' : 'descending') : undefined);
  return (
    <div className="lg:overflow-x-auto lg:rounded-2xl lg:border lg:border-slate-200 lg:bg-white">
      <table className="block w-full text-left text-sm lg:table" data-testid="dealers">
        <caption className="sr-only">{t('listLabel')}</caption>
        <thead className="hidden border-b border-slate-200 bg-slate-50 text-xs text-slate-600 lg:table-header-group">
          <tr>
            <th scope="col" className="px-3 py-2" aria-sort={ariaSort(filter.sort === 'code' ? 'code' : 'name')}>
              <span className="flex flex-wrap gap-x-3">
                {header('name', t('sort.name'))}
                {header('code', t('sort.code'))}
              </span>
            </th>
            <th scope="col" className="px-3 py-2">
              {t('column.town')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('column.category')}
            </th>
            <th scope="col" className="px-3 py-2 text-right" aria-sort={ariaSort('balance')}>
              {header('balance', t('column.balance'), true)}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t('column.overdue')}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t('column.openClaims')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('column.state')}
            </th>
          </tr>
        </thead>
        <tbody className="flex flex-col gap-2 lg:table-row-group lg:divide-y lg:divide-slate-100">
          {list.rows.map((row) => {
            const overdue = decimalSign(row.overdue) > 0;
            return (
              <tr
                key={row.code}
                data-dealer={row.code}
                data-balance={row.balance}
                className={`grid grid-cols-2 gap-x-3 gap-y-2 rounded-2xl border border-l-4 border-slate-200 bg-white p-3.5 lg:table-row lg:rounded-none lg:border-0 lg:p-0 ${
                  overdue ? 'border-l-red-600' : 'border-l-transparent'
                } ${row.active ? '' : 'opacity-75'}`}
              >
                <td className={`${CELL} col-span-2 lg:col-auto lg:min-w-56`}>
                  <Link href={dealerHref(row.code)} prefetch={false} className="block font-medium break-words text-brand-800 underline-offset-2 hover:underline">
                    {row.name}
                  </Link>
                  <span className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
                    <span className="whitespace-nowrap">{row.code}</span>
                    <span className="whitespace-nowrap tabular-nums">{row.taxId}</span>
                    {row.handMade ? <span className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-700">{t('handMade')}</span> : null}
                  </span>
                </td>
                <td className={`${CELL} col-span-2 lg:col-auto`}>
                  <span className={LABEL}>{t('column.town')}</span>
                  <span className="break-words">{[row.town, row.region].filter(Boolean).join(', ') || t('noValue')}</span>
                </td>
                <td className={`${CELL} col-span-2 lg:col-auto`}>
                  <span className={LABEL}>{t('column.category')}</span>
                  <PayerBadge category={row.payerCategory} />
                </td>
                <td className={AMOUNT} data-column="balance">
                  <span className={LABEL}>{t('column.balance')}</span>
                  {formatMoney(row.balance, row.currency, locale)}
                </td>
                <td className={`${AMOUNT} ${overdue ? 'font-semibold text-red-700' : 'text-slate-500'}`} data-column="overdue">
                  <span className={LABEL}>{t('column.overdue')}</span>
                  {formatMoney(row.overdue, row.currency, locale)}
                </td>
                <td className={AMOUNT} data-column="openClaims">
                  <span className={LABEL}>{t('column.openClaims')}</span>
                  {formatNumber(row.openClaims, locale)}
                </td>
                <td className={CELL} data-column="state">
                  <span className={LABEL}>{t('column.state')}</span>
                  <span className={row.active ? 'text-emerald-800' : 'font-medium text-slate-600'}>{row.active ? t('active') : t('inactive')}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
