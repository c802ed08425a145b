import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgSequence,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { dealers, users } from './dealers';
import { attachmentOwnerEnum, claimCategoryEnum, claimStatusEnum, resolutionKindEnum } from './enums';
import { orders } from './orders';

/** Claim numbers people say aloud ("claim 10234"): short, increasing, never reused. */
export const claimNumberSeq = pgSequence('claim_number_seq', { startWith: 10001 });

export const claims = pgTable(
  'claims',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    number: text()
      .notNull()
      .default(sql`nextval('claim_number_seq')::text`),
    dealerId: bigint({ mode: 'number' })
      .notNull()
      .references(() => dealers.id),
    orderId: bigint({ mode: 'number' })
      .notNull()
      .references(() => orders.id),
    itemPosition: integer(),
    category: claimCategoryEnum().notNull(),
    status: claimStatusEnum().notNull().default('submitted'),
    description: text().notNull(),
    customerAddress: text(),
    customerContact: text(),
    /** Transit damage only: was the damage noted on the delivery document? */
    damageNotedOnDelivery: boolean(),
    createdById: uuid()
      .notNull()
      .references(() => users.id),
    assigneeId: uuid().references(() => users.id),
    /** The client's Idempotency-Key: the same key from the same user answers the same claim. */
    idempotencyKey: text(),
    resolutionKind: resolutionKindEnum(),
    resolutionAmount: numeric({ precision: 14, scale: 2 }),
    resolutionComment: text(),
    /** Repair on site: the agreed visit day (factory calendar). */
    resolutionVisitDate: date({ mode: 'string' }),
    /** Replacement: a part of the construction or the whole construction. */
    resolutionScope: text().$type<'part' | 'whole'>(),
    /** Less than the dealer asked (a compensation or a replacement of a part), with the reason in resolutionComment. */
    resolutionPartial: boolean().notNull().default(false),
    appealedAt: timestamp({ withTimezone: true }),
    appealReason: text(),
    firstResponseDueAt: timestamp({ withTimezone: true }),
    decisionDueAt: timestamp({ withTimezone: true }),
    firstResponseAt: timestamp({ withTimezone: true }),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('claims_number_key').on(t.number),
    uniqueIndex('claims_idempotency_key').on(t.createdById, t.idempotencyKey),
    index('claims_dealer_idx').on(t.dealerId, t.createdAt),
    index('claims_status_idx').on(t.status),
    index('claims_assignee_idx').on(t.assigneeId, t.status),
    index('claims_order_idx').on(t.orderId),
    check('claims_resolution_scope', sql`${t.resolutionScope} is null or ${t.resolutionScope} in ('part', 'whole')`),
    check(
      'claims_compensation_amount',
      sql`(${t.resolutionKind} = 'compensation') = (${t.resolutionAmount} is not null) and coalesce(${t.resolutionAmount}, 1) > 0`,
    ),
  ],
);

export const claimMessages = pgTable(
  'claim_messages',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    claimId: bigint({ mode: 'number' })
      .notNull()
      .references(() => claims.id),
    authorId: uuid()
      .notNull()
      .references(() => users.id),
    body: text().notNull(),
    /** Notes of the claims desk that the dealer never sees. */
    internal: boolean().notNull().default(false),
    /** The client's Idempotency-Key: the same key from the same author answers the same message. */
    idempotencyKey: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('claim_messages_claim_idx').on(t.claimId, t.createdAt), uniqueIndex('claim_messages_idempotency_key').on(t.authorId, t.idempotencyKey)],
);

/** Every status move of a claim: who, when, from, to, why. */
export const claimHistory = pgTable(
  'claim_history',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    claimId: bigint({ mode: 'number' })
      .notNull()
      .references(() => claims.id),
    fromStatus: claimStatusEnum(),
    toStatus: claimStatusEnum().notNull(),
    actorId: uuid().references(() => users.id),
    comment: text(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('claim_history_claim_idx').on(t.claimId, t.at)],
);

/** SLA per claim category, in working hours of the factory's calendar. */
export const claimSlaPolicies = pgTable('claim_sla_policies', {
  category: claimCategoryEnum().primaryKey(),
  firstResponseHours: integer().notNull(),
  decisionHours: integer().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * The factory's working calendar the SLA clocks count in (lib/claims/sla.ts), as an administrator
 * set it: one row (id 1); without it the built-in calendar applies (Monday to Friday, 09:00–18:00,
 * Ukraine's public holidays off).
 */
export const claimCalendar = pgTable(
  'claim_calendar',
  {
    id: smallint().primaryKey().default(1),
    /** ISO weekdays, 1 = Monday … 7 = Sunday. */
    workDays: jsonb().$type<number[]>().notNull(),
    /** Minutes after local midnight (09:00 = 540). */
    openMinute: smallint().notNull(),
    closeMinute: smallint().notNull(),
    /** Ukraine's public holidays off; under martial law they are working days. */
    publicHolidays: boolean().notNull(),
    /** Local dates YYYY-MM-DD: days off besides the weekend, and days worked despite it. */
    extraHolidays: jsonb().$type<string[]>().notNull().default([]),
    extraWorkingDays: jsonb().$type<string[]>().notNull().default([]),
    updatedById: uuid().references(() => users.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('claim_calendar_single_row', sql`${t.id} = 1`),
    check('claim_calendar_hours', sql`${t.openMinute} between 0 and 1439 and ${t.closeMinute} > ${t.openMinute} and ${t.closeMinute} <= 1440`),
  ],
);

/**
 * A stored file (claim photos, message photos, construction photos, announcement and library
 * files). `ownerType` + `ownerId` name what it belongs to; `dealerId` scopes dealer-owned files.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid().primaryKey().defaultRandom(),
    ownerType: attachmentOwnerEnum().notNull(),
    ownerId: bigint({ mode: 'number' }).notNull(),
    dealerId: bigint({ mode: 'number' }).references(() => dealers.id),
    fileName: text().notNull(),
    mimeType: text().notNull(),
    sizeBytes: integer().notNull(),
    sha256: text().notNull(),
    storageKey: text().notNull(),
    widthPx: integer(),
    heightPx: integer(),
    uploadedById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('attachments_owner_idx').on(t.ownerType, t.ownerId),
    check('attachments_size_positive', sql`${t.sizeBytes} > 0`),
  ],
);

/**
 * A photo upload sent with an Idempotency-Key (lib/files/claim-upload.ts): the same key from the
 * same user answers the attachments this upload stored instead of storing them again.
 */
export const claimUploads = pgTable(
  'claim_uploads',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    uploadedById: uuid()
      .notNull()
      .references(() => users.id),
    idempotencyKey: text().notNull(),
    claimId: bigint({ mode: 'number' })
      .notNull()
      .references(() => claims.id),
    /** The message the photos were added to; null for photos of the claim itself. */
    messageId: bigint({ mode: 'number' }).references(() => claimMessages.id),
    /** The attachments rows it stored, in the order of the upload's files. */
    attachmentIds: uuid().array().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('claim_uploads_idempotency_key').on(t.uploadedById, t.idempotencyKey)],
);
