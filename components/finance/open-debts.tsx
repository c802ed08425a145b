import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import type { OpenDebt } from '@/lib/finance/ageing';
import { formatDate, formatMoney } from '@/lib/i18n/format';

/** Documents with something left to pay: the overdue ones (red, oldest first) or the upcoming ones. */
export async function OpenDebts({ variant, debts, currency, more }: { variant: 'overdue' | 'upcoming'; debts: OpenDebt[]; currency: string; more: number }) {
  const t = await getTranslations('finance');
  const locale = (await getLocale()) as Locale;
  const id = `finance-${variant}-title`;
  return (
    <section aria-labelledby={id} className="min-w-0 rounded-2xl border border-slate-200 bg-white" data-testid={`finance-${variant}-list`}>
      <h2 id={id} className="px-4 pt-4 text-base font-semibold md:px-5">
        {t(`openDebts.${variant}Title`)}
      </h2>
      {debts.length === 0 ? (
        <p className="px-4 pt-2 pb-4 text-sm text-slate-600 md:px-5">{t(`openDebts.${variant}None`)}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100">
          {debts.map((d) => (
            <li key={d.id} className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-0.5 px-4 py-3 md:px-5" data-testid="open-debt">
              <p className="min-w-0 font-medium">{t(`kind.${d.kind}`)}</p>
              <p className={`text-right font-semibold tabular-nums ${variant === 'overdue' ? 'text-red-700' : 'text-slate-900'}`}>{formatMoney(d.open, currency, locale)}</p>
              <p className="min-w-0 text-sm break-words text-slate-700">{d.document ?? ''}</p>
              <p className="text-right text-sm text-slate-600">
                {d.open !== d.amount ? t('openDebts.ofAmount', { amount: formatMoney(d.amount, currency, locale) }) : null}
              </p>
              <p className={`col-span-2 text-sm ${variant === 'overdue' ? 'text-red-700' : 'text-slate-600'}`}>
                {variant === 'overdue'
                  ? t('openDebts.overdueBy', { date: formatDate(d.dueOn, locale), days: d.daysOverdue })
                  : d.daysOverdue === 0
                    ? t('openDebts.dueToday')
                    : t('openDebts.dueOn', { date: formatDate(d.dueOn, locale), days: -d.daysOverdue })}
              </p>
              {d.orderNumber ? (
                <Link href={`/dealer/orders/${encodeURIComponent(d.orderNumber)}`} prefetch={false} className="col-span-2 inline-flex min-h-11 items-center self-start text-sm font-medium text-brand-700 hover:underline">
                  {t('orderLink', { number: d.orderNumber })}
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {more > 0 ? <p className="px-4 pb-4 text-sm text-slate-600 md:px-5">{t('openDebts.more', { count: more })}</p> : null}
    </section>
  );
}
