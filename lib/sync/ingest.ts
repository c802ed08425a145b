import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { syncBatches, syncEvents, syncSources } from '@/drizzle/schema';
import { rowsOf, type Db, type Tx } from '@/lib/db';
import { log } from '@/lib/log';
import { applyDealerUpserted, applyCatalogItem } from './apply-dealers';
import { applyLedgerEntry } from './apply-ledger';
import { applyOrderStatus, applyOrderUpserted } from './apply-orders';
import { applyShipmentUpserted } from './apply-shipments';
import { applyCatalogItems, applyLedgerEntries, applyOrderStatuses, applyOrdersUpserted, type BulkContext, type Claimed, type Outcome } from './bulk';
import { SyncRejection, type ApplyContext, type ApplyOutcome, type Effects, type Handler, type SyncSource } from './context';
import { parseEvent, storablePayload, type ParsedEvent, type SyncEvent } from './schemas';

export type BatchResult = {
  accepted: number;
  duplicates: number;
  rejected: { index: number; id: string | null; error: string }[];
};

const HANDLERS: { [T in SyncEvent['type']]: Handler<Extract<SyncEvent, { type: T }>> } = {
  'dealer.upserted': applyDealerUpserted,
  'order.upserted': applyOrderUpserted,
  'order.status': applyOrderStatus,
  'shipment.upserted': applyShipmentUpserted,
  'ledger.entry': applyLedgerEntry,
  'catalog.item': applyCatalogItem,
};

function handlerFor(event: SyncEvent): Handler {
  return HANDLERS[event.type] as Handler;
}

/** PostgreSQL's answers to two transactions in each other's way: the batch is simply run again. */
const RETRYABLE = new Set(['40001', '40P01']);

type ApplyMode = 'direct' | 'savepoints';

/** An event failed in the database while the batch ran without savepoints. */
class NeedsIsolation extends Error {
  constructor(readonly cause: unknown) {
    super('an event failed in the database');
  }
}

function errorCode(err: unknown): string | undefined {
  return (err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code;
}
const MAX_ATTEMPTS = 8;

/**
 * The row an event mainly locks. Batches apply their events sorted by it, so two batches take
 * their row locks in the same order and rarely deadlock; the result does not depend on the order
 * (newest wins, orphans wait), and answers keep each event's own index.
 */
function lockOrder(item: ParsedEvent): string {
  if (!item.ok) return '';
  const e = item.event;
  switch (e.type) {
    case 'dealer.upserted':
      return `a:${e.data.code}`;
    case 'catalog.item':
      return `b:${e.data.partNumber}`;
    case 'ledger.entry':
      return `c:${e.data.id}`;
    case 'shipment.upserted':
      return `d:${[...e.data.orderNumbers].sort()[0] ?? ''}:${e.data.number}`;
    default:
      return `d:${e.data.number}`;
  }
}

/**
 * Applies one batch of events from one source in a single transaction: either every accepted
 * event is committed with its audit and outbox rows, or nothing is. Each event runs in a
 * savepoint, so one that fails is rejected on its own and the rest go on.
 */
export async function ingestBatch(db: Db, source: SyncSource, rawEvents: unknown[], options: { requestId?: string } = {}): Promise<BatchResult> {
  const parsed = rawEvents
    .map((raw, index) => ({ raw, index, item: parseEvent(raw) }))
    .map((entry) => ({ ...entry, key: lockOrder(entry.item) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index));
  // Events run straight in the batch's transaction; only if one fails in the database (not a
  // rejection the portal decides itself, which always comes before any write) is the batch run
  // again with a savepoint per event, so that one event is rejected alone.
  let mode: ApplyMode = 'direct';
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction((tx) => applyBatch(tx, source, parsed, mode, options.requestId));
    } catch (err) {
      if (err instanceof NeedsIsolation && mode === 'direct') {
        log.warn('sync event failed in the database; running the batch again event by event', {
          source: source.code,
          err: err.cause,
          requestId: options.requestId,
        });
        mode = 'savepoints';
        continue;
      }
      const code = errorCode(err);
      if (attempt < MAX_ATTEMPTS && code && RETRYABLE.has(code)) {
        log.warn('sync batch ran into another; trying again', { source: source.code, attempt, code, requestId: options.requestId });
        await new Promise((r) => setTimeout(r, Math.min(2000, 10 * 2 ** attempt) * (0.5 + Math.random())));
        continue;
      }
      throw err;
    }
  }
}

