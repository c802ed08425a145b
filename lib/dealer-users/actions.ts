import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { auditLog, dealers, notifications, users, userTokens } from '@/drizzle/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/assert';
import { hashPassword } from '@/lib/auth/password';
import { dealerScopeOf, ForbiddenError, type DealerScope } from '@/lib/auth/scope';
import type { Db, Tx } from '@/lib/db';
import { log } from '@/lib/log';
import { enqueueLinkMail, type LinkMailed } from '@/lib/mail/link-mail';
import { wakeChannelSenders } from '@/lib/notifications/wake';
import { disconnectUserSockets } from '@/lib/realtime/registry';
import { hashUserToken, INVITATION_PURPOSE, invitationPath, newUserToken } from './invitation-token';
import { findInvitation, statusOf } from './queries';
import {
  acceptInvitationSchema,
  dealerUserIdSchema,
  fieldErrorsOf,
  INVITATION_TTL_MS,
  inviteDealerUserSchema,
  type FieldErrors,
} from './schemas';

// A dealer's owner invites employees, re-issues or revokes pending invitations, deactivates and
// reactivates them; the invitee accepts with the link. Each use case: parse → authorize (the
// capability, then the target must be a user of the actor's own dealer, else "not found") → one
// transaction with the change and its audit row → a result the form turns into words.

export type DealerUserError =
  /** The input did not parse; `fields` names the problem of each field. */
  | 'invalid'
  /** Not signed in, or not a dealer's owner. */
  | 'forbidden'
  /** No such user in the actor's dealer (someone else's user answers the same). */
  | 'not_found'
  | 'email_taken'
  /** An owner acting on himself. */
  | 'self'
  /** Owners are looked after by the factory, not by another owner. */
  | 'owner'
  /** Re-issue or revoke of someone who is no longer a pending invitation. */
  | 'not_pending'
  /** Deactivate or reactivate of a pending invitation (revoke it instead). */
  | 'pending'
  /** An unknown, used or expired invitation link. */
  | 'link_invalid';

export type Failure = { ok: false; error: DealerUserError; fields?: FieldErrors; reason?: 'expired' | 'used' | 'unknown' };
/** `mail`: the mail with the link, queued in the same transaction. */
export type InvitationIssued = { ok: true; userId: string; email: string; name: string; token: string; expiresAt: Date; mail: LinkMailed };
export type UserChanged = { ok: true; userId: string; changed: boolean };
export type InvitationAccepted = { ok: true; userId: string; email: string };

const fail = (error: DealerUserError, extra: Omit<Failure, 'ok' | 'error'> = {}): Failure => ({ ok: false, error, ...extra });

/** The scope of an owner who may manage the dealer's users, or null. */
function ownerScopeOf(actor: Actor | null | undefined): DealerScope | null {
  try {
    assertCan(actor, 'dealerUsers.manageOwn');
    return dealerScopeOf(actor);
  } catch (err) {
    if (err instanceof ForbiddenError) return null;
    throw err;
  }
}

/** The target, locked for the change, only when it is a user of the scope's dealer. */
async function lockDealerUser(tx: Tx, scope: DealerScope, userId: string) {
  const [row] = await tx
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      locale: users.locale,
      active: users.active,
      invitedAt: users.invitedAt,
      invitationAcceptedAt: users.invitationAcceptedAt,
    })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.dealerId, scope.dealerId)))
    .for('update');
  return row;
}

/** Rolls a transaction back with a result to answer. */
class Refusal extends Error {
  constructor(readonly failure: Failure) {
    super(failure.error);
  }
}

async function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T | Failure> {
  try {
    return await db.transaction(work);
  } catch (err) {
    if (err instanceof Refusal) return err.failure;
    throw err;
  }
}

async function issueInvitationToken(tx: Tx, userId: string, now: Date) {
  const token = newUserToken();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  await tx.insert(userTokens).values({ userId, purpose: INVITATION_PURPOSE, tokenHash: hashUserToken(token), expiresAt, createdAt: now });
  return { token, expiresAt };
}

/** The invitation's mail (in the invitee's language, else the inviting owner's: the best guess for his team; naming the dealer), queued with the link. */
async function mailInvitation(tx: Tx, dealerId: number, user: { id: string; email: string; name: string; locale: string | null }, token: string, expiresAt: Date, now: Date) {
  const [dealer] = await tx.select({ name: dealers.name }).from(dealers).where(eq(dealers.id, dealerId));
  return enqueueLinkMail(tx, { kind: 'invitation', user, path: invitationPath(token), expiresAt, dealerName: dealer?.name ?? null }, now);
}

