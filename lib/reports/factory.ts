import 'server-only';
import { asc, desc, sql, type SQL } from 'drizzle-orm';
import { claims, dealers, orderMovesDaily, orders, plants, shipmentOrders, shipments } from '@/drizzle/schema';
import { PAYER_CATEGORIES, type OrderStatus, type PayerCategory } from '@/drizzle/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/assert';
import { can } from '@/lib/auth/permissions';
import { factoryToday } from '@/lib/calendar';
import { UNDECIDED_CLAIM_STATUSES } from '@/lib/claims/queries';
import { rowsOf, type DbOrTx } from '@/lib/db';
import { AGEING_BUCKETS, debtPositionsSql, type AgeingBucket } from '@/lib/finance/ageing';
import { TIME_ZONE } from '@/lib/i18n/config';
import { weekStart } from '@/lib/claims/report-period';
import { bucketsOf, granularityOf, type Bucket, type Granularity, type ReportPeriod } from './period';

// The factory's reports (/factory/reports): orders per status and day, deliveries planned and
// done, the claims desk's figures and the receivables. Every figure is counted in the database by
// one grouped statement over the period (a few hundred rows come back, never the events), so the
// reports stay fast on a million orders (scripts/bench/reports.ts); the orders report reads the
// moves counted per day as the status events are written (order_moves_daily), not the events.
// Days are the factory's (Europe/Kyiv): an event at 23:30 UTC in summer belongs to the next day.

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
 * Moves to each counted status per bar (its day, or its week's Monday, as `key`), of one plant or
 * of all, from order_moves_daily: the moves per Kyiv day, plant and status that triggers on
 * order_status_history keep exact with every event written (migration 0017). A year is a few
 * thousand of those rows, however many events it had. Every event counts, also one that arrived
 * after a newer status (kept for the record only): the order did make that move then. The plant
 * is the order's current one (a change of plant moves its counts along).
 */
export function ordersFlowSql(period: ReportPeriod, plantId: number | null, granularity: Granularity = granularityOf(period)): SQL {
  const m = orderMovesDaily;
  const statuses = sql.join(
    FLOW_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  // The Monday of the day's week, by date arithmetic alone (no time zone involved).
  const key = granularity === 'day' ? sql`${m.kyivDay}` : sql`${m.kyivDay} - (extract(isodow from ${m.kyivDay})::int - 1)`;
  return sql`
    select ${m.status}::text as status, (${key})::text as key, sum(${m.moves})::int as n
    from ${m}
    where ${m.status} in (${statuses})
      and ${m.kyivDay} >= ${period.from}::date and ${m.kyivDay} <= ${period.to}::date${plantId === null ? sql`` : sql` and ${m.plantId} = ${plantId}`}
    group by 1, 2
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
 * more than it saves on these short aggregates (a quarter of a second on a year's trips).
 */
async function readReport<T>(db: DbOrTx, work: (tx: DbOrTx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return work(tx);
  });
}

/** The bar a key (a day, or a week's Monday) falls in. */
function bucketIndex(buckets: Bucket[], granularity: Granularity): Map<string, number> {
  return new Map(buckets.map((b, i) => [granularity === 'day' ? b.start : weekStart(b.start), i]));
}

// ---------------------------------------------------------------------------------------------

const zeroFlow = (): Record<FlowStatus, number> => ({ accepted: 0, manufactured: 0, shipped: 0, delivered: 0 });

export async function getOrdersFlow(db: DbOrTx, actor: Actor | null, period: ReportPeriod, plantId: number | null): Promise<OrdersFlow> {
  assertCan(actor, 'reports.read');
  const granularity = granularityOf(period);
  const [current, moves] = await Promise.all([
    readReport(db, (tx) => tx.execute(currentStatusSql(plantId))),
    readReport(db, (tx) => tx.execute(ordersFlowSql(period, plantId, granularity))),
  ]);
  const buckets: FlowBucket[] = bucketsOf(period, granularity).map((b) => ({ ...b, ...zeroFlow() }));
  const index = bucketIndex(buckets, granularity);
  const totals = zeroFlow();
  for (const row of rowsOf<{ status: FlowStatus; key: string; n: number | string }>(moves)) {
    const bucket = buckets[index.get(row.key) ?? -1];
    if (!bucket) continue;
    bucket[row.status] += Number(row.n);
    totals[row.status] += Number(row.n);
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
