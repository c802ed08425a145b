import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { claimHref, CLAIMS_HREF } from '@/components/claims-dealer/links';
import { StatusChip } from '@/components/ui/status-chip';
import type { DealerOpenClaim } from '@/lib/claims/queries';
import { formatDate } from '@/lib/i18n/format';

/** The dealer's claims still in work: what about, on which order, where it stands. */
export async function OpenClaims({ total, claims }: { total: number; claims: DealerOpenClaim[] }) {
  const [t, tc, tAll] = await Promise.all([getTranslations('dealerHome'), getTranslations('claimCategory'), getTranslations('claimsDealer.home')]);
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
          <ul className="mt-2 divide-y divide-slate-100">
            {claims.map((claim) => (
              <li key={claim.number} data-claim={claim.number}>
                <Link href={claimHref(claim.number)} prefetch={false} className="flex flex-col gap-1 px-4 py-3 hover:bg-slate-50 md:px-5">
                  <span className="flex flex-wrap items-center justify-between gap-2">
                    <span className="font-semibold tabular-nums">{t('claim', { number: claim.number })}</span>
                    <StatusChip kind="claim" status={claim.status} />
                  </span>
                  <span className="text-sm text-slate-700">{tc(claim.category)}</span>
                  <span className="text-xs text-slate-600">
                    {t('claimOrder', { number: claim.orderNumber })} · {t('claimFiled', { date: formatDate(claim.createdAt, locale) })}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
          {more > 0 ? <p className="px-4 pb-2 text-sm text-slate-600 md:px-5">{t('moreClaims', { count: more })}</p> : null}
        </>
      )}
      <Link href={CLAIMS_HREF} className="mx-4 mb-3 inline-flex min-h-11 items-center text-sm font-medium text-brand-700 hover:underline md:mx-5" data-testid="all-claims">
        {tAll('allClaims')}
      </Link>
    </section>
  );
}
