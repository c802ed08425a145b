import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import type { WeekRow } from '@/lib/claims/reports';
import { intlLocale, TIME_ZONE } from '@/lib/i18n/config';
import { formatNumber } from '@/lib/i18n/format';

const MET = '#16a34a';
const MISSED = '#dc2626';
const RUNNING = '#cbd5e1';
const COLUMN = 10;
const HEIGHT = 60;

/** Decision SLA per week of filing: a stacked column per week (met, missed, within deadline), then the figures. */
export async function ReportWeeks({ weeks, title }: { weeks: WeekRow[]; title: string }) {
  const [t, locale] = await Promise.all([getTranslations('claimsReports'), getLocale() as Promise<Locale>]);
  const max = Math.max(1, ...weeks.map((w) => w.met + w.missed + w.running));
  const short = new Intl.DateTimeFormat(intlLocale[locale], { day: '2-digit', month: '2-digit', timeZone: TIME_ZONE });
  const day = (week: string) => short.format(new Date(`${week}T12:00:00Z`));
  // A label under every column while they fit a phone, under every few columns beyond that.
  const every = Math.ceil(weeks.length / 7);
  const n = (value: number) => formatNumber(value, locale);
  const scale = (value: number) => (value / max) * HEIGHT;
  return (
    <>
      <figure className="flex flex-col gap-1">
        <svg
          viewBox={`0 0 ${weeks.length * COLUMN} ${HEIGHT}`}
          preserveAspectRatio="none"
          role="img"
          aria-label={t('chartLabel', { report: title })}
          className="h-40 w-full border-b border-slate-300"
          data-testid="report-weeks-chart"
        >
          {weeks.map((w, i) => {
            const met = scale(w.met);
            const missed = scale(w.missed);
            const running = scale(w.running);
            const x = i * COLUMN + 1.5;
            return (
              <g key={w.week} data-week={w.week}>
                <title>{t('weekBar', { date: day(w.week), met: w.met, missed: w.missed, running: w.running })}</title>
                <rect x={x} y={HEIGHT - met} width={COLUMN - 3} height={met} fill={MET} />
                <rect x={x} y={HEIGHT - met - missed} width={COLUMN - 3} height={missed} fill={MISSED} />
                <rect x={x} y={HEIGHT - met - missed - running} width={COLUMN - 3} height={running} fill={RUNNING} />
              </g>
            );
          })}
        </svg>
        <div className="grid text-center text-[10px] text-slate-600 tabular-nums" style={{ gridTemplateColumns: `repeat(${weeks.length}, minmax(0, 1fr))` }} aria-hidden="true">
          {weeks.map((w, i) => (
            <span key={w.week} className="overflow-visible whitespace-nowrap">
              {i % every === 0 ? day(w.week) : ''}
            </span>
          ))}
        </div>
        <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
          <Legend color={MET} label={t('legend.met')} />
          <Legend color={MISSED} label={t('legend.missed')} />
          <Legend color={RUNNING} label={t('legend.running')} />
        </figcaption>
      </figure>
      <details className="group">
        <summary className="flex min-h-11 w-fit cursor-pointer items-center font-medium text-brand-700">{t('figures')}</summary>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="report-weeks-table">
            <thead className="border-b border-slate-200 text-xs text-slate-600">
              <tr>
                <th scope="col" className="py-1.5 pr-2 font-medium">{t('column.week')}</th>
                <th scope="col" className="px-2 py-1.5 text-right font-medium">{t('column.filed')}</th>
                <th scope="col" className="px-2 py-1.5 text-right font-medium">{t('column.met')}</th>
                <th scope="col" className="px-2 py-1.5 text-right font-medium">{t('column.missed')}</th>
                <th scope="col" className="py-1.5 pl-2 text-right font-medium">{t('column.running')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {weeks.map((w) => (
                <tr key={w.week}>
                  <th scope="row" className="py-1.5 pr-2 font-normal tabular-nums">{day(w.week)}</th>
                  <td className="px-2 py-1.5 text-right tabular-nums">{n(w.filed)}</td>
                  <td className="px-2 py-1.5 text-right tabular-nums">{n(w.met)}</td>
                  <td className={`px-2 py-1.5 text-right tabular-nums ${w.missed > 0 ? 'font-semibold text-red-800' : ''}`}>{n(w.missed)}</td>
                  <td className="py-1.5 pl-2 text-right tabular-nums">{n(w.running)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}

function Legend({ color, label }: { color: string; label: string }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <span className="h-2.5 w-2.5 rounded-sm" style={{ backgroundColor: color }} />
      {label}
    </span>
  );
}
