import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { outbox } from '@/drizzle/schema';
import type { Db, Tx } from '@/lib/db';
import { startLoop, type Loop } from '@/lib/background/loop';
import { log } from '@/lib/log';
import { createNotifications } from '@/lib/notifications/create';
import { wakeChannelSenders } from '@/lib/notifications/wake';
import { loadBatchFacts, type OutboxRow } from './facts';
import { rooms } from './rooms';
import { emissionsFor, type Emission } from './route';

// The outbox dispatcher: after a change commits, its outbox rows become Socket.IO events for the
// rooms allowed to see them, and stored notifications for the people they concern.
//
// A pass claims the oldest undispatched rows with FOR UPDATE SKIP LOCKED, creates their
// notifications and marks them dispatched in one transaction, and emits only after that commits.
// Several processes may run dispatchers on one database: a row locked by one is skipped by the
// others, and once committed it is no longer pending, so each row is emitted by exactly one
// process (the Redis adapter carries the emit to sockets on the others). Only committed rows are
// visible, so nothing is emitted for a change that rolled back.
//
// Mark, then emit (at most once): a process that dies between the commit and the emit loses those
// events, never repeats them. Events are hints to refresh; what they announce is already stored,
// notifications included, and a client that reconnects refetches what it shows, so a lost hint
// costs a stale screen until then. Emit-then-mark would instead repeat events (and toasts) after
// any failure between the two. An emit that throws is logged with its row.
//
// Wake-ups: NOTIFY portal_outbox from a trigger on outbox inserts (migration 0008; delivered on
// commit to every process, PGlite included), wake() after a commit in this process, and a slow
// poll as the safety net.

export const OUTBOX_CHANNEL = 'portal_outbox';

export type Emit = (emission: Emission) => void;

export type DispatchOptions = { batchSize?: number; now?: () => Date };

/** Claims, records and emits one batch; answers how many outbox rows it took. */
export async function dispatchBatch(db: Db, emit: Emit, options: DispatchOptions = {}): Promise<number> {
  const batchSize = options.batchSize ?? 500;
  const seen: OutboxRow[] = [];
  try {
    const { claimed, emissions, notified } = await db.transaction((tx) => claimAndRecord(tx, batchSize, { notify: true, seen }, options));
    emitAll(emit, emissions, claimed);
    // Committed notifications may have push deliveries waiting: the channel senders look now.
    if (notified) wakeChannelSenders();
    return claimed.length;
  } catch (err) {
    // One bad row must not hold up the rest: the batch again, a row at a time.
    log.warn('outbox batch failed; dispatching it row by row', { outboxIds: seen.map((r) => r.id), err });
  }
  let taken = 0;
  for (let i = 0; i < batchSize; i += 1) {
    const n = await dispatchSingle(db, emit, options);
    if (n === 0) break;
    taken += n;
  }
  return taken;
}

/**
 * One row; when its notifications cannot be made, the event alone (logged with the row). What
 * still fails then is the database itself: thrown, and tried again on the next wake-up.
 */
async function dispatchSingle(db: Db, emit: Emit, options: DispatchOptions): Promise<number> {
  const seen: OutboxRow[] = [];
  try {
    const { claimed, emissions, notified } = await db.transaction((tx) => claimAndRecord(tx, 1, { notify: true, seen }, options));
    emitAll(emit, emissions, claimed);
    if (notified) wakeChannelSenders();
    return claimed.length;
  } catch (err) {
    // It failed before it took a row: the database is out, not a row.
    if (!seen[0]) throw err;
    const { id, event, payload, audience } = seen[0];
    log.error('outbox row: its notifications could not be made; sending the event without them', { outboxId: id, event, payload, audience, err });
  }
  const only = seen[0].id;
  const { claimed, emissions } = await db.transaction((tx) => claimAndRecord(tx, 1, { notify: false, seen: [], only }, options));
  emitAll(emit, emissions, claimed);
  // Taken meanwhile by another process: that one still counts as done here.
  return 1;
}

