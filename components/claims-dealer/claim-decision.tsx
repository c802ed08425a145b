import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import type { ClaimDetail } from '@/lib/claims/detail';
import { formatDate, formatDateTime, formatMoney } from '@/lib/i18n/format';
import { DealerMove } from './dealer-move';

const UNDECIDED = new Set(['submitted', 'in_review', 'info_requested']);

/**
 * The decision in words: what the factory does (repair with the visit date, replacement of a part
 * or the whole construction, a compensation credited to the dealer's account, a refund), a
 * partial one marked with its reason; a rejection with its reason and the one appeal; a
 * withdrawal with the dealer's reason. Nothing while the claim is still being looked at.
 */
export async function ClaimDecision({ claim }: { claim: ClaimDetail }) {
  const [t, locale] = await Promise.all([getTranslations('claimsDealer.decision'), getLocale() as Promise<Locale>]);
  const r = claim.resolution;
  const lastMove = claim.history.at(-1);
  const withdrawn = claim.status === 'closed' && !r && lastMove?.to === 'closed' && lastMove.from !== null && UNDECIDED.has(lastMove.from);
  const rejected = claim.status === 'rejected' || (claim.status === 'closed' && !r && !withdrawn);
  const rejection = rejected ? claim.history.findLast((h) => h.to === 'rejected') : undefined;
  const canAppeal = claim.moves.includes('appeal');

  if (!r && !rejected && !withdrawn && !claim.appeal) return null;

  return (
    <section
      aria-labelledby="claim-decision"
      className={`flex flex-col gap-2 rounded-2xl border p-4 md:p-5 ${rejected ? 'border-red-200 bg-red-50' : r ? 'border-teal-200 bg-teal-50' : 'border-slate-200 bg-white'}`}
      data-testid="claim-decision"
      data-kind={r?.kind ?? (rejected ? 'rejected' : withdrawn ? 'withdrawn' : 'appealed')}
    >
      <h2 id="claim-decision" className="text-base font-semibold">
        {withdrawn ? t('withdrawnTitle') : r || rejected ? t('title') : t('appealTitle')}
      </h2>

      {r ? (
        <>
          <p className="text-lg font-semibold" data-testid="resolution-words">
            {r.kind === 'repair'
              ? t('repair')
              : r.kind === 'replacement'
                ? r.scope === 'part'
                  ? t('replacementPart')
                  : t('replacementWhole')
                : r.kind === 'compensation' && r.amount
                  ? t('compensation', { amount: formatMoney(r.amount, claim.order.currency, locale) })
                  : t('refund')}
          </p>
          {r.partial ? (
            <p className="self-start rounded-sm border border-amber-400 bg-amber-100 px-2 py-0.5 text-sm font-semibold text-amber-950" data-testid="resolution-partial">
              {t('partial')}
            </p>
          ) : null}
          {r.kind === 'repair' && r.visitDate ? <p>{t('repairVisit', { date: formatDate(r.visitDate, locale) })}</p> : null}
          {r.kind === 'compensation' ? (
            <p>
              {t('compensationCredited')}{' '}
              <Link href="/dealer" className="font-medium text-brand-700 underline underline-offset-2">
                {t('seeBalance')}
              </Link>
            </p>
          ) : null}
          {r.kind === 'refund' ? <p>{t('refundHint')}</p> : null}
          {r.comment ? <p className="whitespace-pre-line">{t('comment', { comment: r.comment })}</p> : null}
          {claim.status === 'resolved' || claim.status === 'closed' ? <p className="text-sm text-slate-700">{t('carriedOut')}</p> : null}
        </>
      ) : null}

      {rejected ? (
        <>
          <p className="text-lg font-semibold">{t('rejected')}</p>
          {rejection?.comment ? <p className="whitespace-pre-line">{t('rejectedWhy', { comment: rejection.comment })}</p> : null}
          {canAppeal ? (
            <>
              <p className="text-sm text-slate-800">{t('appealHint')}</p>
              <DealerMove number={claim.number} move="appeal" />
            </>
          ) : null}
        </>
      ) : null}

      {claim.appeal ? (
        <p className="text-sm whitespace-pre-line text-slate-800" data-testid="claim-appeal">
          {claim.appeal.reason
            ? t('appealed', { date: formatDateTime(claim.appeal.at, locale), reason: claim.appeal.reason })
            : t('appealedNoReason', { date: formatDateTime(claim.appeal.at, locale) })}
        </p>
      ) : null}

      {withdrawn && lastMove ? (
        <p className="whitespace-pre-line" data-testid="claim-withdrawn">
          {lastMove.comment
            ? t('withdrawn', { date: formatDateTime(lastMove.at, locale), reason: lastMove.comment })
            : t('withdrawnNoReason', { date: formatDateTime(lastMove.at, locale) })}
        </p>
      ) : null}
    </section>
  );
}
