import 'server-only';
import { and, asc, desc, eq, gte, isNull, sql } from 'drizzle-orm';
import { syncBatches, syncEvents, syncSources } from '@/drizzle/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/assert';
import type { DbOrTx } from '@/lib/db';

export type SourceHealth = {
  id: number;
  code: string;
  name: string;
  active: boolean;
  lastEventAt: Date | null;
  /** Over the last 24 hours. */
  events: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  parked: number;
  unhandledRejections: number;
  /** Events received per minute over the last hour, oldest minute first (60 values). */
  perMinute: number[];
};

/** Per source system: the last event, counts over the last day, orphans and the last hour. */
export async function getSyncHealth(db: DbOrTx, actor: Actor, now = new Date()): Promise<SourceHealth[]> {
  assertCan(actor, 'sync.monitor');
  const dayAgo = new Date(now.getTime() - 24 * 3_600_000);
  const hourAgo = new Date(now.getTime() - 3_600_000);
  const [sources, totals, waiting, minutes] = await Promise.all([
    db.select().from(syncSources).orderBy(asc(syncSources.code)),
    db
      .select({
        sourceId: syncBatches.sourceId,
        events: sql<number>`coalesce(sum(${syncBatches.events}), 0)`.mapWith(Number),
        accepted: sql<number>`coalesce(sum(${syncBatches.accepted}), 0)`.mapWith(Number),
        duplicates: sql<number>`coalesce(sum(${syncBatches.duplicates}), 0)`.mapWith(Number),
        rejected: sql<number>`coalesce(sum(${syncBatches.rejected}), 0)`.mapWith(Number),
      })
      .from(syncBatches)
      .where(gte(syncBatches.receivedAt, dayAgo))
      .groupBy(syncBatches.sourceId),
    db
      .select({
        sourceId: syncEvents.sourceId,
        parked: sql<number>`count(*) filter (where ${syncEvents.state} = 'parked')`.mapWith(Number),
        unhandled: sql<number>`count(*) filter (where ${syncEvents.state} = 'rejected' and ${syncEvents.handledAt} is null)`.mapWith(Number),
      })
      .from(syncEvents)
      .where(sql`${syncEvents.state} in ('parked', 'rejected')`)
      .groupBy(syncEvents.sourceId),
    db
      .select({
        sourceId: syncBatches.sourceId,
        minute: sql<number>`floor(extract(epoch from (${now.toISOString()}::timestamptz - ${syncBatches.receivedAt})) / 60)`.mapWith(Number),
        events: sql<number>`sum(${syncBatches.events})`.mapWith(Number),
      })
      .from(syncBatches)
      .where(gte(syncBatches.receivedAt, hourAgo))
      .groupBy(sql`1, 2`),
  ]);
  return sources.map((source) => {
    const total = totals.find((t) => t.sourceId === source.id);
    const wait = waiting.find((w) => w.sourceId === source.id);
    const perMinute = Array.from({ length: 60 }, () => 0);
    for (const m of minutes) {
      if (m.sourceId === source.id && m.minute >= 0 && m.minute < 60) perMinute[59 - m.minute] = m.events;
    }
    return {
      id: source.id,
      code: source.code,
      name: source.name,
      active: source.active,
      lastEventAt: source.lastEventAt,
      events: total?.events ?? 0,
      accepted: total?.accepted ?? 0,
      duplicates: total?.duplicates ?? 0,
      rejected: total?.rejected ?? 0,
      parked: wait?.parked ?? 0,
      unhandledRejections: wait?.unhandled ?? 0,
      perMinute,
    };
  });
}

export type RejectedEvent = {
  id: number;
  source: string;
  eventId: string;
  type: string;
  error: string | null;
  payload: unknown;
  receivedAt: Date;
};

/** Rejected events nobody has dealt with yet, newest first. */
export async function listUnhandledRejections(db: DbOrTx, actor: Actor, limit = 50): Promise<RejectedEvent[]> {
  assertCan(actor, 'sync.monitor');
  return db
    .select({
      id: syncEvents.id,
      source: syncSources.code,
      eventId: syncEvents.eventId,
      type: syncEvents.type,
      error: syncEvents.error,
      payload: syncEvents.payload,
      receivedAt: syncEvents.receivedAt,
    })
    .from(syncEvents)
    .innerJoin(syncSources, eq(syncSources.id, syncEvents.sourceId))
    .where(and(eq(syncEvents.state, 'rejected'), isNull(syncEvents.handledAt)))
    .orderBy(desc(syncEvents.receivedAt), desc(syncEvents.id))
    .limit(limit);
}

/** Events waiting for an order or dealer that has not arrived, oldest first. */
export async function listParkedEvents(db: DbOrTx, actor: Actor, limit = 50) {
  assertCan(actor, 'sync.monitor');
  return db
    .select({
      id: syncEvents.id,
      source: syncSources.code,
      eventId: syncEvents.eventId,
      type: syncEvents.type,
      waitingFor: syncEvents.waitingFor,
      receivedAt: syncEvents.receivedAt,
    })
    .from(syncEvents)
    .innerJoin(syncSources, eq(syncSources.id, syncEvents.sourceId))
    .where(eq(syncEvents.state, 'parked'))
    .orderBy(asc(syncEvents.receivedAt))
    .limit(limit);
}
