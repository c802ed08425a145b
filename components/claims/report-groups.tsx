import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale, PayerCategory } from '@/drizzle/schema/values';
import { PayerBadge } from '@/components/ui/payer-badge';
import type { ReportGroup } from '@/lib/claims/reports';
import { formatMoney, formatNumber } from '@/lib/i18n/format';

export type NamedGroup = ReportGroup & { name: string; sub?: string; payer?: PayerCategory };

const MET = '#16a34a';
const MISSED = '#dc2626';
const OTHER = '#cbd5e1';

/**
 * A report by some grouping: a bar per group (its claims, the part decided in time green and
 * late red), then the figures as a table. Long lists show their first `limit` groups; the CSV
 * has them all.
 */
export async function ReportGroups({ groups, nameColumn, limit = 15 }: { groups: NamedGroup[]; nameColumn: string; limit?: number }) {
  const [t, locale] = await Promise.all([getTranslations('claimsReports'), getLocale() as Promise<Locale>]);
  if (groups.every((g) => g.claims === 0)) return <p className="text-sm text-slate-600">{t('empty')}</p>;
  const shown = groups.slice(0, limit);
  const max = Math.max(1, ...shown.map((g) => g.claims));
  const n = (value: number) => formatNumber(value, locale);
  return (
    <>
      <ul className="flex flex-col gap-2" aria-hidden="true" data-testid="report-chart">
        {shown.map((g) => {
          const width = (g.claims / max) * 100;
          const met = (g.slaMet / max) * 100;
          const missed = (g.slaMissed / max) * 100;
          return (
            <li key={g.key} className="flex flex-col gap-0.5">
              <span className="flex items-baseline justify-between gap-3 text-sm">
                <span className="min-w-0 truncate">{g.name}</span>
                <span className="font-semibold tabular-nums">{n(g.claims)}</span>
              </span>
              <svg viewBox="0 0 100 4" preserveAspectRatio="none" className="h-2.5 w-full rounded-sm bg-slate-50">
                <rect x="0" y="0" width={width} height="4" fill={OTHER} />
                <rect x="0" y="0" width={met} height="4" fill={MET} />
                <rect x={met} y="0" width={missed} height="4" fill={MISSED} />
              </svg>
            </li>
          );
        })}
      </ul>
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" aria-hidden="true">
        <Legend color={MET} label={t('legend.met')} />
        <Legend color={MISSED} label={t('legend.missed')} />
        <Legend color={OTHER} label={t('legend.other')} />
      </p>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-xs text-slate-600">
            <tr>
              <th scope="col" className="py-1.5 pr-2 font-medium">{nameColumn}</th>
              <th scope="col" className="px-2 py-1.5 text-right font-medium">{t('column.claims')}</th>
              <th scope="col" className="hidden px-2 py-1.5 text-right font-medium sm:table-cell">{t('column.decided')}</th>
              <th scope="col" className="px-2 py-1.5 text-right font-medium">{t('column.missed')}</th>
              <th scope="col" className="px-2 py-1.5 text-right font-medium">{t('column.avgHours')}</th>
              <th scope="col" className="hidden py-1.5 pl-2 text-right font-medium md:table-cell">{t('column.compensation')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shown.map((g) => (
              <tr key={g.key} data-key={g.key}>
                <th scope="row" className="py-1.5 pr-2 font-normal">
                  {g.name}
                  {g.sub ? <span className="block text-xs text-slate-600">{g.sub}</span> : null}
                  {g.payer ? <PayerBadge category={g.payer} /> : null}
                </th>
                <td className="px-2 py-1.5 text-right tabular-nums" data-column="claims">{n(g.claims)}</td>
                <td className="hidden px-2 py-1.5 text-right tabular-nums sm:table-cell">{n(g.decided)}</td>
                <td className={`px-2 py-1.5 text-right tabular-nums ${g.slaMissed > 0 ? 'font-semibold text-red-800' : ''}`} data-column="missed">
                  {n(g.slaMissed)}
                </td>
                <td className="px-2 py-1.5 text-right tabular-nums">{g.avgDecisionHours === null ? '—' : n(g.avgDecisionHours)}</td>
                <td className="hidden py-1.5 pl-2 text-right whitespace-nowrap tabular-nums md:table-cell">
                  {g.compensation === '0.00' ? '—' : formatMoney(g.compensation, 'UAH', locale)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {groups.length > shown.length ? <p className="text-sm text-slate-600">{t('more', { count: groups.length - shown.length })}</p> : null}
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