/** Every link of the user that still works stops working (a re-issue, a deactivation). */
async function expireOpenTokens(tx: Tx, userId: string, now: Date, purpose?: string) {
  await tx
    .update(userTokens)
    .set({ expiresAt: now })
    .where(
      and(
        eq(userTokens.userId, userId),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, now),
        purpose ? eq(userTokens.purpose, purpose) : undefined,
      ),
    );
}

function audit(tx: Tx, actorId: string, action: string, userId: string, dealerId: number, data: Record<string, unknown> = {}) {
  return tx.insert(auditLog).values({ actorKind: 'user', actorId, action, entityType: 'user', entityId: userId, dealerId, data });
}

/** A password nobody knows: a pending invitee cannot sign in, and the sign-in timing stays the same. */
const unknowablePasswordHash = () => hashPassword(randomBytes(32).toString('base64url'));

/** Invites an employee: a user who cannot sign in yet, and a link valid for 7 days (answered once). */
export async function inviteDealerUser(db: Db, actor: Actor | null, input: unknown): Promise<InvitationIssued | Failure> {
  const parsed = inviteDealerUserSchema.safeParse(input);
  if (!parsed.success) return fail('invalid', { fields: fieldErrorsOf(parsed.error) });
  const scope = ownerScopeOf(actor);
  if (!actor || !scope) return fail('forbidden');
  const { email, name } = parsed.data;
  const passwordHash = await unknowablePasswordHash();
  const now = new Date();
  const result = await inTransaction(db, async (tx): Promise<InvitationIssued> => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`).limit(1);
    if (taken) throw new Refusal(fail('email_taken', { fields: { email: 'emailTaken' } }));
    const [user] = await tx
      .insert(users)
      .values({
        email,
        name,
        role: 'dealer_staff',
        dealerId: scope.dealerId,
        passwordHash,
        active: false,
        invitedAt: now,
        invitedById: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: users.id });
    // Someone took the e-mail between the check and the insert.
    if (!user) throw new Refusal(fail('email_taken', { fields: { email: 'emailTaken' } }));
    const { token, expiresAt } = await issueInvitationToken(tx, user.id, now);
    await audit(tx, actor.userId, 'dealer_user.invited', user.id, scope.dealerId, { email, name, role: 'dealer_staff', expiresAt: expiresAt.toISOString() });
    const mail = await mailInvitation(tx, scope.dealerId, { id: user.id, email, name, locale: actor.locale }, token, expiresAt, now);
    return { ok: true, userId: user.id, email, name, token, expiresAt, mail };
  });
  if (result.ok) {
    log.info('dealer user invited', { dealerId: scope.dealerId, userId: result.userId, by: actor.userId });
    wakeChannelSenders('mail');
  }
  return result;
}

/** A new link for a pending invitation; the earlier links stop working. */
export async function reissueInvitation(db: Db, actor: Actor | null, input: unknown): Promise<InvitationIssued | Failure> {
  const parsed = dealerUserIdSchema.safeParse(input);
  if (!parsed.success) return fail('invalid', { fields: fieldErrorsOf(parsed.error) });
  const scope = ownerScopeOf(actor);
  if (!actor || !scope) return fail('forbidden');
  const now = new Date();
  const result = await inTransaction(db, async (tx): Promise<InvitationIssued> => {
    const target = await lockDealerUser(tx, scope, parsed.data.userId);
    if (!target) throw new Refusal(fail('not_found'));
    if (statusOf(target) !== 'invited') throw new Refusal(fail('not_pending'));
    await expireOpenTokens(tx, target.id, now, INVITATION_PURPOSE);
    const { token, expiresAt } = await issueInvitationToken(tx, target.id, now);
    await tx.update(users).set({ updatedAt: now }).where(eq(users.id, target.id));
    await audit(tx, actor.userId, 'dealer_user.invitation_reissued', target.id, scope.dealerId, { email: target.email, expiresAt: expiresAt.toISOString() });
    const mail = await mailInvitation(tx, scope.dealerId, { ...target, locale: target.locale ?? actor.locale }, token, expiresAt, now);
    return { ok: true, userId: target.id, email: target.email, name: target.name, token, expiresAt, mail };
  });
  if (result.ok) wakeChannelSenders('mail');
  return result;
}

/**
 * Withdraws a pending invitation: the user row and its links are removed, so the e-mail can be
 * invited again; the audit log keeps the record.
 */
export async function revokeInvitation(db: Db, actor: Actor | null, input: unknown): Promise<UserChanged | Failure> {
  const parsed = dealerUserIdSchema.safeParse(input);
  if (!parsed.success) return fail('invalid', { fields: fieldErrorsOf(parsed.error) });
  const scope = ownerScopeOf(actor);
  if (!actor || !scope) return fail('forbidden');
  return inTransaction(db, async (tx): Promise<UserChanged> => {
    const target = await lockDealerUser(tx, scope, parsed.data.userId);
    if (!target) throw new Refusal(fail('not_found'));
    if (statusOf(target) !== 'invited') throw new Refusal(fail('not_pending'));
    await tx.delete(userTokens).where(eq(userTokens.userId, target.id));
    // A pending invitee never signed in: at most a notification fanned out to the dealer's users.
    await tx.delete(notifications).where(eq(notifications.userId, target.id));
    await tx.delete(users).where(eq(users.id, target.id));
    await audit(tx, actor.userId, 'dealer_user.invitation_revoked', target.id, scope.dealerId, { email: target.email, name: target.name });
    return { ok: true, userId: target.id, changed: true };
  });
}

/** Deactivates an employee: sign-in is refused and every session ends at once, open sockets too. */
export async function deactivateDealerUser(db: Db, actor: Actor | null, input: unknown): Promise<UserChanged | Failure> {
  const result = await setActive(db, actor, input, false);
  if (result.ok && result.changed) await disconnectUserSockets(result.userId);
  return result;
}

/** Lets a deactivated employee sign in again (old sessions stay ended). */
export async function reactivateDealerUser(db: Db, actor: Actor | null, input: unknown): Promise<UserChanged | Failure> {
  return setActive(db, actor, input, true);
}

async function setActive(db: Db, actor: Actor | null, input: unknown, active: boolean): Promise<UserChanged | Failure> {
  const parsed = dealerUserIdSchema.safeParse(input);
  if (!parsed.success) return fail('invalid', { fields: fieldErrorsOf(parsed.error) });
  const scope = ownerScopeOf(actor);
  if (!actor || !scope) return fail('forbidden');
  const now = new Date();
  return inTransaction(db, async (tx): Promise<UserChanged> => {
    const target = await lockDealerUser(tx, scope, parsed.data.userId);
    if (!target) throw new Refusal(fail('not_found'));
    if (target.id === actor.userId) throw new Refusal(fail('self'));
    if (target.role !== 'dealer_staff') throw new Refusal(fail('owner'));
    if (statusOf(target) === 'invited') throw new Refusal(fail('pending'));
    // Twice the same (a double tap, two tabs): nothing more to do.
    if (target.active === active) return { ok: true, userId: target.id, changed: false };
    if (active) {
      await tx.update(users).set({ active: true, updatedAt: now }).where(eq(users.id, target.id));
    } else {
      await tx
        .update(users)
        .set({ active: false, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
        .where(eq(users.id, target.id));
      await expireOpenTokens(tx, target.id, now);
    }
    await audit(tx, actor.userId, active ? 'dealer_user.reactivated' : 'dealer_user.deactivated', target.id, scope.dealerId, { email: target.email });
    return { ok: true, userId: target.id, changed: true };
  });
}

/**
 * The invitee sets a password (and may correct the name) with the link. The link works once:
 * claiming it is a conditional update, so two submissions at once cannot both succeed.
 */
export async function acceptInvitation(db: Db, input: unknown): Promise<InvitationAccepted | Failure> {
  const parsed = acceptInvitationSchema.safeParse(input);
  if (!parsed.success) {
    const fields = fieldErrorsOf(parsed.error);
    return fields.token ? fail('link_invalid', { reason: 'unknown' }) : fail('invalid', { fields });
  }
  const { token, name, password } = parsed.data;
  // Cheap check first: nobody makes the server hash passwords with made-up links.
  const invitation = await findInvitation(db, token);
  if (invitation.state !== 'valid') return fail('link_invalid', { reason: invitation.state });
  const passwordHash = await hashPassword(password);
  const now = new Date();
  const result = await inTransaction(db, async (tx): Promise<InvitationAccepted> => {
    const [claimed] = await tx
      .update(userTokens)
      .set({ usedAt: now })
      .where(and(eq(userTokens.id, invitation.tokenId), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now)))
      .returning({ userId: userTokens.userId });
    if (!claimed) throw new Refusal(fail('link_invalid', { reason: 'used' }));
    const [user] = await tx
      .update(users)
      .set({ passwordHash, active: true, invitationAcceptedAt: now, updatedAt: now, ...(name ? { name } : {}) })
      .where(and(eq(users.id, claimed.userId), isNull(users.invitationAcceptedAt), sql`${users.invitedAt} is not null`))
      .returning({ id: users.id, email: users.email, dealerId: users.dealerId, name: users.name });
    if (!user || user.dealerId === null) throw new Refusal(fail('link_invalid', { reason: 'used' }));
    // Any other link of this invitation is spent too.
    await expireOpenTokens(tx, user.id, now, INVITATION_PURPOSE);
    await audit(tx, user.id, 'dealer_user.invitation_accepted', user.id, user.dealerId, { name: user.name });
    return { ok: true, userId: user.id, email: user.email };
  });
  if (result.ok) log.info('dealer user accepted an invitation', { userId: result.userId });
  return result;
}
