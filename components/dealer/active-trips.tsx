import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { CallDriverLink } from '@/components/shipments/call-driver-link';
import { StatusChip } from '@/components/ui/status-chip';
import { formatDate } from '@/lib/i18n/format';
import type { DealerTrip } from '@/lib/shipments/queries';

/** Deliveries on the way: date, status, the orders on board, the driver one tap away. */
export async function ActiveTrips({ trips }: { trips: DealerTrip[] }) {
  const t = await getTranslations('dealerHome');
  const locale = (await getLocale()) as Locale;
  return (
    <section aria-labelledby="active-trips" className="rounded-2xl border border-slate-200 bg-white" data-testid="active-trips">
      <div className="flex flex-wrap items-center justify-between gap-2 px-4 pt-4 md:px-5">
        <h2 id="active-trips" className="text-base font-semibold">{t('activeTrips')}</h2>
        <Link href="/dealer/shipments" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline-offset-2 hover:underline">
          {t('allDeliveries')}
        </Link>
      </div>
      {trips.length === 0 ? (
        <p className="px-4 pb-6 pt-2 text-sm text-slate-600 md:px-5">{t('noTrips')}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {trips.map((trip) => (
            <li key={trip.number} className="flex flex-col gap-1.5 px-4 py-3 md:px-5">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="font-semibold">
                  {t('trip', { number: trip.number })} · {formatDate(trip.plannedDate, locale)}
                </p>
                <StatusChip kind="shipment" status={trip.status} />
              </div>
              <p className="flex flex-wrap items-center gap-x-1 text-sm text-slate-600">
                <span>{t('yourOrders')}</span>
                {trip.orderNumbers.map((number, i) => (
                  <span key={number}>
                    <Link href={`/dealer/orders/${encodeURIComponent(number)}`} className="inline-flex min-h-11 items-center pl-1 font-medium text-brand-700 tabular-nums underline underline-offset-2">
                      {number}
                    </Link>
                    {i < trip.orderNumbers.length - 1 ? ',' : ''}
                  </span>
                ))}
              </p>
              {trip.driverName ? (
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                  <span className="break-words">
                    {t('driver')}: {trip.driverName}
                    {trip.vehicle ? ` · ${trip.vehicle}` : ''}
                  </span>
                  {trip.driverPhone ? <CallDriverLink phone={trip.driverPhone} label={t('callDriver', { phone: trip.driverPhone })} /> : null}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
