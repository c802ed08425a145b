import { and, eq, isNull, sql } from 'drizzle-orm';
import { dealers, ledgerEntries, orderItems, orders, plants } from '@/drizzle/schema';
import type { OrderStatus } from '@/drizzle/schema/values';
import { announce, audit, findOrLock, remember, storedIsNotNewer, SyncRejection, waitKey, type Handler } from './context';
import type { SyncEvent } from './schemas';

type OrderUpserted = Extract<SyncEvent, { type: 'order.upserted' }>;
type OrderStatusEvent = Extract<SyncEvent, { type: 'order.status' }>;

/** The column that keeps when each stage was (first) reached. */
const STAGE_FIELD = {
  accepted: 'acceptedAt',
  in_production: 'inProductionAt',
  manufactured: 'manufacturedAt',
  shipped: 'shippedAt',
  delivered: 'deliveredAt',
  cancelled: 'cancelledAt',
} as const satisfies Record<OrderStatus, keyof typeof orders.$inferSelect>;

/**
 * order.upserted: the order and all its constructions, newest occurredAt wins. An order of a
 * dealer the portal does not know yet is parked until the dealer arrives.
 */
export const applyOrderUpserted: Handler<OrderUpserted> = async (ctx, event) => {
  const { tx } = ctx;
  const o = event.data;
  const dealer = await remember(ctx, waitKey.dealer(o.dealerCode), () =>
    findOrLock(tx, waitKey.dealer(o.dealerCode), async () => (await tx.select({ id: dealers.id }).from(dealers).where(eq(dealers.code, o.dealerCode)).limit(1))[0]),
  );
  if (!dealer) return { state: 'parked', waitingFor: waitKey.dealer(o.dealerCode) };
  const plant = await resolvePlant(ctx, o.plant ?? null);
  // A new order is created under its key's lock (see findOrLock).
  await findOrLock(tx, waitKey.order(o.number), async () => (await tx.select({ id: orders.id }).from(orders).where(eq(orders.number, o.number)).limit(1))[0]);
  const at = event.occurredAt.toISOString();
  const values = {
    number: o.number,
    dealerId: dealer.id,
    plantId: plant,
    customerRef: o.customerRef ?? null,
    currency: o.currency,
    total: o.total,
    createdAt: new Date(o.createdAt),
    status: 'accepted' as const,
    statusAt: event.occurredAt,
    acceptedAt: event.occurredAt,
    sourceUpdatedAt: event.occurredAt,
  };
  const [row] = await tx
    .insert(orders)
    .values(values)
    .onConflictDoUpdate({
      target: orders.number,
      set: {
        dealerId: values.dealerId,
        plantId: values.plantId,
        customerRef: values.customerRef,
        currency: values.currency,
        total: values.total,
        createdAt: values.createdAt,
        sourceUpdatedAt: values.sourceUpdatedAt,
        updatedAt: new Date(),
      },
      setWhere: storedIsNotNewer(orders.sourceUpdatedAt, event.occurredAt),
    })
    .returning({ id: orders.id, inserted: sql<boolean>`xmax = 0` });

  // The order appears in the portal from acceptance on: the first upsert is when it was accepted.
  // While no status event has set the status, its time is the earliest upsert's.
  await tx.execute(sql`
    update ${orders} set
      accepted_at = least(accepted_at, ${at}::timestamptz),
      status_at = case when status_event_at is null then least(status_at, ${at}::timestamptz) else status_at end
    where number = ${o.number}`);

  if (!row) return { state: 'superseded' };
  await tx.delete(orderItems).where(eq(orderItems.orderId, row.id));
  await tx.insert(orderItems).values(
    o.items.map((item) => ({
      orderId: row.id,
      position: item.position,
      kind: item.kind,
      name: item.name,
      widthMm: item.widthMm,
      heightMm: item.heightMm,
      quantity: item.quantity,
      profile: item.profile ?? null,
      glazing: item.glazing ?? null,
      color: item.color ?? null,
      hardware: item.hardware ?? null,
      sashes: item.sashes ?? [],
      extras: item.extras ?? [],
      price: item.price,
    })),
  );
  // Settlements that named this order before it arrived now point at it.
  await tx
    .update(ledgerEntries)
    .set({ orderId: row.id })
    .where(and(eq(ledgerEntries.orderNumber, o.number), isNull(ledgerEntries.orderId)));

  audit(ctx, event, { type: 'order', id: o.number, dealerId: dealer.id }, { created: row.inserted, total: o.total, items: o.items.length });
  announce(ctx, 'order.updated', { number: o.number }, { dealerId: dealer.id });
  if (row.inserted) await ctx.unpark(waitKey.order(o.number));
  return { state: 'applied' };
};

