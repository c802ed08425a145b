import 'server-only';
import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { users, userTokens } from '@/drizzle/schema';
import type { Role } from '@/drizzle/schema/values';
import { recordAudit } from '@/lib/audit/record';
import { hashPassword } from '@/lib/auth/password';
import { isDealerRole } from '@/lib/auth/permissions';
import type { Db, DbOrTx, Tx } from '@/lib/db';
import { hashUserToken, INVITATION_PURPOSE, invitationPath, newUserToken } from '@/lib/dealer-users/invitation-token';
import { INVITATION_TTL_MS } from '@/lib/dealer-users/schemas';
import { log } from '@/lib/log';
import { disconnectUserSockets } from '@/lib/realtime/registry';
import { fieldErrorsOf, linkTokenSchema, PASSWORD_RESET_TTL_MS, setPasswordSchema, type FieldErrors } from './schemas';

// One-time links to set a password (user_tokens: only the sha256 of the token is kept).
// - A new user's link is an invitation (purpose `invitation`, 7 days), the very one a dealer's
//   owner hands out: a dealer's user opens it on the invitation page (/invite/…), which names the
//   dealer and which the dealer's owner can re-issue; a factory-side user, who has no dealer that
//   page could name, opens it on /reset/….
// - A password reset (purpose `password_reset`, 24 hours) for someone who already has an account.
// Either works once; using it is a conditional update, so two submissions cannot both succeed.

export const PASSWORD_RESET_PURPOSE = 'password_reset';

/** The page where the link is used; the public address is put in front of it. */
export function passwordLinkPath(token: string, purpose: string, role: Role): string {
  return purpose === INVITATION_PURPOSE && isDealerRole(role) ? invitationPath(token) : `/reset/${token}`;
}

/** A new link; the user's earlier open links of the same purpose stop working. */
export async function issuePasswordLink(tx: Tx, userId: string, purpose: string, now: Date): Promise<{ token: string; expiresAt: Date }> {
  await expireOpenLinks(tx, userId, now, purpose);
  const token = newUserToken();
  const ttl = purpose === PASSWORD_RESET_PURPOSE ? PASSWORD_RESET_TTL_MS : INVITATION_TTL_MS;
  const expiresAt = new Date(now.getTime() + ttl);
  await tx.insert(userTokens).values({ userId, purpose, tokenHash: hashUserToken(token), expiresAt, createdAt: now });
  return { token, expiresAt };
}

/** Every link of the user that still works stops working (a deactivation, a role change, a re-issue). */
export async function expireOpenLinks(tx: Tx, userId: string, now: Date, purpose?: string): Promise<void> {
  await tx
    .update(userTokens)
    .set({ expiresAt: now })
    .where(and(eq(userTokens.userId, userId), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now), purpose ? eq(userTokens.purpose, purpose) : undefined));
}

export type LinkKind = 'setup' | 'reset';
export type LinkUnavailable = 'expired' | 'used' | 'unknown';
export type LinkLookup =
  | { state: 'valid'; kind: LinkKind; tokenId: number; userId: string; email: string; name: string; expiresAt: Date }
  | { state: LinkUnavailable };

const LINK_PURPOSES = [INVITATION_PURPOSE, PASSWORD_RESET_PURPOSE];

