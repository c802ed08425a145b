import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { AGEING_BUCKETS, type AgeingBucket } from '@/lib/finance/ageing';
import { percentOf, toKop } from '@/lib/finance/chart-scale';
import { formatMoney } from '@/lib/i18n/format';

const BAR: Record<AgeingBucket, string> = {
  notDue: 'bg-slate-400',
  days1to30: 'bg-amber-400',
  days31to60: 'bg-orange-500',
  days61to90: 'bg-red-500',
  over90: 'bg-red-700',
};

/** Open debt by how late it is; credits pay the oldest-due debt first. A bar shows each bucket's share. */
export async function AgeingBuckets({ buckets, currency }: { buckets: Record<AgeingBucket, string>; currency: string }) {
  const t = await getTranslations('finance.ageing');
  const locale = (await getLocale()) as Locale;
  const total = AGEING_BUCKETS.reduce((sum, b) => sum + toKop(buckets[b]), 0n);
  return (
    <section aria-labelledby="finance-ageing-title" className="min-w-0 rounded-2xl border border-slate-200 bg-white p-4 md:p-5" data-testid="finance-ageing">
      <h2 id="finance-ageing-title" className="text-base font-semibold">
        {t('title')}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t('rule')}</p>
      {total === 0n ? (
        <p className="mt-3 text-sm text-slate-700">{t('nothingOpen')}</p>
      ) : (
        <ul className="mt-3 flex flex-col gap-2.5">
          {AGEING_BUCKETS.map((bucket) => {
            const share = percentOf(toKop(buckets[bucket]), total);
            const late = bucket !== 'notDue' && toKop(buckets[bucket]) > 0n;
            return (
              <li key={bucket} className="flex flex-col gap-1" data-bucket={bucket}>
                <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                  <span className="text-sm text-slate-700">{t(bucket)}</span>
                  <span className={`font-semibold tabular-nums ${late ? 'text-red-700' : 'text-slate-900'}`}>{formatMoney(buckets[bucket], currency, locale)}</span>
                </div>
                <div className="h-2 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
                  <div className={`h-full rounded-full ${BAR[bucket]}`} style={{ width: `${share}%` }} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
