import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { PayerBadge } from '@/components/ui/payer-badge';
import type { FinanceSummary } from '@/lib/finance/summary';
import { formatDateTime, formatMoney } from '@/lib/i18n/format';
import { decimalAbs, decimalSign } from '@/lib/money';

/** Who owes whom in words and figures, overdue in red, what falls due in 7 and 30 days, payer category. */
export async function FinanceSummaryCard({ summary }: { summary: FinanceSummary }) {
  const t = await getTranslations('finance');
  const locale = (await getLocale()) as Locale;
  const sign = decimalSign(summary.balance);
  const overdue = decimalSign(summary.overdue) > 0;
  const money = (amount: string) => formatMoney(amount, summary.currency, locale);
  return (
    <section aria-labelledby="finance-summary-title" className="min-w-0 rounded-2xl border border-slate-200 bg-white p-4 md:p-5" data-testid="finance-summary">
      <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1.5">
        <h2 id="finance-summary-title" className="text-sm font-medium text-slate-600">
          {t('summary.title')}
        </h2>
        <PayerBadge category={summary.payerCategory} />
      </div>
      <p className="mt-2 text-sm text-slate-700" data-testid="finance-balance-words">
        {sign > 0 ? t('summary.owes') : sign < 0 ? t('summary.owed') : t('summary.settled')}
      </p>
      <p className="text-3xl font-semibold tabular-nums" data-testid="finance-balance">
        {money(decimalAbs(summary.balance))}
      </p>
      <dl className="mt-4 grid grid-cols-1 gap-3 min-[400px]:grid-cols-3">
        <div className={`rounded-xl p-3 ${overdue ? 'border border-red-200 bg-red-50 text-red-800' : 'bg-slate-50 text-slate-800'}`} data-testid="finance-overdue" data-overdue={overdue}>
          <dt className="text-xs font-medium">{t('summary.overdue')}</dt>
          <dd className="text-lg font-semibold tabular-nums">
            {money(summary.overdue)}
            {overdue ? <span className="sr-only"> — {t('summary.overdueAlert')}</span> : null}
          </dd>
        </div>
        <div className="rounded-xl bg-slate-50 p-3 text-slate-800">
          <dt className="text-xs font-medium">{t('summary.dueIn7')}</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid="finance-due-7">{money(summary.dueIn7Days)}</dd>
        </div>
        <div className="rounded-xl bg-slate-50 p-3 text-slate-800">
          <dt className="text-xs font-medium">{t('summary.dueIn30')}</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid="finance-due-30">{money(summary.dueIn30Days)}</dd>
        </div>
      </dl>
      <p className="mt-3 text-xs text-slate-600" data-testid="finance-updated">
        {summary.updatedAt ? t('summary.updatedAt', { when: formatDateTime(summary.updatedAt, locale) }) : t('summary.neverUpdated')}
      </p>
    </section>
  );
}
