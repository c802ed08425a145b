import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import type { ClaimDetail } from '@/lib/claims/detail';
import { formatDateTime } from '@/lib/i18n/format';
import { PhotoGrid } from './photo-grid';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-0.5 border-t border-slate-100 py-2 first:border-t-0 first:pt-0 sm:grid-cols-[11rem_minmax(0,1fr)] sm:gap-3">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

/** What the dealer reported: the description, the end customer, the photos filed with the claim. */
export async function ClaimFacts({ claim }: { claim: ClaimDetail }) {
  const t = await getTranslations('claimDesk.facts');
  const locale = (await getLocale()) as Locale;
  const photos = claim.attachments.filter((a) => a.messageId === null);
  const rejection = claim.status === 'rejected' ? claim.history.findLast((h) => h.to === 'rejected') : undefined;
  return (
    <section aria-labelledby="claim-facts" className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 md:p-5">
      <h2 id="claim-facts" className="text-base font-semibold">
        {t('title')}
      </h2>
      <p className="break-words whitespace-pre-line" data-testid="claim-description">
        {claim.description}
      </p>
      <dl>
        <Row label={t('address')}>{claim.customerAddress ?? <span className="text-slate-600">{t('notGiven')}</span>}</Row>
        <Row label={t('contact')}>{claim.customerContact ?? <span className="text-slate-600">{t('notGiven')}</span>}</Row>
        {claim.damageNotedOnDelivery !== null ? <Row label={t('damageNoted')}>{t(claim.damageNotedOnDelivery ? 'yes' : 'no')}</Row> : null}
      </dl>
      <div className="flex flex-col gap-2">
        <h3 className="text-sm font-semibold">{t('photos')}</h3>
        {photos.length ? <PhotoGrid photos={photos} label={t('photos')} /> : <p className="text-sm text-slate-600">{t('noPhotos')}</p>}
      </div>
      {rejection?.comment ? (
        <p className="rounded-xl border border-slate-300 bg-slate-50 p-3 text-sm break-words whitespace-pre-line" data-testid="claim-rejection">
          {t('rejected', { reason: rejection.comment })}
        </p>
      ) : null}
      {claim.appeal ? (
        <p className="rounded-xl border border-amber-300 bg-amber-50 p-3 text-sm break-words whitespace-pre-line text-amber-950" data-testid="claim-appeal">
          {t('appealed', { date: formatDateTime(claim.appeal.at, locale), reason: claim.appeal.reason ?? '—' })}
        </p>
      ) : null}
    </section>
  );
}
