import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale, PayerCategory } from '@/drizzle/schema/values';
import type { BalanceSummary } from '@/lib/finance/queries';
import { formatDateTime, formatMoney } from '@/lib/i18n/format';
import { decimalAbs, decimalSign } from '@/lib/money';
import { PayerBadge } from '@/components/ui/payer-badge';

/** Who owes whom, in words and in numbers; what is overdue and what falls due this week. */
export async function BalanceCard({ summary, currency, payerCategory }: { summary: BalanceSummary; currency: string; payerCategory: PayerCategory }) {
  const t = await getTranslations('dealerHome');
  const tFinance = await getTranslations('finance');
  const locale = (await getLocale()) as Locale;
  const sign = decimalSign(summary.balance);
  const words = sign > 0 ? t('balanceOwes') : sign < 0 ? t('balanceOwed') : t('balanceSettled');
  const overdue = decimalSign(summary.overdue) > 0;
  return (
    <section aria-labelledby="balance-title" className="min-w-0 rounded-2xl border border-slate-200 bg-white p-4 md:p-5">
      <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1.5">
        <h2 id="balance-title" className="text-sm font-medium text-slate-600">{t('balance')}</h2>
        <PayerBadge category={payerCategory} />
      </div>
      <p className="mt-2 text-sm text-slate-700">{words}</p>
      <p className="text-3xl font-semibold tabular-nums" data-testid="balance-amount">
        {formatMoney(decimalAbs(summary.balance), currency, locale)}
      </p>
      <dl className="mt-4 grid grid-cols-2 gap-3">
        <div className={`rounded-xl p-3 ${overdue ? 'bg-red-50 text-red-900' : 'bg-slate-50 text-slate-800'}`}>
          <dt className="text-xs font-medium">{t('overdue')}</dt>
          <dd className="text-lg font-semibold tabular-nums">{formatMoney(summary.overdue, currency, locale)}</dd>
        </div>
        <div className="rounded-xl bg-slate-50 p-3 text-slate-800">
          <dt className="text-xs font-medium">{t('dueSoon')}</dt>
          <dd className="text-lg font-semibold tabular-nums">{formatMoney(summary.dueSoon, currency, locale)}</dd>
        </div>
      </dl>
      <p className="mt-3 text-xs text-slate-600">
        {summary.updatedAt ? t('updatedAt', { when: formatDateTime(summary.updatedAt, locale) }) : t('neverUpdated')}
      </p>
      <Link href="/dealer/finance" className="mt-1 inline-flex min-h-11 items-center font-medium text-brand-700 hover:underline" data-testid="balance-finance-link">
        {tFinance('homeLink')} →
      </Link>
    </section>
  );
}
