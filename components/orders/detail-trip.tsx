import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { StatusChip } from '@/components/ui/status-chip';
import { formatDate, formatDateTime } from '@/lib/i18n/format';
import { telHref } from '@/lib/orders/detail';
import type { OrderDetail } from '@/lib/orders/queries';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-0.5 sm:grid-cols-[10rem_minmax(0,1fr)] sm:gap-3">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="font-medium break-words">{children}</dd>
    </div>
  );
}

/** The trip that carries the order, with the driver one tap away; or when delivery is expected. */
export async function DetailTrip({ shipment, plannedDelivery }: { shipment: OrderDetail['shipment']; plannedDelivery: string | null }) {
  const t = await getTranslations('orderDetail');
  const locale = (await getLocale()) as Locale;
  const tel = telHref(shipment?.driverPhone ?? null);
  return (
    <section aria-labelledby="order-trip" className="rounded-2xl border border-slate-200 bg-white p-4 md:p-5" data-testid="order-trip">
      <h2 id="order-trip" className="text-base font-semibold">
        {t('tripTitle')}
      </h2>
      {shipment ? (
        <div className="mt-3 flex flex-col gap-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="text-lg font-semibold" data-testid="trip-number">
              {t('trip', { number: shipment.number })}
            </p>
            <StatusChip kind="shipment" status={shipment.status} />
          </div>
          <dl className="flex flex-col gap-2">
            <Row label={t('tripPlannedDate')}>{formatDate(shipment.plannedDate, locale)}</Row>
            <Row label={t('vehicle')}>{shipment.vehicle ?? t('notSpecified')}</Row>
            <Row label={t('driver')}>{shipment.driverName ?? t('notSpecified')}</Row>
            {shipment.departedAt ? <Row label={t('departedAt')}>{formatDateTime(shipment.departedAt, locale)}</Row> : null}
            {shipment.deliveredAt ? <Row label={t('deliveredAt')}>{formatDateTime(shipment.deliveredAt, locale)}</Row> : null}
          </dl>
          {tel && shipment.driverPhone ? (
            <a
              href={tel}
              data-testid="call-driver"
              className="inline-flex min-h-12 flex-col items-start justify-center self-start rounded-xl bg-brand-700 px-4 py-2 text-white hover:bg-brand-800"
            >
              <span className="font-semibold">{t('callDriver')}</span>
              <span className="text-sm tabular-nums">{shipment.driverPhone}</span>
            </a>
          ) : null}
        </div>
      ) : (
        <div className="mt-2 flex flex-col gap-1 text-sm text-slate-700" data-testid="no-trip">
          <p>{t('noTrip')}</p>
          <p className="font-medium text-slate-900">
            {plannedDelivery ? t('plannedDelivery', { date: formatDate(plannedDelivery, locale) }) : t('noPlannedDelivery')}
          </p>
        </div>
      )}
    </section>
  );
}
