import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import type { ClaimReports } from '@/lib/claims/reports';
import { intlLocale } from '@/lib/i18n/config';
import { formatMoney, formatNumber } from '@/lib/i18n/format';

/** The period at a glance: claims filed and decided, SLA kept, time to decision, compensations. */
export async function ReportTotals({ totals }: { totals: ClaimReports['totals'] }) {
  const [t, locale] = await Promise.all([getTranslations('claimsReports'), getLocale() as Promise<Locale>]);
  const n = (value: number) => formatNumber(value, locale);
  const percent = (part: number, whole: number) => new Intl.NumberFormat(intlLocale[locale], { style: 'percent', maximumFractionDigits: 0 }).format(part / whole);
  const judged = totals.slaMet + totals.slaMissed;
  const firstJudged = totals.firstMet + totals.firstMissed;
  const tiles = [
    { key: 'filed', label: t('filed'), value: n(totals.claims), note: null },
    { key: 'decided', label: t('decided'), value: n(totals.decided), note: t('approvedRejected', { approved: n(totals.approved), rejected: n(totals.rejected) }) },
    {
      key: 'sla',
      label: t('slaMet'),
      value: judged ? percent(totals.slaMet, judged) : '—',
      note: judged ? t('slaMetOf', { met: n(totals.slaMet), total: n(judged) }) : t('slaNone'),
    },
    {
      key: 'first',
      label: t('firstMet'),
      value: firstJudged ? percent(totals.firstMet, firstJudged) : '—',
      note: firstJudged ? t('slaMetOf', { met: n(totals.firstMet), total: n(firstJudged) }) : t('slaNone'),
    },
    {
      key: 'avg',
      label: t('avgDecision'),
      value: totals.avgDecisionHours === null ? '—' : t('hours', { hours: n(totals.avgDecisionHours) }),
      note: totals.avgDecisionCalendarHours === null ? t('noDecisions') : t('calendarDays', { days: n(Math.round((totals.avgDecisionCalendarHours / 24) * 10) / 10) }),
    },
    { key: 'compensation', label: t('compensation'), value: formatMoney(totals.compensation, 'UAH', locale), note: null },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-3" aria-label={t('totalsLabel')}>
      {tiles.map((tile) => (
        <div key={tile.key} className="flex min-w-0 flex-col gap-0.5 rounded-2xl border border-slate-200 bg-white p-3 md:p-4" data-testid={`report-total-${tile.key}`}>
          <dt className="text-sm font-medium text-slate-700">{tile.label}</dt>
          <dd className="text-lg font-semibold break-words tabular-nums md:text-xl">{tile.value}</dd>
          {tile.note ? <dd className="text-xs text-slate-600">{tile.note}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
