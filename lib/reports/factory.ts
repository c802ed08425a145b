import 'server-only';
import { asc, desc, sql, type SQL } from 'drizzle-orm';
import { claims, dealers, orders, orderStatusHistory, plants, shipmentOrders, shipments } from '@/drizzle/schema';
import { PAYER_CATEGORIES, type OrderStatus, type PayerCategory } from '@/drizzle/schema/enums';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/assert';
import { can } from '@/lib/auth/permissions';
import { addDays, factoryToday } from '@/lib/calendar';
import { UNDECIDED_CLAIM_STATUSES } from '@/lib/claims/queries';
import { rowsOf, type DbOrTx } from '@/lib/db';
import { AGEING_BUCKETS, debtPositionsSql, type AgeingBucket } from '@/lib/finance/ageing';
import { TIME_ZONE } from '@/lib/i18n/config';
import { daysBetween, weekStart } from '@/lib/claims/report-period';
import { bucketsOf, granularityOf, type Bucket, type Granularity, type ReportPeriod } from './period';

// The factory's reports (/factory/reports): orders per status and day, deliveries planned and
// done, the claims desk's figures and the receivables. Every figure is counted in the database by
// one grouped statement over the period (a few hundred rows come back, never the events), so the
// reports stay fast on a million orders (scripts/bench/reports.ts). Days are the factory's
// (Europe/Kyiv): an event at 23:30 UTC in summer belongs to the next day.

/** The moves of an order the orders report counts per day. */
export const FLOW_STATUSES = ['accepted', 'manufactured', 'shipped', 'delivered'] as const satisfies readonly OrderStatus[];
export type FlowStatus = (typeof FLOW_STATUSES)[number];

export type FlowBucket = Bucket & Record<FlowStatus, number>;

/** The statuses of orders still in work: the report counts how many are in each now. */
export const OPEN_STATUSES = ['accepted', 'in_production', 'manufactured', 'shipped'] as const satisfies readonly OrderStatus[];
export type OpenStatus = (typeof OPEN_STATUSES)[number];

export type OrdersFlow = {
  period: ReportPeriod;
  plantId: number | null;
  granularity: Granularity;
  buckets: FlowBucket[];
  totals: Record<FlowStatus, number>;
  /**
   * Orders in work in each status now (not bound to the period). Delivered and cancelled ones are
   * left out: their all-time count says nothing about now and would cost a read of every order.
   */
  current: Record<OpenStatus, number>;
};

export type DeliveryBucket = Bucket & {
  /** Trips planned for these days, and the orders on them. */
  plannedTrips: number;
  plannedOrders: number;
  /** Trips delivered on these days, and the orders on them. */
  deliveredTrips: number;
  deliveredOrders: number;
};

export type Deliveries = {
  period: ReportPeriod;
  plantId: number | null;
  granularity: Granularity;
  buckets: DeliveryBucket[];
  totals: Omit<DeliveryBucket, keyof Bucket>;
};

export type ClaimsKpis = {
  period: ReportPeriod;
  /** Claims filed in the period. */
  filed: number;
  /** Of them, decided (approved or rejected) by now. */
  resolved: number;
  /** Median hours from filing to the first answer / to the decision; null when none yet. */
  medianFirstResponseHours: string | null;
  medianDecisionHours: string | null;
  /** SLA clocks that ended met and missed (a clock still within its deadline counts in neither). */
  firstResponse: { met: number; missed: number };
  decision: { met: number; missed: number };
  /** Share of ended decision clocks that were met, in percent with one decimal; null when none ended. */
  decisionMetPercent: string | null;
  firstResponseMetPercent: string | null;
  /** The claims desk's own reports are open to this actor (a link to /claims/reports). */
  canOpenClaimsReports: boolean;
};

export type ReceivablesFigures = {
  /** Dealers who owe something. */
  debtors: number;
  balance: string;
  overdue: string;
  buckets: Record<AgeingBucket, string>;
};

export type ReceivablesSummary = {
  today: string;
  /** One summary per currency the dealers keep accounts in (most often one: UAH). */
  currencies: (ReceivablesFigures & { currency: string; byCategory: (ReceivablesFigures & { category: PayerCategory })[] })[];
};

