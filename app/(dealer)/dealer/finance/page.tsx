import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AgeingBuckets } from '@/components/finance/ageing-buckets';
import { BalanceChart } from '@/components/finance/balance-chart';
import { FinanceDocuments } from '@/components/finance/documents-panel';
import { OpenDebts } from '@/components/finance/open-debts';
import { PaymentsChart } from '@/components/finance/payments-chart';
import { FinanceSummaryCard } from '@/components/finance/summary-card';
import { AsOf } from '@/components/pwa/as-of';
import { LiveRefresh } from '@/components/realtime/live-refresh';
import { requireAreaActor } from '@/lib/auth/session';
import { dealerScopeOf } from '@/lib/auth/scope';
import { addDays, factoryToday } from '@/lib/calendar';
import { getDb } from '@/lib/db';
import { listOpenDebtsForDealer } from '@/lib/finance/ageing';
import { getBalanceSeriesForDealer, getPaymentsByMonthForDealer } from '@/lib/finance/charts';
import { addYears, monthStartBefore, presetPeriod } from '@/lib/finance/period';
import { getFinanceSummaryForDealer } from '@/lib/finance/summary';

/** How many open documents each list shows (the rest are counted). */
const LIST_SIZE = 5;
/** The balance chart's spans: 3 months day by day, 12 months week by week. */
const SPANS = { '3m': 'span3m', '12m': 'span12m' } as const;
type Span = keyof typeof SPANS;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('finance'))('title') };
}

export default async function DealerFinancePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAreaActor('dealer');
  const scope = dealerScopeOf(actor);
  const db = getDb();
  const today = factoryToday();
  const spanParam = (await searchParams).span;
  const span: Span = spanParam === '12m' ? '12m' : '3m';
  const chartPeriod = { from: span === '12m' ? addDays(addYears(today, -1), 1) : addDays(today, -90), to: today };
  // Payments by month: this month and the eleven before it.
  const paymentsPeriod = { from: monthStartBefore(today, 11), to: today };
  const [t, summary, debts, series, payments] = await Promise.all([
    getTranslations('finance'),
    getFinanceSummaryForDealer(db, scope, today),
    listOpenDebtsForDealer(db, scope, { today, limit: 1000 }),
    getBalanceSeriesForDealer(db, scope, chartPeriod),
    getPaymentsByMonthForDealer(db, scope, paymentsPeriod),
  ]);
  const overdue = debts.filter((d) => d.daysOverdue > 0);
  const upcoming = debts.filter((d) => d.daysOverdue <= 0);
  const thisMonth = presetPeriod('thisMonth', today);
  return (
    <div className="flex flex-col gap-4">
      <LiveRefresh events={['ledger.updated']} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold md:text-2xl">{t('title')}</h1>
        <Link
          href="/dealer/finance/ledger"
          className="inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-5 font-semibold text-white hover:bg-brand-800"
          data-testid="open-ledger"
        >
          {t('openLedger')} →
        </Link>
      </div>
      <AsOf />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <FinanceSummaryCard summary={summary} />
        <AgeingBuckets buckets={summary.buckets} currency={summary.currency} />
      </div>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)] lg:items-start">
        <OpenDebts variant="overdue" debts={overdue.slice(0, LIST_SIZE)} more={Math.max(0, overdue.length - LIST_SIZE)} currency={summary.currency} />
        <OpenDebts variant="upcoming" debts={upcoming.slice(0, LIST_SIZE)} more={Math.max(0, upcoming.length - LIST_SIZE)} currency={summary.currency} />
      </div>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)] lg:items-start">
        <div className="flex min-w-0 flex-col gap-2">
          <nav aria-label={t('charts.spanLabel')}>
            <ul className="flex gap-2">
              {(Object.keys(SPANS) as Span[]).map((s) => (
                <li key={s}>
                  <Link
                    href={s === '3m' ? '/dealer/finance' : `/dealer/finance?span=${s}`}
                    scroll={false}
                    prefetch={false}
                    aria-current={span === s ? 'page' : undefined}
                    className={`inline-flex min-h-11 items-center rounded-full border px-3.5 text-sm font-medium ${
                      span === s ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100'
                    }`}
                  >
                    {t(`charts.${SPANS[s]}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <BalanceChart series={series} currency={summary.currency} title={t('charts.balanceTitle')} />
        </div>
        <PaymentsChart months={payments} currency={summary.currency} />
      </div>
      <FinanceDocuments from={thisMonth.from} to={thisMonth.to} />
    </div>
  );
}
