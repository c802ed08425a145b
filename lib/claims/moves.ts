import 'server-only';
import { eq } from 'drizzle-orm';
import { auditLog, claimHistory, claimMessages, claims, ledgerEntries, outbox } from '@/drizzle/schema';
import type { ClaimStatus } from '@/drizzle/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { can, isDealerRole } from '@/lib/auth/permissions';
import { factoryToday } from '@/lib/calendar';
import type { Db, Tx } from '@/lib/db';
import { log } from '@/lib/log';
import { getWorkingCalendar } from '@/lib/settings/queries';
import { wakeDispatcher } from '@/lib/realtime/registry';
import { claimViewerOf } from './detail';
import { dealerMoveSchema, transitionSchema, type Resolution } from './schemas';
import { addWorkingHours } from './sla';
import { allowedMoves, checkMove, deskMoveTo, MOVE_RULES, type ClaimMove } from './workflow';
import { announceClaim, audit, fail, inTransaction, invalid, lockClaim, moveRefused, Refusal, slaPolicy, type ClaimDone, type ClaimFailure, type LockedClaim } from './write';

// The workflow's moves (lib/claims/workflow.ts) as writes: the desk's transitions, the dealer's
// withdrawal and appeal. Each in one transaction with the claim, its history, the thread where the
// desk speaks, the audit, a compensation's ledger entry and the events.

type MoveDetails = { comment: string | null; resolution?: Resolution };
const THREADED_MOVES = new Set<ClaimMove>(['request_info', 'approve', 'reject']);

/** Applies one checked move inside the transaction: the claim, its history, audit and events. */
async function applyMove(tx: Tx, actor: Actor, claim: LockedClaim, move: ClaimMove, details: MoveDetails): Promise<ClaimDone> {
  const check = checkMove(claim, actor, move);
  if (!check.ok) throw new Refusal(moveRefused(claim, actor, move, check.refusal));
  if (MOVE_RULES[move].reason && !details.comment) {
    const field = MOVE_RULES[move].by === 'dealer' ? 'reason' : 'comment';
    throw new Refusal(fail('invalid', `Say why: ${move.replace('_', ' ')} needs a ${field}.`, { fields: { [field]: `${field} is required to ${move.replace('_', ' ')} a claim` } }));
  }
  const now = new Date();
  const to = check.to;
  const desk = MOVE_RULES[move].by === 'desk';
  const change: Partial<typeof claims.$inferInsert> = { status: to, updatedAt: now };
  if (desk && claim.firstResponseAt === null) change.firstResponseAt = now;
  if (check.takes) change.assigneeId = actor.userId;
  if (move === 'approve' || move === 'reject') {
    change.decidedAt = now;
    change.resolutionComment = details.comment;
  }
  const r = details.resolution;
  if (move === 'approve' && r) {
    change.resolutionKind = r.kind;
    change.resolutionAmount = r.kind === 'compensation' ? r.amount : null;
    change.resolutionVisitDate = r.kind === 'repair' ? r.visitDate : null;
    change.resolutionScope = r.kind === 'replacement' ? r.scope : null;
    change.resolutionPartial = (r.kind === 'compensation' || r.kind === 'replacement') && r.partial === true;
  }
  if (move === 'appeal') {
    // The rejection stays in the history; the desk decides again, against a new deadline.
    const policy = await slaPolicy(tx, claim.category);
    Object.assign(change, { appealedAt: now, appealReason: details.comment, decidedAt: null, resolutionComment: null, decisionDueAt: addWorkingHours(now, policy.decisionHours, await getWorkingCalendar(tx)) });
  }
  await tx.update(claims).set(change).where(eq(claims.id, claim.id));
  await tx.insert(claimHistory).values({ claimId: claim.id, fromStatus: claim.status, toStatus: to, actorId: actor.userId, comment: details.comment, at: now });
  // The desk's question and decision are said in the thread too, where the dealer reads them
  // (claim.updated tells him; a second event for the same words would only be noise).
  if (details.comment && THREADED_MOVES.has(move)) {
    await tx.insert(claimMessages).values({ claimId: claim.id, authorId: actor.userId, body: details.comment, internal: false, createdAt: now });
  }
  const row = { number: claim.number, dealerId: claim.dealerId };
  await audit(tx, actor, 'claim.moved', row, { move, from: claim.status, to, comment: details.comment, resolution: r ?? null });
  if (check.takes) await audit(tx, actor, 'claim.assigned', row, { assigneeId: actor.userId, previousAssigneeId: claim.assigneeId, automatic: false, taken: true });
  if (move === 'approve' && r?.kind === 'compensation') await bookCompensation(tx, actor, claim, r.amount, now);
  await announceClaim(tx, row, to);
  return { ok: true, number: claim.number, status: to };
}