export type ReportPlant = { id: number; code: string; name: string; isMain: boolean };

// ---------------------------------------------------------------------------------------------
// SQL. Exported for the benchmark's query plans; the functions below are what pages call.

/** Midnight (factory time) at the start of a day, as timestamptz. */
const dayStart = (day: SQL | string) => sql`((${day})::date)::timestamp at time zone ${TIME_ZONE}`;

/** The factory day of a moment, or the Monday of its week: the key of its bar. */
function bucketKey(at: SQL, granularity: Granularity): SQL {
  const day = sql`(${at} at time zone ${TIME_ZONE})`;
  return granularity === 'day' ? sql`${day}::date` : sql`date_trunc('week', ${day})::date`;
}

/**
 * Which orders' events a plant filter counts: those of `plantIds`, or (`exclude`) those of every
 * other plant. The smaller side is the one looked up: the main plant is filtered by leaving the
 * others' orders out, so the big plant's million ids are never gathered.
 */
export type PlantSide = { plantIds: number[]; exclude: boolean };

/**
 * The instants where the bars begin, and where the last one ends (factory midnights), as one
 * timestamptz[] computed once per statement (an InitPlan): `width_bucket` then finds an event's
 * bar by binary search, half the cost of converting each of a million events to Kyiv time.
 */
function barStarts(period: ReportPeriod, granularity: Granularity): SQL {
  const days = [...bucketsOf(period, granularity).map((b) => b.start), addDays(period.to, 1)].join(',');
  return sql`(select array(select ${dayStart(sql`d`)} from unnest(string_to_array(${days}, ',')) d))`;
}

/**
 * Status events per status and bar (1-based, the bars of `period`): `n` all of them, `matched`
 * those of the orders of `side`'s plants; only the events within `part` of the period (all of it
 * by default). Every event counts, also one that arrived after a newer status (kept for the
 * record only): the order did make that move then.
 */
export function ordersFlowSql(
  period: ReportPeriod,
  side: PlantSide | null,
  granularity: Granularity = granularityOf(period),
  part: ReportPeriod = period,
): SQL {
  const h = orderStatusHistory;
  const statuses = sql.join(
    FLOW_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const ids = side?.plantIds.length ? sql.join(side.plantIds.map((id) => sql`${id}`), sql`, `) : sql`null`;
  // A hashed subplan: the side's order ids read once from orders_plant_status_idx into a hash
  // table, each event looked up in it (cheaper than a join that carries every event along).
  const matched = side ? sql`count(*) filter (where ${h.orderId} in (select ${orders.id} from ${orders} where ${orders.plantId} in (${ids})))::int` : sql`0`;
  return sql`
    select status::text as status, bar, n, matched
    from (
      select ${h.status} as status, width_bucket(${h.occurredAt}, ${barStarts(period, granularity)}) as bar, count(*)::int as n, ${matched} as matched
      from ${h}
      where ${h.status} in (${statuses})
        and ${h.occurredAt} >= ${dayStart(part.from)}
        and ${h.occurredAt} < ${dayStart(sql`${part.to}::date + 1`)}
      group by 1, 2
    ) x
  `;
}

/** Orders in work per current status, of one plant or all (a few thousand index entries, not the million). */
export function currentStatusSql(plantId: number | null): SQL {
  const statuses = sql.join(
    OPEN_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  return sql`
    select ${orders.status}::text as status, count(*)::int as n
    from ${orders}
    where ${orders.status} in (${statuses})${plantId === null ? sql`` : sql` and ${orders.plantId} = ${plantId}`}
    group by 1
  `;
}

/**
 * Trips planned per bar (by their planned day) and trips delivered per bar (by the moment they
 * were delivered), each with the orders on them.
 */
export function deliveriesSql(period: ReportPeriod, plantId: number | null, granularity: Granularity = granularityOf(period)): SQL {
  const s = shipments;
  const plant = plantId === null ? sql`true` : sql`${s.plantId} = ${plantId}`;
  const plannedKey = granularity === 'day' ? sql`${s.plannedDate}` : sql`date_trunc('week', ${s.plannedDate})::date`;
  return sql`
    select kind, key::text as key, count(*)::int as trips, coalesce(sum(c.n), 0)::int as orders
    from (
      select 'planned' as kind, ${plannedKey} as key, ${s.id} as id
      from ${s}
      where ${s.plannedDate} >= ${period.from}::date and ${s.plannedDate} <= ${period.to}::date and ${plant}
      union all
      select 'delivered', ${bucketKey(sql`${s.deliveredAt}`, granularity)}, ${s.id}
      from ${s}
      where ${s.deliveredAt} >= ${dayStart(period.from)} and ${s.deliveredAt} < ${dayStart(sql`${period.to}::date + 1`)} and ${plant}
    ) t
    cross join lateral (select count(*) as n from ${shipmentOrders} so where so.shipment_id = t.id) c
    group by kind, key
  `;
}

/**
 * A report's statement runs in a transaction of its own with JIT compilation off: compiling costs
 * more than it saves on these short aggregates (a quarter of a second on a year's trips). The
 * plant filter's hash of order ids must fit in memory to be hashed at all (a plain subplan would
 * search the list for every event), so the statement may use up to 64 MB for it: a million ids.
 */
async function readReport<T>(db: DbOrTx, work: (tx: DbOrTx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql`set local work_mem = '64MB'`);
    return work(tx);
  });
}