async function applyBatch(
  tx: Tx,
  source: SyncSource,
  parsed: { raw: unknown; index: number; item: ParsedEvent }[],
  mode: ApplyMode,
  requestId?: string,
): Promise<BatchResult> {
  const started = performance.now();
  const result: BatchResult = { accepted: 0, duplicates: 0, rejected: [] };
  const effects: Effects = { audit: [], outbox: [], history: [] };
  const memo = new Map<string, unknown>();
  const marks: Mark[] = [];

  const claims = await claimBatch(tx, source, parsed);
  const ready: Claimed[] = [];
  for (const [position, { index, item }] of parsed.entries()) {
    const id = item.ok ? item.event.id : item.id;
    const claimed = claims[position];
    if (id === null || claimed === undefined) {
      // Without a usable id the event cannot be stored under its key; it is listed and logged.
      result.rejected.push({ index, id: null, error: (item as { error: string }).error });
      log.warn('sync event rejected without an id', { source: source.code, index, error: (item as { error: string }).error, requestId });
      continue;
    }
    if (claimed === 'duplicate') {
      result.duplicates += 1;
      continue;
    }
    if (!item.ok) {
      // Stored as rejected, with its reason, when its key was taken.
      result.rejected.push({ index, id, error: item.error });
      continue;
    }
    ready.push({ syncEventId: claimed, index, event: item.event });
  }

  const outcomes =
    mode === 'direct'
      ? await applySetBased(tx, source, ready, effects, memo, marks, requestId)
      : await applyEventByEvent(tx, source, ready, effects, memo, marks, requestId);
  for (const { syncEventId, index, event } of ready) {
    const outcome = outcomes.get(syncEventId);
    if (outcome?.state === 'rejected') result.rejected.push({ index, id: event.id, error: outcome.error });
    else result.accepted += 1;
  }

  result.rejected.sort((a, b) => a.index - b.index);
  await writeMarks(tx, marks);
  await writeEffects(tx, effects);
  await tx.update(syncSources).set({ lastEventAt: new Date() }).where(eq(syncSources.id, source.id));
  await tx.insert(syncBatches).values({
    sourceId: source.id,
    events: parsed.length,
    accepted: result.accepted,
    duplicates: result.duplicates,
    rejected: result.rejected.length,
    ms: Math.round(performance.now() - started),
    requestId: requestId ?? null,
  });
  return result;
}

/** The order the set-based appliers run in: what others refer to comes first. */
const SET_ORDER: SyncEvent['type'][] = ['dealer.upserted', 'catalog.item', 'ledger.entry', 'order.upserted', 'order.status', 'shipment.upserted'];

/**
 * Applies the batch's events type by type: the frequent types with a few statements for all of
 * them (bulk.ts), dealers and trips one by one (they are few and have more to check). Any
 * failure in the database sends the whole batch round again event by event.
 */
async function applySetBased(
  tx: Tx,
  source: SyncSource,
  ready: Claimed[],
  effects: Effects,
  memo: Map<string, unknown>,
  marks: Mark[],
  requestId?: string,
): Promise<Map<number, Outcome>> {
  const outcomes = new Map<number, Outcome>();
  const ctx: BulkContext = { tx, source, effects, memo, requestId, unpark: (key) => unpark(tx, key, effects, memo, requestId) };
  for (const type of SET_ORDER) {
    const items = ready.filter((r) => r.event.type === type);
    if (!items.length) continue;
    let answers: Map<number, Outcome>;
    try {
      switch (type) {
        case 'catalog.item':
          answers = await applyCatalogItems(ctx, items as Claimed<Extract<SyncEvent, { type: 'catalog.item' }>>[]);
          break;
        case 'ledger.entry':
          answers = await applyLedgerEntries(ctx, items as Claimed<Extract<SyncEvent, { type: 'ledger.entry' }>>[]);
          break;
        case 'order.upserted':
          answers = await applyOrdersUpserted(ctx, items as Claimed<Extract<SyncEvent, { type: 'order.upserted' }>>[]);
          break;
        case 'order.status':
          answers = await applyOrderStatuses(ctx, items as Claimed<Extract<SyncEvent, { type: 'order.status' }>>[]);
          break;
        default:
          answers = await applyEventByEvent(tx, source, items, effects, memo, marks, requestId, 'direct');
          for (const [id, outcome] of answers) outcomes.set(id, outcome);
          continue;
      }
    } catch (err) {
      if (err instanceof NeedsIsolation) throw err;
      // Without a savepoint the transaction is lost: a retry (deadlock) or a run event by event.
      const code = errorCode(err);
      throw code && RETRYABLE.has(code) ? err : new NeedsIsolation(err);
    }
    for (const [id, outcome] of answers) {
      outcomes.set(id, outcome);
      // Events were stored as applied when their keys were taken; only other outcomes are written.
      if (outcome.state !== 'applied') marks.push({ id, ...outcome });
    }
  }
  return outcomes;
}

