import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { StatusChip } from '@/components/ui/status-chip';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import type { OrderRow } from '@/lib/orders/queries';

/** The dealer's newest orders: a card each on a phone, rows of a table on a desktop. */
export async function LatestOrders({ orders }: { orders: OrderRow[] }) {
  const t = await getTranslations('dealerHome');
  const tList = await getTranslations('orderList');
  const locale = (await getLocale()) as Locale;
  return (
    <section aria-labelledby="latest-orders" className="rounded-2xl border border-slate-200 bg-white">
      <div className="flex items-center justify-between gap-3 px-4 pt-2 md:px-5">
        <h2 id="latest-orders" className="pt-2 text-base font-semibold">{t('latestOrders')}</h2>
        <Link href="/dealer/orders" className="inline-flex min-h-11 items-center font-medium text-brand-700 hover:underline" data-testid="all-orders">
          {tList('allOrders')}
        </Link>
      </div>
      {orders.length === 0 ? (
        <p className="px-4 py-6 text-sm text-slate-600 md:px-5">{t('noOrders')}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100" data-testid="latest-orders">
          {orders.map((order) => (
            <li key={order.number}>
              <Link
                href={`/dealer/orders/${encodeURIComponent(order.number)}`}
                prefetch={false}
                className="grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 px-4 py-3 hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:outline-none focus-visible:ring-inset md:grid-cols-[9rem_1fr_13rem_9rem] md:items-center md:px-5"
              >
                <p className="font-semibold tabular-nums">{order.number}</p>
                <p className="text-right font-semibold tabular-nums md:order-last">{formatMoney(order.total, order.currency, locale)}</p>
                <p className="truncate text-sm text-slate-600">
                  {order.customerRef ?? t('noCustomerRef')} · {t('constructions', { count: order.itemsCount })}
                </p>
                <div className="flex items-center justify-end gap-2 md:justify-start">
                  <StatusChip kind="order" status={order.status} />
                </div>
                <p className="col-span-2 text-xs text-slate-600 md:col-span-1 md:hidden">
                  {t('statusSince', { date: formatDate(order.statusAt, locale) })}
                  {order.plannedDelivery ? ` · ${t('plannedDelivery', { date: formatDate(order.plannedDelivery, locale) })}` : ''}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