/** The bar a key (a day, or a week's Monday) falls in. */
function bucketIndex(buckets: Bucket[], granularity: Granularity): Map<string, number> {
  return new Map(buckets.map((b, i) => [granularity === 'day' ? b.start : weekStart(b.start), i]));
}

// ---------------------------------------------------------------------------------------------

const zeroFlow = (): Record<FlowStatus, number> => ({ accepted: 0, manufactured: 0, shipped: 0, delivered: 0 });

/** The side of a plant filter to look up: the plant itself, or all the others when it is the main one. */
export async function plantSideOf(db: DbOrTx, plantId: number | null): Promise<PlantSide | null> {
  if (plantId === null) return null;
  const all = await db.select({ id: plants.id, isMain: plants.isMain }).from(plants);
  const chosen = all.find((p) => p.id === plantId);
  if (!chosen?.isMain) return { plantIds: [plantId], exclude: false };
  return { plantIds: all.filter((p) => p.id !== plantId).map((p) => p.id), exclude: true };
}

/** Over this many days the events are counted in two halves of the period at once (two connections, two cores). */
const SPLIT_OVER_DAYS = 90;

function halves(period: ReportPeriod): ReportPeriod[] {
  const days = daysBetween(period.from, period.to) + 1;
  if (days <= SPLIT_OVER_DAYS) return [period];
  const middle = addDays(period.from, Math.floor(days / 2));
  return [
    { from: period.from, to: addDays(middle, -1) },
    { from: middle, to: period.to },
  ];
}

export async function getOrdersFlow(db: DbOrTx, actor: Actor | null, period: ReportPeriod, plantId: number | null): Promise<OrdersFlow> {
  assertCan(actor, 'reports.read');
  const granularity = granularityOf(period);
  const side = await plantSideOf(db, plantId);
  // A week cut by the halves is counted in both and added up below: the bars are the period's in both.
  const [current, ...parts] = await Promise.all([
    readReport(db, (tx) => tx.execute(currentStatusSql(plantId))),
    ...halves(period).map((part) => readReport(db, (tx) => tx.execute(ordersFlowSql(period, side, granularity, part)))),
  ]);
  const events = parts.flatMap((part) => rowsOf<{ status: FlowStatus; bar: number | string; n: number | string; matched: number | string }>(part));
  const buckets: FlowBucket[] = bucketsOf(period, granularity).map((b) => ({ ...b, ...zeroFlow() }));
  const totals = zeroFlow();
  for (const row of events) {
    const bucket = buckets[Number(row.bar) - 1];
    if (!bucket) continue;
    const n = !side ? Number(row.n) : side.exclude ? Number(row.n) - Number(row.matched) : Number(row.matched);
    bucket[row.status] += n;
    totals[row.status] += n;
  }
  const byStatus = Object.fromEntries(OPEN_STATUSES.map((s) => [s, 0])) as Record<OpenStatus, number>;
  for (const row of rowsOf<{ status: OpenStatus; n: number | string }>(current)) byStatus[row.status] = Number(row.n);
  return { period, plantId, granularity, buckets, totals, current: byStatus };
}

