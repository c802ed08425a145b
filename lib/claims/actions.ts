import 'server-only';
import { and, eq } from 'drizzle-orm';
import { claimHistory, claimMessages, claims, orderItems, orders, outbox } from '@/drizzle/schema';
import type { ClaimCategory, ClaimStatus } from '@/drizzle/schema/enums';
import type { Actor } from '@/lib/auth/actor';
import { can, isDealerRole, rolesWith } from '@/lib/auth/permissions';
import { dealerScopeOf } from '@/lib/auth/scope';
import type { Db, Tx } from '@/lib/db';
import { log } from '@/lib/log';
import { getWorkingCalendar } from '@/lib/settings/queries';
import { wakeDispatcher } from '@/lib/realtime/registry';
import { isAssignable, pickAssignee } from './assign';
import { claimViewerOf } from './detail';
import { claimMessageSchema, createClaimSchema, fieldErrorsOf, idempotencyKeySchema, isClaimableOrder, reassignSchema, type CreateClaimInput } from './schemas';
import { addWorkingHours } from './sla';
import { checkMessage, checkMove, MOVE_RULES } from './workflow';
import { announceClaim, audit, DESK_ROLES, fail, inTransaction, invalid, lockClaim, Refusal, slaPolicy, viewerOf, type ClaimDone, type ClaimFailure } from './write';

// The claim's writes: filing, the thread, assignment (the workflow's moves: lib/claims/moves.ts).
// Each use case: parse → authorize (the role, then the claim must be one the actor may see, else
// "not found") → one transaction with the change, its claim_history row, the audit row and the
// outbox row → after commit, wake the dispatcher.

/** Orders a claim may be filed on: on their way or delivered. */

// ---------------------------------------------------------------------------------------------
// Filing a claim

/**
 * A dealer's user files a claim on one of the dealer's shipped or delivered orders. With an
 * idempotency key, the same key from the same user answers the claim it filed (also when two
 * requests race); the same key with other details is refused.
 */
