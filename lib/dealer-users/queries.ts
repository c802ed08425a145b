import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { dealers, users, userTokens } from '@/drizzle/schema';
import type { Role } from '@/drizzle/schema/values';
import { assertDealerScope, type DealerScope } from '@/lib/auth/scope';
import type { DbOrTx } from '@/lib/db';
import { hashUserToken, INVITATION_PURPOSE } from './invitation-token';
import { invitationTokenSchema } from './schemas';

export type DealerUserStatus = 'active' | 'invited' | 'deactivated';

export type DealerUserRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  status: DealerUserStatus;
  lastSignInAt: Date | null;
  invitedAt: Date | null;
  /** For a pending invitation: until when its newest link works (in the past: it has expired). */
  invitationExpiresAt: Date | null;
  /** A pending invitation whose link still works. */
  invitationLinkWorks: boolean;
};

export function statusOf(user: { active: boolean; invitedAt: Date | null; invitationAcceptedAt: Date | null }): DealerUserStatus {
  if (user.invitedAt !== null && user.invitationAcceptedAt === null) return 'invited';
  return user.active ? 'active' : 'deactivated';
}

/** Every user of the signed-in dealer, owners first, then by name. */
export async function listDealerUsers(db: DbOrTx, scope: DealerScope, now = new Date()): Promise<DealerUserRow[]> {
  const dealerId = assertDealerScope(scope);
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
      lastSignInAt: users.lastSignInAt,
      invitedAt: users.invitedAt,
      invitationAcceptedAt: users.invitationAcceptedAt,
      // Written out: inside a one-table select drizzle leaves column names unqualified.
      invitationExpiresAt: sql<Date | null>`(
        select max(ut.expires_at) from user_tokens ut
        where ut.user_id = "users"."id" and ut.purpose = ${INVITATION_PURPOSE} and ut.used_at is null
      )`.mapWith((v: string | Date | null) => (v === null ? null : new Date(v))),
    })
    .from(users)
    .where(eq(users.dealerId, dealerId))
    .orderBy(sql`${users.role} = 'dealer_owner' desc`, asc(users.name), asc(users.email));
  return rows.map((row) => {
    const status = statusOf(row);
    const expiresAt = status === 'invited' ? row.invitationExpiresAt : null;
    return {
      id: row.id,
      name: row.name,
      email: row.email,
      role: row.role,
      status,
      lastSignInAt: row.lastSignInAt,
      invitedAt: row.invitedAt,
      invitationExpiresAt: expiresAt,
      invitationLinkWorks: expiresAt !== null && expiresAt.getTime() > now.getTime(),
    };
  });
}

export type InvitationLookup =
  | { state: 'valid'; tokenId: number; userId: string; email: string; name: string; dealerName: string; expiresAt: Date }
  | { state: 'expired' | 'used' | 'unknown' };

/**
 * What an invitation link leads to, for the public page where the invitee sets a password. Only
 * the person holding the link (whose sha256 is stored) learns the e-mail and the dealer.
 */
export async function findInvitation(db: DbOrTx, token: unknown, now = new Date()): Promise<InvitationLookup> {
  const parsed = invitationTokenSchema.safeParse(token);
  if (!parsed.success) return { state: 'unknown' };
  const [row] = await db
    .select({
      tokenId: userTokens.id,
      usedAt: userTokens.usedAt,
      expiresAt: userTokens.expiresAt,
      userId: users.id,
      email: users.email,
      name: users.name,
      invitedAt: users.invitedAt,
      invitationAcceptedAt: users.invitationAcceptedAt,
      dealerName: dealers.name,
    })
    .from(userTokens)
    .innerJoin(users, eq(users.id, userTokens.userId))
    .innerJoin(dealers, eq(dealers.id, users.dealerId))
    .where(and(eq(userTokens.tokenHash, hashUserToken(parsed.data)), eq(userTokens.purpose, INVITATION_PURPOSE)))
    .limit(1);
  if (!row) return { state: 'unknown' };
  if (row.usedAt !== null || row.invitationAcceptedAt !== null) return { state: 'used' };
  if (row.invitedAt === null || row.expiresAt.getTime() <= now.getTime()) return { state: 'expired' };
  return {
    state: 'valid',
    tokenId: row.tokenId,
    userId: row.userId,
    email: row.email,
    name: row.name,
    dealerName: row.dealerName,
    expiresAt: row.expiresAt,
  };
}
