import type { ClaimStatus, Role } from '@/drizzle/schema/values';
import { can, isDealerRole } from '@/lib/auth/permissions';

// The claims workflow (contract statuses), pure: the actions enforce it and the claim pages ask
// it which buttons to show.
//
//   submitted ─take→ in_review ─request_info→ info_requested ─answer (dealer) / resume→ in_review
//   in_review ─approve→ approved ─resolve→ resolved ─close→ closed
//   in_review ─reject→ rejected ─close→ closed;  rejected ─appeal (dealer, once)→ in_review
//   submitted | in_review | info_requested ─withdraw (dealer)→ closed
//
// The desk's moves other than `take` belong to the claim's specialist (or a lead who may
// reassign); a specialist who moves an unassigned claim takes it.

export const CLAIM_MOVES = ['take', 'request_info', 'resume', 'approve', 'reject', 'resolve', 'close', 'answer', 'withdraw', 'appeal'] as const;
export type ClaimMove = (typeof CLAIM_MOVES)[number];

type MoveRule = {
  from: readonly ClaimStatus[];
  to: ClaimStatus;
  by: 'desk' | 'dealer';
  /** The move must say why (a partial approval too: see the transition schema). */
  reason: boolean;
};

export const MOVE_RULES: Readonly<Record<ClaimMove, MoveRule>> = {
  take: { from: ['submitted'], to: 'in_review', by: 'desk', reason: false },
  request_info: { from: ['in_review'], to: 'info_requested', by: 'desk', reason: true },
  // The dealer answered some other way (a call): the desk carries on without a message.
  resume: { from: ['info_requested'], to: 'in_review', by: 'desk', reason: true },
  approve: { from: ['in_review'], to: 'approved', by: 'desk', reason: false },
  reject: { from: ['in_review'], to: 'rejected', by: 'desk', reason: true },
  resolve: { from: ['approved'], to: 'resolved', by: 'desk', reason: false },
  close: { from: ['resolved', 'rejected'], to: 'closed', by: 'desk', reason: false },
  // The dealer's message on a claim waiting for him is his answer (the message is the reason).
  answer: { from: ['info_requested'], to: 'in_review', by: 'dealer', reason: true },
  withdraw: { from: ['submitted', 'in_review', 'info_requested'], to: 'closed', by: 'dealer', reason: true },
  appeal: { from: ['rejected'], to: 'in_review', by: 'dealer', reason: true },
};

/** The claim as far as the workflow is concerned. */
export type WorkflowClaim = {
  status: ClaimStatus;
  dealerId: number;
  assigneeId: string | null;
  appealedAt: Date | string | null;
};
export type WorkflowActor = { userId: string; role: Role; dealerId: number | null };

/**
 * Why a move is refused: `forbidden` this role never makes it (403); the rest are 409 —
 * `wrong_status` not from this status, `not_assignee` another specialist's claim,
 * `appeal_used` a claim is appealed once.
 */
export type MoveRefusal = 'forbidden' | 'wrong_status' | 'not_assignee' | 'appeal_used';
export type MoveCheck = { ok: true; to: ClaimStatus; takes: boolean } | { ok: false; refusal: MoveRefusal };

/** Decided claims (approved or rejected at some point): a decision time is kept. */
export const DECISION_MOVES: readonly ClaimMove[] = ['approve', 'reject'];

function mayMakeAsRole(actor: WorkflowActor, claim: WorkflowClaim, move: ClaimMove): boolean {
  const rule = MOVE_RULES[move];
  if (rule.by === 'dealer') return isDealerRole(actor.role) && can(actor, 'claims.file') && actor.dealerId === claim.dealerId;
  return can(actor, DECISION_MOVES.includes(move) ? 'claims.decide' : 'claims.work');
}

/** May this actor make this move on this claim now? `takes`: the claim becomes his. */
export function checkMove(claim: WorkflowClaim, actor: WorkflowActor, move: ClaimMove): MoveCheck {
  const rule = MOVE_RULES[move];
  if (!mayMakeAsRole(actor, claim, move)) return { ok: false, refusal: 'forbidden' };
  if (!rule.from.includes(claim.status)) return { ok: false, refusal: 'wrong_status' };
  if (move === 'appeal' && claim.appealedAt !== null) return { ok: false, refusal: 'appeal_used' };
  if (rule.by === 'dealer') return { ok: true, to: rule.to, takes: false };
  const own = claim.assigneeId === actor.userId;
  if (move === 'take' || claim.assigneeId === null) return { ok: true, to: rule.to, takes: !own };
  if (!own && !can(actor, 'claims.reassign')) return { ok: false, refusal: 'not_assignee' };
  return { ok: true, to: rule.to, takes: false };
}

/** Every move this actor may make on this claim now: the buttons a claim page shows. */
export function allowedMoves(claim: WorkflowClaim, actor: WorkflowActor): ClaimMove[] {
  return CLAIM_MOVES.filter((move) => checkMove(claim, actor, move).ok);
}

/** The desk's move that takes a claim from `from` to `to` (the transitions API names the status). */
export function deskMoveTo(from: ClaimStatus, to: ClaimStatus): ClaimMove | null {
  return CLAIM_MOVES.find((m) => MOVE_RULES[m].by === 'desk' && MOVE_RULES[m].to === to && MOVE_RULES[m].from.includes(from)) ?? null;
}

export type MessageRefusal = 'forbidden' | 'claim_closed';

/**
 * May this actor write in the claim's thread? Dealers write publicly on their own claims; the desk
 * publicly and internally; factory staff internal notes only. A closed claim takes notes only.
 */
export function checkMessage(claim: Pick<WorkflowClaim, 'status' | 'dealerId'>, actor: WorkflowActor, internal: boolean): { ok: true } | { ok: false; refusal: MessageRefusal } {
  const allowed = internal
    ? can(actor, 'claims.internalNotes')
    : isDealerRole(actor.role)
      ? can(actor, 'claims.file') && actor.dealerId === claim.dealerId
      : can(actor, 'claims.work');
  if (!allowed) return { ok: false, refusal: 'forbidden' };
  if (!internal && claim.status === 'closed') return { ok: false, refusal: 'claim_closed' };
  return { ok: true };
}

/** Claims that still need the desk: everything not yet finished. */
export const CLOSED_CLAIM_STATUSES: ClaimStatus[] = ['rejected', 'resolved', 'closed'];

/** Statuses in which the desk has not yet decided: the decision clock runs in these. */
export const UNDECIDED_CLAIM_STATUSES: ClaimStatus[] = ['submitted', 'in_review', 'info_requested'];

/** Still with the desk (not decided against, finished or closed). */
export function isOpenClaim(status: ClaimStatus): boolean {
  return status !== 'rejected' && status !== 'resolved' && status !== 'closed';
}
