import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { dealers, users } from '@/drizzle/schema';
import type { Locale, Role } from '@/drizzle/schema/values';
import { diffFields, recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { hashPassword } from '@/lib/auth/password';
import { can } from '@/lib/auth/permissions';
import type { Db, Tx } from '@/lib/db';
import { INVITATION_PURPOSE } from '@/lib/dealer-users/invitation-token';
import { log } from '@/lib/log';
import { enqueueLinkMail, type LinkMailed } from '@/lib/mail/link-mail';
import { wakeChannelSenders } from '@/lib/notifications/wake';
import { disconnectUserSockets } from '@/lib/realtime/registry';
import { expireOpenLinks, issuePasswordLink, PASSWORD_RESET_PURPOSE, passwordLinkPath } from './links';
import { stateOf } from './queries';
import { changeRoleSchema, createUserSchema, editUserSchema, fieldErrorsOf, targetUserSchema, type FieldErrors } from './schemas';

// The administrator keeps the portal's users: creates them (with a one-time link to set the
// password), edits their details, changes roles, switches accounts off and on, and hands out
// password reset links. Each use case: parse → authorize (users.manage) → one transaction with
// the change and its audit row → after commit, the sockets of someone who lost access close.
//
// The last administrator is never lost: a demotion or deactivation of an administrator locks
// the rows of every active administrator (in id order, before anything else) and re-counts them
// in the same transaction, so two administrators demoting each other at once are serialized and
// the second one finds the first's change. An administrator cannot switch themself off at all:
// the session would end in the middle of the action, and another administrator must be the one
// who decides it. Changing one's own role is allowed while another active administrator remains.

export type UserError =
  /** The input did not parse; `fields` names the problem of each field. */
  | 'invalid'
  /** Not signed in, or not an administrator. */
  | 'forbidden'
  | 'not_found'
  | 'email_taken'
  /** An administrator switching themself off. */
  | 'self'
  /** The change would leave no active administrator. */
  | 'last_admin'
  /** Deactivate, reactivate or reset of someone who has not set a password yet (issue a new link instead). */
  | 'pending'
  /** A new first-password link for someone who already has a password (reset it instead). */
  | 'not_pending'
  /** A password reset of a switched-off account (switch it on first). */
  | 'inactive';

export type UserFailure = { ok: false; error: UserError; fields?: FieldErrors };
/** `mail`: the mail with the link, queued in the same transaction. */
export type LinkIssued = { ok: true; userId: string; email: string; name: string; token: string; path: string; expiresAt: Date; mail: LinkMailed };
export type UserChanged = { ok: true; userId: string; changed: boolean };

const fail = (error: UserError, fields?: FieldErrors): UserFailure => (fields ? { ok: false, error, fields } : { ok: false, error });
const invalid = (error: Parameters<typeof fieldErrorsOf>[0]) => fail('invalid', fieldErrorsOf(error));
const emailTaken = () => fail('email_taken', { email: 'emailTaken' });

/** Rolls a transaction back with an answer. */
class Refusal extends Error {
  constructor(readonly failure: UserFailure) {
    super(failure.error);
  }
}

/** The database refused a second account for the e-mail (users_email_key): someone took it meanwhile. */
function isEmailConflict(err: unknown): boolean {
  for (let e = err as { code?: string; constraint_name?: string; constraint?: string; message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505' && (e.constraint_name === 'users_email_key' || e.constraint === 'users_email_key' || e.message?.includes('users_email_key'))) return true;
  }
  return false;
}

async function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T | UserFailure> {
  try {
    return await db.transaction(work);
  } catch (err) {
    if (err instanceof Refusal) return err.failure;
    if (isEmailConflict(err)) return emailTaken();
    throw err;
  }
}

const isAdmin = (actor: Actor | null | undefined): actor is Actor => can(actor, 'users.manage');
const by = (actor: Actor) => ({ kind: 'user' as const, id: actor.userId });

/** A password nobody knows: someone who has not used the link cannot sign in, with the usual timing. */
const unknowablePasswordHash = () => hashPassword(randomBytes(32).toString('base64url'));

/** The dealer of a dealer's user, by code; a field error when there is none to give the user to. */
async function dealerByCode(tx: Tx, code: string): Promise<{ id: number; code: string; name: string }> {
  const [dealer] = await tx
    .select({ id: dealers.id, code: dealers.code, name: dealers.name, active: dealers.active })
    .from(dealers)
    .where(sql`lower(${dealers.code}) = lower(${code})`)
    .orderBy(sql`${dealers.code} = ${code} desc`)
    .limit(1);
  if (!dealer) throw new Refusal(fail('invalid', { dealerCode: 'dealerNotFound' }));
  if (!dealer.active) throw new Refusal(fail('invalid', { dealerCode: 'dealerInactive' }));
  return dealer;
}

async function emailInUse(tx: Tx, email: string, exceptUserId?: string): Promise<boolean> {
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email}`, exceptUserId ? ne(users.id, exceptUserId) : undefined))
    .limit(1);
  return Boolean(taken);
}

/**
 * Locks the rows of every active administrator (id order, so concurrent callers queue instead of
 * deadlocking) and answers their ids. Called first in a transaction that may take the role away.
 * An actor who is no longer among them (demoted meanwhile) is refused.
 */
async function lockActiveAdmins(tx: Tx, actor: Actor): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true)))
    .orderBy(asc(users.id))
    .for('update');
  const ids = rows.map((row) => row.id);
  if (!ids.includes(actor.userId)) throw new Refusal(fail('forbidden'));
  return ids;
}

async function lockUser(tx: Tx, userId: string) {
  const [row] = await tx
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      dealerId: users.dealerId,
      phone: users.phone,
      locale: users.locale,
      active: users.active,
      invitedAt: users.invitedAt,
      invitationAcceptedAt: users.invitationAcceptedAt,
    })
    .from(users)
    .where(eq(users.id, userId))
    .for('update');
  if (!row) throw new Refusal(fail('not_found'));
  return row;
}

/**
 * Creates a user of any role. The account cannot sign in until its holder sets a password with
 * the link (valid 7 days, answered once), which the administrator passes on.
 */
export async function createUser(db: Db, actor: Actor | null, input: unknown): Promise<LinkIssued | UserFailure> {
  const parsed = createUserSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  if (!isAdmin(actor)) return fail('forbidden');
  const { email, name, role, dealerCode, phone, locale } = parsed.data;
  const passwordHash = await unknowablePasswordHash();
  const now = new Date();
  const result = await inTransaction(db, async (tx): Promise<LinkIssued> => {
    const dealer = dealerCode ? await dealerByCode(tx, dealerCode) : null;
    if (await emailInUse(tx, email)) throw new Refusal(emailTaken());
    const [user] = await tx
      .insert(users)
      .values({
        email,
        name,
        role,
        dealerId: dealer?.id ?? null,
        phone: phone ?? null,
        locale: locale ?? null,
        passwordHash,
        active: false,
        invitedAt: now,
        invitedById: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!user) throw new Refusal(emailTaken());
    const { token, expiresAt } = await issuePasswordLink(tx, user.id, INVITATION_PURPOSE, now);
    await recordAudit(tx, {
      actor: by(actor),
      action: 'user.created',
      entityType: 'user',
      entityId: user.id,
      dealerId: dealer?.id ?? null,
      data: { email, name, role, dealerCode: dealer?.code ?? null, phone: phone ?? null, locale: locale ?? null, linkExpiresAt: expiresAt.toISOString() },
    });
    const path = passwordLinkPath(token, INVITATION_PURPOSE, role);
    const mail = await enqueueLinkMail(tx, { kind: 'invitation', user: { id: user.id, email, name, locale: locale ?? null }, path, expiresAt, dealerName: dealer?.name }, now);
    return { ok: true, userId: user.id, email, name, token, path, expiresAt, mail };
  });
  if (result.ok) {
    log.info('user created', { userId: result.userId, role, by: actor.userId });
    wakeChannelSenders('mail');
  }
  return result;
}

/** Name, e-mail, phone and language; the audit row lists what changed, from and to. */
export async function updateUserDetails(db: Db, actor: Actor | null, input: unknown): Promise<UserChanged | UserFailure> {
  const parsed = editUserSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  if (!isAdmin(actor)) return fail('forbidden');
  const { userId, ...details } = parsed.data;
  const now = new Date();
  return inTransaction(db, async (tx): Promise<UserChanged> => {
    const target = await lockUser(tx, userId);
    const after: { name: string; email: string; phone: string | null; locale: Locale | null } = {
      name: details.name,
      email: details.email,
      phone: details.phone ?? null,
      locale: details.locale ?? null,
    };
    const changes = diffFields({ name: target.name, email: target.email, phone: target.phone, locale: target.locale }, after);
    if (Object.keys(changes).length === 0) return { ok: true, userId, changed: false };
    if (changes.email && (await emailInUse(tx, after.email, userId))) throw new Refusal(emailTaken());
    await tx
      .update(users)
      .set({ ...after, updatedAt: now })
      .where(eq(users.id, userId));
    await recordAudit(tx, { actor: by(actor), action: 'user.details_edited', entityType: 'user', entityId: userId, dealerId: target.dealerId, data: { changes } });
    return { ok: true, userId, changed: true };
  });
}

/**
 * A new role (and the dealer, for a dealer's role). The user's sessions end, as their area and
 * rights change; open links stop working. Taking the last active administrator's role is refused.
 */
export async function changeUserRole(db: Db, actor: Actor | null, input: unknown): Promise<UserChanged | UserFailure> {
  const parsed = changeRoleSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  if (!isAdmin(actor)) return fail('forbidden');
  const { userId, role, dealerCode } = parsed.data;
  const now = new Date();
  const result = await inTransaction(db, async (tx): Promise<UserChanged> => {
    const admins = await lockActiveAdmins(tx, actor);
    const target = await lockUser(tx, userId);
    const dealer = dealerCode ? await dealerByCode(tx, dealerCode) : null;
    const dealerId = dealer?.id ?? null;
    if (target.role === role && target.dealerId === dealerId) return { ok: true, userId, changed: false };
    if (target.role === 'admin' && role !== 'admin' && admins.includes(target.id) && admins.length <= 1) throw new Refusal(fail('last_admin'));
    const [before] = await tx.select({ code: dealers.code }).from(dealers).where(eq(dealers.id, target.dealerId ?? -1));
    await tx
      .update(users)
      .set({ role, dealerId, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
      .where(eq(users.id, userId));
    await expireOpenLinks(tx, userId, now);
    await recordAudit(tx, {
      actor: by(actor),
      action: 'user.role_changed',
      entityType: 'user',
      entityId: userId,
      dealerId: dealerId ?? target.dealerId,
      data: { from: { role: target.role, dealerCode: before?.code ?? null }, to: { role, dealerCode: dealer?.code ?? null } },
    });
    return { ok: true, userId, changed: true };
  });
  if (result.ok && result.changed) {
    await disconnectUserSockets(userId);
    log.info('user role changed', { userId, role, by: actor.userId });
  }
  return result;
}

/** Switches an account off: sign-in is refused, every session and socket ends at once, open links die. */
export async function deactivateUser(db: Db, actor: Actor | null, input: unknown): Promise<UserChanged | UserFailure> {
  const parsed = targetUserSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  if (!isAdmin(actor)) return fail('forbidden');
  const { userId } = parsed.data;
  if (userId === actor.userId) return fail('self');
  const now = new Date();
  const result = await inTransaction(db, async (tx): Promise<UserChanged> => {
    const admins = await lockActiveAdmins(tx, actor);
    const target = await lockUser(tx, userId);
    if (stateOf(target) === 'pending') throw new Refusal(fail('pending'));
    // Twice the same (a double click, two tabs): nothing more to do.
    if (!target.active) return { ok: true, userId, changed: false };
    if (target.role === 'admin' && admins.length <= 1) throw new Refusal(fail('last_admin'));
    await tx
      .update(users)
      .set({ active: false, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
      .where(eq(users.id, userId));
    await expireOpenLinks(tx, userId, now);
    await recordAudit(tx, { actor: by(actor), action: 'user.deactivated', entityType: 'user', entityId: userId, dealerId: target.dealerId, data: { email: target.email, role: target.role } });
    return { ok: true, userId, changed: true };
  });
  if (result.ok && result.changed) {
    await disconnectUserSockets(userId);
    log.info('user deactivated', { userId, by: actor.userId });
  }
  return result;
}

/** Lets a switched-off account sign in again (its old sessions stay ended). */
export async function reactivateUser(db: Db, actor: Actor | null, input: unknown): Promise<UserChanged | UserFailure> {
  const parsed = targetUserSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  if (!isAdmin(actor)) return fail('forbidden');
  const { userId } = parsed.data;
  const now = new Date();
  return inTransaction(db, async (tx): Promise<UserChanged> => {
    const target = await lockUser(tx, userId);
    if (stateOf(target) === 'pending') throw new Refusal(fail('pending'));
    if (target.active) return { ok: true, userId, changed: false };
    await tx.update(users).set({ active: true, updatedAt: now }).where(eq(users.id, userId));
    await recordAudit(tx, { actor: by(actor), action: 'user.reactivated', entityType: 'user', entityId: userId, dealerId: target.dealerId, data: { email: target.email, role: target.role } });
    return { ok: true, userId, changed: true };
  });
}

/**
 * A password reset link (24 hours, answered once; earlier reset links stop working). The password
 * and the sessions stay as they are until the link is used.
 */
export async function issuePasswordReset(db: Db, actor: Actor | null, input: unknown): Promise<LinkIssued | UserFailure> {
  const parsed = targetUserSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  if (!isAdmin(actor)) return fail('forbidden');
  const now = new Date();
  const result = await inTransaction(db, async (tx): Promise<LinkIssued> => {
    const target = await lockUser(tx, parsed.data.userId);
    const state = stateOf(target);
    if (state === 'pending') throw new Refusal(fail('pending'));
    if (state === 'inactive') throw new Refusal(fail('inactive'));
    const { token, expiresAt } = await issuePasswordLink(tx, target.id, PASSWORD_RESET_PURPOSE, now);
    await recordAudit(tx, {
      actor: by(actor),
      action: 'user.password_reset_issued',
      entityType: 'user',
      entityId: target.id,
      dealerId: target.dealerId,
      data: { expiresAt: expiresAt.toISOString() },
    });
    return linkIssued(tx, target, token, PASSWORD_RESET_PURPOSE, expiresAt, now);
  });
  if (result.ok) wakeChannelSenders('mail');
  return result;
}

/** A new link to set the first password, for someone who has not used theirs; earlier ones stop working. */
export async function reissueSetupLink(db: Db, actor: Actor | null, input: unknown): Promise<LinkIssued | UserFailure> {
  const parsed = targetUserSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  if (!isAdmin(actor)) return fail('forbidden');
  const now = new Date();
  const result = await inTransaction(db, async (tx): Promise<LinkIssued> => {
    const target = await lockUser(tx, parsed.data.userId);
    if (stateOf(target) !== 'pending') throw new Refusal(fail('not_pending'));
    const { token, expiresAt } = await issuePasswordLink(tx, target.id, INVITATION_PURPOSE, now);
    await tx.update(users).set({ updatedAt: now }).where(eq(users.id, target.id));
    await recordAudit(tx, {
      actor: by(actor),
      action: 'user.invitation_reissued',
      entityType: 'user',
      entityId: target.id,
      dealerId: target.dealerId,
      data: { expiresAt: expiresAt.toISOString() },
    });
    return linkIssued(tx, target, token, INVITATION_PURPOSE, expiresAt, now);
  });
  if (result.ok) wakeChannelSenders('mail');
  return result;
}

/** The answer of a new link, with its mail queued (in the recipient's language) in the same transaction. */
async function linkIssued(
  tx: Tx,
  target: { id: string; email: string; name: string; role: Role; locale: string | null; dealerId: number | null },
  token: string,
  purpose: string,
  expiresAt: Date,
  now: Date,
): Promise<LinkIssued> {
  const path = passwordLinkPath(token, purpose, target.role);
  const [dealer] = target.dealerId === null ? [] : await tx.select({ name: dealers.name }).from(dealers).where(eq(dealers.id, target.dealerId));
  const kind = purpose === PASSWORD_RESET_PURPOSE ? 'password_reset' : 'invitation';
  const mail = await enqueueLinkMail(tx, { kind, user: target, path, expiresAt, dealerName: dealer?.name ?? null }, now);
  return { ok: true, userId: target.id, email: target.email, name: target.name, token, path, expiresAt, mail };
}
