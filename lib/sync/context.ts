import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { auditLog, orderStatusHistory, outbox } from '@/drizzle/schema';
import type { Tx } from '@/lib/db';
import type { SyncEvent } from './schemas';

export type SyncSource = { id: number; code: string };

/** What applying one event did. Rejections are thrown as SyncRejection. */
export type ApplyOutcome =
  | { state: 'applied' }
  | { state: 'superseded' }
  | { state: 'parked'; waitingFor: string };

/** An event that is well-formed but cannot be applied: it changes nothing and is listed. */
export class SyncRejection extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SyncRejection';
  }
}

/** Audit and outbox rows gathered while a batch is applied, written before it commits. */
export type Effects = {
  audit: (typeof auditLog.$inferInsert)[];
  outbox: (typeof outbox.$inferInsert)[];
  history: (typeof orderStatusHistory.$inferInsert)[];
};

export type ApplyContext = {
  tx: Tx;
  source: SyncSource;
  syncEventId: number;
  effects: Effects;
  requestId?: string;
  /** Lookups shared by the events of one batch (see remember). */
  memo: Map<string, unknown>;
  /** Applies the events parked for an order or dealer that has just arrived. */
  unpark(key: string): Promise<void>;
};

export type Handler<E extends SyncEvent = SyncEvent> = (ctx: ApplyContext, event: E) => Promise<ApplyOutcome>;

export const waitKey = {
  dealer: (code: string) => `dealer:${code}`,
  order: (number: string) => `order:${number}`,
};

/**
 * Serialises, within the transaction, everything that looks up or creates one order or dealer,
 * so an orphan is never parked just as its order commits in another batch (and then forgotten).
 */
export async function lockKey(tx: Tx, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

/**
 * Looks a row up by its key. Orders and dealers are never deleted, so a row that is found needs no
 * lock; only when it is missing is the key's lock taken and the row looked up again, so an orphan
 * is parked only if its order or dealer is really not there (and its creator, holding the same
 * lock, will unpark it after this transaction).
 */
export async function findOrLock<T>(tx: Tx, key: string, find: () => Promise<T | undefined>): Promise<T | undefined> {
  const found = await find();
  if (found !== undefined) return found;
  await lockKey(tx, key);
  return find();
}

export function audit(
  ctx: ApplyContext,
  event: SyncEvent,
  entity: { type: string; id: string; dealerId?: number | null },
  data: Record<string, unknown> = {},
) {
  ctx.effects.audit.push({
    actorKind: 'sync',
    actorId: ctx.source.code,
    action: event.type,
    entityType: entity.type,
    entityId: entity.id,
    dealerId: entity.dealerId ?? null,
    data: { eventId: event.id, occurredAt: event.occurredAt.toISOString(), ...data },
    requestId: ctx.requestId ?? null,
  });
}

export function announce(ctx: ApplyContext, event: string, payload: Record<string, unknown>, audience: Record<string, unknown>) {
  ctx.effects.outbox.push({ event, payload, audience });
}

/** The newest occurredAt wins: an upsert changes a row only if the row is not newer than it. */
export function storedIsNotNewer(column: AnyPgColumn, occurredAt: Date): SQL {
  return sql`${column} is null or ${column} <= ${occurredAt.toISOString()}`;
}

/**
 * A lookup done once per batch (a dealer's id, the plants). Only found values are kept: a row
 * that is missing may still be created by a later event of the same batch.
 */
export async function remember<T>(ctx: Pick<ApplyContext, 'memo'>, key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
  if (ctx.memo.has(key)) return ctx.memo.get(key) as T;
  const value = await load();
  if (value !== undefined) ctx.memo.set(key, value);
  return value;
}
