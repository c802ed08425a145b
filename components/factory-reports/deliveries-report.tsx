import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { formatNumber } from '@/lib/i18n/format';
import type { Deliveries } from '@/lib/reports/factory';
import { GroupedBarChart } from './bar-chart';
import { bucketLabels } from './bucket-labels';

const PLANNED = '#94a3b8';
const DELIVERED = '#16a34a';

/** Trips planned for each day against trips delivered that day; the orders on them in the figures. */
export async function DeliveriesReport({ deliveries }: { deliveries: Deliveries }) {
  const [t, locale] = await Promise.all([getTranslations('factoryReports'), getLocale() as Promise<Locale>]);
  const n = (value: number) => formatNumber(value, locale);
  const figures = ['plannedTrips', 'deliveredTrips', 'plannedOrders', 'deliveredOrders'] as const;
  return (
    <>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4" data-testid="factory-report-deliveries-totals">
        {figures.map((key) => (
          <div key={key} className="rounded-xl bg-slate-50 px-3 py-2" data-figure={key}>
            <dt className="text-xs text-slate-600">{t(`deliveries.${key}`)}</dt>
            <dd className="text-lg font-semibold tabular-nums">{n(deliveries.totals[key])}</dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-slate-600">{deliveries.granularity === 'day' ? t('perDay') : t('perWeek')}</p>
      <GroupedBarChart
        id="factory-report-deliveries"
        title={t('deliveries.title')}
        rowHeader={deliveries.granularity === 'day' ? t('column.day') : t('column.week')}
        series={[
          { key: 'plannedTrips', label: t('deliveries.plannedTrips'), color: PLANNED },
          { key: 'deliveredTrips', label: t('deliveries.deliveredTrips'), color: DELIVERED },
        ]}
        tableOnly={[
          { key: 'plannedOrders', label: t('deliveries.plannedOrders') },
          { key: 'deliveredOrders', label: t('deliveries.deliveredOrders') },
        ]}
        rows={deliveries.buckets.map((b) => ({
          key: b.start,
          ...bucketLabels(b, deliveries.granularity, locale),
          values: [b.plannedTrips, b.deliveredTrips, b.plannedOrders, b.deliveredOrders],
        }))}
      />
    </>
  );
}
