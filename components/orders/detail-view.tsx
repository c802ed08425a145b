import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { isClaimableOrder, newClaimHref } from '@/components/claims-dealer/links';
import { PayerBadge } from '@/components/ui/payer-badge';
import { StatusChip } from '@/components/ui/status-chip';
import { formatDate, formatDateTime, formatMoney } from '@/lib/i18n/format';
import { orderTimeline } from '@/lib/orders/detail';
import type { OrderDetail } from '@/lib/orders/queries';
import { DetailConstruction } from './detail-construction';
import { DetailHistory } from './detail-history';
import { DetailTimeline } from './detail-timeline';
import { DetailTotals } from './detail-totals';
import { DetailTrip } from './detail-trip';

type Props = {
  order: OrderDetail;
  /** Staff see whose order it is and that they only look at it. */
  audience: 'dealer' | 'staff';
  /** Where "back" goes: the dealer's list or the staff's lookup. */
  backHref: string;
  /** The dealer's "Settlements for this order" block (components/finance/order-settlements.tsx). */
  settlements?: React.ReactNode;
};

/** The order page, the same for the dealer and for factory-side staff (read-only for everyone). */
export async function OrderDetailView({ order, audience, backHref, settlements }: Props) {
  const t = await getTranslations('orderDetail');
  const locale = (await getLocale()) as Locale;
  const cancelled = order.status === 'cancelled';
  const cancelNote = cancelled ? order.history.findLast((h) => h.status === 'cancelled' && h.note)?.note : undefined;
  // The dealer files a claim on an order on its way or delivered: about one construction or all.
  const tClaims = audience === 'dealer' && isClaimableOrder(order.status) ? await getTranslations('claimsDealer.orderPage') : null;
  return (
    <div className="flex min-w-0 flex-col gap-4" data-testid="order-detail" data-order={order.number}>
      <Link href={backHref} className="inline-flex min-h-11 items-center self-start text-sm font-medium text-brand-700 hover:underline">
        ← {audience === 'dealer' ? t('backToList') : t('backToLookup')}
      </Link>

      <header className="flex flex-col gap-2 rounded-2xl border border-slate-200 bg-white p-4 md:p-5">
        <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-2">
          <h1 className="text-xl font-semibold tabular-nums md:text-2xl">{t('title', { number: order.number })}</h1>
          <StatusChip kind="order" status={order.status} />
        </div>
        {audience === 'staff' ? (
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <p data-testid="order-dealer">
              <span className="text-slate-600">{t('dealer')}: </span>
              <span className="font-semibold">{t('dealerValue', { name: order.dealer.name, code: order.dealer.code })}</span>
            </p>
            <PayerBadge category={order.dealer.payerCategory} />
          </div>
        ) : null}
        <p className="break-words" data-testid="customer-ref">
          <span className="text-slate-600">{t('customerRef')}: </span>
          <span className="font-medium">{order.customerRef ?? t('noCustomerRef')}</span>
        </p>
        <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
          <p className="text-sm text-slate-600">
            {t('createdAt', { date: formatDate(order.createdAt, locale) })} · {t('constructionsCount', { count: order.items.length })}
          </p>
          <p className="text-lg font-semibold tabular-nums">
            <span className="sr-only">{t('total')}: </span>
            {formatMoney(order.total, order.currency, locale)}
          </p>
        </div>
        {audience === 'staff' ? <p className="text-sm text-slate-600">{t('readOnly')}</p> : null}
        {tClaims ? (
          <Link
            href={newClaimHref(order.number)}
            className="inline-flex min-h-11 items-center self-start rounded-lg border border-brand-700 px-4 text-sm font-medium text-brand-800 hover:bg-brand-50"
            data-testid="file-claim-order"
          >
            {tClaims('fileForOrder')}
          </Link>
        ) : null}
      </header>

      {cancelled ? (
        <div role="note" className="rounded-2xl border-2 border-dashed border-slate-400 bg-slate-100 p-4 text-slate-900" data-testid="order-cancelled">
          <p className="font-semibold">
            {order.stages.cancelled ? t('cancelledBanner', { date: formatDateTime(order.stages.cancelled, locale) }) : t('cancelledBannerNoDate')}
          </p>
          {cancelNote ? <p className="mt-1 text-sm">{t('cancelledNote', { note: cancelNote })}</p> : null}
        </div>
      ) : null}

      <div className="grid gap-4 lg:grid-cols-2">
        <DetailTimeline steps={orderTimeline(order)} />
        {cancelled && !order.shipment ? null : <DetailTrip shipment={order.shipment} plannedDelivery={order.plannedDelivery} />}
      </div>

      <section aria-labelledby="order-constructions" className="flex flex-col gap-3">
        <h2 id="order-constructions" className="text-lg font-semibold">
          {t('constructionsTitle')}
        </h2>
        {order.items.length === 0 ? (
          <p className="rounded-2xl border border-slate-200 bg-white p-4 text-sm text-slate-600">{t('noConstructions')}</p>
        ) : (
          order.items.map((item) => (
            <DetailConstruction
              key={item.id}
              item={item}
              currency={order.currency}
              claim={tClaims ? { href: newClaimHref(order.number, item.position), label: tClaims('fileForConstruction', { position: item.position }) } : undefined}
            />
          ))
        )}
      </section>

      <div className="grid gap-4 lg:grid-cols-2 lg:items-start">
        <DetailTotals itemsSum={order.itemsSum} total={order.total} currency={order.currency} />
        <DetailHistory history={order.history} />
      </div>
      {settlements}
    </div>
  );
}
