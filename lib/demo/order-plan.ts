import type { OrderStatus } from '@/drizzle/schema/values';
import { Rng, type WeightedIndex } from './random';
import { DAY, MINUTE, dayString, intoHoursBefore, notSunday, startOfDay, weekday, yearPrefix } from './time';

// The skeleton of every order: whose it is, where it stands and when each stage happened. Each
// order draws from its own generator (seed + index), so the skeleton of order i can be computed
// on its own: once ahead of time to number the orders by date, and again when it is written.

export type PlantCode = 'MAIN' | 'WEST';
/** A demo order whose invoice must stay unpaid: past due, or due within the week. */
export type FinanceFlag = 'overdue' | 'due_soon';

export type PlanDealer = { westShare: number; paymentTermsDays: number };

export type PlanContext = {
  seed: number;
  /** Midnight UTC of the seeding day. */
  todayMs: number;
  /** Orders of each of the two demo dealers (D-1001, D-1002): the first 2 × demoOrders indexes. */
  demoOrders: number;
  dealers: readonly PlanDealer[];
  /** Picks among the other dealers (index 0 here is dealer index 2). */
  otherDealers: WeightedIndex;
};

export type OrderPlan = {
  index: number;
  /** The order's own generator, already past the skeleton's draws: items and money continue it. */
  rng: Rng;
  dealerIndex: number;
  plant: PlantCode;
  status: OrderStatus;
  createdAt: number;
  acceptedAt: number;
  inProductionAt: number | null;
  manufacturedAt: number | null;
  /** Midnight of the trip's day, for shipped and delivered orders. */
  shipDay: number | null;
  cancelledAt: number | null;
  /** Manufactured, but only some pieces yet. */
  partial: boolean;
  /** Manufactured and already put on a planned (or loading) trip. */
  onPlannedTrip: boolean;
  finance: FinanceFlag | null;
};

type Slot = { status: OrderStatus; partial?: boolean; trip?: boolean; finance?: FinanceFlag };

/**
 * What each demo dealer always has, whatever the seed: every status, a partly made order, orders
 * on planned trips and in transit, one invoice past due and one due this week.
 */
const DEMO_SLOTS: readonly Slot[] = [
  { status: 'delivered', finance: 'overdue' },
  { status: 'delivered', finance: 'due_soon' },
  { status: 'accepted' },
  { status: 'accepted' },
  { status: 'accepted' },
  { status: 'in_production' },
  { status: 'in_production' },
  { status: 'in_production' },
  { status: 'in_production' },
  { status: 'manufactured', partial: true },
  { status: 'manufactured', trip: true },
  { status: 'manufactured', trip: true },
  { status: 'manufactured' },
  { status: 'shipped' },
  { status: 'shipped' },
  { status: 'cancelled' },
  { status: 'cancelled' },
];

/** The fewest orders a demo dealer can have: the slots above plus a history of delivered ones. */
export const MIN_DEMO_ORDERS = 30;

const RANDOM_STATUS: readonly (readonly [OrderStatus, number])[] = [
  ['delivered', 70],
  ['cancelled', 4],
  ['accepted', 5],
  ['in_production', 9],
  ['manufactured', 7],
  ['shipped', 5],
];

/** The oldest trip of the demo history, in days before today (about six months). */
const HISTORY_DAYS = 178;

type Timeline = Pick<OrderPlan, 'createdAt' | 'acceptedAt' | 'inProductionAt' | 'manufacturedAt' | 'shipDay' | 'cancelledAt'>;

function drawTimeline(rng: Rng, todayMs: number, status: OrderStatus, maxShipAge: number): Timeline {
  const day = (daysAgo: number) => notSunday(todayMs - daysAgo * DAY);
  const at = (dayMs: number, fromHour: number, toHour: number) => dayMs + rng.int(fromHour * 60, toHour * 60 - 1) * MINUTE;
  // A stage some whole days (and a few hours) before the next one, inside working hours.
  const before = (t: number, minDays: number, maxDays: number, fromHour: number, toHour: number) =>
    intoHoursBefore(t - rng.int(minDays, maxDays) * DAY - rng.int(0, 240) * MINUTE, fromHour, toHour);

  let shipDay: number | null = null;
  let manufacturedAt: number | null = null;
  let inProductionAt: number | null = null;
  let acceptedAt: number;
  let cancelledAt: number | null = null;

  if (status === 'cancelled') {
    cancelledAt = at(day(rng.int(1, HISTORY_DAYS - 8)), 6, 16);
    acceptedAt = before(cancelledAt, 1, 8, 6, 16);
    // Some were cancelled after production had started.
    if (rng.chance(0.4)) {
      const started = intoHoursBefore(acceptedAt + rng.int(1, 3) * DAY, 5, 17);
      if (started > acceptedAt && started < cancelledAt) inProductionAt = started;
    }
  } else {
    // In transit: left this morning, or the working day before (not over a weekend).
    if (status === 'shipped') shipDay = rng.chance(0.65) || weekday(todayMs) <= 1 ? notSunday(todayMs) : day(1);
    if (status === 'delivered') shipDay = day(rng.int(1, maxShipAge));
    if (shipDay !== null) manufacturedAt = at(notSunday(shipDay - rng.int(1, 5) * DAY), 5, 17);
    if (status === 'manufactured') manufacturedAt = at(day(rng.int(1, 6)), 5, 17);
    if (manufacturedAt !== null) inProductionAt = before(manufacturedAt, 2, 7, 5, 17);
    if (status === 'in_production') inProductionAt = at(day(rng.int(1, 6)), 5, 17);
    acceptedAt = inProductionAt !== null ? before(inProductionAt, 1, 4, 6, 16) : at(day(rng.int(1, 4)), 6, 16);
  }
  const createdAt = intoHoursBefore(acceptedAt - rng.int(40, 2880) * MINUTE, 6, 17);
  return { createdAt, acceptedAt, inProductionAt, manufacturedAt, shipDay, cancelledAt };
}

