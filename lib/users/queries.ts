import 'server-only';
import { and, asc, count, eq, ilike, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { dealers, users, userTokens } from '@/drizzle/schema';
import type { Locale, Role } from '@/drizzle/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/assert';
import type { DbOrTx } from '@/lib/db';
import { INVITATION_PURPOSE } from '@/lib/dealer-users/invitation-token';
import { PASSWORD_RESET_PURPOSE } from './links';
import { USERS_PAGE_SIZE, userIdSchema, type UserListFilter, type UserState } from './schemas';
import { alphabeticalKey } from '@/lib/db/alphabetical';

// The administrator's view of every portal user. Each query takes the actor and refuses anyone
// without users.manage (ForbiddenError); pages check the capability first and answer in words.

export type UserRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  dealerCode: string | null;
  dealerName: string | null;
  state: UserState;
  lastSignInAt: Date | null;
};

export type UserList = { rows: UserRow[]; total: number; page: number; pageSize: number };

/** A pending invitation has not set its password; otherwise the `active` flag says. */
export function stateOf(user: { active: boolean; invitedAt: Date | null; invitationAcceptedAt: Date | null }): UserState {
  if (user.invitedAt !== null && user.invitationAcceptedAt === null) return 'pending';
  return user.active ? 'active' : 'inactive';
}

const pending = and(isNotNull(users.invitedAt), isNull(users.invitationAcceptedAt));

function stateCondition(state: UserState): SQL | undefined {
  if (state === 'pending') return pending;
  if (state === 'active') return eq(users.active, true);
  return and(eq(users.active, false), or(isNull(users.invitedAt), isNotNull(users.invitationAcceptedAt)));
}

/** `%`, `_` and `\` typed in the search box are looked for as themselves. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** One page of users by name, searched in name, e-mail, phone and the dealer's code and name. */
export async function listUsers(db: DbOrTx, actor: Actor | null, filter: UserListFilter): Promise<UserList> {
  assertCan(actor, 'users.manage');
  const pattern = filter.q ? likePattern(filter.q) : null;
  const where = and(
    pattern
      ? or(ilike(users.name, pattern), ilike(users.email, pattern), ilike(users.phone, pattern), ilike(dealers.code, pattern), ilike(dealers.name, pattern))
      : undefined,
    filter.role ? eq(users.role, filter.role) : undefined,
    filter.state ? stateCondition(filter.state) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
        active: users.active,
        invitedAt: users.invitedAt,
        invitationAcceptedAt: users.invitationAcceptedAt,
        lastSignInAt: users.lastSignInAt,
        dealerCode: dealers.code,
        dealerName: dealers.name,
      })
      .from(users)
      .leftJoin(dealers, eq(dealers.id, users.dealerId))
      .where(where)
      .orderBy(asc(alphabeticalKey(users.name)), asc(users.name), asc(users.email))
      .limit(USERS_PAGE_SIZE)
      .offset((filter.page - 1) * USERS_PAGE_SIZE),
    db.select({ n: count() }).from(users).leftJoin(dealers, eq(dealers.id, users.dealerId)).where(where),
  ]);
  return {
    rows: rows.map((row) => ({
      id: row.id,
      name: row.name,
      email: row.email,
      role: row.role,
      dealerCode: row.dealerCode,
      dealerName: row.dealerName,
      state: stateOf(row),
      lastSignInAt: row.lastSignInAt,
    })),
    total: total?.n ?? 0,
    page: filter.page,
    pageSize: USERS_PAGE_SIZE,
  };
}

export type UserDetail = UserRow & {
  phone: string | null;
  locale: Locale | null;
  createdAt: Date;
  invitedAt: Date | null;
  invitedByName: string | null;
  /** Until when the newest unused link to set a password works (past: it has expired), if any. */
  setupLinkExpiresAt: Date | null;
  /** That link still works. */
  setupLinkWorks: boolean;
  /** Until when an unused password reset link works, if one is open. */
  resetLinkExpiresAt: Date | null;
};

/** One user for the details page; null for an unknown or malformed id. */
export async function getUserDetail(db: DbOrTx, actor: Actor | null, userId: unknown, now = new Date()): Promise<UserDetail | null> {
  assertCan(actor, 'users.manage');
  const id = userIdSchema.safeParse(userId);
  if (!id.success) return null;
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      phone: users.phone,
      locale: users.locale,
      active: users.active,
      invitedAt: users.invitedAt,
      invitationAcceptedAt: users.invitationAcceptedAt,
      lastSignInAt: users.lastSignInAt,
      createdAt: users.createdAt,
      dealerCode: dealers.code,
      dealerName: dealers.name,
      invitedByName: sql<string | null>`(select inviter.name from users inviter where inviter.id = ${users.invitedById})`,
    })
    .from(users)
    .leftJoin(dealers, eq(dealers.id, users.dealerId))
    .where(eq(users.id, id.data))
    .limit(1);
  if (!row) return null;
  const links = await db
    .select({ purpose: userTokens.purpose, expiresAt: sql<Date>`max(${userTokens.expiresAt})`.mapWith((v: string | Date) => new Date(v)) })
    .from(userTokens)
    .where(and(eq(userTokens.userId, row.id), isNull(userTokens.usedAt)))
    .groupBy(userTokens.purpose);
  const expiryOf = (purpose: string) => links.find((l) => l.purpose === purpose)?.expiresAt ?? null;
  const state = stateOf(row);
  const reset = expiryOf(PASSWORD_RESET_PURPOSE);
  const setup = state === 'pending' ? expiryOf(INVITATION_PURPOSE) : null;
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    dealerCode: row.dealerCode,
    dealerName: row.dealerName,
    state,
    lastSignInAt: row.lastSignInAt,
    phone: row.phone,
    locale: row.locale,
    createdAt: row.createdAt,
    invitedAt: row.invitedAt,
    invitedByName: row.invitedByName,
    setupLinkExpiresAt: setup,
    setupLinkWorks: setup !== null && setup.getTime() > now.getTime(),
    resetLinkExpiresAt: reset && reset.getTime() > now.getTime() ? reset : null,
  };
}

export type DealerChoice = { code: string; name: string };

/** The dealers a dealer's user can be given to, by code (for the form's suggestions). */
export async function listDealerChoices(db: DbOrTx, actor: Actor | null): Promise<DealerChoice[]> {
  assertCan(actor, 'users.manage');
  return db.select({ code: dealers.code, name: dealers.name }).from(dealers).where(eq(dealers.active, true)).orderBy(asc(dealers.code)).limit(2000);
}
