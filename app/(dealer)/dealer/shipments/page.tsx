import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { AsOf } from '@/components/pwa/as-of';
import { LiveRefresh } from '@/components/realtime/live-refresh';
import { formatDayHeading, formatDayShort } from '@/components/shipments/day-format';
import { TripCard } from '@/components/shipments/trip-card';
import { dealerScopeOf } from '@/lib/auth/scope';
import { requireAreaActor } from '@/lib/auth/session';
import { addDays, factoryToday } from '@/lib/calendar';
import { getDb } from '@/lib/db';
import { listTripsForDealerBetween, type DealerTripWithOrders } from '@/lib/shipments/queries';
import { thisWeekAndNext } from '@/lib/shipments/weeks';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('shipments'))('title') };
}

/** Trips by their planned day, in the order the query returns them (by date, then number). */
function groupByDay(trips: DealerTripWithOrders[]): { day: string; trips: DealerTripWithOrders[] }[] {
  const days: { day: string; trips: DealerTripWithOrders[] }[] = [];
  for (const trip of trips) {
    const last = days.at(-1);
    if (last?.day === trip.plannedDate) last.trips.push(trip);
    else days.push({ day: trip.plannedDate, trips: [trip] });
  }
  return days;
}

export default async function DealerShipmentsPage() {
  const actor = await requireAreaActor('dealer');
  const now = new Date();
  const { from, to } = thisWeekAndNext(now);
  const today = factoryToday(now);
  const tomorrow = addDays(today, 1);
  const [t, locale, trips] = await Promise.all([
    getTranslations('shipments'),
    getLocale() as Promise<Locale>,
    listTripsForDealerBetween(getDb(), dealerScopeOf(actor), from, to),
  ]);
  const days = groupByDay(trips);
  return (
    <div className="flex flex-col gap-4">
      <LiveRefresh events={['shipment.updated', 'order.status']} />
      <div>
        <h1 className="text-xl font-semibold md:text-2xl">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('intro', { from: formatDayShort(from, locale), to: formatDayShort(to, locale) })}</p>
      </div>
      <AsOf />
      {days.length === 0 ? (
        <section className="flex flex-col gap-2 rounded-2xl border border-slate-200 bg-white p-5" data-testid="no-deliveries">
          <p className="font-medium">{t('empty')}</p>
          <p className="text-sm text-slate-600">{t('emptyHint')}</p>
          <Link href="/dealer/orders" className="inline-flex min-h-11 items-center self-start rounded-lg border border-slate-300 px-4 font-medium text-slate-800 hover:bg-slate-100">
            {t('ordersLink')}
          </Link>
        </section>
      ) : (
        days.map(({ day, trips: onDay }) => {
          const mark = day === today ? t('today') : day === tomorrow ? t('tomorrow') : day < from ? t('stillOnTheWay') : null;
          return (
            <section key={day} aria-labelledby={`day-${day}`} className="flex flex-col gap-3" data-testid="delivery-day" data-day={day}>
              <h2 id={`day-${day}`} className="flex flex-wrap items-baseline gap-x-2 gap-y-1 text-base font-semibold">
                {mark ? (
                  <span className={`rounded-md px-2 py-0.5 text-sm ${day === today ? 'bg-brand-700 text-white' : 'bg-brand-100 text-brand-900'}`} data-testid="day-mark">
                    {mark}
                  </span>
                ) : null}
                <span>{formatDayHeading(day, locale)}</span>
                <span className="text-sm font-normal text-slate-600">{t('tripsOnDay', { count: onDay.length })}</span>
              </h2>
              <ul className="grid gap-3 lg:grid-cols-2">
                {onDay.map((trip) => (
                  <li key={trip.number} className="min-w-0">
                    <TripCard trip={trip} />
                  </li>
                ))}
              </ul>
            </section>
          );
        })
      )}
    </div>
  );
}