function fitsFinanceFlag(t: Timeline, flag: FinanceFlag, termsDays: number, todayMs: number): boolean {
  const due = startOfDay(t.acceptedAt) + termsDays * DAY;
  return flag === 'overdue' ? due < todayMs : due >= todayMs + DAY && due <= todayMs + 6 * DAY;
}

export function planOrder(ctx: PlanContext, index: number): OrderPlan {
  const rng = Rng.for(ctx.seed, 'order', index);
  const demoIndex = index < ctx.demoOrders ? 0 : index < 2 * ctx.demoOrders ? 1 : null;
  const dealerIndex = demoIndex ?? 2 + ctx.otherDealers.draw(rng);
  const dealer = ctx.dealers[dealerIndex];
  if (!dealer) throw new Error(`No dealer ${dealerIndex}`);
  const plant: PlantCode = rng.chance(dealer.westShare) ? 'WEST' : 'MAIN';

  // Position within a demo dealer's block: the slots first, then delivered history up to the
  // minimum, then (for large runs) the same mix as everyone else.
  const position = demoIndex === null ? -1 : index - demoIndex * ctx.demoOrders;
  const slot: Slot | undefined = position >= 0 ? DEMO_SLOTS[position] : undefined;
  const status = slot?.status ?? (position >= 0 && position < MIN_DEMO_ORDERS ? 'delivered' : rng.weighted(RANDOM_STATUS));
  const finance = slot?.finance ?? null;

  let timeline: Timeline | null = null;
  // A forced invoice date is found by drawing again until it fits: deterministic, and it keeps
  // the timeline's shape the same as every other order's.
  const maxShipAge = finance === 'due_soon' ? dealer.paymentTermsDays : HISTORY_DAYS;
  for (let attempt = 0; attempt < 1000 && timeline === null; attempt++) {
    const drawn = drawTimeline(rng, ctx.todayMs, status, maxShipAge);
    if (finance === null || fitsFinanceFlag(drawn, finance, dealer.paymentTermsDays, ctx.todayMs)) timeline = drawn;
  }
  if (!timeline) throw new Error(`Could not place demo order ${index} (${status}, ${finance})`);

  const partial = status === 'manufactured' && (slot ? slot.partial === true : rng.chance(0.15));
  const onPlannedTrip = status === 'manufactured' && !partial && (slot ? slot.trip === true : rng.chance(0.5));
  return { index, rng, dealerIndex, plant, status, ...timeline, partial, onPlannedTrip, finance };
}

/**
 * Order numbers as the factory's order system gives them: year prefix and a running number, rising
 * with the creation date. A first pass counts the orders of each day (only the skeletons, no
 * rows), so numbers are dense and unique without keeping the orders in memory.
 */
export class OrderNumbers {
  private readonly nextByDay = new Map<string, number>();

  constructor(ctx: PlanContext, total: number) {
    const perDay = new Map<string, number>();
    for (let i = 0; i < total; i++) {
      const key = dayString(planOrder(ctx, i).createdAt);
      perDay.set(key, (perDay.get(key) ?? 0) + 1);
    }
    const days = [...perDay.keys()].sort();
    const first = days[0];
    const last = days[days.length - 1];
    if (!first || !last) return;
    const span = Math.max(1, (Date.parse(last) - Date.parse(first)) / DAY + 1);
    const ordersPerDay = total / span;
    const perYear = new Map<string, number>();
    for (const [key, n] of perDay) perYear.set(yearPrefix(Date.parse(key)), (perYear.get(yearPrefix(Date.parse(key))) ?? 0) + n);
    let year = '';
    let next = 0;
    for (const key of days) {
      const ms = Date.parse(key);
      if (yearPrefix(ms) !== year) {
        // The numbers of a year start where the orders before the demo window would have ended,
        // but low enough to stay within six digits whenever the year's orders fit.
        year = yearPrefix(ms);
        const dayOfYear = (ms - Date.UTC(new Date(ms).getUTCFullYear(), 0, 1)) / DAY;
        next = Math.max(1, Math.min(1 + Math.floor(dayOfYear * ordersPerDay), 1_000_000 - (perYear.get(year) ?? 0)));
      }
      this.nextByDay.set(key, next);
      next += perDay.get(key) ?? 0;
    }
  }

  take(createdAt: number): string {
    const key = dayString(createdAt);
    const n = this.nextByDay.get(key);
    if (n === undefined) throw new Error(`No order numbers were counted for ${key}`);
    this.nextByDay.set(key, n + 1);
    return `${yearPrefix(createdAt)}-${String(n).padStart(6, '0')}`;
  }
}
