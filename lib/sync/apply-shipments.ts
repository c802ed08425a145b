import { asc, desc, eq, inArray } from 'drizzle-orm';
import { orders, plants, shipmentOrders, shipments } from '@/drizzle/schema';
import { announce, audit, storedIsNotNewer, lockKey, SyncRejection, waitKey, type Handler } from './context';
import type { SyncEvent } from './schemas';

type ShipmentEvent = Extract<SyncEvent, { type: 'shipment.upserted' }>;

/**
 * shipment.upserted: a trip and the orders it carries, newest occurredAt wins. A trip naming an
 * order the portal does not know yet is parked until that order arrives (and again for the next
 * missing one), so a trip never shows with orders silently missing.
 */
export const applyShipmentUpserted: Handler<ShipmentEvent> = async (ctx, event) => {
  const { tx } = ctx;
  const s = event.data;
  const numbers = [...new Set(s.orderNumbers)].sort();
  const findKnown = () =>
    numbers.length
      ? tx.select({ id: orders.id, number: orders.number, dealerId: orders.dealerId, plantId: orders.plantId }).from(orders).where(inArray(orders.number, numbers))
      : Promise.resolve([]);
  let known = await findKnown();
  if (known.length < numbers.length) {
    // Some order is missing: take the missing orders' locks (see findOrLock) and look again.
    for (const number of numbers.filter((n) => !known.some((o) => o.number === n))) await lockKey(tx, waitKey.order(number));
    known = await findKnown();
  }
  const missing = numbers.find((n) => !known.some((o) => o.number === n));
  if (missing) return { state: 'parked', waitingFor: waitKey.order(missing) };

  // The contract names no plant for a trip: it leaves from the plant of its orders.
  const [mainPlant] = known.length ? [] : await tx.select({ id: plants.id }).from(plants).orderBy(desc(plants.isMain), asc(plants.id)).limit(1);
  const plantId = known[0]?.plantId ?? mainPlant?.id;
  if (plantId === undefined) throw new SyncRejection('no plant is configured in the portal yet');
  const values = {
    number: s.number,
    plantId,
    plannedDate: s.plannedDate,
    status: s.status,
    driverName: s.driverName ?? null,
    driverPhone: s.driverPhone ?? null,
    vehicle: s.vehicle ?? null,
    departedAt: s.departedAt ? new Date(s.departedAt) : null,
    deliveredAt: s.deliveredAt ? new Date(s.deliveredAt) : null,
    sourceUpdatedAt: event.occurredAt,
  };
  const [row] = await tx
    .insert(shipments)
    .values(values)
    .onConflictDoUpdate({
      target: shipments.number,
      set: { ...values, updatedAt: new Date() },
      setWhere: storedIsNotNewer(shipments.sourceUpdatedAt, event.occurredAt),
    })
    .returning({ id: shipments.id });
  if (!row) return { state: 'superseded' };

  await tx.delete(shipmentOrders).where(eq(shipmentOrders.shipmentId, row.id));
  if (known.length) {
    await tx.insert(shipmentOrders).values(known.map((o) => ({ shipmentId: row.id, orderId: o.id })));
    await tx.update(orders).set({ plannedDelivery: s.plannedDate }).where(inArray(orders.id, known.map((o) => o.id)));
  }
  const dealerIds = [...new Set(known.map((o) => o.dealerId))];
  audit(ctx, event, { type: 'shipment', id: s.number }, { status: s.status, orderNumbers: numbers, plannedDate: s.plannedDate });
  // The trip sets each order's planned delivery: in each order's history too, under its dealer.
  for (const o of known) audit(ctx, event, { type: 'order', id: o.number, dealerId: o.dealerId }, { shipment: s.number, plannedDelivery: s.plannedDate });
  announce(ctx, 'shipment.updated', { number: s.number, orderNumbers: numbers }, { dealerIds });
  return { state: 'applied' };
};
