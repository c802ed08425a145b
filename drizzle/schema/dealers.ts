import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { localeEnum, payerCategoryEnum, roleEnum } from './enums';

/** A production site. Every order, shipment and ledger entry belongs to one. */
export const plants = pgTable(
  'plants',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    code: text().notNull().unique(),
    name: text().notNull(),
    city: text().notNull(),
    /** The plant of orders that name none; one at most (settings keep exactly one). */
    isMain: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('plants_one_main_key').on(t.isMain).where(sql`${t.isMain}`)],
);

export const dealers = pgTable(
  'dealers',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    code: text().notNull(),
    name: text().notNull(),
    taxId: text().notNull(),
    region: text(),
    town: text(),
    address: text(),
    phone: text(),
    email: text(),
    currency: text().notNull().default('UAH'),
    payerCategory: payerCategoryEnum().notNull().default('punctual'),
    /** The factory's dealer manager who looks after this dealer. */
    managerUserId: uuid(),
    active: boolean().notNull().default(true),
    /** Who created the dealer by hand on the factory's dealers page; null when accounting sent it. */
    createdById: uuid(),
    /** occurredAt of the newest sync event applied to this row (newest wins). */
    sourceUpdatedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('dealers_code_key').on(t.code),
    uniqueIndex('dealers_tax_id_key').on(t.taxId),
    index('dealers_region_idx').on(t.region),
    check('dealers_currency_format', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    name: text().notNull(),
    role: roleEnum().notNull(),
    dealerId: bigint({ mode: 'number' }).references(() => dealers.id),
    /** Null: follow the browser. */
    locale: localeEnum(),
    phone: text(),
    passwordHash: text().notNull(),
    active: boolean().notNull().default(true),
    /** Raised to end every session of the user at once (deactivation, password reset). */
    sessionVersion: bigint({ mode: 'number' }).notNull().default(0),
    lastSignInAt: timestamp({ withTimezone: true }),
    /** Set when a dealer's owner invited this user (lib/dealer-users); null for seeded/created users. */
    invitedAt: timestamp({ withTimezone: true }),
    invitedById: uuid().references((): AnyPgColumn => users.id),
    /** When the invitee set a password. Invited and not yet accepted = a pending invitation. */
    invitationAcceptedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    index('users_dealer_idx').on(t.dealerId),
    // A dealer's user always belongs to a dealer; factory-side users never do.
    check(
      'users_dealer_matches_role',
      sql`(${t.role} in ('dealer_owner', 'dealer_staff')) = (${t.dealerId} is not null)`,
    ),
    // A pending invitation can never sign in; an acceptance needs an invitation.
    check(
      'users_pending_invitation_inactive',
      sql`not (${t.invitedAt} is not null and ${t.invitationAcceptedAt} is null and ${t.active})`,
    ),
    check('users_acceptance_needs_invitation', sql`${t.invitationAcceptedAt} is null or ${t.invitedAt} is not null`),
  ],
);

/** Failed and successful sign-ins, for rate limiting by account and by address. */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    email: text().notNull(),
    ip: text().notNull(),
    succeeded: boolean().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sign_in_attempts_email_idx').on(t.email, t.at), index('sign_in_attempts_ip_idx').on(t.ip, t.at)],
);

/** One-time links: password resets and invitations. Only the hash of the token is kept. */
export const userTokens = pgTable(
  'user_tokens',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    purpose: text().notNull(),
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('user_tokens_user_idx').on(t.userId, t.purpose)],
);

/** Values the portal generates once and shares between its processes (e.g. the session secret). */
export const appSecrets = pgTable('app_secrets', {
  name: text().primaryKey(),
  value: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
