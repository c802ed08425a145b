import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/enums';
import { StatusChip } from '@/components/ui/status-chip';
import type { DealerOpenClaim } from '@/lib/claims/queries';
import { formatDate } from '@/lib/i18n/format';

/** The dealer's claims still in work: what about, on which order, where it stands. */
export async function OpenClaims({ total, claims }: { total: number; claims: DealerOpenClaim[] }) {
  const [t, tc] = await Promise.all([getTranslations('dealerHome'), getTranslations('claimCategory')]);
  const locale = (await getLocale()) as Locale;
  const more = total - claims.length;
  return (
    <section aria-labelledby="open-claims" className="rounded-2xl border border-slate-200 bg-white" data-testid="open-claims">
      <div className="flex flex-wrap items-baseline justify-between gap-2 px-4 pt-4 md:px-5">
        <h2 id="open-claims" className="text-base font-semibold">{t('openClaims')}</h2>
        <span className="text-sm text-slate-600" data-testid="open-claims-count">{t('openClaimsCount', { count: total })}</span>
      </div>
      {claims.length === 0 ? (
        <p className="px-4 pb-6 pt-2 text-sm text-slate-600 md:px-5">{t('noOpenClaims')}</p>
      ) : (
        <>
          {/* No claim page for dealers yet: the rows are plain text until /dealer/claims/{number} exists. */}
          <ul className="mt-2 divide-y divide-slate-100">
            {claims.map((claim) => (
              <li key={claim.number} className="flex flex-col gap-1 px-4 py-3 md:px-5" data-claim={claim.number}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="font-semibold tabular-nums">{t('claim', { number: claim.number })}</p>
                  <StatusChip kind="claim" status={claim.status} />
                </div>
                <p className="text-sm text-slate-700">{tc(claim.category)}</p>
                <p className="text-xs text-slate-600">
                  {t('claimOrder', { number: claim.orderNumber })} · {t('claimFiled', { date: formatDate(claim.createdAt, locale) })}
                </p>
              </li>
            ))}
          </ul>
          {more > 0 ? <p className="px-4 pb-4 text-sm text-slate-600 md:px-5">{t('moreClaims', { count: more })}</p> : null}
        </>
      )}
    </section>
  );
}