/** The approved compensation as a `compensation` entry of the dealer's ledger, once per claim. */
async function bookCompensation(tx: Tx, actor: Actor, claim: LockedClaim, amount: string, now: Date) {
  const documentId = `claim-${claim.number}`;
  const [entry] = await tx
    .insert(ledgerEntries)
    .values({
      source: 'portal',
      documentId,
      dealerId: claim.dealerId,
      plantId: claim.plantId,
      kind: 'compensation',
      amount,
      effect: `-${amount}`,
      currency: claim.currency,
      date: factoryToday(now),
      orderId: claim.orderId,
      orderNumber: claim.orderNumber,
      document: `Компенсація за рекламацією № ${claim.number}`,
      sourceUpdatedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: [ledgerEntries.source, ledgerEntries.documentId] })
    .returning({ id: ledgerEntries.id });
  if (!entry) {
    log.warn('claim compensation already in the ledger; not booked twice', { claim: claim.number, documentId });
    return;
  }
  await tx.insert(auditLog).values({
    actorKind: 'user',
    actorId: actor.userId,
    action: 'ledger_entry.created',
    entityType: 'ledger_entry',
    entityId: `portal:${documentId}`,
    dealerId: claim.dealerId,
    data: { kind: 'compensation', amount, currency: claim.currency, claim: claim.number },
  });
  await tx.insert(outbox).values({ event: 'ledger.updated', payload: { dealerCode: claim.dealerCode }, audience: { dealerId: claim.dealerId } });
}

/** The claims desk moves a claim to `to` (contract: POST /api/v1/claims/{number}/transitions). */
export async function transitionClaim(db: Db, actor: Actor | null, number: string, input: unknown): Promise<ClaimDone | ClaimFailure> {
  if (!actor || !can(actor, 'claims.work')) return fail('forbidden', 'Only the claims desk moves claims through the workflow.');
  const parsed = transitionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const viewer = claimViewerOf(actor);
  const result = await inTransaction(db, async (tx) => {
    const claim = await lockClaim(tx, viewer, number);
    const move = deskMoveTo(claim.status, parsed.data.to);
    if (!move) throw new Refusal(moveRefusedTo(claim, actor, parsed.data.to));
    return applyMove(tx, actor, claim, move, { comment: parsed.data.comment ?? null, resolution: parsed.data.resolution });
  });
  if (result.ok) {
    wakeDispatcher();
    log.info('claim moved', { claim: result.number, status: result.status, userId: actor.userId });
  }
  return result;
}

function moveRefusedTo(claim: LockedClaim, actor: Actor, to: ClaimStatus): ClaimFailure {
  const options = allowedMoves(claim, actor).filter((m) => MOVE_RULES[m].by === 'desk').map((m) => MOVE_RULES[m].to);
  const now = options.length ? ` From ${claim.status} you may move it to: ${[...new Set(options)].join(', ')}.` : ' There is no move you may make on it now.';
  return fail('conflict', `Claim ${claim.number} is ${claim.status}: the workflow does not allow a move to ${to}.${now}`, { reason: 'wrong_status' });
}

async function dealerMove(db: Db, actor: Actor | null, number: string, input: unknown, move: 'withdraw' | 'appeal'): Promise<ClaimDone | ClaimFailure> {
  if (!actor || !isDealerRole(actor.role) || !can(actor, 'claims.file')) return fail('forbidden', `Only the claim’s dealer may ${move} it.`);
  const parsed = dealerMoveSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const viewer = claimViewerOf(actor);
  const result = await inTransaction(db, async (tx) => applyMove(tx, actor, await lockClaim(tx, viewer, number), move, { comment: parsed.data.reason }));
  if (result.ok) {
    wakeDispatcher();
    log.info(`claim ${move === 'withdraw' ? 'withdrawn' : 'appealed'}`, { claim: result.number, userId: actor.userId });
  }
  return result;
}

/** The dealer withdraws a claim not yet decided (it is closed, with his reason). */
export function withdrawClaim(db: Db, actor: Actor | null, number: string, input: unknown) {
  return dealerMove(db, actor, number, input, 'withdraw');
}

/** The dealer appeals a rejection, once, with his reason: the claim goes back into review. */
export function appealClaim(db: Db, actor: Actor | null, number: string, input: unknown) {
  return dealerMove(db, actor, number, input, 'appeal');
}

