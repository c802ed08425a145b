import { ledgerEntries, orderItems, orderStatusHistory, orders, shipmentOrders, shipments } from '@/drizzle/schema';
import type { OrderStatus } from '@/drizzle/schema/values';
import type { Db } from '@/lib/db';
import { buildConstructions, totalKop, type Construction } from './constructions';
import { STREETS, SURNAMES } from './data';
import { assertSameOrder, insertMany, slicesFor } from './insert';
import { ledgerRow, orderEntries } from './ledger';
import { formatKop } from './money';
import { MIN_DEMO_ORDERS, OrderNumbers, planOrder, type OrderPlan, type PlanContext } from './order-plan';
import { Rng, WeightedIndex } from './random';
import type { DealerRecord, SeedWorld } from './seed-base';
import { draftRandomClaim, insertClaims, type ClaimCandidate, type ClaimDraft } from './seed-claims';
import { DAY, HOUR, MINUTE, dayString } from './time';
import { TripRegistry, type Trip } from './trips';

// Orders with their positions, status history, trips and money, written a batch at a time: a
// batch is generated, written in one transaction and forgotten, so a million orders need no more
// memory than a few hundred.

const BATCH_ORDERS = 250;
/** Share of other dealers' delivered orders that come back as a claim. */
const CLAIM_RATE = 0.012;

export type OrdersCounts = { orders: number; items: number; shipments: number; ledgerEntries: number; claims: number };

export type DemoShipped = { dealerIndex: number; orderNumber: string; trip: Trip };

export type OrdersOutcome = {
  counts: OrdersCounts;
  /** Delivered orders of D-1001 and D-1002, for their claims. */
  demoDelivered: ClaimCandidate[];
  demoShipped: DemoShipped[];
};

type OrderDraft = {
  plan: OrderPlan;
  dealer: DealerRecord;
  row: typeof orders.$inferInsert;
  items: Construction[];
  history: Omit<typeof orderStatusHistory.$inferInsert, 'orderId'>[];
  trip: Trip | null;
  ledger: ReturnType<typeof orderEntries>;
  deliveredAt: number | null;
};

/** How many orders each demo dealer gets: a typical dealer's share, never below the minimum. */
export function demoOrdersPerDealer(orders: number, dealers: number): number {
  if (dealers === 2) return Math.ceil(orders / 2);
  return Math.min(Math.floor(orders / 2), Math.max(MIN_DEMO_ORDERS, Math.round(orders / dealers)));
}

function customerRef(rng: Rng): string | null {
  const surname = rng.pick(SURNAMES);
  return rng.weighted([
    [`${surname}, кв. ${rng.int(1, 240)}`, 55],
    [`${surname}, ${rng.pick(STREETS)}, ${rng.int(1, 120)}`, 20],
    [`Котедж ${surname}`, 8],
    [`Офіс, ${rng.pick(STREETS)}, ${rng.int(1, 90)}`, 4],
    [null, 13],
  ] as const);
}