async function applyEventByEvent(
  tx: Tx,
  source: SyncSource,
  ready: Claimed[],
  effects: Effects,
  memo: Map<string, unknown>,
  marks: Mark[],
  requestId?: string,
  mode: ApplyMode = 'savepoints',
): Promise<Map<number, Outcome>> {
  const outcomes = new Map<number, Outcome>();
  for (const { syncEventId, event } of ready) {
    const outcome = await applyOne(tx, source, syncEventId, event, effects, memo, mode, requestId);
    outcomes.set(syncEventId, outcome);
    if (outcome.state !== 'applied') marks.push({ id: syncEventId, ...outcome });
  }
  return outcomes;
}

/** Audit, outbox and history rows of the whole batch, a statement each, before it commits. */
async function writeEffects(tx: Tx, effects: Effects): Promise<void> {
  for (let i = 0; i < effects.history.length; i += 2000) {
    const rows = effects.history.slice(i, i + 2000).map((h) => ({
      order_id: h.orderId,
      status: h.status,
      occurred_at: h.occurredAt,
      items_done: h.itemsDone ?? null,
      items_total: h.itemsTotal ?? null,
      note: h.note ?? null,
      applied: h.applied ?? true,
      sync_event_id: h.syncEventId ?? null,
    }));
    await tx.execute(sql`
      insert into order_status_history (order_id, status, occurred_at, items_done, items_total, note, applied, sync_event_id)
      select x.order_id, x.status::order_status, x.occurred_at, x.items_done, x.items_total, x.note, x.applied, x.sync_event_id
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(order_id bigint, status text, occurred_at timestamptz, items_done int,
        items_total int, note text, applied boolean, sync_event_id bigint)`);
  }
  for (let i = 0; i < effects.audit.length; i += 2000) {
    const rows = effects.audit.slice(i, i + 2000).map((a) => ({
      actor_kind: a.actorKind,
      actor_id: a.actorId ?? null,
      action: a.action,
      entity_type: a.entityType,
      entity_id: a.entityId,
      dealer_id: a.dealerId ?? null,
      data: a.data ?? {},
      request_id: a.requestId ?? null,
    }));
    await tx.execute(sql`
      insert into audit_log (actor_kind, actor_id, action, entity_type, entity_id, dealer_id, data, request_id)
      select x.actor_kind::actor_kind, x.actor_id, x.action, x.entity_type, x.entity_id, x.dealer_id, x.data, x.request_id
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(actor_kind text, actor_id text, action text, entity_type text, entity_id text,
        dealer_id bigint, data jsonb, request_id text)`);
  }
  for (let i = 0; i < effects.outbox.length; i += 2000) {
    const rows = effects.outbox.slice(i, i + 2000).map((o) => ({ event: o.event, payload: o.payload, audience: o.audience }));
    await tx.execute(sql`
      insert into outbox (event, payload, audience)
      select x.event, x.payload, x.audience from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(event text, payload jsonb, audience jsonb)`);
  }
}

type Mark = { id: number } & StoredState;

/** What became of the events that were not simply applied (parked, superseded, rejected), in one statement. */
async function writeMarks(tx: Tx, marks: Mark[]): Promise<void> {
  if (!marks.length) return;
  const rows = marks.map((m) => ({ id: m.id, state: m.state, waiting_for: m.waitingFor ?? null, error: m.error ?? null }));
  await tx.execute(sql`
    update sync_events e set state = x.state::sync_event_state, waiting_for = x.waiting_for, error = x.error,
      applied_at = case when x.state in ('applied', 'superseded') then now() else null end
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id bigint, state text, waiting_for text, error text)
    where e.id = x.id`);
}

