import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { orders, shipmentOrders, shipments } from '@/drizzle/schema';
import type { ShipmentStatus } from '@/drizzle/schema/enums';
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
