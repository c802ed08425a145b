import 'server-only';
import { and, eq } from 'drizzle-orm';
import { auditLog, claims, claimSlaPolicies, dealers, orders, outbox } from '@/drizzle/schema';
import type { ClaimCategory, ClaimStatus } from '@/drizzle/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { can, isDealerRole, rolesWith } from '@/lib/auth/permissions';
import type { Db, Tx } from '@/lib/db';
import { log } from '@/lib/log';
import { claimScopeCondition, claimViewerOf, type ClaimViewer } from './detail';
import { fieldErrorsOf, isClaimNumber } from './schemas';
import { allowedMoves, MOVE_RULES, type ClaimMove, type MoveRefusal } from './workflow';

// What every claim write shares (lib/claims/actions.ts, lib/claims/moves.ts): the answers, the
// transaction that rolls back with an answer, the claim locked for its viewer, the audit and
// outbox rows.

export type ClaimError = 'invalid' | 'forbidden' | 'not_found' | 'conflict';
export type ConflictReason = Exclude<MoveRefusal, 'forbidden'> | 'claim_closed' | 'order_not_delivered' | 'idempotency_key_reused';
export type ClaimFailure = { ok: false; error: ClaimError; message: string; fields?: Record<string, string>; reason?: ConflictReason };
export type ClaimDone = { ok: true; number: string; status: ClaimStatus };

/** SLA of a category with no policy row (working hours), so a claim always has deadlines. */
const DEFAULT_SLA = { firstResponseHours: 8, decisionHours: 40 };
export const DESK_ROLES = rolesWith('claims.work');

export const fail = (error: ClaimError, message: string, extra: Pick<ClaimFailure, 'fields' | 'reason'> = {}): ClaimFailure => ({ ok: false, error, message, ...extra });
export const invalid = (error: { issues: Parameters<typeof fieldErrorsOf>[0]['issues'] }, message = 'Some fields are not valid; see details.') =>
  fail('invalid', message, { fields: fieldErrorsOf(error) });
export const notFound = (number: string) => fail('not_found', `There is no claim ${String(number).slice(0, 32)} among the claims you may see; check the number.`);

/** Rolls a transaction back with an answer. */
export class Refusal extends Error {
  constructor(readonly failure: ClaimFailure) {
    super(failure.message);
  }
}

export async function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T | ClaimFailure> {
  try {
    return await db.transaction(work);
  } catch (err) {
    if (err instanceof Refusal) return err.failure;
    throw err;
  }
}

/** The viewer, or a 403 for a role that never sees claims. */
export function viewerOf(actor: Actor | null): ClaimViewer | ClaimFailure {
  if (!actor || !(isDealerRole(actor.role) ? can(actor, 'claims.file') : can(actor, 'claims.readAll'))) return fail('forbidden', 'This role may not work with claims.');
  return claimViewerOf(actor);
}

export type LockedClaim = {
  id: number;
  number: string;
  status: ClaimStatus;
  category: ClaimCategory;
  dealerId: number;
  dealerCode: string;
  assigneeId: string | null;
  appealedAt: Date | null;
  firstResponseAt: Date | null;
  orderId: number;
  orderNumber: string;
  plantId: number;
  currency: string;
};

/** The claim, locked for the change, only when this viewer may see it. */
export async function lockClaim(tx: Tx, viewer: ClaimViewer, number: string): Promise<LockedClaim> {
  if (!isClaimNumber(number)) throw new Refusal(notFound(number));
  const [claim] = await tx
    .select({
      id: claims.id,
      number: claims.number,
      status: claims.status,
      category: claims.category,
      dealerId: claims.dealerId,
      dealerCode: dealers.code,
      assigneeId: claims.assigneeId,
      appealedAt: claims.appealedAt,
      firstResponseAt: claims.firstResponseAt,
      orderId: claims.orderId,
      orderNumber: orders.number,
      plantId: orders.plantId,
      currency: orders.currency,
    })
    .from(claims)
    .innerJoin(dealers, eq(dealers.id, claims.dealerId))
    .innerJoin(orders, eq(orders.id, claims.orderId))
    .where(and(eq(claims.number, number), claimScopeCondition(viewer)))
    .for('update', { of: claims });
  if (!claim) throw new Refusal(notFound(number));
  return claim;
}

export function audit(tx: Tx, actor: Actor, action: string, claim: { number: string; dealerId: number | null }, data: Record<string, unknown>) {
  return tx.insert(auditLog).values({ actorKind: 'user', actorId: actor.userId, action, entityType: 'claim', entityId: claim.number, dealerId: claim.dealerId, data });
}

/** claim.updated to the dealer, the claim's room and the desk (lib/realtime/route.ts). */
export function announceClaim(tx: Tx, claim: { number: string; dealerId: number }, status: ClaimStatus) {
  return tx.insert(outbox).values({
    event: 'claim.updated',
    payload: { number: claim.number, status },
    audience: { dealerId: claim.dealerId, claim: claim.number, roles: [...DESK_ROLES] },
  });
}

export async function slaPolicy(tx: Tx, category: ClaimCategory) {
  const [policy] = await tx.select().from(claimSlaPolicies).where(eq(claimSlaPolicies.category, category)).limit(1);
  if (!policy) log.warn('no SLA policy for a claim category; using the default', { category, ...DEFAULT_SLA });
  return policy ?? DEFAULT_SLA;
}

/** Why a move is refused, in words an integrator can act on. */
export function moveRefused(claim: LockedClaim, actor: Actor, move: ClaimMove, refusal: MoveRefusal): ClaimFailure {
  const options = allowedMoves(claim, actor).map((m) => `${m} (→ ${MOVE_RULES[m].to})`);
  const now = options.length ? ` What you may do now: ${options.join(', ')}.` : ' There is nothing you may do with it now.';
  switch (refusal) {
    case 'forbidden':
      return fail('forbidden', `This role may not ${move.replace('_', ' ')} a claim.`);
    case 'not_assignee':
      return fail('conflict', `Claim ${claim.number} is assigned to another specialist; ask a lead to reassign it.`, { reason: refusal });
    case 'appeal_used':
      return fail('conflict', `Claim ${claim.number} has been appealed once already; a claim is appealed only once.`, { reason: refusal });
    case 'wrong_status':
      return fail('conflict', `Claim ${claim.number} is ${claim.status}: it cannot go to ${MOVE_RULES[move].to} by ${move}.${now}`, { reason: refusal });
  }
}