function buildOrder(world: SeedWorld, plan: OrderPlan, number: string, trips: TripRegistry): OrderDraft {
  const { rng } = plan;
  const dealer = world.dealers[plan.dealerIndex];
  if (!dealer) throw new Error(`No dealer ${plan.dealerIndex}`);
  const today = world.todayMs;
  const items = buildConstructions(rng, plan.partial ? 2 : 1);
  const units = items.reduce((n, i) => n + i.quantity, 0);
  const direction = dealer.town.direction;

  let trip: Trip | null = null;
  let shippedAt: number | null = null;
  let deliveredAt: number | null = null;
  if (plan.status === 'shipped' || plan.status === 'delivered') {
    trip = trips.assign(plan.plant, plan.shipDay ?? today, plan.status === 'shipped' ? 'in_transit' : 'delivered', direction);
    shippedAt = trip.departedAt;
    if (plan.status === 'delivered' && shippedAt !== null) deliveredAt = shippedAt + rng.int(45, trip.durationMin) * MINUTE;
  } else if (plan.onPlannedTrip) {
    let day = today + rng.int(0, 9) * DAY;
    if (new Date(day).getUTCDay() === 0) day += DAY;
    trip = trips.assign(plan.plant, day, day === today ? 'loading' : 'planned', direction);
  }

  const itemsDone: Record<OrderStatus, number> = {
    accepted: 0,
    in_production: rng.int(0, units - 1),
    manufactured: plan.partial ? rng.int(1, units - 1) : units,
    shipped: units,
    delivered: units,
    cancelled: 0,
  };
  const plannedDelivery: Record<OrderStatus, string | null> = {
    accepted: dayString(today + rng.int(5, 14) * DAY),
    in_production: dayString(today + rng.int(2, 9) * DAY),
    manufactured: trip ? trip.plannedDate : dayString(today + rng.int(1, 7) * DAY),
    shipped: trip ? (trip.plannedDate < dayString(today) ? dayString(today) : trip.plannedDate) : null,
    delivered: trip?.plannedDate ?? null,
    cancelled: null,
  };
  const stageAt: Record<OrderStatus, number | null> = {
    accepted: plan.acceptedAt,
    in_production: plan.inProductionAt,
    manufactured: plan.manufacturedAt,
    shipped: shippedAt,
    delivered: deliveredAt,
    cancelled: plan.cancelledAt,
  };
  const statusAt = stageAt[plan.status];
  if (statusAt === null) throw new Error(`Order ${number} has no time for its status ${plan.status}`);

  const history: OrderDraft['history'] = [];
  const stages: OrderStatus[] = ['accepted', 'in_production', 'manufactured', 'shipped', 'delivered', 'cancelled'];
  for (const status of stages) {
    const at = stageAt[status];
    if (at === null) continue;
    const done = status === 'manufactured' ? itemsDone.manufactured : status === 'in_production' ? 0 : null;
    const note =
      status === 'manufactured' && plan.partial
        ? `Виготовлено ${itemsDone.manufactured} з ${units}`
        : status === 'shipped' && trip
          ? `Рейс ${trip.number}`
          : status === 'cancelled'
            ? rng.pick(['Скасовано на прохання дилера', 'Клієнт відмовився від замовлення', 'Замовлення перераховано під новим номером'])
            : null;
    history.push({
      status,
      occurredAt: new Date(at),
      itemsDone: done,
      itemsTotal: done === null ? null : units,
      note,
      applied: true,
      recordedAt: new Date(at),
    });
  }

  const total = totalKop(items);
  const row: typeof orders.$inferInsert = {
    number,
    dealerId: dealer.id,
    plantId: world.plantIds[plan.plant],
    customerRef: customerRef(rng),
    status: plan.status,
    statusAt: new Date(statusAt),
    currency: 'UAH',
    total: formatKop(total),
    itemsDone: itemsDone[plan.status],
    itemsTotal: units,
    plannedDelivery: plannedDelivery[plan.status],
    createdAt: new Date(plan.createdAt),
    acceptedAt: new Date(plan.acceptedAt),
    inProductionAt: plan.inProductionAt === null ? null : new Date(plan.inProductionAt),
    manufacturedAt: plan.manufacturedAt === null ? null : new Date(plan.manufacturedAt),
    shippedAt: shippedAt === null ? null : new Date(shippedAt),
    deliveredAt: deliveredAt === null ? null : new Date(deliveredAt),
    cancelledAt: plan.cancelledAt === null ? null : new Date(plan.cancelledAt),
    sourceUpdatedAt: new Date(statusAt),
    updatedAt: new Date(statusAt),
  };
  const ledger = orderEntries(rng, today, {
    dealer,
    demo: plan.dealerIndex < 2,
    plant: plan.plant,
    plantId: world.plantIds[plan.plant],
    number,
    totalKop: total,
    status: plan.status,
    acceptedAt: plan.acceptedAt,
    shipDay: shippedAt === null ? null : plan.shipDay,
    tripNumber: trip?.number ?? null,
    finance: plan.finance,
  });
  return { plan, dealer, row, items, history, trip, ledger, deliveredAt };
}

function tripRow(world: SeedWorld, trip: Trip): typeof shipments.$inferInsert {
  const plannedMs = Date.parse(trip.plannedDate);
  const updated = trip.deliveredAt ?? trip.departedAt ?? Math.min(world.now, plannedMs - DAY + 14 * HOUR);
  return {
    number: trip.number,
    plantId: world.plantIds[trip.plant],
    plannedDate: trip.plannedDate,
    status: trip.status,
    driverName: trip.crew.driver,
    driverPhone: trip.crew.phone,
    vehicle: trip.crew.vehicle,
    departedAt: trip.departedAt === null ? null : new Date(trip.departedAt),
    deliveredAt: trip.deliveredAt === null ? null : new Date(trip.deliveredAt),
    sourceUpdatedAt: new Date(updated),
    updatedAt: new Date(updated),
  };
}

