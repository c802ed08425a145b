import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import type { OrderSettlements } from '@/lib/finance/orders';
import { ledgerHref } from '@/lib/finance/period';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { decimalAbs, decimalSign } from '@/lib/money';
import { SignedAmount } from './signed-amount';

/** "Settlements for this order" on the dealer's order page: invoiced, paid, compensated, delivery, and what remains. */
export async function OrderSettlementsBlock({ settlements }: { settlements: OrderSettlements }) {
  const t = await getTranslations('finance');
  const locale = (await getLocale()) as Locale;
  const { currency } = settlements;
  const money = (amount: string) => formatMoney(amount, currency, locale);
  const sign = decimalSign(settlements.balance);
  const [first, last] = [settlements.entries[0], settlements.entries.at(-1)];
  // The ledger narrowed to this order's documents, over the days they span.
  const ledgerOfOrder = first && last ? ledgerHref('/dealer/finance/ledger', { from: first.date, to: last.date, q: settlements.orderNumber }) : '/dealer/finance/ledger';
  const rows: [string, string][] = [
    [t('order.invoiced'), settlements.invoiced],
    [t('order.deliveryCharged'), settlements.deliveryCharged],
    [t('order.paid'), settlements.paid],
    [t('order.compensated'), settlements.compensated],
  ];
  if (decimalSign(settlements.adjusted) !== 0) rows.push([t('order.adjusted'), settlements.adjusted]);
  return (
    <section aria-labelledby="order-settlements-title" className="flex min-w-0 flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 md:p-5" data-testid="order-settlements">
      <h2 id="order-settlements-title" className="text-lg font-semibold">
        {t('order.title')}
      </h2>
      {settlements.entries.length === 0 ? (
        <p className="text-sm text-slate-600">{t('order.none')}</p>
      ) : (
        <>
          <dl className="divide-y divide-slate-100">
            {rows.map(([label, amount]) => (
              <div key={label} className="flex items-baseline justify-between gap-3 py-1.5">
                <dt className="text-slate-700">{label}</dt>
                <dd className="font-medium tabular-nums">{money(amount)}</dd>
              </div>
            ))}
            <div className="flex items-baseline justify-between gap-3 py-2" data-testid="order-settlements-balance">
              <dt className="font-semibold">{sign > 0 ? t('order.remains') : sign < 0 ? t('order.overpaid') : t('order.settled')}</dt>
              <dd className={`text-lg font-semibold tabular-nums ${sign > 0 ? 'text-slate-900' : 'text-emerald-700'}`}>{money(decimalAbs(settlements.balance))}</dd>
            </div>
          </dl>
          <details>
            <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-700">
              {t('order.documents', { count: settlements.entries.length })}
            </summary>
            <ul className="divide-y divide-slate-100">
              {settlements.entries.map((e) => (
                <li key={e.id} className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 py-2 text-sm">
                  <span className="min-w-0 break-words">
                    {t(`kind.${e.kind}`)}
                    {e.document ? ` · ${e.document}` : ''}
                  </span>
                  <SignedAmount effect={e.effect} currency={currency} locale={locale} className="text-right" />
                  <span className="col-span-2 text-slate-600">
                    {formatDate(e.date, locale)}
                    {e.dueDate ? ` · ${t('ledger.dueOn', { date: formatDate(e.dueDate, locale) })}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          </details>
        </>
      )}
      <Link href={ledgerOfOrder} className="inline-flex min-h-11 items-center self-start text-sm font-medium text-brand-700 hover:underline">
        {t('order.toLedger')} →
      </Link>
    </section>
  );
}