function pending(tx: Tx, limit: number, only?: number): Promise<OutboxRow[]> {
  return tx
    .select({ id: outbox.id, event: outbox.event, payload: outbox.payload, audience: outbox.audience })
    .from(outbox)
    .where(and(isNull(outbox.dispatchedAt), only === undefined ? undefined : eq(outbox.id, only)))
    .orderBy(asc(outbox.id))
    .limit(limit)
    .for('update', { skipLocked: true });
}

async function claimAndRecord(
  tx: Tx,
  limit: number,
  { notify, seen, only }: { notify: boolean; seen: OutboxRow[]; only?: number },
  options: DispatchOptions,
): Promise<{ claimed: OutboxRow[]; emissions: Emission[]; notified: boolean }> {
  const claimed = await pending(tx, limit, only);
  seen.push(...claimed);
  if (!claimed.length) return { claimed, emissions: [], notified: false };
  const now = options.now?.() ?? new Date();
  const facts = await loadBatchFacts(tx, claimed);
  const emissions = claimed.flatMap((row) => emissionsFor(row, facts));
  let notified = false;
  if (notify) {
    const created = await createNotifications(tx, claimed, facts, now);
    notified = created.length > 0;
    // Straight to each recipient: these were never outbox rows. Only those shown in the portal
    // ring the bell; the others went by push or e-mail alone.
    for (const n of created) {
      if (!n.inApp) continue;
      emissions.push({ event: 'notification', payload: { id: n.id, type: n.type, title: n.title, importance: n.importance }, rooms: [rooms.user(n.userId)] });
    }
  }
  await tx.update(outbox).set({ dispatchedAt: now }).where(inArray(outbox.id, claimed.map((r) => r.id)));
  return { claimed, emissions, notified };
}

function emitAll(emit: Emit, emissions: Emission[], claimed: OutboxRow[]) {
  for (const emission of emissions) {
    if (!emission.rooms.length) continue;
    try {
      emit(emission);
    } catch (err) {
      log.error('realtime emit failed', { event: emission.event, payload: emission.payload, rooms: emission.rooms, outboxIds: claimed.map((r) => r.id), err });
    }
  }
}

export type Dispatcher = Loop;

export type DispatcherOptions = DispatchOptions & {
  db: Db;
  emit: Emit;
  /** LISTEN on the database (DatabaseHandle.listen); without it only wake() and the poll. */
  listen?: (channel: string, onNotify: () => void) => Promise<() => Promise<void>>;
  /** The safety net: a pass this often whatever else happens. */
  pollMs?: number;
  /** Dispatched rows are deleted after this many days (0: kept). */
  keepDays?: number;
};

const PRUNE_EVERY_MS = 60 * 60_000;

export async function startDispatcher(options: DispatcherOptions): Promise<Dispatcher> {
  const { db, emit, pollMs = 5_000, keepDays = 7 } = options;
  const batchSize = options.batchSize ?? 500;
  let lastPrune = 0;
  const loop = startLoop({
    name: 'outbox dispatch',
    pollMs,
    // Full batches mean more may be waiting.
    batch: async () => (await dispatchBatch(db, emit, options)) === batchSize,
    async afterPass() {
      if (keepDays <= 0 || Date.now() - lastPrune <= PRUNE_EVERY_MS) return;
      lastPrune = Date.now();
      const before = new Date(Date.now() - keepDays * 24 * 60 * 60_000);
      await db.delete(outbox).where(lt(outbox.dispatchedAt, before)).catch((err: unknown) => log.error('outbox prune failed', { err }));
    },
  });

  let unlisten = async () => {};
  if (options.listen) {
    try {
      unlisten = await options.listen(OUTBOX_CHANNEL, loop.wake);
    } catch (err) {
      log.error('outbox LISTEN failed; relying on the poll', { pollMs, err });
    }
  }

  return {
    wake: loop.wake,
    idle: loop.idle,
    async stop() {
      await unlisten().catch((err: unknown) => log.warn('outbox UNLISTEN failed', { err }));
      await loop.stop();
    },
  };
}

/** How many rows wait (the health check and tests). */
export async function pendingOutboxCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(outbox).where(isNull(outbox.dispatchedAt));
  return row?.n ?? 0;
}