async function writeBatch(db: Db, world: SeedWorld, drafts: OrderDraft[], newTrips: Trip[], counts: OrdersCounts, outcome: OrdersOutcome) {
  await db.transaction(async (tx) => {
    for (const slice of slicesFor(shipments, newTrips)) {
      const rows = slice.map((t) => tripRow(world, t));
      const back = await tx.insert(shipments).values(rows).returning({ id: shipments.id, number: shipments.number });
      assertSameOrder(rows, back, (r) => r.number, (r) => r.number);
      slice.forEach((t, i) => (t.id = back[i]?.id ?? null));
    }
    const orderIds: number[] = [];
    for (const slice of slicesFor(orders, drafts)) {
      const rows = slice.map((d) => d.row);
      const back = await tx.insert(orders).values(rows).returning({ id: orders.id, number: orders.number });
      assertSameOrder(rows, back, (r) => r.number, (r) => r.number);
      orderIds.push(...back.map((b) => b.id));
    }

    const itemRows: (typeof orderItems.$inferInsert)[] = [];
    const historyRows: (typeof orderStatusHistory.$inferInsert)[] = [];
    const linkRows: (typeof shipmentOrders.$inferInsert)[] = [];
    const ledgerRows: (typeof ledgerEntries.$inferInsert)[] = [];
    const claimDrafts: ClaimDraft[] = [];
    drafts.forEach((d, i) => {
      const orderId = orderIds[i] as number;
      d.items.forEach((item, p) => {
        const { priceKop, ...rest } = item;
        itemRows.push({ ...rest, orderId, position: p + 1, price: formatKop(priceKop) });
      });
      for (const h of d.history) historyRows.push({ ...h, orderId });
      if (d.trip?.id) linkRows.push({ shipmentId: d.trip.id, orderId });
      for (const e of d.ledger) ledgerRows.push(ledgerRow({ ...e, orderId }, world.now));

      if (d.deliveredAt === null) return;
      const candidate: ClaimCandidate = {
        orderId,
        orderNumber: d.row.number,
        dealer: d.dealer,
        dealerIndex: d.plan.dealerIndex,
        plantId: world.plantIds[d.plan.plant],
        deliveredAt: d.deliveredAt,
        items: d.items.map((item, p) => ({ position: p + 1, name: item.name, widthMm: item.widthMm, heightMm: item.heightMm })),
      };
      if (d.plan.dealerIndex < 2) outcome.demoDelivered.push(candidate);
      else {
        const rng = Rng.for(world.seed, 'claim', d.plan.index);
        if (rng.chance(CLAIM_RATE)) claimDrafts.push(draftRandomClaim(rng, world, candidate));
      }
    });
    await insertMany(tx, orderItems, itemRows);
    await insertMany(tx, orderStatusHistory, historyRows);
    await insertMany(tx, shipmentOrders, linkRows);
    await insertMany(tx, ledgerEntries, ledgerRows);
    const claimed = await insertClaims(tx, world, claimDrafts);

    counts.orders += drafts.length;
    counts.items += itemRows.length;
    counts.shipments += newTrips.length;
    counts.ledgerEntries += ledgerRows.length + claimed.ledgerEntries;
    counts.claims += claimed.claims;
  });
}

export async function seedOrders(
  db: Db,
  world: SeedWorld,
  options: { orders: number; onProgress: (message: string) => void },
): Promise<OrdersOutcome> {
  const total = options.orders;
  const ctx: PlanContext = {
    seed: world.seed,
    todayMs: world.todayMs,
    demoOrders: demoOrdersPerDealer(total, world.dealers.length),
    dealers: world.dealers,
    otherDealers: new WeightedIndex(world.dealers.slice(2).map((d) => d.weight)),
  };
  const numbers = new OrderNumbers(ctx, total);
  const trips = new TripRegistry(world.seed);
  const counts: OrdersCounts = { orders: 0, items: 0, shipments: 0, ledgerEntries: 0, claims: 0 };
  const outcome: OrdersOutcome = { counts, demoDelivered: [], demoShipped: [] };
  const step = Math.max(BATCH_ORDERS, Math.ceil(total / 10 / BATCH_ORDERS) * BATCH_ORDERS);

  for (let start = 0; start < total; start += BATCH_ORDERS) {
    const drafts: OrderDraft[] = [];
    for (let i = start; i < Math.min(total, start + BATCH_ORDERS); i++) {
      const plan = planOrder(ctx, i);
      const draft = buildOrder(world, plan, numbers.take(plan.createdAt), trips);
      drafts.push(draft);
      if (plan.dealerIndex < 2 && plan.status === 'shipped' && draft.trip) {
        outcome.demoShipped.push({ dealerIndex: plan.dealerIndex, orderNumber: draft.row.number, trip: draft.trip });
      }
    }
    await writeBatch(db, world, drafts, trips.takeNew(), counts, outcome);
    if ((start + BATCH_ORDERS) % step === 0 || start + BATCH_ORDERS >= total) {
      options.onProgress(`orders: ${counts.orders} of ${total}`);
    }
  }
  return outcome;
}
