import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { actorKindEnum, syncEventStateEnum } from './enums';

/** A factory system that pushes changes: production, accounting. */
export const syncSources = pgTable('sync_sources', {
  id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  code: text().notNull().unique(),
  name: text().notNull(),
  /** sha256 of the bearer token; the token itself is never stored. */
  tokenHash: text().notNull().unique(),
  active: boolean().notNull().default(true),
  lastEventAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * Every event received, kept forever: (source, event id) is the idempotency key. Parked events
 * wait for the order or dealer they name; rejected ones stay for the integration view.
 */
export const syncEvents = pgTable(
  'sync_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    sourceId: bigint({ mode: 'number' })
      .notNull()
      .references(() => syncSources.id),
    eventId: text().notNull(),
    type: text().notNull(),
    occurredAt: timestamp({ withTimezone: true }),
    payload: jsonb().notNull(),
    state: syncEventStateEnum().notNull(),
    error: text(),
    /** For parked events: what they wait for, e.g. 'order:10-24567' or 'dealer:D-1001'. */
    waitingFor: text(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    appliedAt: timestamp({ withTimezone: true }),
    /** A rejected event someone at the factory has looked at and dealt with. */
    handledAt: timestamp({ withTimezone: true }),
    handledById: uuid(),
  },
  (t) => [
    uniqueIndex('sync_events_source_event_key').on(t.sourceId, t.eventId),
    index('sync_events_waiting_idx').on(t.waitingFor, t.occurredAt).where(sql`${t.state} = 'parked'`),
    index('sync_events_state_idx').on(t.state, t.receivedAt),
  ],
);

/** One request of a source: what it carried and what became of it (the monitor's counts). */
export const syncBatches = pgTable(
  'sync_batches',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    sourceId: bigint({ mode: 'number' })
      .notNull()
      .references(() => syncSources.id),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    events: integer().notNull(),
    accepted: integer().notNull(),
    duplicates: integer().notNull(),
    rejected: integer().notNull(),
    ms: integer().notNull(),
    requestId: text(),
  },
  (t) => [index('sync_batches_source_time_idx').on(t.sourceId, t.receivedAt)],
);

/**
 * Written in the same transaction as each change; the realtime and notification dispatchers read
 * it after commit, so nothing is announced that did not happen.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    event: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    /** Who may receive it, e.g. { dealerId: 3 } or { claimId: 7, roles: ['claims'] }. */
    audience: jsonb().$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    dispatchedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('outbox_pending_idx').on(t.id).where(sql`${t.dispatchedAt} is null`)],
);

/**
 * Append-only history of every change to a dealer, an order, a claim or money. A trigger
 * (migration 0001) refuses UPDATE, DELETE and TRUNCATE.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorKind: actorKindEnum().notNull(),
    /** A user id, a sync source code, or the name of a system job. */
    actorId: text(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    dealerId: bigint({ mode: 'number' }),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    requestId: text(),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entityType, t.entityId, t.at),
    index('audit_log_dealer_idx').on(t.dealerId, t.at),
    // The audit page's searches: newest first overall, by who, by what was done.
    index('audit_log_at_idx').on(t.at, t.id),
    index('audit_log_actor_idx').on(t.actorId, t.at),
    index('audit_log_action_idx').on(t.action, t.at),
  ],
);
