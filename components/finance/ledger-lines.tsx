import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import type { LedgerPage } from '@/lib/finance/ledger';
import { formatDate } from '@/lib/i18n/format';
import { BalanceFigure, SignedAmount } from './signed-amount';

const orderHref = (number: string) => `/dealer/orders/${encodeURIComponent(number)}`;

/**
 * The ledger's lines between its opening and closing balances: a card each on a phone, a table
 * on a desktop. Amounts carry the sign of what they do to the debt; the running balance is the
 * whole ledger's, whatever the filters.
 */
export async function LedgerLines({ ledger, showOpening, showClosing }: { ledger: LedgerPage; showOpening: boolean; showClosing: boolean }) {
  const t = await getTranslations('finance');
  const locale = (await getLocale()) as Locale;
  const { currency } = ledger;
  const edge = (key: 'opening' | 'closing', date: string, balance: string) => (
    <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 rounded-2xl border border-slate-200 bg-slate-50 px-4 py-3 md:px-5" data-testid={`ledger-${key}`}>
      <p className="font-medium">{t(`ledger.${key}`, { date: formatDate(date, locale) })}</p>
      <p className="text-lg font-semibold">
        <BalanceFigure balance={balance} currency={currency} locale={locale} />
      </p>
    </div>
  );
  return (
    <div className="flex flex-col gap-3">
      {showOpening ? edge('opening', ledger.from, ledger.openingBalance) : null}
      {ledger.entries.length === 0 ? (
        <p className="rounded-2xl border border-slate-200 bg-white px-4 py-6 text-sm text-slate-600 md:px-5" data-testid="ledger-empty">
          {t('ledger.noLines')}
        </p>
      ) : (
        <>
          {/* Phones: one card per line. */}
          <ul className="flex flex-col gap-2 md:hidden" data-testid="ledger-cards">
            {ledger.entries.map((e) => (
              <li key={e.id} className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-1 rounded-2xl border border-slate-200 bg-white px-4 py-3" data-testid="ledger-line" data-kind={e.kind}>
                <p className="min-w-0 font-medium">{t(`kind.${e.kind}`)}</p>
                <SignedAmount effect={e.effect} currency={currency} locale={locale} className="text-right" />
                <p className="min-w-0 text-sm break-words text-slate-600">
                  {formatDate(e.date, locale)}
                  {e.document ? ` · ${e.document}` : ''}
                </p>
                <p className="text-right text-sm text-slate-600">
                  <span className="sr-only">{t('ledger.balanceAfter')}: </span>
                  <BalanceFigure balance={e.balanceAfter} currency={currency} locale={locale} />
                </p>
                {e.dueDate || e.orderNumber ? (
                  <p className="col-span-2 flex flex-wrap items-center gap-x-3 text-sm text-slate-600">
                    {e.dueDate ? <span>{t('ledger.dueOn', { date: formatDate(e.dueDate, locale) })}</span> : null}
                    {e.orderNumber ? (
                      <Link href={orderHref(e.orderNumber)} prefetch={false} className="inline-flex min-h-11 items-center font-medium text-brand-700 hover:underline">
                        {t('orderLink', { number: e.orderNumber })}
                      </Link>
                    ) : null}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
          {/* Desktops: a table. */}
          <div className="hidden overflow-hidden rounded-2xl border border-slate-200 bg-white md:block">
            <table className="w-full text-sm" data-testid="ledger-table">
              <caption className="sr-only">{t('ledger.tableCaption')}</caption>
              <thead className="bg-slate-50 text-left text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">{t('ledger.date')}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t('ledger.kind')}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t('ledger.document')}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t('ledger.order')}</th>
                  <th scope="col" className="px-4 py-2 text-right font-medium">{t('ledger.amount')}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t('ledger.dueDate')}</th>
                  <th scope="col" className="px-4 py-2 text-right font-medium">{t('ledger.balanceAfter')}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {ledger.entries.map((e) => (
                  <tr key={e.id} data-kind={e.kind}>
                    <td className="px-4 py-2 whitespace-nowrap">{formatDate(e.date, locale)}</td>
                    <td className="px-4 py-2">{t(`kind.${e.kind}`)}</td>
                    <td className="px-4 py-2 break-words">{e.document ?? '—'}</td>
                    <td className="px-4 py-2 whitespace-nowrap">
                      {e.orderNumber ? (
                        <Link href={orderHref(e.orderNumber)} prefetch={false} className="font-medium text-brand-700 hover:underline">
                          {e.orderNumber}
                        </Link>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td className="px-4 py-2 text-right">
                      <SignedAmount effect={e.effect} currency={currency} locale={locale} />
                    </td>
                    <td className="px-4 py-2 whitespace-nowrap">{e.dueDate ? formatDate(e.dueDate, locale) : '—'}</td>
                    <td className="px-4 py-2 text-right">
                      <BalanceFigure balance={e.balanceAfter} currency={currency} locale={locale} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {showClosing ? edge('closing', ledger.to, ledger.closingBalance) : null}
    </div>
  );
}
