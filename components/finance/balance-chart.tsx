import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import type { BalanceSeries } from '@/lib/finance/charts';
import { extentWithZero, linearScale, toKop } from '@/lib/finance/chart-scale';
import { formatDate } from '@/lib/i18n/format';
import { BalanceFigure } from './signed-amount';

const W = 600;
const H = 160;

/**
 * The balance at the end of each day or week of the period as an inline SVG line (a zero line
 * when it crosses), with a title and description, and the same numbers as a table underneath.
 */
export async function BalanceChart({ series, currency, title }: { series: BalanceSeries; currency: string; title: string }) {
  const t = await getTranslations('finance.charts');
  const locale = (await getLocale()) as Locale;
  const values = series.points.map((p) => toKop(p.balance));
  const { min, max } = extentWithZero(values);
  const y = linearScale(min, max, H - 4, 4);
  const n = series.points.length;
  const x = (i: number) => (n <= 1 ? W / 2 : Math.round((i * W) / (n - 1)));
  const path = values.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i)} ${y(v)}`).join(' ');
  const first = series.points[0];
  const last = series.points.at(-1);
  const maxPoint = series.points[values.indexOf(values.reduce((a, b) => (b > a ? b : a), values[0] ?? 0n))];
  const minPoint = series.points[values.indexOf(values.reduce((a, b) => (b < a ? b : a), values[0] ?? 0n))];
  return (
    <section aria-labelledby="balance-chart-title" className="min-w-0 rounded-2xl border border-slate-200 bg-white p-4 md:p-5" data-testid="balance-chart">
      <h2 id="balance-chart-title" className="text-base font-semibold">
        {title}
      </h2>
      {n === 0 || !first || !last ? (
        <p className="mt-2 text-sm text-slate-600">{t('noData')}</p>
      ) : (
        <>
          <p className="mt-1 text-sm text-slate-600">{t(series.step === 'day' ? 'balanceByDay' : 'balanceByWeek')}</p>
          <div className="mt-3 flex justify-between gap-2 text-xs text-slate-600">
            <span>
              {t('highest')}: <BalanceFigure balance={maxPoint?.balance ?? '0.00'} currency={currency} locale={locale} className="font-medium text-slate-900" />
            </span>
            <span className="text-right">
              {t('lowest')}: <BalanceFigure balance={minPoint?.balance ?? '0.00'} currency={currency} locale={locale} className="font-medium text-slate-900" />
            </span>
          </div>
          <svg
            viewBox={`0 0 ${W} ${H}`}
            preserveAspectRatio="none"
            role="img"
            aria-labelledby="balance-chart-svg-title balance-chart-svg-desc"
            className="mt-1 h-40 w-full"
          >
            <title id="balance-chart-svg-title">{title}</title>
            <desc id="balance-chart-svg-desc">
              {t('balanceDesc', { from: formatDate(first.date, locale), to: formatDate(last.date, locale), count: n })}
            </desc>
            {min < 0n && max > 0n ? <line x1={0} x2={W} y1={y(0n)} y2={y(0n)} stroke="#94a3b8" strokeDasharray="4 4" vectorEffect="non-scaling-stroke" /> : null}
            <path d={path} fill="none" stroke="#0e4c92" strokeWidth={2} strokeLinejoin="round" vectorEffect="non-scaling-stroke" />
          </svg>
          <div className="mt-1 flex justify-between text-xs text-slate-600">
            <span>{formatDate(first.date, locale)}</span>
            <span>{formatDate(last.date, locale)}</span>
          </div>
          <details className="mt-2">
            <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-700">{t('showTable')}</summary>
            <div className="max-h-72 overflow-y-auto">
              <table className="w-full text-sm">
                <caption className="sr-only">{title}</caption>
                <thead>
                  <tr className="text-left text-slate-600">
                    <th scope="col" className="py-1 font-medium">{t(series.step === 'day' ? 'day' : 'weekEnding')}</th>
                    <th scope="col" className="py-1 text-right font-medium">{t('balance')}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {series.points.map((p) => (
                    <tr key={p.date}>
                      <td className="py-1">{formatDate(p.date, locale)}</td>
                      <td className="py-1 text-right">
                        <BalanceFigure balance={p.balance} currency={currency} locale={locale} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}
