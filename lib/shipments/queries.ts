import 'server-only';
import { and, asc, between, eq, inArray, lt, ne, or, sql } from 'drizzle-orm';
import { orderItems, orders, shipmentOrders, shipments } from '@/drizzle/schema';
import type { OrderStatus, ShipmentStatus } from '@/drizzle/schema/values';
import { assertDealerScope, type DealerScope } from '@/lib/auth/scope';
import type { DbOrTx } from '@/lib/db';

export type DealerTrip = {
  number: string;
  plannedDate: string;
  status: ShipmentStatus;
  vehicle: string | null;
  driverName: string | null;
  driverPhone: string | null;
  /** Only this dealer's orders on the trip; other dealers' are never shown. */
  orderNumbers: string[];
};

/** Trips not yet delivered that carry the dealer's orders, soonest first. */
export async function listActiveTripsForDealer(db: DbOrTx, scope: DealerScope, limit = 5): Promise<DealerTrip[]> {
  const dealerId = assertDealerScope(scope);
  const rows = await db
    .select({
      number: shipments.number,
      plannedDate: shipments.plannedDate,
      status: shipments.status,
      vehicle: shipments.vehicle,
      driverName: shipments.driverName,
      driverPhone: shipments.driverPhone,
      orderNumber: orders.number,
    })
    .from(shipments)
    .innerJoin(shipmentOrders, eq(shipmentOrders.shipmentId, shipments.id))
    .innerJoin(orders, eq(orders.id, shipmentOrders.orderId))
    .where(and(eq(orders.dealerId, dealerId), inArray(shipments.status, ['planned', 'loading', 'in_transit'])))
    .orderBy(asc(shipments.plannedDate), asc(shipments.number), asc(orders.number));
  const trips = new Map<string, DealerTrip>();
  for (const { orderNumber, ...trip } of rows) {
    const existing = trips.get(trip.number);
    if (existing) existing.orderNumbers.push(orderNumber);
    else trips.set(trip.number, { ...trip, orderNumbers: [orderNumber] });
  }
  return [...trips.values()].slice(0, limit);
}

export type TripOrder = {
  number: string;
  customerRef: string | null;
  status: OrderStatus;
  itemsCount: number;
};

export type DealerTripWithOrders = {
  number: string;
  plannedDate: string;
  status: ShipmentStatus;
  vehicle: string | null;
  driverName: string | null;
  driverPhone: string | null;
  departedAt: Date | null;
  deliveredAt: Date | null;
  /** Only this dealer's orders on the trip; other dealers' are never shown. */
  orders: TripOrder[];
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Trips planned between two dates (inclusive, YYYY-MM-DD in the factory's calendar) that carry at
 * least one of the dealer's orders, each with only the dealer's own orders; by date, then number.
 * Trips planned earlier that are not delivered yet (still loading or on the road) come first: a
 * delivery that slipped is still a delivery coming.
 */
export async function listTripsForDealerBetween(
  db: DbOrTx,
  scope: DealerScope,
  fromDay: string,
  toDay: string,
): Promise<DealerTripWithOrders[]> {
  const dealerId = assertDealerScope(scope);
  if (!DAY.test(fromDay) || !DAY.test(toDay)) throw new Error(`Not a date range: "${fromDay}" to "${toDay}"`);
  const rows = await db
    .select({
      number: shipments.number,
      plannedDate: shipments.plannedDate,
      status: shipments.status,
      vehicle: shipments.vehicle,
      driverName: shipments.driverName,
      driverPhone: shipments.driverPhone,
      departedAt: shipments.departedAt,
      deliveredAt: shipments.deliveredAt,
      orderNumber: orders.number,
      customerRef: orders.customerRef,
      orderStatus: orders.status,
      itemsCount: sql<number>`(select count(*) from ${orderItems} where ${orderItems.orderId} = ${orders.id})`.mapWith(Number),
    })
    .from(shipments)
    .innerJoin(shipmentOrders, eq(shipmentOrders.shipmentId, shipments.id))
    .innerJoin(orders, eq(orders.id, shipmentOrders.orderId))
    .where(
      and(
        eq(orders.dealerId, dealerId),
        or(between(shipments.plannedDate, fromDay, toDay), and(lt(shipments.plannedDate, fromDay), ne(shipments.status, 'delivered'))),
      ),
    )
    .orderBy(asc(shipments.plannedDate), asc(shipments.number), asc(orders.number));
  const trips = new Map<string, DealerTripWithOrders>();
  for (const { orderNumber, customerRef, orderStatus, itemsCount, ...trip } of rows) {
    const order = { number: orderNumber, customerRef, status: orderStatus, itemsCount };
    const existing = trips.get(trip.number);
    if (existing) existing.orders.push(order);
    else trips.set(trip.number, { ...trip, orders: [order] });
  }
  return [...trips.values()];
}
