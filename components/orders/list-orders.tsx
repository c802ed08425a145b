import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { DesktopTable } from '@/components/ui/desktop-table';
import { StatusChip } from '@/components/ui/status-chip';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import type { OrderRow } from '@/lib/orders/queries';

export function orderHref(number: string): string {
  return `/dealer/orders/${encodeURIComponent(number)}`;
}

/**
 * A page of the orders list: a card per order on phones and tablets, a table on desktops (from
 * `xl`: next to the side menu, narrower screens have no room for all seven columns). Each opens
 * the order.
 */
export async function OrderListOrders({ orders }: { orders: OrderRow[] }) {
  const t = await getTranslations('orderList');
  const locale = (await getLocale()) as Locale;
  return (
    <>
      <ul className="grid grid-cols-1 gap-2 md:grid-cols-2 xl:hidden" aria-label={t('listLabel')} data-testid="order-cards">
        {orders.map((order) => (
          <li key={order.number}>
            <Link
              href={orderHref(order.number)}
              prefetch={false}
              data-testid="order-card"
              data-number={order.number}
              className="flex h-full flex-col gap-1.5 rounded-2xl border border-slate-200 bg-white px-3.5 py-3 hover:border-brand-600 focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:outline-none"
            >
              <span className="flex flex-wrap items-center justify-between gap-x-2 gap-y-1">
                <span className="font-semibold whitespace-nowrap tabular-nums" data-testid="order-number">
                  {order.number}
                </span>
                <StatusChip kind="order" status={order.status} />
              </span>
              <span className={`truncate text-sm ${order.customerRef ? 'text-slate-800' : 'text-slate-600 italic'}`}>
                {order.customerRef ?? t('noCustomerRef')}
              </span>
              <span className="flex items-baseline justify-between gap-3">
                <span className="text-sm text-slate-600">{t('constructionsCount', { count: order.itemsCount })}</span>
                <span className="font-semibold whitespace-nowrap tabular-nums">{formatMoney(order.total, order.currency, locale)}</span>
              </span>
              <span className="flex flex-wrap justify-between gap-x-3 text-xs text-slate-600">
                <span>{t('statusSince', { date: formatDate(order.statusAt, locale) })}</span>
                <span>{order.plannedDelivery ? t('deliveryOn', { date: formatDate(order.plannedDelivery, locale) }) : null}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>

      <DesktopTable
        testId="order-table"
        caption={t('listLabel')}
        cellPadding="px-2"
        columns={[{ label: t('number') }, { label: t('customerRef') }, { label: t('status') }, { label: t('statusAt') }, { label: t('total'), align: 'right' }, { label: t('constructions'), align: 'right' }, { label: t('plannedDelivery') }]}
      >
        <tbody className="divide-y divide-slate-100">
          {orders.map((order) => (
            // The number's link covers the whole row (its ::after), so any click on the row opens the order.
            <tr key={order.number} data-number={order.number} className="relative hover:bg-slate-50">
              <th scope="row" className="px-2 py-2.5 font-semibold whitespace-nowrap tabular-nums">
                <Link
                  href={orderHref(order.number)}
                  prefetch={false}
                  className="text-brand-700 underline-offset-2 after:absolute after:inset-0 hover:underline focus-visible:outline-none focus-visible:after:ring-2 focus-visible:after:ring-brand-600"
                >
                  {order.number}
                </Link>
              </th>
              {/* The one column that gives way: it takes what the others leave and cuts long references short. */}
              <td className={`w-full max-w-0 truncate px-2 py-2.5 ${order.customerRef ? '' : 'text-slate-600 italic'}`} title={order.customerRef ?? undefined}>
                {order.customerRef ?? t('noCustomerRef')}
              </td>
              <td className="px-2 py-2.5">
                <StatusChip kind="order" status={order.status} />
              </td>
              <td className="px-2 py-2.5 whitespace-nowrap">{formatDate(order.statusAt, locale)}</td>
              <td className="px-2 py-2.5 text-right font-semibold whitespace-nowrap tabular-nums">{formatMoney(order.total, order.currency, locale)}</td>
              <td className="px-2 py-2.5 text-right tabular-nums">{order.itemsCount}</td>
              <td className="px-2 py-2.5 whitespace-nowrap">
                {order.plannedDelivery ? formatDate(order.plannedDelivery, locale) : <span className="text-slate-600">{t('notPlanned')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </DesktopTable>
    </>
  );
}
