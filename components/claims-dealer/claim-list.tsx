import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { StatusChip } from '@/components/ui/status-chip';
import type { ClaimListItem } from '@/lib/claims/detail';
import { formatDate } from '@/lib/i18n/format';
import { claimHref } from './links';

/** The dealer's claims as cards, newest first: where each stands, and whether it waits for him. */
export async function ClaimList({ claims }: { claims: ClaimListItem[] }) {
  const [t, tCategory] = await Promise.all([getTranslations('claimsDealer.list'), getTranslations('claimCategory')]);
  const locale = (await getLocale()) as Locale;
  return (
    <ul className="grid grid-cols-1 gap-2 md:grid-cols-2" aria-label={t('listLabel')} data-testid="claim-cards">
      {claims.map((claim) => {
        const waiting = claim.status === 'info_requested';
        return (
          <li key={claim.number}>
            <Link
              href={claimHref(claim.number)}
              prefetch={false}
              data-testid="claim-card"
              data-number={claim.number}
              data-waiting={waiting || undefined}
              className={`flex h-full flex-col gap-1.5 rounded-2xl border bg-white px-3.5 py-3 hover:border-brand-600 focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:outline-none ${
                waiting ? 'border-orange-400 ring-1 ring-orange-300' : 'border-slate-200'
              }`}
            >
              <span className="flex flex-wrap items-center justify-between gap-x-2 gap-y-1">
                <span className="font-semibold whitespace-nowrap tabular-nums">{t('claim', { number: claim.number })}</span>
                <StatusChip kind="claim" status={claim.status} />
              </span>
              {waiting ? (
                <span className="self-start rounded-sm bg-orange-100 px-2 py-0.5 text-xs font-semibold text-orange-900" data-testid="claim-waiting">
                  {t('waitingForYou')}
                </span>
              ) : null}
              <span className="text-sm font-medium break-words text-slate-800">{tCategory(claim.category)}</span>
              <span className="text-sm text-slate-700">
                {claim.itemPosition !== null
                  ? t('orderAndPosition', { number: claim.orderNumber, position: claim.itemPosition })
                  : t('order', { number: claim.orderNumber })}
              </span>
              <span className="flex flex-wrap justify-between gap-x-3 text-xs text-slate-600">
                <span>{t('filed', { date: formatDate(claim.createdAt, locale) })}</span>
                <span>{t('updated', { date: formatDate(claim.updatedAt, locale) })}</span>
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