export async function getDeliveries(db: DbOrTx, actor: Actor | null, period: ReportPeriod, plantId: number | null): Promise<Deliveries> {
  assertCan(actor, 'reports.read');
  const granularity = granularityOf(period);
  const result = await readReport(db, (tx) => tx.execute(deliveriesSql(period, plantId, granularity)));
  const buckets: DeliveryBucket[] = bucketsOf(period, granularity).map((b) => ({ ...b, plannedTrips: 0, plannedOrders: 0, deliveredTrips: 0, deliveredOrders: 0 }));
  const index = bucketIndex(buckets, granularity);
  const totals = { plannedTrips: 0, plannedOrders: 0, deliveredTrips: 0, deliveredOrders: 0 };
  for (const row of rowsOf<{ kind: 'planned' | 'delivered'; key: string; trips: number | string; orders: number | string }>(result)) {
    const bucket = buckets[index.get(row.key) ?? -1];
    if (!bucket) continue;
    const [trips, ordersOn] = row.kind === 'planned' ? (['plannedTrips', 'plannedOrders'] as const) : (['deliveredTrips', 'deliveredOrders'] as const);
    bucket[trips] += Number(row.trips);
    bucket[ordersOn] += Number(row.orders);
    totals[trips] += Number(row.trips);
    totals[ordersOn] += Number(row.orders);
  }
  return { period, plantId, granularity, buckets, totals };
}