export async function createClaim(
  db: Db,
  actor: Actor | null,
  input: unknown,
  idempotencyKey: string | null,
): Promise<(ClaimDone & { created: boolean }) | ClaimFailure> {
  if (!actor || !isDealerRole(actor.role) || !can(actor, 'claims.file')) return fail('forbidden', 'Only a dealer’s users file claims.');
  const scope = dealerScopeOf(actor);
  const parsed = createClaimSchema.safeParse(input);
  const key = idempotencyKey === null ? null : idempotencyKeySchema.safeParse(idempotencyKey);
  if (!parsed.success || (key && !key.success)) {
    return fail('invalid', 'Some fields are not valid; see details.', {
      fields: { ...(parsed.success ? {} : fieldErrorsOf(parsed.error)), ...(key && !key.success ? { 'Idempotency-Key': key.error.issues[0]?.message ?? 'invalid' } : {}) },
    });
  }
  const data = parsed.data;
  const keyValue = key?.success ? key.data : null;

  const replay = async (tx: Db | Tx) => {
    if (keyValue === null) return null;
    const [existing] = await tx
      .select({ number: claims.number, status: claims.status, orderNumber: orders.number, itemPosition: claims.itemPosition, category: claims.category, description: claims.description })
      .from(claims)
      .innerJoin(orders, eq(orders.id, claims.orderId))
      .where(and(eq(claims.createdById, actor.userId), eq(claims.idempotencyKey, keyValue)))
      .limit(1);
    if (!existing) return null;
    if (!sameClaim(existing, data)) {
      return fail('conflict', `This Idempotency-Key was already used for claim ${existing.number} with other details; send a new key for a new claim.`, {
        reason: 'idempotency_key_reused',
      });
    }
    return { ok: true as const, number: existing.number, status: existing.status, created: false };
  };

  const earlier = await replay(db);
  if (earlier) return earlier;

  const result = await inTransaction(db, async (tx) => {
    const [order] = await tx
      .select({ id: orders.id, number: orders.number, status: orders.status })
      .from(orders)
      .where(and(eq(orders.number, data.orderNumber), eq(orders.dealerId, scope.dealerId)))
      .limit(1);
    if (!order) throw new Refusal(fail('not_found', `There is no order ${data.orderNumber} among your orders; check the number.`));
    if (!isClaimableOrder(order.status)) {
      throw new Refusal(fail('conflict', `Order ${order.number} is ${order.status}: a claim is filed once the order is shipped or delivered.`, { reason: 'order_not_delivered' }));
    }
    if (data.itemPosition !== undefined) {
      const [item] = await tx
        .select({ id: orderItems.id })
        .from(orderItems)
        .where(and(eq(orderItems.orderId, order.id), eq(orderItems.position, data.itemPosition)))
        .limit(1);
      if (!item) {
        throw new Refusal(fail('invalid', 'Some fields are not valid; see details.', { fields: { itemPosition: `itemPosition ${data.itemPosition} is not a position of order ${order.number}` } }));
      }
    }
    const now = new Date();
    const policy = await slaPolicy(tx, data.category);
    const calendar = await getWorkingCalendar(tx);
    const assigneeId = await pickAssignee(tx);
    const [claim] = await tx
      .insert(claims)
      .values({
        dealerId: scope.dealerId,
        orderId: order.id,
        itemPosition: data.itemPosition ?? null,
        category: data.category,
        description: data.description,
        customerAddress: data.customerAddress ?? null,
        customerContact: data.customerContact ?? null,
        damageNotedOnDelivery: data.damageNotedOnDelivery ?? null,
        createdById: actor.userId,
        assigneeId,
        idempotencyKey: keyValue,
        firstResponseDueAt: addWorkingHours(now, policy.firstResponseHours, calendar),
        decisionDueAt: addWorkingHours(now, policy.decisionHours, calendar),
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: [claims.createdById, claims.idempotencyKey] })
      .returning({ id: claims.id, number: claims.number });
    if (!claim) {
      // Another request with the same key committed first: answer its claim.
      const raced = await replay(tx);
      if (!raced) throw new Error('A claim with this idempotency key conflicted but cannot be found');
      if (!raced.ok) throw new Refusal(raced);
      return raced;
    }
    const row = { number: claim.number, dealerId: scope.dealerId };
    await tx.insert(claimHistory).values({ claimId: claim.id, fromStatus: null, toStatus: 'submitted', actorId: actor.userId, at: now });
    await audit(tx, actor, 'claim.created', row, {
      orderNumber: order.number,
      itemPosition: data.itemPosition ?? null,
      category: data.category,
      idempotencyKey: keyValue,
    });
    if (assigneeId) await audit(tx, actor, 'claim.assigned', row, { assigneeId, previousAssigneeId: null, automatic: true });
    await announceClaim(tx, row, 'submitted');
    return { ok: true as const, number: claim.number, status: 'submitted' as const, created: true };
  });
  if (result.ok && result.created) {
    wakeDispatcher();
    log.info('claim filed', { claim: result.number, dealerId: scope.dealerId, userId: actor.userId });
  }
  return result;
}

function sameClaim(existing: { orderNumber: string; itemPosition: number | null; category: ClaimCategory; description: string }, data: CreateClaimInput): boolean {
  return (
    existing.orderNumber === data.orderNumber &&
    existing.itemPosition === (data.itemPosition ?? null) &&
    existing.category === data.category &&
    existing.description === data.description
  );
}

// ---------------------------------------------------------------------------------------------
// The thread

export type MessageAdded = { ok: true; messageId: number; number: string; internal: boolean; createdAt: Date; status: ClaimStatus };

/**
 * A message in the claim's thread. A dealer's message on a claim waiting for him is his answer: the
 * claim goes back to the desk. The desk's first public word is its first response.
 */
