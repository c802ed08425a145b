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
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { dealers, plants } from './dealers';
import { itemKindEnum, orderStatusEnum, shipmentStatusEnum, type SashOpening } from './enums';

const money = (name?: string) =>
  name ? numeric(name, { precision: 14, scale: 2 }) : numeric({ precision: 14, scale: 2 });

export const orders = pgTable(
  'orders',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    number: text().notNull(),
    dealerId: bigint({ mode: 'number' })
      .notNull()
      .references(() => dealers.id),
    plantId: bigint({ mode: 'number' })
      .notNull()
      .references(() => plants.id),
    /** The dealer's own reference for his customer. */
    customerRef: text(),
    status: orderStatusEnum().notNull().default('accepted'),
    /** When the current status began (shown to people). */
    statusAt: timestamp({ withTimezone: true }).notNull(),
    /**
     * occurredAt of the order.status event that set the current status; null while the order
     * still has the status it arrived with. A status event older than this one is only recorded.
     */
    statusEventAt: timestamp({ withTimezone: true }),
    currency: text().notNull().default('UAH'),
    total: money().notNull(),
    itemsDone: integer(),
    itemsTotal: integer(),
    plannedDelivery: date({ mode: 'string' }),
    /** When the order was created in the factory's order system. */
    createdAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    inProductionAt: timestamp({ withTimezone: true }),
    manufacturedAt: timestamp({ withTimezone: true }),
    shippedAt: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    /** occurredAt of the newest order.upserted applied (newest wins). */
    sourceUpdatedAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('orders_number_key').on(t.number),
    // The dealer's list: newest first, keyset-paginated by (created_at, id). Ascending on purpose:
    // read backwards it gives ORDER BY created_at DESC, id DESC (nulls first, PostgreSQL's default
    // for DESC); an index declared DESC NULLS LAST does not match that order and left every page
    // to a sort of all the dealer's orders.
    index('orders_dealer_created_idx').on(t.dealerId, t.createdAt, t.id),
    // The list filtered by status, newest first; also counts per status from the index alone.
    index('orders_dealer_status_created_idx').on(t.dealerId, t.status, t.createdAt, t.id),
    index('orders_status_idx').on(t.status),
    // The factory reports: counts per status of one plant (or of all), and the ids of a plant's
    // orders for the plant filter, from the index alone.
    index('orders_plant_status_idx').on(t.plantId, t.status, t.id),
    check('orders_total_nonnegative', sql`${t.total} >= 0`),
    check('orders_items_progress', sql`${t.itemsDone} is null or ${t.itemsTotal} is null or ${t.itemsDone} <= ${t.itemsTotal}`),
  ],
);

export type Sash = { widthMm: number; opening: SashOpening };

/** One position of an order: a construction with every parameter the contract names. */
export const orderItems = pgTable(
  'order_items',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orderId: bigint({ mode: 'number' })
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    kind: itemKindEnum().notNull(),
    name: text().notNull(),
    widthMm: integer().notNull(),
    heightMm: integer().notNull(),
    quantity: integer().notNull(),
    profile: text(),
    glazing: text(),
    color: text(),
    hardware: text(),
    sashes: jsonb().$type<Sash[]>().notNull().default([]),
    extras: jsonb().$type<string[]>().notNull().default([]),
    price: money().notNull(),
  },
  (t) => [
    uniqueIndex('order_items_order_position_key').on(t.orderId, t.position),
    check('order_items_position_positive', sql`${t.position} >= 1`),
    check('order_items_size_positive', sql`${t.widthMm} > 0 and ${t.heightMm} > 0`),
    check('order_items_quantity_positive', sql`${t.quantity} >= 1`),
  ],
);

/** Every status event received for an order, including older ones that did not change it. */
export const orderStatusHistory = pgTable(
  'order_status_history',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orderId: bigint({ mode: 'number' })
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    status: orderStatusEnum().notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    itemsDone: integer(),
    itemsTotal: integer(),
    note: text(),
    /** False when a newer status was already current: kept for the record only. */
    applied: boolean().notNull().default(true),
    syncEventId: bigint({ mode: 'number' }),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The reports count moves from order_moves_daily, so history needs no index by status and time.
    index('order_status_history_order_idx').on(t.orderId, t.occurredAt),
  ],
);

/**
 * Moves of orders per factory day (Europe/Kyiv), plant (the order's current one) and status: the
 * status history counted ahead of time for the orders report (lib/reports/factory.ts). Kept exact
 * by triggers on order_status_history and orders (migration 0017), never written by the portal.
 */
export const orderMovesDaily = pgTable(
  'order_moves_daily',
  {
    kyivDay: date({ mode: 'string' }).notNull(),
    plantId: bigint({ mode: 'number' })
      .notNull()
      .references(() => plants.id),
    status: orderStatusEnum().notNull(),
    moves: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.kyivDay, t.plantId, t.status] })],
);

/** A trip (рейс): one vehicle carrying many orders. */
export const shipments = pgTable(
  'shipments',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    number: text().notNull(),
    plantId: bigint({ mode: 'number' })
      .notNull()
      .references(() => plants.id),
    plannedDate: date({ mode: 'string' }).notNull(),
    status: shipmentStatusEnum().notNull().default('planned'),
    driverName: text(),
    driverPhone: text(),
    vehicle: text(),
    departedAt: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
    sourceUpdatedAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('shipments_number_key').on(t.number),
    index('shipments_planned_date_idx').on(t.plannedDate),
    // The factory reports: trips delivered over a period.
    index('shipments_delivered_at_idx').on(t.deliveredAt),
  ],
);

export const shipmentOrders = pgTable(
  'shipment_orders',
  {
    shipmentId: bigint({ mode: 'number' })
      .notNull()
      .references(() => shipments.id, { onDelete: 'cascade' }),
    orderId: bigint({ mode: 'number' })
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.shipmentId, t.orderId] }), index('shipment_orders_order_idx').on(t.orderId)],
);
