import 'server-only';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import { orderItems, orders } from '@/drizzle/schema';
import { ORDER_STATUSES, type OrderStatus } from '@/drizzle/schema/enums';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/assert';
import { assertDealerScope, type DealerScope } from '@/lib/auth/scope';
import type { DbOrTx } from '@/lib/db';

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

/** The dealer's newest orders (the home screen). */
export async function listLatestOrdersForDealer(db: DbOrTx, scope: DealerScope, limit = 5): Promise<OrderRow[]> {
  const dealerId = assertDealerScope(scope);
  return db
    .select({
      number: orders.number,
      status: orders.status,
      statusAt: orders.statusAt,
      total: orders.total,
      currency: orders.currency,
      itemsCount: sql<number>`(select count(*) from ${orderItems} where ${orderItems.orderId} = ${orders.id})`.mapWith(Number),
      customerRef: orders.customerRef,
      plannedDelivery: orders.plannedDelivery,
      createdAt: orders.createdAt,
    })
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
