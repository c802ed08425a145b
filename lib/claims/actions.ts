import 'server-only';
import { and, eq } from 'drizzle-orm';
import { claimHistory, claimMessages, claims, orderItems, orders, outbox } from '@/drizzle/schema';
import type { ClaimCategory, ClaimStatus } from '@/drizzle/schema/values';
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
import { announceClaim, audit, DESK_ROLES, fail, inTransaction, invalid, lockClaim, Refusal, slaPolicy, viewerOf, type ClaimDone, type ClaimFailure, type LockedClaim } from './write';

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
  const key = parseIdempotencyKey(idempotencyKey);
  if (!parsed.success || !key.ok) {
    return fail('invalid', 'Some fields are not valid; see details.', { fields: { ...(parsed.success ? {} : fieldErrorsOf(parsed.error)), ...(key.ok ? {} : key.fields) } });
  }
  const data = parsed.data;
  const keyValue = key.value;

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

/** The optional Idempotency-Key header, checked like a field so that a bad key is named in the 400's details. */
function parseIdempotencyKey(raw: string | null): { ok: true; value: string | null } | { ok: false; fields: Record<string, string> } {
  if (raw === null) return { ok: true, value: null };
  const key = idempotencyKeySchema.safeParse(raw);
  return key.success ? { ok: true, value: key.data } : { ok: false, fields: { 'Idempotency-Key': key.error.issues[0]?.message ?? 'invalid' } };
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

export type MessageAdded = { ok: true; messageId: number; number: string; internal: boolean; createdAt: Date; status: ClaimStatus; created: boolean };

/**
 * A message in the claim's thread. A dealer's message on a claim waiting for him is his answer: the
 * claim goes back to the desk. The desk's first public word is its first response. With an
 * idempotency key, the same key from the same author answers the message it stored (also when two
 * requests race), so an outbox that sends again never posts twice; the same key with another text,
 * or on another claim, is refused.
 */
export async function addClaimMessage(
  db: Db,
  actor: Actor | null,
  number: string,
  input: unknown,
  idempotencyKey: string | null = null,
): Promise<MessageAdded | ClaimFailure> {
  const viewer = viewerOf(actor);
  if ('ok' in viewer) return viewer;
  const parsed = claimMessageSchema.safeParse(input);
  const key = parseIdempotencyKey(idempotencyKey);
  if (!parsed.success || !key.ok) {
    return fail('invalid', 'Some fields are not valid; see details.', { fields: { ...(parsed.success ? {} : fieldErrorsOf(parsed.error)), ...(key.ok ? {} : key.fields) } });
  }
  const keyValue = key.value;
  const internal = parsed.data.internal ?? false;
  const me = viewer.actor;
  if (internal && !can(me, 'claims.internalNotes')) return fail('forbidden', 'Internal notes are for the claims desk and factory staff.');
  if (!internal && !isDealerRole(me.role) && !can(me, 'claims.work')) return fail('forbidden', 'Factory staff write internal notes only: send internal: true.');

  /** The message this key already stored, answered again; a refusal when the key came with something else. */
  const replay = async (tx: Tx, claim: LockedClaim): Promise<MessageAdded | null> => {
    if (keyValue === null) return null;
    const [existing] = await tx
      .select({ id: claimMessages.id, claimId: claimMessages.claimId, claimNumber: claims.number, body: claimMessages.body, internal: claimMessages.internal, createdAt: claimMessages.createdAt })
      .from(claimMessages)
      .innerJoin(claims, eq(claims.id, claimMessages.claimId))
      .where(and(eq(claimMessages.authorId, me.userId), eq(claimMessages.idempotencyKey, keyValue)))
      .limit(1);
    if (!existing) return null;
    if (existing.claimId !== claim.id || existing.body !== parsed.data.body || existing.internal !== internal) {
      throw new Refusal(
        fail('conflict', `This Idempotency-Key was already used for message ${existing.id} on claim ${existing.claimNumber} with another text; send a new key for a new message.`, {
          reason: 'idempotency_key_reused',
        }),
      );
    }
    return { ok: true, messageId: existing.id, number: claim.number, internal, createdAt: existing.createdAt, status: claim.status, created: false };
  };

  const result = await inTransaction(db, async (tx): Promise<MessageAdded> => {
    // The claim first, so that a key never tells a stranger anything about a claim he may not see.
    const claim = await lockClaim(tx, viewer, number);
    // Before the thread's rules: a resend answers what was stored even if the claim has moved on since.
    const earlier = await replay(tx, claim);
    if (earlier) return earlier;
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
      .values({ claimId: claim.id, authorId: me.userId, body: parsed.data.body, internal, idempotencyKey: keyValue, createdAt: now })
      .onConflictDoNothing({ target: [claimMessages.authorId, claimMessages.idempotencyKey] })
      .returning({ id: claimMessages.id });
    if (!message) {
      // Another request with the same key committed first (on another claim: this one is locked).
      const raced = await replay(tx, claim);
      if (!raced) throw new Error('A message with this idempotency key conflicted but cannot be found');
      return raced;
    }
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
    await audit(tx, me, 'claim.message', { number: claim.number, dealerId: internal ? null : claim.dealerId }, { messageId: message.id, internal, idempotencyKey: keyValue });
    await tx.insert(outbox).values({
      event: 'claim.message',
      payload: { number: claim.number, messageId: message.id },
      audience: internal ? { roles: [...rolesWith('claims.internalNotes')] } : { dealerId: claim.dealerId, claim: claim.number, roles: [...DESK_ROLES] },
    });
    return { ok: true, messageId: message.id, number: claim.number, internal, createdAt: now, status, created: true };
  });
  if (result.ok && result.created) wakeDispatcher();
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
