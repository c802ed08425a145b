import { getLocale, getTranslations } from 'next-intl/server';
import { ORDER_STATUSES, type Locale } from '@/drizzle/schema/values';
import { StatusChip } from '@/components/ui/status-chip';
import { formatDateTime, formatNumber } from '@/lib/i18n/format';
import type { getFactoryOverview } from '@/lib/reports/queries';

type Overview = Awaited<ReturnType<typeof getFactoryOverview>>;

/** Orders per status, dealers, open claims, and when each factory system last reported. */
export async function FactoryOverview({ overview }: { overview: Overview }) {
  const t = await getTranslations('factoryHome');
  const locale = (await getLocale()) as Locale;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold md:text-2xl">{t('title')}</h1>
      <dl className="grid grid-cols-2 gap-3">
        <div className="rounded-2xl border border-slate-200 bg-white p-4" data-testid="active-dealers">
          <dt className="text-sm font-medium text-slate-600">{t('activeDealers')}</dt>
          <dd className="text-2xl font-semibold tabular-nums">{formatNumber(overview.activeDealers, locale)}</dd>
        </div>
        <div className="rounded-2xl border border-slate-200 bg-white p-4" data-testid="open-claims">
          <dt className="text-sm font-medium text-slate-600">{t('openClaims')}</dt>
          <dd className="text-2xl font-semibold tabular-nums">{formatNumber(overview.openClaims, locale)}</dd>
        </div>
      </dl>
      <section aria-labelledby="orders-by-status" className="rounded-2xl border border-slate-200 bg-white p-4 md:p-5">
        <h2 id="orders-by-status" className="text-base font-semibold">{t('ordersByStatus')}</h2>
        <ul className="mt-3 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {ORDER_STATUSES.map((status) => (
            <li key={status} className="flex items-center justify-between gap-2 rounded-xl bg-slate-50 px-3 py-2" data-testid={`factory-count-${status}`}>
              <StatusChip kind="order" status={status} />
              <span className="text-lg font-semibold tabular-nums">{formatNumber(overview.ordersByStatus[status], locale)}</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="sync-sources" className="rounded-2xl border border-slate-200 bg-white p-4 md:p-5">
        <h2 id="sync-sources" className="text-base font-semibold">{t('syncSources')}</h2>
        <ul className="mt-3 divide-y divide-slate-100">
          {overview.syncSources.map((source) => (
            <li key={source.code} className="flex flex-col gap-0.5 py-2 sm:flex-row sm:items-center sm:justify-between">
              <span className="font-medium">{t(`source.${source.code === 'accounting' ? 'accounting' : 'production'}`)}</span>
              <span className="text-sm text-slate-600">
                {!source.active
                  ? t('sourceInactive')
                  : source.lastEventAt
                    ? t('lastEvent', { when: formatDateTime(source.lastEventAt, locale) })
                    : t('noEventsYet')}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
