import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/enums';
import { StatusChip } from '@/components/ui/status-chip';
import { formatDate } from '@/lib/i18n/format';
import type { DealerTrip } from '@/lib/shipments/queries';

/** Deliveries on the way: date, status, the driver one tap away. */
export async function ActiveTrips({ trips }: { trips: DealerTrip[] }) {
  const t = await getTranslations('dealerHome');
  const locale = (await getLocale()) as Locale;
  return (
    <section aria-labelledby="active-trips" className="rounded-2xl border border-slate-200 bg-white">
      <h2 id="active-trips" className="px-4 pt-4 text-base font-semibold md:px-5">{t('activeTrips')}</h2>
      {trips.length === 0 ? (
        <p className="px-4 py-6 text-sm text-slate-600 md:px-5">{t('noTrips')}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100">
          {trips.map((trip) => (
            <li key={trip.number} className="flex flex-col gap-1.5 px-4 py-3 md:px-5">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="font-semibold">
                  {t('trip', { number: trip.number })} · {formatDate(trip.plannedDate, locale)}
                </p>
                <StatusChip kind="shipment" status={trip.status} />
              </div>
              <p className="text-sm text-slate-600">{t('ordersOnTrip', { orders: trip.orderNumbers.join(', ') })}</p>
              {trip.driverName ? (
                <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                  <span>
                    {t('driver')}: {trip.driverName}
                    {trip.vehicle ? ` · ${trip.vehicle}` : ''}
                  </span>
                  {trip.driverPhone ? (
                    <a href={`tel:${trip.driverPhone.replace(/[^+\d]/g, '')}`} className="inline-flex min-h-9 items-center rounded-lg bg-brand-50 px-3 font-medium text-brand-800">
                      {t('callDriver', { phone: trip.driverPhone })}
                    </a>
                  ) : null}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
