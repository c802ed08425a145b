import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { StatusChip } from '@/components/ui/status-chip';
import type { DealerTripWithOrders } from '@/lib/shipments/queries';
import { CallDriverLink } from './call-driver-link';
import { formatTimeOfDay } from './day-format';

/** One trip of the deliveries page: the vehicle, the driver one tap away, the dealer's orders on it. */
export async function TripCard({ trip }: { trip: DealerTripWithOrders }) {
  const t = await getTranslations('shipments');
  const locale = (await getLocale()) as Locale;
  return (
    <article className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 md:p-5" data-testid="trip" data-trip={trip.number}>
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-semibold tabular-nums">{t('trip', { number: trip.number })}</h3>
        <StatusChip kind="shipment" status={trip.status} />
      </header>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
        {trip.vehicle ? (
          <>
            <dt className="text-slate-600">{t('vehicle')}</dt>
            <dd className="break-words">{trip.vehicle}</dd>
          </>
        ) : null}
        <dt className="text-slate-600">{t('driver')}</dt>
        <dd className="break-words">{trip.driverName ?? t('noDriver')}</dd>
      </dl>
      {trip.departedAt || trip.deliveredAt ? (
        <p className="text-sm text-slate-700">
          {[
            trip.departedAt ? t('departedAt', { time: formatTimeOfDay(trip.departedAt, locale) }) : null,
            trip.deliveredAt ? t('deliveredAt', { time: formatTimeOfDay(trip.deliveredAt, locale) }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      ) : null}
      {trip.driverPhone ? (
        <div>
          <CallDriverLink phone={trip.driverPhone} label={t('callDriver', { phone: trip.driverPhone })} />
        </div>
      ) : null}
      <div className="border-t border-slate-100 pt-2">
        <h4 className="text-xs font-medium text-slate-600">{t('yourOrders')}</h4>
        <ul className="mt-1 divide-y divide-slate-100">
          {trip.orders.map((order) => (
            <li key={order.number}>
              <Link
                href={`/dealer/orders/${encodeURIComponent(order.number)}`}
                className="-mx-2 flex min-h-11 flex-col gap-1 rounded-lg px-2 py-2 hover:bg-slate-50"
              >
                <span className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
                  <span className="font-semibold text-brand-700 tabular-nums underline underline-offset-2">{order.number}</span>
                  <StatusChip kind="order" status={order.status} />
                </span>
                <span className="text-sm break-words text-slate-600">
                  {order.customerRef ?? t('noCustomerRef')} · {t('constructions', { count: order.itemsCount })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </article>
  );
}
