import { inArray, sql, type SQL } from 'drizzle-orm';
import { dealers, orders, plants } from '@/drizzle/schema';
import type { OrderStatus } from '@/drizzle/schema/values';
import { rowsOf, type Tx } from '@/lib/db';
import { ledgerEffect } from './apply-ledger';
import { announce, audit, remember, waitKey, type ApplyContext, type ApplyOutcome } from './context';
import type { SyncEvent } from './schemas';

// Set-based application of the frequent event types (order.upserted, order.status, ledger.entry,
// catalog.item): a batch's events of one type are applied with a few statements instead of a
// few per event. The result is the one applying them one by one gives: within a batch the newest
// occurredAt of each key wins (a tie goes to the one sent later) and the others are superseded;
// stage times keep the earliest; orphans are parked; audit, outbox and history rows are written
// per event. Rows go to PostgreSQL as one JSON parameter (jsonb_to_recordset), which both drivers
// pass the same way and which costs Node far less than building a statement with a parameter per
// value. Keys are locked in sorted order (new keys' advisory locks, then rows), as elsewhere.

/** An event whose (source, id) key this batch has taken, ready to apply. */
export type Claimed<E extends SyncEvent = SyncEvent> = { syncEventId: number; index: number; event: E };
export type Outcome = ApplyOutcome | { state: 'rejected'; error: string };
/** What the set-based appliers need: the batch's context without a single event's id. */
export type BulkContext = Omit<ApplyContext, 'syncEventId'>;

type OrderUpserted = Extract<SyncEvent, { type: 'order.upserted' }>;
type OrderStatusEvent = Extract<SyncEvent, { type: 'order.status' }>;
type LedgerEvent = Extract<SyncEvent, { type: 'ledger.entry' }>;
type CatalogEvent = Extract<SyncEvent, { type: 'catalog.item' }>;

