import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { StatusChip } from '@/components/ui/status-chip';
import type { ClaimDetail } from '@/lib/claims/detail';
import { MAX_PHOTOS_PER_OWNER } from '@/lib/files/limits';
import { formatDate, formatDateTime } from '@/lib/i18n/format';
import { AddPhotos } from './add-photos';
import { ClaimDecision } from './claim-decision';
import { ClaimFacts } from './claim-facts';
import { ClaimHistory } from './claim-history';
import { ClaimRequest } from './claim-request';
import { ClaimThread } from './claim-thread';
import { DealerMove } from './dealer-move';
import { CLAIMS_HREF } from './links';
import { PhotoThumbs } from './photo-thumbs';

/**
 * The dealer's claim page: where it stands, what the desk asks of him, the decision, what it is
 * about, the photos, the conversation, his own moves and the history. The buttons are the ones
 * the claim's `moves` allow.
 */
export async function ClaimView({ claim, justFiled }: { claim: ClaimDetail; justFiled: boolean }) {
  const [t, tCategory, locale] = await Promise.all([getTranslations('claimsDealer.detail'), getTranslations('claimCategory'), getLocale() as Promise<Locale>]);
  const claimPhotos = claim.attachments.filter((a) => a.messageId === null);
  return (
    <div className="mx-auto flex w-full max-w-3xl min-w-0 flex-col gap-4" data-testid="claim-detail" data-claim={claim.number} data-status={claim.status}>
      <Link href={CLAIMS_HREF} className="inline-flex min-h-11 items-center self-start text-sm font-medium text-brand-700 hover:underline">
        ← {t('backToList')}
      </Link>

      {justFiled ? (
        <p role="status" className="rounded-lg border border-green-200 bg-green-50 px-3 py-2.5 text-sm text-green-900" data-testid="claim-filed">
          {t('filedBanner', { number: claim.number })}
        </p>
      ) : null}

      <header className="flex flex-col gap-2 rounded-2xl border border-slate-200 bg-white p-4 md:p-5">
        <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-2">
          <h1 className="text-xl font-semibold tabular-nums md:text-2xl">{t('title', { number: claim.number })}</h1>
          <StatusChip kind="claim" status={claim.status} />
        </div>
        <p className="font-medium" data-testid="claim-category">
          {tCategory(claim.category)}
        </p>
        <p className="text-sm text-slate-600">
          {t('filedOn', { date: formatDate(claim.createdAt, locale) })} · {t('updatedOn', { date: formatDateTime(claim.updatedAt, locale) })}
        </p>
        <p className="text-sm text-slate-700">{claim.assignee ? t('specialist', { name: claim.assignee.name }) : t('noSpecialist')}</p>
      </header>

      <ClaimRequest claim={claim} />
      <ClaimDecision claim={claim} />
      <ClaimFacts claim={claim} />

      <section aria-labelledby="claim-photos" className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 md:p-5" data-testid="claim-photos">
        <h2 id="claim-photos" className="text-base font-semibold">
          {t('photosTitle', { count: claimPhotos.length })}
        </h2>
        {claimPhotos.length ? <PhotoThumbs photos={claimPhotos} /> : <p className="text-sm text-slate-600">{t('noPhotos')}</p>}
        {claim.status === 'closed' ? null : <AddPhotos number={claim.number} room={MAX_PHOTOS_PER_OWNER - claimPhotos.length} />}
      </section>

      <ClaimThread claim={claim} />

      {claim.moves.includes('withdraw') ? (
        <section aria-labelledby="claim-withdraw" className="flex flex-col gap-2 rounded-2xl border border-slate-200 bg-white p-4 md:p-5" data-testid="claim-withdraw">
          <h2 id="claim-withdraw" className="text-base font-semibold">
            {t('withdrawTitle')}
          </h2>
          <p className="text-sm text-slate-700">{t('withdrawHint')}</p>
          <DealerMove number={claim.number} move="withdraw" />
        </section>
      ) : null}

      <ClaimHistory history={claim.history} />
    </div>
  );
}
