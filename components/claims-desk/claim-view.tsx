import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { LiveRefresh } from '@/components/realtime/live-refresh';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import type { Assignee } from '@/lib/claims/assign';
import type { ClaimDetail } from '@/lib/claims/detail';
import { MOVE_RULES } from '@/lib/claims/workflow';
import type { OrderItemDetail } from '@/lib/orders/queries';
import { ClaimActions } from './claim-actions';
import { ClaimConstruction } from './claim-construction';
import { ClaimFacts } from './claim-facts';
import { ClaimHeader } from './claim-header';
import { ClaimHistory } from './claim-history';
import { ClaimThread } from './claim-thread';
import { MessageComposer } from './message-composer';
import { ReassignForm } from './reassign-form';
import { ResolutionSummary } from './resolution-summary';

type Props = {
  claim: ClaimDetail;
  actor: Actor;
  /** The claimed construction from the order, when the claim names one. */
  item: OrderItemDetail | null;
  /** For a lead: whom the claim may go to (null: no reassigning here). */
  assignees: Assignee[] | null;
  now: Date;
};

/**
 * The claims desk's claim page: who and what with the clocks, the moves this person may make,
 * what the dealer reported and the construction, the thread with the dealer beside the internal
 * notes, and the whole history. Live: a change or a message on this claim re-renders it in place.
 */
export async function ClaimView({ claim, actor, item, assignees, now }: Props) {
  const t = await getTranslations('claimDesk');
  const deskMoves = claim.moves.filter((m) => MOVE_RULES[m].by === 'desk');
  const works = can(actor, 'claims.work');
  const othersClaim = works && deskMoves.length === 0 && claim.status !== 'closed' && claim.assignee !== null && claim.assignee.id !== actor.userId;
  return (
    <div className="flex min-w-0 flex-col gap-4" data-testid="claim-page" data-claim={claim.number} data-status={claim.status}>
      <LiveRefresh events={['claim.updated', 'claim.message']} match={{ 'claim.updated': { number: claim.number }, 'claim.message': { number: claim.number } }} />
      <Link href="/claims" className="inline-flex min-h-11 items-center self-start text-sm font-medium text-brand-700 hover:underline">
        ← {t('back')}
      </Link>
      <ClaimHeader claim={claim} viewerId={actor.userId} now={now} />

      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)] lg:items-start">
        <div className="flex min-w-0 flex-col gap-4 lg:col-start-2 lg:row-start-1">
          {works ? (
            <ClaimActions key={claim.number} number={claim.number} moves={deskMoves} currency={claim.order.currency} />
          ) : (
            <p className="rounded-2xl border border-slate-200 bg-white p-4 text-sm text-slate-600" data-testid="claim-read-only">
              {t('readOnly')}
            </p>
          )}
          {othersClaim ? (
            <p className="rounded-xl border border-violet-200 bg-violet-50 p-3 text-sm text-violet-950" data-testid="claim-others">
              {t('othersClaim', { name: claim.assignee?.name ?? '' })}
            </p>
          ) : null}
          {assignees ? (
            <ReassignForm
              number={claim.number}
              assigneeId={claim.assignee?.id ?? null}
              people={assignees.map((a) => ({ id: a.id, name: a.name, openClaims: a.openClaims }))}
            />
          ) : null}
        </div>
        <div className="flex min-w-0 flex-col gap-4 lg:col-start-1 lg:row-start-1">
          {claim.resolution ? <ResolutionSummary resolution={claim.resolution} currency={claim.order.currency} /> : null}
          <ClaimFacts claim={claim} />
          <ClaimConstruction item={item} position={claim.itemPosition} currency={claim.order.currency} />
        </div>
      </div>

      <div className="grid gap-4 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] xl:items-start">
        <ClaimThread variant="public" messages={claim.messages} attachments={claim.attachments}>
          {works && claim.status !== 'closed' ? (
            <MessageComposer number={claim.number} internal={false} />
          ) : claim.status === 'closed' ? (
            <p className="border-t border-slate-200 pt-3 text-sm text-slate-600">{t('thread.closed')}</p>
          ) : null}
        </ClaimThread>
        <ClaimThread variant="internal" messages={claim.messages} attachments={claim.attachments}>
          {can(actor, 'claims.internalNotes') ? <MessageComposer number={claim.number} internal /> : null}
        </ClaimThread>
      </div>

      <ClaimHistory claim={claim} />
    </div>
  );
}
