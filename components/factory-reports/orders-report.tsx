import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { formatNumber } from '@/lib/i18n/format';
import { FLOW_STATUSES, OPEN_STATUSES, type OrdersFlow } from '@/lib/reports/factory';
import { GroupedBarChart } from './bar-chart';
import { bucketLabels } from './bucket-labels';

const COLORS = { accepted: '#64748b', manufactured: '#2563eb', shipped: '#d97706', delivered: '#16a34a' } as const;

/** Orders per status and day: the period's moves as grouped bars, their totals, and the orders in each status now. */
export async function OrdersReport({ flow }: { flow: OrdersFlow }) {
  const [t, tStatus, locale] = await Promise.all([getTranslations('factoryReports'), getTranslations('status.order'), getLocale() as Promise<Locale>]);
  const n = (value: number) => formatNumber(value, locale);
  return (
    <>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4" aria-label={t('orders.inPeriod')} data-testid="factory-report-orders-totals">
        {FLOW_STATUSES.map((status) => (
          <div key={status} className="rounded-xl bg-slate-50 px-3 py-2" data-status={status}>
            <dt className="flex items-center gap-1.5 text-xs text-slate-600">
              <span className="h-2.5 w-2.5 rounded-sm" style={{ backgroundColor: COLORS[status] }} aria-hidden="true" />
              {t(`flow.${status}`)}
            </dt>
            <dd className="text-lg font-semibold tabular-nums">{n(flow.totals[status])}</dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-slate-600">{flow.granularity === 'day' ? t('perDay') : t('perWeek')}</p>
      <GroupedBarChart
        id="factory-report-orders"
        title={t('orders.title')}
        rowHeader={flow.granularity === 'day' ? t('column.day') : t('column.week')}
        series={FLOW_STATUSES.map((status) => ({ key: status, label: t(`flow.${status}`), color: COLORS[status] }))}
        rows={flow.buckets.map((b) => ({ key: b.start, ...bucketLabels(b, flow.granularity, locale), values: FLOW_STATUSES.map((s) => b[s]) }))}
      />
      <div className="flex flex-col gap-1.5 border-t border-slate-100 pt-3">
        <h3 className="text-sm font-semibold">{t('orders.now')}</h3>
        <p className="text-xs text-slate-600">{t('orders.nowHint')}</p>
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-4" data-testid="factory-report-orders-now">
          {OPEN_STATUSES.map((status) => (
            <div key={status} className="flex justify-between gap-2 border-b border-slate-100 py-1" data-status={status}>
              <dt className="text-slate-700">{tStatus(status)}</dt>
              <dd className="font-semibold tabular-nums">{n(flow.current[status])}</dd>
            </div>
          ))}
        </dl>
      </div>
    </>
  );
}
