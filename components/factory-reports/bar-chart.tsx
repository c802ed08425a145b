import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { formatNumber } from '@/lib/i18n/format';

export type ChartSeries = { key: string; label: string; color: string };
/** One group of bars: its short label under the chart, its full label in the table, a value per series (then per table-only column). */
export type ChartRow = { key: string; short: string; label: string; values: number[] };

const HEIGHT = 60;

/**
 * Grouped bars, server-rendered SVG: a group per day or week, a bar per series. The SVG is named
 * and described for screen readers (title, description), every group has a tooltip with its
 * figures, and the same figures are in a table under the chart.
 */
export async function GroupedBarChart({
  id,
  title,
  series,
  rows,
  rowHeader,
  tableOnly = [],
}: {
  id: string;
  title: string;
  series: ChartSeries[];
  rows: ChartRow[];
  /** The title of the table's first column (day or week). */
  rowHeader: string;
  /** Further figures of each row shown in the table only (e.g. orders next to trips). */
  tableOnly?: { key: string; label: string }[];
}) {
  const [t, locale] = await Promise.all([getTranslations('factoryReports'), getLocale() as Promise<Locale>]);
  const n = (value: number) => formatNumber(value, locale);
  const max = Math.max(1, ...rows.flatMap((r) => r.values.slice(0, series.length)));
  const columns = [...series, ...tableOnly];
  const group = series.length + 1;
  const width = Math.max(1, rows.length * group);
  const scale = (value: number) => (value / max) * HEIGHT;
  // A label under every group while they fit a phone, under every few groups beyond that.
  const every = Math.ceil(rows.length / 7);
  const describe = (row: ChartRow) => series.map((s, i) => `${s.label} ${n(row.values[i] ?? 0)}`).join(', ');
  return (
    <>
      <figure className="flex min-w-0 flex-col gap-1">
        <svg
          viewBox={`0 0 ${width} ${HEIGHT}`}
          preserveAspectRatio="none"
          role="img"
          aria-labelledby={`${id}-chart-title ${id}-chart-desc`}
          className="h-44 w-full border-b border-slate-300"
          data-testid={`${id}-chart`}
        >
          <title id={`${id}-chart-title`}>{t('chartLabel', { report: title })}</title>
          <desc id={`${id}-chart-desc`}>{t('chartSummary', { report: title, count: rows.length, series: series.map((s) => s.label).join(', ') })}</desc>
          {rows.map((row, i) => (
            <g key={row.key} data-bucket={row.key}>
              <title>{t('barTitle', { label: row.label, values: describe(row) })}</title>
              {series.map((s, j) => {
                const h = scale(row.values[j] ?? 0);
                return <rect key={s.key} x={i * group + j + 0.5} y={HEIGHT - h} width={0.9} height={h} fill={s.color} />;
              })}
            </g>
          ))}
        </svg>
        <div className="grid text-center text-[10px] text-slate-600 tabular-nums" style={{ gridTemplateColumns: `repeat(${Math.max(rows.length, 1)}, minmax(0, 1fr))` }} aria-hidden="true">
          {rows.map((row, i) => (
            <span key={row.key} className="overflow-visible whitespace-nowrap">
              {i % every === 0 ? row.short : ''}
            </span>
          ))}
        </div>
        <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
          {series.map((s) => (
            <span key={s.key} className="inline-flex items-center gap-1.5">
              <span className="h-2.5 w-2.5 rounded-sm" style={{ backgroundColor: s.color }} />
              {s.label}
            </span>
          ))}
        </figcaption>
      </figure>
      <details className="group min-w-0">
        <summary className="flex min-h-11 w-fit cursor-pointer items-center font-medium text-brand-700">{t('figures')}</summary>
        <div className="max-h-96 overflow-auto">
          <table className="w-full text-left text-sm" data-testid={`${id}-table`}>
            <caption className="sr-only">{title}</caption>
            <thead className="sticky top-0 border-b border-slate-200 bg-white text-xs text-slate-600">
              <tr>
                <th scope="col" className="py-1.5 pr-2 font-medium">
                  {rowHeader}
                </th>
                {columns.map((s) => (
                  <th key={s.key} scope="col" className="px-2 py-1.5 text-right font-medium">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row" className="py-1.5 pr-2 font-normal whitespace-nowrap tabular-nums">
                    {row.label}
                  </th>
                  {columns.map((s, j) => (
                    <td key={s.key} className="px-2 py-1.5 text-right tabular-nums">
                      {n(row.values[j] ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