export async function addClaimMessage(db: Db, actor: Actor | null, number: string, input: unknown): Promise<MessageAdded | ClaimFailure> {
  const viewer = viewerOf(actor);
  if ('ok' in viewer) return viewer;
  const parsed = claimMessageSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const internal = parsed.data.internal ?? false;
  const me = viewer.actor;
  if (internal && !can(me, 'claims.internalNotes')) return fail('forbidden', 'Internal notes are for the claims desk and factory staff.');
  if (!internal && !isDealerRole(me.role) && !can(me, 'claims.work')) return fail('forbidden', 'Factory staff write internal notes only: send internal: true.');

  const result = await inTransaction(db, async (tx): Promise<MessageAdded> => {
    const claim = await lockClaim(tx, viewer, number);
    const allowed = checkMessage(claim, me, internal);
    if (!allowed.ok) {
      throw new Refusal(
        allowed.refusal === 'forbidden'
          ? fail('forbidden', 'This role may not write in this claim’s thread.')
          : fail('conflict', `Claim ${claim.number} is closed: its thread takes no more messages. File a new claim if something is still wrong.`, { reason: 'claim_closed' }),
      );
    }
    const now = new Date();
    const [message] = await tx
      .insert(claimMessages)
      .values({ claimId: claim.id, authorId: me.userId, body: parsed.data.body, internal, createdAt: now })
      .returning({ id: claimMessages.id });
    if (!message) throw new Error('The message was not stored');
    const row = { number: claim.number, dealerId: claim.dealerId };
    let status = claim.status;
    if (isDealerRole(me.role) && checkMove(claim, me, 'answer').ok) {
      status = MOVE_RULES.answer.to;
      await tx.insert(claimHistory).values({ claimId: claim.id, fromStatus: claim.status, toStatus: status, actorId: me.userId, at: now });
      await audit(tx, me, 'claim.moved', row, { move: 'answer', from: claim.status, to: status, messageId: message.id });
      await announceClaim(tx, row, status);
    }
    // A note changes nothing the dealer can see, not even the claim's "updated" time.
    if (!internal) {
      const firstResponse = !isDealerRole(me.role) && claim.firstResponseAt === null;
      await tx
        .update(claims)
        .set({ status, updatedAt: now, ...(firstResponse ? { firstResponseAt: now } : {}) })
        .where(eq(claims.id, claim.id));
    }
    await audit(tx, me, 'claim.message', { number: claim.number, dealerId: internal ? null : claim.dealerId }, { messageId: message.id, internal });
    await tx.insert(outbox).values({
      event: 'claim.message',
      payload: { number: claim.number, messageId: message.id },
      audience: internal ? { roles: [...rolesWith('claims.internalNotes')] } : { dealerId: claim.dealerId, claim: claim.number, roles: [...DESK_ROLES] },
    });
    return { ok: true, messageId: message.id, number: claim.number, internal, createdAt: now, status };
  });
  if (result.ok) wakeDispatcher();
  return result;
}

// ---------------------------------------------------------------------------------------------
// Assignment

/** A lead hands a claim to another member of the desk. */
export async function reassignClaim(db: Db, actor: Actor | null, number: string, input: unknown): Promise<(ClaimDone & { changed: boolean }) | ClaimFailure> {
  if (!actor || !can(actor, 'claims.reassign')) return fail('forbidden', 'Only a lead of the claims desk reassigns claims.');
  const parsed = reassignSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const viewer = claimViewerOf(actor);
  const { assigneeId } = parsed.data;
  const result = await inTransaction(db, async (tx) => {
    const claim = await lockClaim(tx, viewer, number);
    if (claim.status === 'closed') throw new Refusal(fail('conflict', `Claim ${claim.number} is closed; there is nothing left to assign.`, { reason: 'claim_closed' }));
    if (!(await isAssignable(tx, assigneeId))) {
      throw new Refusal(fail('invalid', 'Some fields are not valid; see details.', { fields: { assigneeId: 'assigneeId must be an active member of the claims desk' } }));
    }
    if (claim.assigneeId === assigneeId) return { ok: true as const, number: claim.number, status: claim.status, changed: false };
    const now = new Date();
    await tx.update(claims).set({ assigneeId, updatedAt: now }).where(eq(claims.id, claim.id));
    await audit(tx, actor, 'claim.assigned', claim, { assigneeId, previousAssigneeId: claim.assigneeId, automatic: false });
    // Not a claim.updated: the dealer is not told of the desk's internal hand-over.
    await tx.insert(outbox).values({ event: 'claim.assigned', payload: { number: claim.number, assigneeId }, audience: { roles: [...DESK_ROLES] } });
    return { ok: true as const, number: claim.number, status: claim.status, changed: true };
  });
  if (result.ok && result.changed) {
    wakeDispatcher();
    log.info('claim reassigned', { claim: result.number, assigneeId, by: actor.userId });
  }
  return result;
}
