import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import type { ClaimDetail } from '@/lib/claims/detail';
import { formatDateTime } from '@/lib/i18n/format';
import { MessageComposer } from './message-composer';

/**
 * While the desk waits for the dealer (`info_requested`): its question first on the page, and the
 * box to answer it. The answer goes into the thread and hands the claim back to the desk.
 */
export async function ClaimRequest({ claim }: { claim: ClaimDetail }) {
  if (claim.status !== 'info_requested') return null;
  const [t, locale] = await Promise.all([getTranslations('claimsDealer.request'), getLocale() as Promise<Locale>]);
  const asked = claim.history.findLast((h) => h.to === 'info_requested');
  return (
    <section aria-labelledby="claim-request" className="flex flex-col gap-3 rounded-2xl border-2 border-orange-400 bg-orange-50 p-4 md:p-5" data-testid="claim-request">
      <h2 id="claim-request" className="text-base font-semibold text-orange-950">
        {t('title')}
      </h2>
      {asked?.comment ? (
        <blockquote className="rounded-xl bg-white px-3 py-2 break-words whitespace-pre-line text-slate-900" data-testid="claim-request-question">
          {asked.comment}
        </blockquote>
      ) : null}
      {asked ? (
        <p className="text-xs text-orange-950">
          {asked.actor ? t('askedBy', { name: asked.actor.name, date: formatDateTime(asked.at, locale) }) : t('askedAt', { date: formatDateTime(asked.at, locale) })}
        </p>
      ) : null}
      {claim.moves.includes('answer') ? <MessageComposer number={claim.number} mode="answer" /> : null}
    </section>
  );
}