async function resolvePlant(ctx: Parameters<Handler>[0], code: string | null): Promise<number> {
  const rows = (await remember(ctx, 'plants', () => ctx.tx.select({ id: plants.id, code: plants.code, isMain: plants.isMain }).from(plants))) ?? [];
  const plant = code ? rows.find((p) => p.code === code) : rows.find((p) => p.isMain);
  if (!plant) {
    throw new SyncRejection(
      code
        ? `plant "${code}" is not known; known plants: ${rows.map((p) => p.code).join(', ') || 'none'}`
        : 'no main plant is configured in the portal; name the plant of the order',
    );
  }
  return plant.id;
}

/**
 * order.status: kept in the history always; it becomes the current status only when it is not
 * older than the status event that set the current one. Each stage keeps the time it was first
 * reached, whatever order the events arrive in.
 */
export const applyOrderStatus: Handler<OrderStatusEvent> = async (ctx, event) => {
  const { tx } = ctx;
  const s = event.data;
  const order = await findOrLock(tx, waitKey.order(s.number), async () =>
    (await tx
      .select({ id: orders.id, dealerId: orders.dealerId, statusEventAt: orders.statusEventAt })
      .from(orders)
      .where(eq(orders.number, s.number))
      .for('update')
      .limit(1))[0],
  );
  if (!order) return { state: 'parked', waitingFor: waitKey.order(s.number) };

  const current = order.statusEventAt === null || event.occurredAt.getTime() >= order.statusEventAt.getTime();
  const at = event.occurredAt.toISOString();
  const stage = STAGE_FIELD[s.status];
  // One statement: the stage keeps the first time it was reached; a current event sets the status.
  await tx
    .update(orders)
    .set({
      [stage]: sql`least(${orders[stage]}, ${at}::timestamptz)`,
      updatedAt: new Date(),
      ...(current
        ? {
            status: s.status,
            statusAt: event.occurredAt,
            statusEventAt: event.occurredAt,
            // Partial manufacture belongs to the status that reports it.
            itemsDone: s.itemsDone ?? null,
            itemsTotal: s.itemsTotal ?? null,
          }
        : {}),
    })
    .where(eq(orders.id, order.id));
  // Written with the batch's other history rows before it commits.
  ctx.effects.history.push({
    orderId: order.id,
    status: s.status,
    occurredAt: event.occurredAt,
    itemsDone: s.itemsDone ?? null,
    itemsTotal: s.itemsTotal ?? null,
    note: s.note ?? null,
    applied: current,
    syncEventId: ctx.syncEventId,
  });
  audit(ctx, event, { type: 'order', id: s.number, dealerId: order.dealerId }, { status: s.status, current, itemsDone: s.itemsDone ?? null, itemsTotal: s.itemsTotal ?? null });
  if (current) announce(ctx, 'order.status', { number: s.number, status: s.status, occurredAt: at }, { dealerId: order.dealerId });
  else announce(ctx, 'order.updated', { number: s.number }, { dealerId: order.dealerId });
  // An older status is recorded (history, stage time) but is not the current state: superseded.
  return current ? { state: 'applied' } : { state: 'superseded' };
};
