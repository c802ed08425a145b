import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import type { MonthPayments } from '@/lib/finance/charts';
import { extentWithZero, linearScale, toKop } from '@/lib/finance/chart-scale';
import { intlLocale } from '@/lib/i18n/config';
import { formatMoney } from '@/lib/i18n/format';

const W = 600;
const H = 140;

function monthLabel(month: string, locale: Locale, style: 'short' | 'long'): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { month: style, ...(style === 'long' ? { year: 'numeric' } : {}), timeZone: 'UTC' }).format(
    new Date(`${month}-01T12:00:00Z`),
  );
}

/** Payments received per calendar month as inline SVG bars, with the same numbers as a table. */
export async function PaymentsChart({ months, currency }: { months: MonthPayments[]; currency: string }) {
  const t = await getTranslations('finance.charts');
  const locale = (await getLocale()) as Locale;
  const values = months.map((m) => toKop(m.paid));
  const { max } = extentWithZero(values);
  const h = linearScale(0n, max, 0, H - 2);
  const slot = months.length ? Math.floor(W / months.length) : W;
  const bar = Math.max(2, Math.floor(slot * 0.7));
  const total = values.reduce((a, b) => a + b, 0n);
  return (
    <section aria-labelledby="payments-chart-title" className="min-w-0 rounded-2xl border border-slate-200 bg-white p-4 md:p-5" data-testid="payments-chart">
      <h2 id="payments-chart-title" className="text-base font-semibold">
        {t('paymentsTitle')}
      </h2>
      {total === 0n ? (
        <p className="mt-2 text-sm text-slate-600">{t('noPayments')}</p>
      ) : (
        <>
          <p className="mt-1 text-xs text-slate-600">
            {t('highestMonth')}: <span className="font-medium text-slate-900 tabular-nums">{formatMoney(months[values.indexOf(max)]?.paid ?? '0.00', currency, locale)}</span>
          </p>
          <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-labelledby="payments-chart-svg-title payments-chart-svg-desc" className="mt-2 h-36 w-full">
            <title id="payments-chart-svg-title">{t('paymentsTitle')}</title>
            <desc id="payments-chart-svg-desc">
              {t('paymentsDesc', { from: monthLabel(months[0]!.month, locale, 'long'), to: monthLabel(months.at(-1)!.month, locale, 'long') })}
            </desc>
            <line x1={0} x2={W} y1={H - 1} y2={H - 1} stroke="#cbd5e1" vectorEffect="non-scaling-stroke" />
            {values.map((v, i) => {
              const height = h(v);
              return <rect key={months[i]!.month} x={i * slot + Math.floor((slot - bar) / 2)} y={H - 1 - height} width={bar} height={height} fill="#16a34a" rx={2} />;
            })}
          </svg>
          <div className="mt-1 grid text-center text-[10px] leading-tight text-slate-600" style={{ gridTemplateColumns: `repeat(${months.length}, minmax(0, 1fr))` }} aria-hidden="true">
            {months.map((m) => (
              <span key={m.month} className="truncate">
                {monthLabel(m.month, locale, 'short')}
              </span>
            ))}
          </div>
          <details className="mt-2">
            <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-700">{t('showTable')}</summary>
            <table className="w-full text-sm">
              <caption className="sr-only">{t('paymentsTitle')}</caption>
              <thead>
                <tr className="text-left text-slate-600">
                  <th scope="col" className="py-1 font-medium">{t('month')}</th>
                  <th scope="col" className="py-1 text-right font-medium">{t('paid')}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {months.map((m) => (
                  <tr key={m.month}>
                    <td className="py-1">{monthLabel(m.month, locale, 'long')}</td>
                    <td className="py-1 text-right tabular-nums">{formatMoney(m.paid, currency, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
