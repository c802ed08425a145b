import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { formatMoney } from '@/lib/i18n/format';
import { amountDifference } from '@/lib/orders/detail';

/** The sum of the positions and the order total; when they differ, both and the difference, plainly. */
export async function DetailTotals({ itemsSum, total, currency }: { itemsSum: string; total: string; currency: string }) {
  const t = await getTranslations('orderDetail');
  const locale = (await getLocale()) as Locale;
  const difference = amountDifference(total, itemsSum);
  return (
    <section aria-labelledby="order-totals" className="rounded-2xl border border-slate-200 bg-white p-4 md:p-5" data-testid="order-totals">
      <h2 id="order-totals" className="text-base font-semibold">
        {t('totalsTitle')}
      </h2>
      <dl className="mt-2 flex flex-col gap-1">
        {difference ? (
          <div className="flex flex-wrap items-baseline justify-between gap-x-3">
            <dt className="text-slate-700">{t('itemsSum')}</dt>
            <dd className="font-medium tabular-nums" data-testid="items-sum">
              {formatMoney(itemsSum, currency, locale)}
            </dd>
          </div>
        ) : null}
        <div className="flex flex-wrap items-baseline justify-between gap-x-3">
          <dt className="font-semibold">{t('orderTotal')}</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid="order-total">
            {formatMoney(total, currency, locale)}
          </dd>
        </div>
      </dl>
      {difference ? (
        <p className="mt-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="totals-differ">
          {t('totalsDiffer', { amount: formatMoney(difference.replace(/^-/, ''), currency, locale) })}
        </p>
      ) : null}
    </section>
  );
}
