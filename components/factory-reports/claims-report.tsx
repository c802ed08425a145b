import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { intlLocale } from '@/lib/i18n/config';
import { formatNumber } from '@/lib/i18n/format';
import { reportHref } from '@/lib/claims/report-period';
import type { ClaimsKpis } from '@/lib/reports/factory';

const MET = '#16a34a';
const MISSED = '#dc2626';

/** The claims desk in figures for the period: filed, decided, medians, and the two SLA clocks as bars. */
export async function ClaimsReport({ kpis }: { kpis: ClaimsKpis }) {
  const [t, locale] = await Promise.all([getTranslations('factoryReports'), getLocale() as Promise<Locale>]);
  const n = (value: number) => formatNumber(value, locale);
  const hours = (value: string | null) =>
    value === null
      ? t('claims.none')
      : t('claims.hours', { hours: new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: 1 }).format(value as Intl.StringNumericLiteral) });
  const percent = (value: string) => new Intl.NumberFormat(intlLocale[locale], { style: 'percent', maximumFractionDigits: 1 }).format(Number(value) / 100);
  const clocks = [
    { key: 'first', label: t('claims.firstSla'), ...kpis.firstResponse, percent: kpis.firstResponseMetPercent },
    { key: 'decision', label: t('claims.decisionSla'), ...kpis.decision, percent: kpis.decisionMetPercent },
  ];
  const tiles = [
    { key: 'filed', label: t('claims.filed'), value: n(kpis.filed) },
    { key: 'resolved', label: t('claims.resolved'), value: n(kpis.resolved) },
    { key: 'medianFirst', label: t('claims.medianFirst'), value: hours(kpis.medianFirstResponseHours) },
    { key: 'medianDecision', label: t('claims.medianDecision'), value: hours(kpis.medianDecisionHours) },
  ];
  const summary = clocks
    .map((c) => `${c.label}: ${c.percent === null ? t('claims.noEnded') : `${percent(c.percent)}, ${t('claims.metOf', { met: c.met, total: c.met + c.missed })}`}`)
    .join('; ');
  return (
    <>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4" data-testid="factory-report-claims-totals">
        {tiles.map((tile) => (
          <div key={tile.key} className="rounded-xl bg-slate-50 px-3 py-2" data-figure={tile.key}>
            <dt className="text-xs text-slate-600">{tile.label}</dt>
            <dd className="text-lg font-semibold tabular-nums">{tile.value}</dd>
          </div>
        ))}
      </dl>
      <figure className="flex min-w-0 flex-col gap-2">
        <svg
          viewBox="0 0 100 26"
          preserveAspectRatio="none"
          role="img"
          aria-labelledby="factory-report-claims-chart-title factory-report-claims-chart-desc"
          className="h-16 w-full"
          data-testid="factory-report-claims-chart"
        >
          <title id="factory-report-claims-chart-title">{t('chartLabel', { report: t('claims.title') })}</title>
          <desc id="factory-report-claims-chart-desc">{summary}</desc>
          {clocks.map((c, i) => {
            const ended = c.met + c.missed;
            const met = ended ? (c.met / ended) * 100 : 0;
            const missed = ended ? 100 - met : 0;
            const y = i * 14;
            return (
              <g key={c.key}>
                <rect x={0} y={y} width={100} height={10} fill="#f1f5f9" />
                <rect x={0} y={y} width={met} height={10} fill={MET} />
                <rect x={met} y={y} width={missed} height={10} fill={MISSED} />
              </g>
            );
          })}
        </svg>
        <figcaption>
          <ul className="flex flex-col gap-1 text-sm">
            {clocks.map((c) => (
              <li key={c.key} className="flex flex-wrap justify-between gap-x-3" data-clock={c.key}>
                <span className="text-slate-700">{c.label}</span>
                <span className="tabular-nums">
                  {c.percent === null ? (
                    <span className="text-slate-600">{t('claims.noEnded')}</span>
                  ) : (
                    <>
                      <span className="font-semibold">{percent(c.percent)}</span>{' '}
                      <span className="text-slate-600">{t('claims.metOf', { met: n(c.met), total: n(c.met + c.missed) })}</span>
                    </>
                  )}
                </span>
              </li>
            ))}
          </ul>
          <p className="mt-1 flex flex-wrap gap-x-4 text-xs text-slate-600" aria-hidden="true">
            <span className="inline-flex items-center gap-1.5">
              <span className="h-2.5 w-2.5 rounded-sm" style={{ backgroundColor: MET }} />
              {t('claims.met')}
            </span>
            <span className="inline-flex items-center gap-1.5">
              <span className="h-2.5 w-2.5 rounded-sm" style={{ backgroundColor: MISSED }} />
              {t('claims.missed')}
            </span>
          </p>
        </figcaption>
      </figure>
      {kpis.canOpenClaimsReports ? (
        <Link href={reportHref('/claims/reports', kpis.period)} prefetch={false} className="inline-flex min-h-11 w-fit items-center font-medium text-brand-700 hover:underline" data-testid="factory-report-claims-desk-link">
          {t('claims.openDesk')}
        </Link>
      ) : null}
    </>
  );
}