/** What a link on /reset/… leads to. Only the person holding the link learns whose account it is. */
export async function findPasswordLink(db: DbOrTx, token: unknown, now = new Date()): Promise<LinkLookup> {
  const parsed = linkTokenSchema.safeParse(token);
  if (!parsed.success) return { state: 'unknown' };
  const [row] = await db
    .select({
      tokenId: userTokens.id,
      purpose: userTokens.purpose,
      usedAt: userTokens.usedAt,
      expiresAt: userTokens.expiresAt,
      userId: users.id,
      email: users.email,
      name: users.name,
      active: users.active,
      invitedAt: users.invitedAt,
      invitationAcceptedAt: users.invitationAcceptedAt,
    })
    .from(userTokens)
    .innerJoin(users, eq(users.id, userTokens.userId))
    .where(and(eq(userTokens.tokenHash, hashUserToken(parsed.data)), inArray(userTokens.purpose, LINK_PURPOSES)))
    .limit(1);
  if (!row) return { state: 'unknown' };
  const kind: LinkKind = row.purpose === INVITATION_PURPOSE ? 'setup' : 'reset';
  if (row.usedAt !== null || (kind === 'setup' && row.invitationAcceptedAt !== null)) return { state: 'used' };
  if (row.expiresAt.getTime() <= now.getTime()) return { state: 'expired' };
  // A reset of a switched-off account, or a setup of someone who is no longer invited, leads nowhere.
  if (kind === 'reset' ? !row.active : row.invitedAt === null) return { state: 'expired' };
  return { state: 'valid', kind, tokenId: row.tokenId, userId: row.userId, email: row.email, name: row.name, expiresAt: row.expiresAt };
}

export type LinkFailure = { ok: false; error: 'invalid'; fields: FieldErrors } | { ok: false; error: 'link_invalid'; reason: LinkUnavailable };
export type LinkUsed = { ok: true; kind: LinkKind; userId: string; email: string };

class LinkRefusal extends Error {
  constructor(readonly reason: LinkUnavailable) {
    super(reason);
  }
}

/**
 * Sets the password with a link. A reset also ends every session of the account (the session
 * version goes up, open sockets close); a new user's account is switched on.
 */
export async function setPasswordWithLink(db: Db, input: unknown): Promise<LinkUsed | LinkFailure> {
  const parsed = setPasswordSchema.safeParse(input);
  if (!parsed.success) {
    const fields = fieldErrorsOf(parsed.error);
    return fields.token ? { ok: false, error: 'link_invalid', reason: 'unknown' } : { ok: false, error: 'invalid', fields };
  }
  // Cheap check first: nobody makes the server hash passwords with made-up links.
  const link = await findPasswordLink(db, parsed.data.token);
  if (link.state !== 'valid') return { ok: false, error: 'link_invalid', reason: link.state };
  const passwordHash = await hashPassword(parsed.data.password);
  const now = new Date();
  try {
    const used = await db.transaction(async (tx): Promise<LinkUsed> => {
      const [claimed] = await tx
        .update(userTokens)
        .set({ usedAt: now })
        .where(and(eq(userTokens.id, link.tokenId), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now)))
        .returning({ userId: userTokens.userId });
      if (!claimed) throw new LinkRefusal('used');
      const [user] =
        link.kind === 'reset'
          ? await tx
              .update(users)
              .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
              .where(and(eq(users.id, claimed.userId), eq(users.active, true)))
              .returning({ id: users.id, email: users.email, dealerId: users.dealerId })
          : await tx
              .update(users)
              .set({ passwordHash, active: true, invitationAcceptedAt: now, updatedAt: now })
              .where(and(eq(users.id, claimed.userId), isNull(users.invitationAcceptedAt), sql`${users.invitedAt} is not null`))
              .returning({ id: users.id, email: users.email, dealerId: users.dealerId });
      if (!user) throw new LinkRefusal(link.kind === 'reset' ? 'expired' : 'used');
      // Any other open link of the same kind is spent too.
      await expireOpenLinks(tx, user.id, now, link.kind === 'reset' ? PASSWORD_RESET_PURPOSE : INVITATION_PURPOSE);
      await recordAudit(tx, {
        actor: { kind: 'user', id: user.id },
        action: link.kind === 'reset' ? 'user.password_reset_used' : 'user.invitation_accepted',
        entityType: 'user',
        entityId: user.id,
        dealerId: user.dealerId,
      });
      return { ok: true, kind: link.kind, userId: user.id, email: user.email };
    });
    if (used.kind === 'reset') await disconnectUserSockets(used.userId);
    log.info(used.kind === 'reset' ? 'password reset by link' : 'user set a password with an invitation', { userId: used.userId });
    return used;
  } catch (err) {
    if (err instanceof LinkRefusal) return { ok: false, error: 'link_invalid', reason: err.reason };
    throw err;
  }
}