/**
 * Takes the (source, event id) keys of a whole batch in one statement. Another batch holding the
 * same key makes this wait until it commits, and then it is a duplicate; so is an id repeated
 * within the batch. A key whose event was rejected may be sent again with the mistake corrected.
 * Valid events are stored as applied (other outcomes are written later), invalid ones as
 * rejected with their reason. Answers, per position of `parsed`, the stored row or 'duplicate'
 * (undefined for an event without a usable id).
 */
async function claimBatch(
  tx: Tx,
  source: SyncSource,
  parsed: { raw: unknown; item: ParsedEvent }[],
): Promise<(number | 'duplicate' | undefined)[]> {
  const answer: (number | 'duplicate' | undefined)[] = parsed.map(() => undefined);
  const firstPosition = new Map<string, number>();
  parsed.forEach(({ item }, position) => {
    const id = item.ok ? item.event.id : item.id;
    if (id === null) return;
    if (firstPosition.has(id)) answer[position] = 'duplicate';
    else firstPosition.set(id, position);
  });
  const now = new Date();
  const rowOf = (position: number) => {
    const { raw, item } = parsed[position]!;
    const eventId = (item.ok ? item.event.id : item.id)!;
    // A valid event is kept as parsed (it may be applied later, when parked); a rejected one as sent.
    return item.ok
      ? {
          sourceId: source.id,
          eventId,
          type: item.event.type,
          occurredAt: item.event.occurredAt,
          payload: { ...item.event, occurredAt: item.event.occurredAt.toISOString() },
          state: 'applied' as const,
          error: null,
          appliedAt: now,
        }
      : {
          sourceId: source.id,
          eventId,
          type: (item.type ?? 'unknown').slice(0, 64),
          occurredAt: null,
          payload: storablePayload(raw) as object,
          state: 'rejected' as const,
          error: item.error,
          appliedAt: null,
        };
  };
  // Keys are taken in one order by every batch, so two batches never wait for each other in a circle.
  const positions = [...firstPosition.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, p]) => p);
  const byEventId = new Map<string, number>();
  for (let i = 0; i < positions.length; i += 500) {
    const rows = positions.slice(i, i + 500).map((p) => {
      const r = rowOf(p);
      return { event_id: r.eventId, type: r.type, occurred_at: r.occurredAt, payload: r.payload, state: r.state, error: r.error, applied: r.appliedAt !== null };
    });
    // One JSON parameter for all rows (see bulk.ts): far cheaper to build than a parameter per value.
    const inserted = rowsOf<{ id: unknown; event_id: string }>(
      await tx.execute(sql`
        insert into sync_events (source_id, event_id, type, occurred_at, payload, state, error, applied_at)
        select ${source.id}, x.event_id, x.type, x.occurred_at, x.payload, x.state::sync_event_state, x.error, case when x.applied then now() end
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(event_id text, type text, occurred_at timestamptz, payload jsonb, state text,
          error text, applied boolean)
        on conflict do nothing
        returning id, event_id`),
    );
    for (const row of inserted) byEventId.set(row.event_id, Number(row.id));
  }
  const taken = positions.filter((p) => !byEventId.has(rowOf(p).eventId));
  const correctable = new Set<string>();
  for (let i = 0; i < taken.length; i += 500) {
    const ids = taken.slice(i, i + 500).map((p) => rowOf(p).eventId);
    const rows = await tx
      .select({ eventId: syncEvents.eventId })
      .from(syncEvents)
      .where(and(eq(syncEvents.sourceId, source.id), inArray(syncEvents.eventId, ids), eq(syncEvents.state, 'rejected')));
    for (const r of rows) correctable.add(r.eventId);
  }
  for (const position of positions) {
    const row = rowOf(position);
    let id = byEventId.get(row.eventId);
    if (id === undefined && correctable.has(row.eventId)) {
      // Taken before by an event that was rejected: this is its correction.
      const [retried] = await tx
        .update(syncEvents)
        .set({ ...row, receivedAt: now })
        .where(and(eq(syncEvents.sourceId, source.id), eq(syncEvents.eventId, row.eventId), eq(syncEvents.state, 'rejected')))
        .returning({ id: syncEvents.id });
      id = retried?.id;
    }
    answer[position] = id ?? 'duplicate';
  }
  return answer;
}