/** Met / (met + missed) in percent with one decimal, from whole numbers (no float on the way). */
export function percentMet(met: number, missed: number): string | null {
  const ended = met + missed;
  if (ended === 0) return null;
  const tenths = Math.round((met * 1000) / ended);
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

/**
 * The claims desk in figures over the claims filed in the period, by the rules of its own reports
 * (lib/claims/reports.ts): a clock is met when the answer or decision came by its deadline, missed
 * when it came later or has not come and the deadline passed while the claim still waits for it.
 * Medians are in hours from filing (calendar hours).
 */
export async function getClaimsKpis(db: DbOrTx, actor: Actor | null, period: ReportPeriod, now: Date = new Date()): Promise<ClaimsKpis> {
  assertCan(actor, 'reports.read');
  const c = claims;
  const waiting = sql.join(
    UNDECIDED_CLAIM_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const hours = (end: SQL) => sql`extract(epoch from ${end} - ${c.createdAt}) / 3600`;
  const median = (end: SQL) => sql`(percentile_cont(0.5) within group (order by ${hours(end)}) filter (where ${end} is not null))::numeric(10,1)::text`;
  const nowIso = now.toISOString();
  const result = await db.execute(sql`
    select count(*)::int as filed,
           count(*) filter (where ${c.decidedAt} is not null)::int as resolved,
           ${median(sql`${c.firstResponseAt}`)} as median_first,
           ${median(sql`${c.decidedAt}`)} as median_decision,
           count(*) filter (where ${c.firstResponseDueAt} is not null and ${c.firstResponseAt} <= ${c.firstResponseDueAt})::int as first_met,
           count(*) filter (where ${c.firstResponseDueAt} is not null and (${c.firstResponseAt} > ${c.firstResponseDueAt}
             or (${c.firstResponseAt} is null and ${c.status} <> 'closed' and ${c.firstResponseDueAt} < ${nowIso}::timestamptz)))::int as first_missed,
           count(*) filter (where ${c.decisionDueAt} is not null and ${c.decidedAt} <= ${c.decisionDueAt})::int as decision_met,
           count(*) filter (where ${c.decisionDueAt} is not null and (${c.decidedAt} > ${c.decisionDueAt}
             or (${c.decidedAt} is null and ${c.status} in (${waiting}) and ${c.decisionDueAt} < ${nowIso}::timestamptz)))::int as decision_missed
    from ${c}
    where ${c.createdAt} >= ${dayStart(period.from)} and ${c.createdAt} < ${dayStart(sql`${period.to}::date + 1`)}
  `);
  const row = rowsOf<{
    filed: number | string;
    resolved: number | string;
    median_first: string | null;
    median_decision: string | null;
    first_met: number | string;
    first_missed: number | string;
    decision_met: number | string;
    decision_missed: number | string;
  }>(result)[0];
  const firstResponse = { met: Number(row?.first_met ?? 0), missed: Number(row?.first_missed ?? 0) };
  const decision = { met: Number(row?.decision_met ?? 0), missed: Number(row?.decision_missed ?? 0) };
  return {
    period,
    filed: Number(row?.filed ?? 0),
    resolved: Number(row?.resolved ?? 0),
    medianFirstResponseHours: row?.median_first ?? null,
    medianDecisionHours: row?.median_decision ?? null,
    firstResponse,
    decision,
    decisionMetPercent: percentMet(decision.met, decision.missed),
    firstResponseMetPercent: percentMet(firstResponse.met, firstResponse.missed),
    canOpenClaimsReports: can(actor, 'claims.reports'),
  };
}

const BUCKET_COLUMNS: Record<AgeingBucket, string> = { notDue: 'not_due', days1to30: 'd1_30', days31to60: 'd31_60', days61to90: 'd61_90', over90: 'd90_plus' };

/**
 * What dealers owe as of `today`, by the one rule of lib/finance/ageing.ts (credits pay the
 * oldest-due debt first), summed per currency and per payer category: the same totals as the
 * receivables page.
 */
export async function getReceivablesSummary(db: DbOrTx, actor: Actor | null, today: string = factoryToday()): Promise<ReceivablesSummary> {
  assertCan(actor, 'reports.read');
  const sum = (column: string) => sql.raw(`coalesce(sum(p.${column}::numeric), 0)::numeric(18,2)::text as ${column}`);
  const result = await db.execute(sql`
    select d.currency, d.payer_category::text as category, grouping(d.payer_category) as all_categories,
           count(*) filter (where p.balance::numeric > 0)::int as debtors,
           ${sum('balance')}, ${sum('overdue')}, ${sum('not_due')}, ${sum('d1_30')}, ${sum('d31_60')}, ${sum('d61_90')}, ${sum('d90_plus')}
    from ${dealers} d
    join (${debtPositionsSql(today, sql`true`)}) p on p.dealer_id = d.id
    group by grouping sets ((d.currency), (d.currency, d.payer_category))
    order by d.currency
  `);
  type Row = Record<'balance' | 'overdue' | 'not_due' | 'd1_30' | 'd31_60' | 'd61_90' | 'd90_plus', string> & {
    currency: string;
    category: PayerCategory | null;
    all_categories: number | string;
    debtors: number | string;
  };
  const figures = (r: Row | undefined): ReceivablesFigures => ({
    debtors: Number(r?.debtors ?? 0),
    balance: r?.balance ?? '0.00',
    overdue: r?.overdue ?? '0.00',
    buckets: Object.fromEntries(AGEING_BUCKETS.map((b) => [b, (r?.[BUCKET_COLUMNS[b] as keyof Row] as string | undefined) ?? '0.00'])) as Record<AgeingBucket, string>,
  });
  const rows = rowsOf<Row>(result);
  const currencies = [...new Set(rows.map((r) => r.currency))];
  return {
    today,
    currencies: currencies.map((currency) => {
      const own = rows.filter((r) => r.currency === currency);
      return {
        currency,
        ...figures(own.find((r) => Number(r.all_categories) === 1)),
        byCategory: PAYER_CATEGORIES.map((category) => ({ category, ...figures(own.find((r) => Number(r.all_categories) === 0 && r.category === category)) })),
      };
    }),
  };
}

/** The plants for the reports' plant filter: the main one first. */
export async function listReportPlants(db: DbOrTx, actor: Actor | null): Promise<ReportPlant[]> {
  assertCan(actor, 'reports.read');
  return db
    .select({ id: plants.id, code: plants.code, name: plants.name, isMain: plants.isMain })
    .from(plants)
    .orderBy(desc(plants.isMain), asc(plants.code));
}
