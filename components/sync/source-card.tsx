import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { formatDateTime, formatNumber } from '@/lib/i18n/format';
import type { SourceHealth } from '@/lib/sync/monitor';
import { MinuteChart } from './minute-chart';

/** One factory system: when it last reported, what it sent today, what waits or was refused. */
export async function SourceCard({ source }: { source: SourceHealth }) {
  const t = await getTranslations('syncMonitor');
  const locale = (await getLocale()) as Locale;
  const lastHour = source.perMinute.reduce((a, b) => a + b, 0);
  const counts = [
    ['accepted', source.accepted],
    ['duplicates', source.duplicates],
    ['rejected', source.rejected],
    ['parked', source.parked],
  ] as const;
  return (
    <section className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4" data-testid={`source-${source.code}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-base font-semibold">{source.name}</h2>
        <span className={`text-xs font-semibold ${source.active ? 'text-green-800' : 'text-red-800'}`}>
          {source.active ? t('active') : t('revoked')}
        </span>
      </div>
      <p className="text-sm text-slate-600">
        {source.lastEventAt ? t('lastEvent', { when: formatDateTime(source.lastEventAt, locale) }) : t('noEvents')}
      </p>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {counts.map(([key, value]) => (
          <div key={key} className={`rounded-xl p-2 ${key === 'rejected' && value > 0 ? 'bg-red-50 text-red-900' : 'bg-slate-50'}`} data-testid={`${source.code}-${key}`}>
            <dt className="text-xs">{t(key)}</dt>
            <dd className="text-lg font-semibold tabular-nums">{formatNumber(value, locale)}</dd>
          </div>
        ))}
      </dl>
      <div>
        <p className="text-xs text-slate-600">{t('lastHour', { count: lastHour })}</p>
        <MinuteChart values={source.perMinute} label={t('chartLabel', { count: lastHour })} />
      </div>
    </section>
  );
}