type StoredState = { state: 'applied' | 'superseded' | 'parked' | 'rejected'; waitingFor?: string; error?: string };

async function markEvent(tx: Tx, syncEventId: number, outcome: StoredState) {
  await tx
    .update(syncEvents)
    .set({
      state: outcome.state,
      waitingFor: outcome.waitingFor ?? null,
      error: outcome.error ?? null,
      appliedAt: outcome.state === 'applied' || outcome.state === 'superseded' ? new Date() : null,
    })
    .where(eq(syncEvents.id, syncEventId));
}

/** Runs one event in a savepoint; records what became of it. */
async function applyOne(
  tx: Tx,
  source: SyncSource,
  syncEventId: number,
  event: SyncEvent,
  effects: Effects,
  memo: Map<string, unknown>,
  mode: ApplyMode,
  requestId?: string,
): Promise<ApplyOutcome | { state: 'rejected'; error: string }> {
  const local: Effects = { audit: [], outbox: [], history: [] };
  let outcome: ApplyOutcome | { state: 'rejected'; error: string };
  const run = (runTx: Tx) =>
    handlerFor(event)(
      { tx: runTx, source, syncEventId, effects: local, memo, requestId, unpark: (key) => unpark(runTx, key, local, memo, requestId) },
      event,
    );
  try {
    outcome = mode === 'direct' ? await run(tx) : await tx.transaction((sp) => run(sp as unknown as Tx));
  } catch (err) {
    if (err instanceof SyncRejection) {
      outcome = { state: 'rejected', error: err.message };
    } else if (mode === 'direct') {
      // Without a savepoint the transaction is lost: a retry (deadlock) or a run event by event.
      const code = errorCode(err);
      throw code && RETRYABLE.has(code) ? err : new NeedsIsolation(err);
    } else {
      // The savepoint is gone, and with it anything this event created: forget the lookups.
      memo.clear();
      log.error('sync event failed to apply', { source: source.code, eventId: event.id, type: event.type, err, requestId });
      outcome = { state: 'rejected', error: describeDatabaseError(err) };
    }
  }
  if (outcome.state !== 'rejected') {
    effects.audit.push(...local.audit);
    effects.outbox.push(...local.outbox);
    effects.history.push(...local.history);
  }
  return outcome;
}

function describeDatabaseError(err: unknown): string {
  const code = (err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code;
  if (code && RETRYABLE.has(code)) throw err;
  return 'the portal could not store this event (a database rule refused it); the factory\'s integration team has the details in the portal log';
}

/**
 * Applies, oldest first, the events that waited for an order or dealer which has just arrived.
 * Each may park again (a trip waiting for its next order) or unpark others in turn.
 */
async function unpark(tx: Tx, key: string, effects: Effects, memo: Map<string, unknown>, requestId?: string, depth = 0): Promise<void> {
  if (depth > 5) return;
  const waiting = await tx
    .select({ id: syncEvents.id, sourceId: syncEvents.sourceId, payload: syncEvents.payload })
    .from(syncEvents)
    .where(and(eq(syncEvents.state, 'parked'), eq(syncEvents.waitingFor, key)))
    .orderBy(asc(syncEvents.occurredAt), asc(syncEvents.id))
    .for('update');
  if (!waiting.length) return;
  const sources = await tx
    .select({ id: syncSources.id, code: syncSources.code })
    .from(syncSources)
    .where(inArray(syncSources.id, [...new Set(waiting.map((w) => w.sourceId))]));
  for (const row of waiting) {
    const source = sources.find((s) => s.id === row.sourceId)!;
    const reparsed = parseEvent(row.payload);
    if (!reparsed.ok) {
      await markEvent(tx, row.id, { state: 'rejected', error: reparsed.error });
      continue;
    }
    const ctx: ApplyContext = {
      tx,
      source,
      syncEventId: row.id,
      effects,
      memo,
      requestId,
      unpark: (next) => unpark(tx, next, effects, memo, requestId, depth + 1),
    };
    let outcome: ApplyOutcome | { state: 'rejected'; error: string };
    try {
      outcome = await handlerFor(reparsed.event)(ctx, reparsed.event);
    } catch (err) {
      if (!(err instanceof SyncRejection)) throw err;
      outcome = { state: 'rejected', error: err.message };
    }
    await markEvent(tx, row.id, outcome);
  }
}
