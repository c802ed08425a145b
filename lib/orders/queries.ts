import 'server-only';
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { attachments, dealers, orderItems, orders, orderStatusHistory, shipmentOrders, shipments, type Sash } from '@/drizzle/schema';
import { ORDER_STATUSES, type ItemKind, type OrderStatus, type PayerCategory, type ShipmentStatus } from '@/drizzle/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/assert';
import { isDealerRole } from '@/lib/auth/permissions';
import { assertDealerScope, dealerScopeOf, type DealerScope } from '@/lib/auth/scope';
import type { DbOrTx } from '@/lib/db';
import { TIME_ZONE } from '@/lib/i18n/config';
import { encodeCursor, MAX_ORDER_PAGE_SIZE, ORDER_PAGE_SIZE, type OrderCursor, type OrderListFilter } from './list';

export type OrderRow = {
  number: string;
  status: OrderStatus;
  statusAt: Date;
  total: string;
  currency: string;
  itemsCount: number;
  customerRef: string | null;
  plannedDelivery: string | null;
  createdAt: Date;
};

/** The columns of a row of the orders list. */
const orderRowColumns = {
  number: orders.number,
  status: orders.status,
  statusAt: orders.statusAt,
  total: orders.total,
  currency: orders.currency,
  // Qualified by hand: in a query of one table drizzle writes columns unqualified, and a bare "id"
  // inside the subquery would be order_items.id.
  itemsCount: sql<number>`(select count(*) from ${orderItems} where ${orderItems}.order_id = ${orders}.id)`.mapWith(Number),
  customerRef: orders.customerRef,
  plannedDelivery: orders.plannedDelivery,
  createdAt: orders.createdAt,
};

/** The dealer's newest orders (the home screen). */
export async function listLatestOrdersForDealer(db: DbOrTx, scope: DealerScope, limit = 5): Promise<OrderRow[]> {
  const dealerId = assertDealerScope(scope);
  return db
    .select(orderRowColumns)
    .from(orders)
    .where(eq(orders.dealerId, dealerId))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(Math.min(Math.max(limit, 1), 50));
}

function toStatusCounts(rows: { status: OrderStatus; n: number }[]): Record<OrderStatus, number> {
  const counts = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])) as Record<OrderStatus, number>;
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

/** How many of the dealer's orders are in each status. */
export async function countOrdersByStatusForDealer(db: DbOrTx, scope: DealerScope) {
  const dealerId = assertDealerScope(scope);
  const rows = await db
    .select({ status: orders.status, n: count() })
    .from(orders)
    .where(eq(orders.dealerId, dealerId))
    .groupBy(orders.status);
  return toStatusCounts(rows);
}

/** Orders per status across all dealers (factory overview), optionally since a date. */
export async function countOrdersByStatus(db: DbOrTx, actor: Actor, options: { since?: Date } = {}) {
  assertCan(actor, 'orders.readAll');
  const rows = await db
    .select({ status: orders.status, n: count() })
    .from(orders)
    .where(options.since ? and(sql`${orders.statusAt} >= ${options.since.toISOString()}`) : undefined)
    .groupBy(orders.status);
  return toStatusCounts(rows);
}

// ---------------------------------------------------------------------------------------------
// The orders list and the order page

export type OrderListPage = { items: OrderRow[]; nextCursor: string | null };

/** A LIKE pattern that matches the text anywhere, with the text's own wildcards taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The conditions of the list's filters (not the status: the counts per status need the rest). */
function filterConditions(filter: OrderListFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    conditions.push(sql`(${orders.number} ilike ${pattern} or ${orders.customerRef} ilike ${pattern})`);
  }
  // Days are the factory's days.
  if (filter.from) conditions.push(sql`${orders.createdAt} >= (${filter.from}::date)::timestamp at time zone ${TIME_ZONE}`);
  if (filter.to) conditions.push(sql`${orders.createdAt} < (${filter.to}::date + 1)::timestamp at time zone ${TIME_ZONE}`);
  return conditions;
}

/**
 * created_at to the microsecond, for the cursor: a Date keeps only milliseconds, and a cursor cut
 * to them would skip the rows created later within the same millisecond.
 */