/** One JSON parameter holding many rows, read back with jsonb_to_recordset. */
function jsonRows(rows: readonly unknown[]): SQL {
  return sql`${JSON.stringify(rows)}::jsonb`;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** bigint ids arrive as numbers, strings or BigInts depending on the driver. */
const idOf = (value: unknown) => Number(value);

/** Takes the advisory locks of keys not yet in the database, in one order for every batch. */
export async function lockKeys(tx: Tx, keys: readonly string[]): Promise<void> {
  if (!keys.length) return;
  const sorted = [...new Set(keys)].sort(byText);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(k, 0)) from jsonb_array_elements_text(${jsonRows(sorted)}) as t(k)`);
}

/** A context for one event of the batch (audit rows name their event). */
function eventContext(ctx: BulkContext, syncEventId: number): ApplyContext {
  return { ...ctx, syncEventId };
}

/**
 * The ids of the dealers with these codes, looked up once per batch. A code not found takes its
 * key's lock and is looked up again (see findOrLock), so an event is parked only when its dealer
 * is really not there and whoever creates it will unpark the event.
 */
async function resolveDealers(ctx: BulkContext, codes: readonly string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  const unknown: string[] = [];
  for (const code of new Set(codes)) {
    const known = ctx.memo.get(waitKey.dealer(code)) as { id: number } | undefined;
    if (known) found.set(code, known.id);
    else unknown.push(code);
  }
  const look = async (list: string[]) => {
    const rows = await ctx.tx.select({ id: dealers.id, code: dealers.code }).from(dealers).where(inArray(dealers.code, list));
    for (const row of rows) {
      found.set(row.code, row.id);
      ctx.memo.set(waitKey.dealer(row.code), { id: row.id });
    }
  };
  if (unknown.length) {
    await look(unknown);
    const missing = unknown.filter((code) => !found.has(code));
    if (missing.length) {
      await lockKeys(ctx.tx, missing.map(waitKey.dealer));
      await look(missing);
    }
  }
  return found;
}

/** The plant an order names, or the main plant; a reason when there is none. */
async function plantResolver(ctx: BulkContext) {
  const rows = (await remember(ctx, 'plants', () => ctx.tx.select({ id: plants.id, code: plants.code, isMain: plants.isMain }).from(plants))) ?? [];
  return (code: string | null | undefined): number | { error: string } => {
    const plant = code ? rows.find((p) => p.code === code) : rows.find((p) => p.isMain);
    if (plant) return plant.id;
    return {
      error: code
        ? `plant "${code}" is not known; known plants: ${rows.map((p) => p.code).join(', ') || 'none'}`
        : 'no main plant is configured in the portal; name the plant of the order',
    };
  };
}

/**
 * Groups events by key; the newest occurredAt of each key wins (a tie goes to the one sent later,
 * as if they were applied in the order sent). Answers the groups sorted by key.
 */
function newestByKey<E extends SyncEvent>(items: readonly Claimed<E>[], keyOf: (event: E) => string) {
  const groups = new Map<string, { newest: Claimed<E>; members: Claimed<E>[]; earliest: Date }>();
  for (const item of items) {
    const key = keyOf(item.event);
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { newest: item, members: [item], earliest: item.event.occurredAt });
      continue;
    }
    group.members.push(item);
    const a = item.event.occurredAt.getTime();
    const b = group.newest.event.occurredAt.getTime();
    if (a > b || (a === b && item.index > group.newest.index)) group.newest = item;
    if (a < group.earliest.getTime()) group.earliest = item.event.occurredAt;
  }
  return [...groups.entries()].sort(([a], [b]) => byText(a, b)).map(([key, group]) => ({ key, ...group }));
}

/** Events older than the newest of their key in the batch: superseded, they change nothing. */
function supersedeOlder<E extends SyncEvent>(groups: { newest: Claimed<E>; members: Claimed<E>[] }[], outcomes: Map<number, Outcome>) {
  for (const group of groups) for (const member of group.members) if (member !== group.newest) outcomes.set(member.syncEventId, { state: 'superseded' });
}

/**
 * order.upserted, set-based: the orders and all their constructions, newest occurredAt wins; an
 * order of a dealer not known yet is parked until the dealer arrives. The same effect as
 * applyOrderUpserted (apply-orders.ts) per event.
 */
export async function applyOrdersUpserted(ctx: BulkContext, items: readonly Claimed<OrderUpserted>[]): Promise<Map<number, Outcome>> {
  const { tx } = ctx;
  const outcomes = new Map<number, Outcome>();
  const dealerIds = await resolveDealers(ctx, items.map((i) => i.event.data.dealerCode));
  const plantOf = await plantResolver(ctx);
  const live: (Claimed<OrderUpserted> & { dealerId: number; plantId: number })[] = [];
  for (const item of items) {
    const dealerId = dealerIds.get(item.event.data.dealerCode);
    if (dealerId === undefined) {
      outcomes.set(item.syncEventId, { state: 'parked', waitingFor: waitKey.dealer(item.event.data.dealerCode) });
      continue;
    }
    const plant = plantOf(item.event.data.plant);
    if (typeof plant !== 'number') outcomes.set(item.syncEventId, { state: 'rejected', error: plant.error });
    else live.push({ ...item, dealerId, plantId: plant });
  }
  if (!live.length) return outcomes;
  const groups = newestByKey(live, (e) => e.data.number);
  supersedeOlder(groups, outcomes);

  // New orders are created under their keys' locks (see findOrLock), so an orphan status parked
  // in another batch at the same moment is unparked here.
  const numbers = groups.map((g) => g.key);
  const existing = new Set((await tx.select({ number: orders.number }).from(orders).where(inArray(orders.number, numbers))).map((r) => r.number));
  await lockKeys(tx, numbers.filter((n) => !existing.has(n)).map(waitKey.order));

  const rows = groups.map(({ newest }) => {
    const o = newest.event.data;
    return {
      number: o.number,
      dealer_id: (newest as (typeof live)[number]).dealerId,
      plant_id: (newest as (typeof live)[number]).plantId,
      customer_ref: o.customerRef ?? null,
      currency: o.currency,
      total: o.total,
      created_at: o.createdAt,
      at: newest.event.occurredAt.toISOString(),
    };
  });
  const upserted = rowsOf<{ id: unknown; number: string; inserted: boolean }>(
    await tx.execute(sql`
      insert into orders (number, dealer_id, plant_id, customer_ref, currency, total, created_at, status, status_at, accepted_at, source_updated_at)
      select x.number, x.dealer_id, x.plant_id, x.customer_ref, x.currency, x.total::numeric, x.created_at, 'accepted', x.at, x.at, x.at
      from jsonb_to_recordset(${jsonRows(rows)}) as x(number text, dealer_id bigint, plant_id bigint, customer_ref text, currency text, total text, created_at timestamptz, at timestamptz)
      on conflict (number) do update set
        dealer_id = excluded.dealer_id, plant_id = excluded.plant_id, customer_ref = excluded.customer_ref,
        currency = excluded.currency, total = excluded.total, created_at = excluded.created_at,
        source_updated_at = excluded.source_updated_at, updated_at = now()
      where orders.source_updated_at is null or orders.source_updated_at <= excluded.source_updated_at
      returning id, number, (xmax = 0) as inserted`),
  );
  const applied = new Map(upserted.map((r) => [r.number, { id: idOf(r.id), inserted: r.inserted === true || String(r.inserted) === 'true' }]));

  // The order appears in the portal from acceptance on: the first upsert is when it was accepted.
  // While no status event has set the status, its time is the earliest upsert's. (A new order
  // sent once already has both from its insert.)
  const earliest = groups
    .filter((g) => !(applied.get(g.key)?.inserted && g.members.length === 1))
    .map((g) => ({ number: g.key, at: g.earliest.toISOString() }));
  if (earliest.length) {
    await tx.execute(sql`
      update orders o set
        accepted_at = least(o.accepted_at, x.at),
        status_at = case when o.status_event_at is null then least(o.status_at, x.at) else o.status_at end
      from jsonb_to_recordset(${jsonRows(earliest)}) as x(number text, at timestamptz)
      where o.number = x.number`);
  }

  const items_: object[] = [];
  const replaced: number[] = [];
  for (const group of groups) {
    const row = applied.get(group.key);
    if (!row) {
      outcomes.set(group.newest.syncEventId, { state: 'superseded' });
      continue;
    }
    if (!row.inserted) replaced.push(row.id);
    for (const item of group.newest.event.data.items) {
      items_.push({
        order_id: row.id,
        position: item.position,
        kind: item.kind,
        name: item.name,
        width_mm: item.widthMm,
        height_mm: item.heightMm,
        quantity: item.quantity,
        profile: item.profile ?? null,
        glazing: item.glazing ?? null,
        color: item.color ?? null,
        hardware: item.hardware ?? null,
        sashes: item.sashes ?? [],
        extras: item.extras ?? [],
        price: item.price,
      });
    }
  }
  if (replaced.length) {
    await tx.execute(sql`delete from order_items where order_id in (select (jsonb_array_elements_text(${jsonRows(replaced)}))::bigint)`);
  }
  for (let i = 0; i < items_.length; i += 2000) {
    await tx.execute(sql`
      insert into order_items (order_id, position, kind, name, width_mm, height_mm, quantity, profile, glazing, color, hardware, sashes, extras, price)
      select x.order_id, x.position, x.kind::item_kind, x.name, x.width_mm, x.height_mm, x.quantity, x.profile, x.glazing, x.color, x.hardware,
        x.sashes, x.extras, x.price::numeric
      from jsonb_to_recordset(${jsonRows(items_.slice(i, i + 2000))}) as x(order_id bigint, position int, kind text, name text, width_mm int,
        height_mm int, quantity int, profile text, glazing text, color text, hardware text, sashes jsonb, extras jsonb, price text)`);
  }
  if (applied.size) {
    // Settlements that named these orders before they arrived now point at them.
    const linked = [...applied.entries()].map(([number, row]) => ({ number, id: row.id }));
    await tx.execute(sql`
      update ledger_entries l set order_id = x.id
      from jsonb_to_recordset(${jsonRows(linked)}) as x(number text, id bigint)
      where l.order_number = x.number and l.order_id is null`);
  }

  const created: string[] = [];
  for (const group of groups) {
    const row = applied.get(group.key);
    if (!row) continue;
    const { event, syncEventId } = group.newest;
    const o = event.data;
    const dealerId = (group.newest as (typeof live)[number]).dealerId;
    const one = eventContext(ctx, syncEventId);
    audit(one, event, { type: 'order', id: o.number, dealerId }, { created: row.inserted, total: o.total, items: o.items.length });
    announce(one, 'order.updated', { number: o.number }, { dealerId });
    outcomes.set(syncEventId, { state: 'applied' });
    if (row.inserted) created.push(waitKey.order(o.number));
  }
  await unparkAny(ctx, created);
  return outcomes;
}

/** Applies what waits for these new orders or dealers; most have nothing waiting (one query). */
async function unparkAny(ctx: BulkContext, keys: readonly string[]): Promise<void> {
  if (!keys.length) return;
  const waiting = rowsOf<{ waiting_for: string }>(
    await ctx.tx.execute(sql`
      select distinct waiting_for from sync_events
      where state = 'parked' and waiting_for in (select jsonb_array_elements_text(${jsonRows(keys)}))`),
  );
  for (const key of waiting.map((w) => w.waiting_for).sort(byText)) await ctx.unpark(key);
}

/** The column that keeps when each stage was (first) reached. */
const STAGE_COLUMN = {
  accepted: 'accepted_at',
  in_production: 'in_production_at',
  manufactured: 'manufactured_at',
  shipped: 'shipped_at',
  delivered: 'delivered_at',
  cancelled: 'cancelled_at',
} as const satisfies Record<OrderStatus, string>;

/**
 * order.status, set-based: every event goes to the order's history; the newest becomes the
 * current status when it is not older than the status event that set the current one; each stage
 * keeps the time it was first reached. An event about an order not known yet is parked.
 */
export async function applyOrderStatuses(ctx: BulkContext, items: readonly Claimed<OrderStatusEvent>[]): Promise<Map<number, Outcome>> {
  const { tx } = ctx;
  const outcomes = new Map<number, Outcome>();
  const groups = newestByKey(items, (e) => e.data.number);
  const numbers = groups.map((g) => g.key);
  type Row = { id: number; number: string; dealerId: number; statusEventAt: Date | null };
  const look = (list: string[]): Promise<Row[]> =>
    tx
      .select({ id: orders.id, number: orders.number, dealerId: orders.dealerId, statusEventAt: orders.statusEventAt })
      .from(orders)
      .where(inArray(orders.number, list))
      .orderBy(orders.number)
      .for('update');
  const found = new Map((await look(numbers)).map((r) => [r.number, r]));
  const missing = numbers.filter((n) => !found.has(n));
  if (missing.length) {
    await lockKeys(tx, missing.map(waitKey.order));
    for (const row of await look(missing)) found.set(row.number, row);
  }

  const updates: object[] = [];
  for (const group of groups) {
    const order = found.get(group.key);
    if (!order) {
      for (const m of group.members) outcomes.set(m.syncEventId, { state: 'parked', waitingFor: waitKey.order(group.key) });
      continue;
    }
    const { newest } = group;
    const current = order.statusEventAt === null || newest.event.occurredAt.getTime() >= order.statusEventAt.getTime();
    const stages: Partial<Record<(typeof STAGE_COLUMN)[OrderStatus], string>> = {};
    for (const m of group.members) {
      const column = STAGE_COLUMN[m.event.data.status];
      const at = m.event.occurredAt.toISOString();
      const before = stages[column];
      if (before === undefined || Date.parse(at) < Date.parse(before)) stages[column] = at;
    }
    const s = newest.event.data;
    updates.push({
      id: order.id,
      current,
      status: s.status,
      at: newest.event.occurredAt.toISOString(),
      items_done: s.itemsDone ?? null,
      items_total: s.itemsTotal ?? null,
      ...stages,
    });
    // As if applied one by one in time order: each event not older than the current status was,
    // in its turn, the current one (history, audit, announcement); the newest is current now.
    const inTimeOrder = [...group.members].sort((a, b) => a.event.occurredAt.getTime() - b.event.occurredAt.getTime() || a.index - b.index);
    for (const m of inTimeOrder) {
      const e = m.event;
      const advanced = order.statusEventAt === null || e.occurredAt.getTime() >= order.statusEventAt.getTime();
      // Written with the batch's other history rows before it commits.
      ctx.effects.history.push({
        orderId: order.id,
        status: e.data.status,
        occurredAt: e.occurredAt,
        itemsDone: e.data.itemsDone ?? null,
        itemsTotal: e.data.itemsTotal ?? null,
        note: e.data.note ?? null,
        applied: advanced,
        syncEventId: m.syncEventId,
      });
      const one = eventContext(ctx, m.syncEventId);
      audit(one, e, { type: 'order', id: group.key, dealerId: order.dealerId }, {
        status: e.data.status,
        current: advanced,
        itemsDone: e.data.itemsDone ?? null,
        itemsTotal: e.data.itemsTotal ?? null,
      });
      if (advanced) announce(one, 'order.status', { number: group.key, status: e.data.status, occurredAt: e.occurredAt.toISOString() }, { dealerId: order.dealerId });
      else announce(one, 'order.updated', { number: group.key }, { dealerId: order.dealerId });
      // An older status is recorded (history, stage time) but is not the current state: superseded.
      outcomes.set(m.syncEventId, advanced ? { state: 'applied' } : { state: 'superseded' });
    }
  }
  if (updates.length) {
    await tx.execute(sql`
      update orders o set
        accepted_at = least(o.accepted_at, x.accepted_at),
        in_production_at = least(o.in_production_at, x.in_production_at),
        manufactured_at = least(o.manufactured_at, x.manufactured_at),
        shipped_at = least(o.shipped_at, x.shipped_at),
        delivered_at = least(o.delivered_at, x.delivered_at),
        cancelled_at = least(o.cancelled_at, x.cancelled_at),
        status = case when x.current then x.status::order_status else o.status end,
        status_at = case when x.current then x.at else o.status_at end,
        status_event_at = case when x.current then x.at else o.status_event_at end,
        items_done = case when x.current then x.items_done else o.items_done end,
        items_total = case when x.current then x.items_total else o.items_total end,
        updated_at = now()
      from jsonb_to_recordset(${jsonRows(updates)}) as x(id bigint, current boolean, status text, at timestamptz, items_done int, items_total int,
        accepted_at timestamptz, in_production_at timestamptz, manufactured_at timestamptz, shipped_at timestamptz, delivered_at timestamptz,
        cancelled_at timestamptz)
      where o.id = x.id`);
  }
  return outcomes;
}

/**
 * ledger.entry, set-based: upsert by (source, document id), newest occurredAt wins, so a
 * corrected document replaces the old amount and a resent one never counts twice. A document of
 * a dealer not known yet is parked until the dealer arrives.
 */
export async function applyLedgerEntries(ctx: BulkContext, items: readonly Claimed<LedgerEvent>[]): Promise<Map<number, Outcome>> {
  const { tx } = ctx;
  const outcomes = new Map<number, Outcome>();
  const dealerIds = await resolveDealers(ctx, items.map((i) => i.event.data.dealerCode));
  const live = items.filter((item) => {
    if (dealerIds.has(item.event.data.dealerCode)) return true;
    outcomes.set(item.syncEventId, { state: 'parked', waitingFor: waitKey.dealer(item.event.data.dealerCode) });
    return false;
  });
  if (!live.length) return outcomes;
  const groups = newestByKey(live, (e) => e.data.id);
  supersedeOlder(groups, outcomes);
  const orderNumbers = [...new Set(groups.map((g) => g.newest.event.data.orderNumber).filter((n): n is string => !!n))];
  const orderIds = new Map(
    orderNumbers.length
      ? (await tx.select({ id: orders.id, number: orders.number }).from(orders).where(inArray(orders.number, orderNumbers))).map((r) => [r.number, r.id])
      : [],
  );
  const rows = groups.map(({ newest }) => {
    const e = newest.event.data;
    return {
      document_id: e.id,
      dealer_id: dealerIds.get(e.dealerCode),
      kind: e.kind,
      amount: e.amount,
      effect: ledgerEffect(e.kind, e.amount),
      currency: e.currency,
      date: e.date,
      due_date: e.dueDate ?? null,
      order_id: e.orderNumber ? (orderIds.get(e.orderNumber) ?? null) : null,
      order_number: e.orderNumber ?? null,
      document: e.document ?? null,
      at: newest.event.occurredAt.toISOString(),
    };
  });
  const upserted = rowsOf<{ document_id: string; inserted: boolean }>(
    await tx.execute(sql`
      insert into ledger_entries (source, document_id, dealer_id, kind, amount, effect, currency, date, due_date, order_id, order_number, document, source_updated_at)
      select ${ctx.source.code}, x.document_id, x.dealer_id, x.kind::ledger_kind, x.amount::numeric, x.effect::numeric, x.currency, x.date, x.due_date,
        x.order_id, x.order_number, x.document, x.at
      from jsonb_to_recordset(${jsonRows(rows)}) as x(document_id text, dealer_id bigint, kind text, amount text, effect text, currency text, date date,
        due_date date, order_id bigint, order_number text, document text, at timestamptz)
      on conflict (source, document_id) do update set
        dealer_id = excluded.dealer_id, kind = excluded.kind, amount = excluded.amount, effect = excluded.effect, currency = excluded.currency,
        date = excluded.date, due_date = excluded.due_date, order_id = excluded.order_id, order_number = excluded.order_number,
        document = excluded.document, source_updated_at = excluded.source_updated_at, updated_at = now()
      where ledger_entries.source_updated_at is null or ledger_entries.source_updated_at <= excluded.source_updated_at
      returning document_id, (xmax = 0) as inserted`),
  );
  const applied = new Map(upserted.map((r) => [r.document_id, r.inserted === true || String(r.inserted) === 'true']));
  const announced = new Set<number>();
  for (const { key, newest } of groups) {
    const inserted = applied.get(key);
    if (inserted === undefined) {
      outcomes.set(newest.syncEventId, { state: 'superseded' });
      continue;
    }
    const e = newest.event.data;
    const dealerId = dealerIds.get(e.dealerCode)!;
    const one = eventContext(ctx, newest.syncEventId);
    audit(one, newest.event, { type: 'ledger_entry', id: `${ctx.source.code}:${e.id}`, dealerId }, {
      created: inserted,
      kind: e.kind,
      amount: e.amount,
      document: e.document ?? null,
    });
    // One announcement per dealer and batch: the dealer's finances changed.
    if (!announced.has(dealerId)) announce(one, 'ledger.updated', { dealerCode: e.dealerCode }, { dealerId });
    announced.add(dealerId);
    outcomes.set(newest.syncEventId, { state: 'applied' });
  }
  return outcomes;
}

/** catalog.item, set-based: upsert by part number, newest occurredAt wins. */
export async function applyCatalogItems(ctx: BulkContext, items: readonly Claimed<CatalogEvent>[]): Promise<Map<number, Outcome>> {
  const outcomes = new Map<number, Outcome>();
  const groups = newestByKey(items, (e) => e.data.partNumber);
  supersedeOlder(groups, outcomes);
  const rows = groups.map(({ newest }) => {
    const c = newest.event.data;
    return {
      part_number: c.partNumber,
      name: c.name,
      unit: c.unit,
      retail_price: c.retailPrice,
      dealer_price: c.dealerPrice,
      promo_price: c.promoPrice ?? null,
      stock: c.stock == null ? null : String(c.stock),
      currency: c.currency,
      at: newest.event.occurredAt.toISOString(),
    };
  });
  const upserted = rowsOf<{ part_number: string }>(
    await ctx.tx.execute(sql`
      insert into catalog_items (part_number, name, unit, retail_price, dealer_price, promo_price, stock, currency, source_updated_at)
      select x.part_number, x.name, x.unit, x.retail_price::numeric, x.dealer_price::numeric, x.promo_price::numeric, x.stock::numeric, x.currency, x.at
      from jsonb_to_recordset(${jsonRows(rows)}) as x(part_number text, name text, unit text, retail_price text, dealer_price text, promo_price text,
        stock text, currency text, at timestamptz)
      on conflict (part_number) do update set
        name = excluded.name, unit = excluded.unit, retail_price = excluded.retail_price, dealer_price = excluded.dealer_price,
        promo_price = excluded.promo_price, stock = excluded.stock, currency = excluded.currency,
        source_updated_at = excluded.source_updated_at, updated_at = now()
      where catalog_items.source_updated_at is null or catalog_items.source_updated_at <= excluded.source_updated_at
      returning part_number`),
  );
  const applied = new Set(upserted.map((r) => r.part_number));
  for (const { key, newest } of groups) {
    if (!applied.has(key)) {
      outcomes.set(newest.syncEventId, { state: 'superseded' });
      continue;
    }
    const c = newest.event.data;
    const one = eventContext(ctx, newest.syncEventId);
    audit(one, newest.event, { type: 'catalog_item', id: c.partNumber }, { dealerPrice: c.dealerPrice, retailPrice: c.retailPrice });
    announce(one, 'catalog.updated', { partNumber: c.partNumber }, { roles: ['dealer_owner', 'dealer_staff', 'factory', 'admin'] });
    outcomes.set(newest.syncEventId, { state: 'applied' });
  }
  return outcomes;
}
