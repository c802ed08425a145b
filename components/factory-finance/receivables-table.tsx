import Link from 'next/link';
import { Fragment } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { PayerBadge } from '@/components/ui/payer-badge';
import type { ReceivablesPage } from '@/lib/finance/receivables';
import { sortHref, type ReceivablesFilter, type ReceivablesSort } from '@/lib/finance/receivables-filter';
import { formatDate, formatDateTime } from '@/lib/i18n/format';
import { formatAmount, isPositive } from './amount';
import { REMINDER_FORM_ID } from './reminder-form-id';

const BUCKETS = ['notDue', 'days1to30', 'days31to60', 'days61to90', 'over90'] as const;

/** A table from `lg` up; below it each dealer is a card (the cells stack), so a phone never scrolls sideways. */
const CELL = 'min-w-0 lg:table-cell lg:px-2 lg:py-2.5 lg:align-top';
const AMOUNT = `${CELL} tabular-nums lg:text-right lg:whitespace-nowrap`;
const LABEL = 'block text-xs text-slate-600 lg:hidden';

/**
 * Every dealer's receivables on this page, sortable by each column's header (the sort is in the
 * URL), the totals of the whole filtered list at the foot. Dealers with overdue debt have a
 * checkbox that belongs to the reminder form.
 */
export async function ReceivablesTable({ list, filter, base, canRemind }: { list: ReceivablesPage; filter: ReceivablesFilter; base: string; canRemind: boolean }) {
  const t = await getTranslations('factoryFinance');
  const locale = (await getLocale()) as Locale;
  const header = (sort: ReceivablesSort, label: string, numeric = true) => {
    const current = filter.sort === sort;
    return (
      <th
        scope="col"
        aria-sort={current ? (filter.dir === 'asc' ? 'ascending' : 'descending') : undefined}
        className={`px-2 py-2 ${numeric ? 'text-right' : ''}`}
      >
        <Link href={sortHref(base, filter, sort)} prefetch={false} className="inline-flex items-center gap-1 hover:text-slate-900 hover:underline" data-testid={`sort-${sort}`}>
          {label}
          <span aria-hidden="true" className={current ? 'text-slate-900' : 'text-slate-400'}>
            {current ? (filter.dir === 'asc' ? '▲' : '▼') : '↕'}
          </span>
        </Link>
      </th>
    );
  };
  return (
    <div className="lg:overflow-x-auto lg:rounded-2xl lg:border lg:border-slate-200 lg:bg-white">
      <table className="block w-full text-left text-sm lg:table" data-testid="receivables">
        <caption className="sr-only">{t('listLabel')}</caption>
        <thead className="hidden border-b border-slate-200 bg-slate-50 text-xs text-slate-600 lg:table-header-group">
          <tr>
            {canRemind ? (
              <th scope="col" className="w-10 px-2 py-2">
                <span className="sr-only">{t('column.select')}</span>
              </th>
            ) : null}
            {header('name', t('column.dealer'), false)}
            {header('balance', t('column.balance'))}
            {header('overdue', t('column.overdue'))}
            {BUCKETS.map((b) => (
              <Fragment key={b}>{header(b, t(`column.${b}`))}</Fragment>
            ))}
          </tr>
        </thead>
        <tbody className="flex flex-col gap-2 lg:table-row-group lg:divide-y lg:divide-slate-100">
          {list.rows.map((row) => {
            const overdue = isPositive(row.overdue);
            return (
              <tr
                key={row.code}
                data-dealer={row.code}
                data-overdue={row.overdue}
                className={`grid grid-cols-2 gap-x-3 gap-y-2 rounded-2xl border border-l-4 border-slate-200 bg-white p-3.5 lg:table-row lg:rounded-none lg:border-0 lg:p-0 ${
                  overdue ? 'border-l-red-600' : 'border-l-transparent'
                }`}
              >
                {canRemind ? (
                  <td className={`${CELL} col-span-2 lg:col-auto ${overdue ? '' : 'hidden'}`}>
                    {overdue ? (
                      <label className="inline-flex min-h-11 items-center gap-2 lg:min-h-0">
                        <input
                          type="checkbox"
                          name="dealer"
                          value={row.code}
                          form={REMINDER_FORM_ID}
                          className="h-5 w-5 accent-brand-700"
                          data-testid={`select-${row.code}`}
                        />
                        <span className="text-sm lg:sr-only">{t('selectDealer', { name: row.name })}</span>
                      </label>
                    ) : null}
                  </td>
                ) : null}
                <td className={`${CELL} col-span-2 lg:col-auto lg:min-w-52`}>
                  <span className="block font-medium break-words">{row.name}</span>
                  <span className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
                    <span className="whitespace-nowrap">{row.code}</span>
                    {row.region ? <span>{row.region}</span> : null}
                    <PayerBadge category={row.payerCategory} />
                  </span>
                  {row.lastReminderAt ? (
                    <span className="mt-1 block text-xs text-slate-600" data-testid="last-reminder">
                      {t('remindedAt', { date: formatDateTime(row.lastReminderAt, locale) })}
                    </span>
                  ) : null}
                </td>
                <td className={AMOUNT} data-column="balance">
                  <span className={LABEL}>{t('column.balance')}</span>
                  {formatAmount(row.balance, locale)}
                </td>
                <td className={`${AMOUNT} ${overdue ? 'font-semibold text-red-700' : ''}`} data-column="overdue">
                  <span className={LABEL}>{t('column.overdue')}</span>
                  {formatAmount(row.overdue, locale)}
                  {row.oldestDueDate ? (
                    <span className="block text-xs font-normal text-slate-600" data-testid="oldest-due">
                      {t('since', { date: formatDate(row.oldestDueDate, locale) })}
                    </span>
                  ) : null}
                </td>
                {BUCKETS.map((b) => (
                  <td key={b} className={`${AMOUNT} ${isPositive(row.buckets[b]) ? '' : 'text-slate-400'}`} data-column={b}>
                    <span className={LABEL}>{t(`column.${b}`)}</span>
                    {formatAmount(row.buckets[b], locale)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
        {list.totals ? (
          <tfoot className="mt-2 block rounded-2xl border border-slate-300 bg-slate-50 p-3.5 font-semibold lg:table-footer-group lg:rounded-none lg:border-0 lg:border-t-2 lg:p-0" data-testid="receivables-totals">
            <tr className="grid grid-cols-2 gap-x-3 gap-y-2 lg:table-row">
              {canRemind ? <td className="hidden lg:table-cell" /> : null}
              <th scope="row" className={`${CELL} col-span-2 text-left lg:col-auto`}>
                {t('totalRow', { count: list.total })}
              </th>
              <td className={AMOUNT} data-column="balance">
                <span className={LABEL}>{t('column.balance')}</span>
                {formatAmount(list.totals.balance, locale)}
              </td>
              <td className={`${AMOUNT} text-red-700`} data-column="overdue">
                <span className={LABEL}>{t('column.overdue')}</span>
                {formatAmount(list.totals.overdue, locale)}
              </td>
              {BUCKETS.map((b) => (
                <td key={b} className={AMOUNT} data-column={b}>
                  <span className={LABEL}>{t(`column.${b}`)}</span>
                  {formatAmount(list.totals?.buckets[b] ?? '0', locale)}
                </td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