const createdAtExact = sql<string>`to_char(${orders.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * One page of the dealer's orders, newest first, with keyset pagination on (created_at, id): a
 * page is as fast at the 10,000th order as at the first, and a new order arriving meanwhile
 * neither repeats nor skips a row on the next page.
 */
export async function listOrdersForDealer(
  db: DbOrTx,
  scope: DealerScope,
  filter: OrderListFilter & { cursor?: OrderCursor; limit?: number } = {},
): Promise<OrderListPage> {
  const dealerId = assertDealerScope(scope);
  const limit = Math.min(Math.max(Math.trunc(filter.limit ?? ORDER_PAGE_SIZE), 1), MAX_ORDER_PAGE_SIZE);
  const conditions = [eq(orders.dealerId, dealerId), ...filterConditions(filter)];
  if (filter.status) conditions.push(eq(orders.status, filter.status));
  if (filter.cursor) conditions.push(sql`(${orders.createdAt}, ${orders.id}) < (${filter.cursor.createdAt}::timestamptz, ${filter.cursor.id})`);
  const rows = await db
    .select({ ...orderRowColumns, id: orders.id, cursorAt: createdAtExact })
    .from(orders)
    .where(and(...conditions))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(({ id: _id, cursorAt: _at, ...row }) => row),
    nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.cursorAt, id: last.id }) : null,
  };
}

/** How many of the dealer's orders are in each status, under the list's other filters. */
export async function countFilteredOrdersByStatusForDealer(db: DbOrTx, scope: DealerScope, filter: OrderListFilter) {
  const dealerId = assertDealerScope(scope);
  const rows = await db
    .select({ status: orders.status, n: count() })
    .from(orders)
    .where(and(eq(orders.dealerId, dealerId), ...filterConditions(filter)))
    .groupBy(orders.status);
  return toStatusCounts(rows);
}

/** Who is looking at an order: a dealer's user (their dealer's orders only) or factory-side staff (any, read-only). */
export type OrderViewer = { kind: 'dealer'; scope: DealerScope } | { kind: 'staff'; actor: Actor };

export function orderViewerOf(actor: Actor): OrderViewer {
  if (isDealerRole(actor.role)) return { kind: 'dealer', scope: dealerScopeOf(actor) };
  assertCan(actor, 'orders.readAll');
  return { kind: 'staff', actor };
}

export type OrderStage = 'accepted' | 'in_production' | 'manufactured' | 'shipped' | 'delivered' | 'cancelled';

export type OrderDetail = {
  number: string;
  dealer: { code: string; name: string; payerCategory: PayerCategory };
  status: OrderStatus;
  statusAt: Date;
  customerRef: string | null;
  currency: string;
  total: string;
  createdAt: Date;
  plannedDelivery: string | null;
  itemsDone: number | null;
  itemsTotal: number | null;
  /** When each stage was first reached (null: not yet). */
  stages: Record<OrderStage, Date | null>;
  /** `applied` false: an older event that arrived late and was only recorded; `current` marks the one that set the status. */
  history: { status: OrderStatus; at: Date; itemsDone: number | null; itemsTotal: number | null; note: string | null; applied: boolean; current: boolean }[];
  items: OrderItemDetail[];
  /** The sum of the positions (price × quantity), exact. */
  itemsSum: string;
  shipment: {
    number: string;
    plannedDate: string;
    status: ShipmentStatus;
    driverName: string | null;
    driverPhone: string | null;
    vehicle: string | null;
    departedAt: Date | null;
    deliveredAt: Date | null;
  } | null;
};

export type OrderItemDetail = {
  id: number;
  position: number;
  kind: ItemKind;
  name: string;
  widthMm: number;
  heightMm: number;
  quantity: number;
  profile: string | null;
  glazing: string | null;
  color: string | null;
  hardware: string | null;
  sashes: Sash[];
  extras: string[];
  price: string;
  /** price × quantity, exact. */
  lineTotal: string;
  photos: { id: string; fileName: string; widthPx: number | null; heightPx: number | null }[];
};

/**
 * One order with everything its page shows, or null when there is no such order for this
 * viewer: a dealer's user asking for another dealer's order gets exactly what an unknown number
 * gets.
 */
export async function getOrderDetail(db: DbOrTx, viewer: OrderViewer, number: string): Promise<OrderDetail | null> {
  if (typeof number !== 'string' || number.length < 1 || number.length > 64) return null;
  const scoped = viewer.kind === 'dealer' ? eq(orders.dealerId, assertDealerScope(viewer.scope)) : (assertCan(viewer.actor, 'orders.readAll'), undefined);
  const [order] = await db
    .select({
      id: orders.id,
      number: orders.number,
      dealerCode: dealers.code,
      dealerName: dealers.name,
      payerCategory: dealers.payerCategory,
      status: orders.status,
      statusAt: orders.statusAt,
      customerRef: orders.customerRef,
      currency: orders.currency,
      total: orders.total,
      createdAt: orders.createdAt,
      plannedDelivery: orders.plannedDelivery,
      itemsDone: orders.itemsDone,
      itemsTotal: orders.itemsTotal,
      acceptedAt: orders.acceptedAt,
      inProductionAt: orders.inProductionAt,
      manufacturedAt: orders.manufacturedAt,
      shippedAt: orders.shippedAt,
      deliveredAt: orders.deliveredAt,
      cancelledAt: orders.cancelledAt,
    })
    .from(orders)
    .innerJoin(dealers, eq(dealers.id, orders.dealerId))
    .where(and(eq(orders.number, number), scoped))
    .limit(1);
  if (!order) return null;

  const [items, history, [shipment], [sum]] = await Promise.all([
    db
      .select({
        id: orderItems.id,
        position: orderItems.position,
        kind: orderItems.kind,
        name: orderItems.name,
        widthMm: orderItems.widthMm,
        heightMm: orderItems.heightMm,
        quantity: orderItems.quantity,
        profile: orderItems.profile,
        glazing: orderItems.glazing,
        color: orderItems.color,
        hardware: orderItems.hardware,
        sashes: orderItems.sashes,
        extras: orderItems.extras,
        price: orderItems.price,
        lineTotal: sql<string>`(${orderItems.price} * ${orderItems.quantity})::numeric(14, 2)::text`,
      })
      .from(orderItems)
      .where(eq(orderItems.orderId, order.id))
      .orderBy(asc(orderItems.position)),
    db
      .select({
        status: orderStatusHistory.status,
        at: orderStatusHistory.occurredAt,
        itemsDone: orderStatusHistory.itemsDone,
        itemsTotal: orderStatusHistory.itemsTotal,
        note: orderStatusHistory.note,
        applied: orderStatusHistory.applied,
      })
      .from(orderStatusHistory)
      .where(eq(orderStatusHistory.orderId, order.id))
      .orderBy(asc(orderStatusHistory.occurredAt), asc(orderStatusHistory.id)),
    // The trip that carries the order: the latest planned one, when it was moved to another.
    db
      .select({
        number: shipments.number,
        plannedDate: shipments.plannedDate,
        status: shipments.status,
        driverName: shipments.driverName,
        driverPhone: shipments.driverPhone,
        vehicle: shipments.vehicle,
        departedAt: shipments.departedAt,
        deliveredAt: shipments.deliveredAt,
      })
      .from(shipmentOrders)
      .innerJoin(shipments, eq(shipments.id, shipmentOrders.shipmentId))
      .where(eq(shipmentOrders.orderId, order.id))
      .orderBy(desc(shipments.plannedDate), desc(shipments.id))
      .limit(1),
    db
      .select({ sum: sql<string>`coalesce(sum(${orderItems.price} * ${orderItems.quantity}), 0)::numeric(14, 2)::text` })
      .from(orderItems)
      .where(eq(orderItems.orderId, order.id)),
  ]);
  const photos = items.length
    ? await db
        .select({ id: attachments.id, ownerId: attachments.ownerId, fileName: attachments.fileName, widthPx: attachments.widthPx, heightPx: attachments.heightPx })
        .from(attachments)
        .where(and(eq(attachments.ownerType, 'order_item'), inArray(attachments.ownerId, items.map((i) => i.id))))
        .orderBy(asc(attachments.createdAt))
    : [];

  // The history's current entry: the newest status event that set the status.
  const currentIndex = history.findLastIndex((h) => h.applied && h.status === order.status);
  return {
    number: order.number,
    dealer: { code: order.dealerCode, name: order.dealerName, payerCategory: order.payerCategory },
    status: order.status,
    statusAt: order.statusAt,
    customerRef: order.customerRef,
    currency: order.currency,
    total: order.total,
    createdAt: order.createdAt,
    plannedDelivery: order.plannedDelivery,
    itemsDone: order.itemsDone,
    itemsTotal: order.itemsTotal,
    stages: {
      accepted: order.acceptedAt,
      in_production: order.inProductionAt,
      manufactured: order.manufacturedAt,
      shipped: order.shippedAt,
      delivered: order.deliveredAt,
      cancelled: order.cancelledAt,
    },
    history: history.map((h, i) => ({ status: h.status, at: h.at, itemsDone: h.itemsDone, itemsTotal: h.itemsTotal, note: h.note, applied: h.applied, current: i === currentIndex })),
    items: items.map((item) => ({
      ...item,
      photos: photos.filter((p) => p.ownerId === item.id).map(({ ownerId: _owner, ...photo }) => photo),
    })),
    itemsSum: sum?.sum ?? '0.00',
    shipment: shipment ?? null,
  };
}

/**
 * Factory-side lookup by the exact order number: true when such an order exists (any dealer's);
 * with a plant's code, only among that plant's orders (each plant's orders are kept apart).
 */
export async function orderNumberExists(db: DbOrTx, actor: Actor, number: string, options: { plant?: string } = {}): Promise<boolean> {
  assertCan(actor, 'orders.readAll');
  if (number.length < 1 || number.length > 64) return false;
  const where = options.plant
    ? and(eq(orders.number, number), sql`${orders.plantId} = (select p.id from plants p where p.code = ${options.plant})`)
    : eq(orders.number, number);
  const [row] = await db.select({ id: orders.id }).from(orders).where(where).limit(1);
  return row !== undefined;
}
