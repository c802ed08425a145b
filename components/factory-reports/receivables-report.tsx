import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { AGEING_BUCKETS, type AgeingBucket } from '@/lib/finance/ageing';
import { percentOf, toKop } from '@/lib/finance/chart-scale';
import { formatMoney, formatNumber } from '@/lib/i18n/format';
import type { ReceivablesSummary } from '@/lib/reports/factory';

const COLORS: Record<AgeingBucket, string> = { notDue: '#94a3b8', days1to30: '#fbbf24', days31to60: '#f97316', days61to90: '#ef4444', over90: '#b91c1c' };
const ROW = 12;

/** What dealers owe: totals, open debt by days overdue as bars (exact shares from kopiyky), and per payer category. */
export async function ReceivablesReport({ summary }: { summary: ReceivablesSummary }) {
  const [t, tPayer, locale] = await Promise.all([getTranslations('factoryReports'), getTranslations('payer'), getLocale() as Promise<Locale>]);
  if (!summary.currencies.length) return <p className="text-sm text-slate-700">{t('receivables.nothing')}</p>;
  return (
    <>
      {summary.currencies.map((c) => {
        const money = (amount: string) => formatMoney(amount, c.currency, locale);
        const total = AGEING_BUCKETS.reduce((sum, b) => sum + toKop(c.buckets[b]), 0n);
        const id = `factory-report-receivables-${c.currency}`;
        return (
          <div key={c.currency} className="flex min-w-0 flex-col gap-3" data-currency={c.currency}>
            {summary.currencies.length > 1 ? <p className="text-sm font-semibold">{t('receivables.currency', { currency: c.currency })}</p> : null}
            <dl className="grid grid-cols-1 gap-2 sm:grid-cols-3" data-testid="factory-report-receivables-totals">
              <div className="rounded-xl bg-slate-50 px-3 py-2" data-figure="balance">
                <dt className="text-xs text-slate-600">{t('receivables.balance')}</dt>
                <dd className="text-lg font-semibold break-words tabular-nums">{money(c.balance)}</dd>
              </div>
              <div className="rounded-xl bg-slate-50 px-3 py-2" data-figure="overdue">
                <dt className="text-xs text-slate-600">{t('receivables.overdue')}</dt>
                <dd className={`text-lg font-semibold break-words tabular-nums ${toKop(c.overdue) > 0n ? 'text-red-700' : ''}`}>{money(c.overdue)}</dd>
              </div>
              <div className="rounded-xl bg-slate-50 px-3 py-2" data-figure="debtors">
                <dt className="text-xs text-slate-600">{t('receivables.debtors')}</dt>
                <dd className="text-lg font-semibold tabular-nums">{formatNumber(c.debtors, locale)}</dd>
              </div>
            </dl>
            <figure className="flex min-w-0 flex-col gap-2">
              <h3 className="text-sm font-semibold">{t('receivables.byAgeing')}</h3>
              <svg
                viewBox={`0 0 100 ${AGEING_BUCKETS.length * ROW}`}
                preserveAspectRatio="none"
                role="img"
                aria-labelledby={`${id}-chart-title ${id}-chart-desc`}
                className="h-28 w-full"
                data-testid="factory-report-receivables-chart"
              >
                <title id={`${id}-chart-title`}>{t('chartLabel', { report: t('receivables.byAgeing') })}</title>
                <desc id={`${id}-chart-desc`}>{AGEING_BUCKETS.map((b) => `${t(`bucket.${b}`)}: ${money(c.buckets[b])}`).join('; ')}</desc>
                {AGEING_BUCKETS.map((b, i) => (
                  <g key={b}>
                    <rect x={0} y={i * ROW + 2} width={100} height={ROW - 4} fill="#f1f5f9" />
                    <rect x={0} y={i * ROW + 2} width={percentOf(toKop(c.buckets[b]), total)} height={ROW - 4} fill={COLORS[b]} />
                  </g>
                ))}
              </svg>
              <figcaption>
                <dl className="grid grid-cols-1 gap-x-4 text-sm sm:grid-cols-2">
                  {AGEING_BUCKETS.map((b) => (
                    <div key={b} className="flex justify-between gap-2 border-b border-slate-100 py-1" data-bucket={b}>
                      <dt className="inline-flex items-center gap-1.5 text-slate-700">
                        <span className="h-2.5 w-2.5 rounded-sm" style={{ backgroundColor: COLORS[b] }} aria-hidden="true" />
                        {t(`bucket.${b}`)}
                      </dt>
                      <dd className="font-semibold tabular-nums">{money(c.buckets[b])}</dd>
                    </div>
                  ))}
                </dl>
              </figcaption>
            </figure>
            <div className="flex min-w-0 flex-col gap-1.5">
              <h3 className="text-sm font-semibold">{t('receivables.byCategory')}</h3>
              <ul className="flex flex-col gap-2 sm:hidden">
                {c.byCategory.map((g) => (
                  <li key={g.category} className="rounded-xl border border-slate-200 px-3 py-2" data-category={g.category}>
                    <p className="font-medium">{tPayer(g.category)}</p>
                    <dl className="mt-1 grid grid-cols-1 gap-0.5 text-sm">
                      <div className="flex justify-between gap-2">
                        <dt className="text-slate-600">{t('receivables.debtors')}</dt>
                        <dd className="tabular-nums">{formatNumber(g.debtors, locale)}</dd>
                      </div>
                      <div className="flex justify-between gap-2">
                        <dt className="text-slate-600">{t('receivables.balance')}</dt>
                        <dd className="tabular-nums">{money(g.balance)}</dd>
                      </div>
                      <div className="flex justify-between gap-2">
                        <dt className="text-slate-600">{t('receivables.overdue')}</dt>
                        <dd className="tabular-nums">{money(g.overdue)}</dd>
                      </div>
                    </dl>
                  </li>
                ))}
              </ul>
              <div className="hidden overflow-x-auto sm:block">
                <table className="w-full text-left text-sm" data-testid="factory-report-receivables-categories">
                  <thead className="border-b border-slate-200 text-xs text-slate-600">
                    <tr>
                      <th scope="col" className="py-1.5 pr-2 font-medium">{t('receivables.category')}</th>
                      <th scope="col" className="px-2 py-1.5 text-right font-medium">{t('receivables.debtors')}</th>
                      <th scope="col" className="px-2 py-1.5 text-right font-medium">{t('receivables.balance')}</th>
                      <th scope="col" className="py-1.5 pl-2 text-right font-medium">{t('receivables.overdue')}</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {c.byCategory.map((g) => (
                      <tr key={g.category} data-category={g.category}>
                        <th scope="row" className="py-1.5 pr-2 font-normal">{tPayer(g.category)}</th>
                        <td className="px-2 py-1.5 text-right tabular-nums">{formatNumber(g.debtors, locale)}</td>
                        <td className="px-2 py-1.5 text-right whitespace-nowrap tabular-nums">{money(g.balance)}</td>
                        <td className="py-1.5 pl-2 text-right whitespace-nowrap tabular-nums">{money(g.overdue)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </div>
        );
      })}
      <Link href="/factory/finance" prefetch={false} className="inline-flex min-h-11 w-fit items-center font-medium text-brand-700 hover:underline">
        {t('receivables.openPage')}
      </Link>
    </>
  );
}
