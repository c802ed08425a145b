import 'server-only';
import { aliasedTable, and, asc, count, desc, eq, isNull, notInArray, sql, type SQL } from 'drizzle-orm';
import { claims, dealers, orders, plants, users } from '@/drizzle/schema';
import type { ClaimCategory, ClaimStatus, PayerCategory } from '@/drizzle/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/assert';
import { assertDealerScope, type DealerScope } from '@/lib/auth/scope';
import type { DbOrTx } from '@/lib/db';
import type { DeskQueueFilter } from './desk-filter';
import { getWorkingCalendar } from '@/lib/settings/queries';
import { slaState, workingHoursBetween, type SlaState, type WorkingCalendar } from './sla';
import { CLOSED_CLAIM_STATUSES, UNDECIDED_CLAIM_STATUSES } from './workflow';

// The status lists live with the workflow (pure), where the SLA notices (run by server.ts) read them too.
export { CLOSED_CLAIM_STATUSES, UNDECIDED_CLAIM_STATUSES };

/** One running SLA clock of a claim: its deadline, how it stands, working hours left (negative when past). */
export type SlaClock = { dueAt: Date; state: SlaState; workingHoursLeft: number };

export type DeskClaim = {
  number: string;
  status: ClaimStatus;
  category: ClaimCategory;
  dealerCode: string;
  dealerName: string;
  payerCategory: PayerCategory;
  orderNumber: string;
  itemPosition: number | null;
  plantCode: string;
  assigneeName: string | null;
  mine: boolean;
  createdAt: Date;
  firstResponseDueAt: Date | null;
  firstResponseAt: Date | null;
  decisionDueAt: Date | null;
  decidedAt: Date | null;
  /** Time to first response, until the desk first answered; null once answered (or without a deadline). */
  firstResponse: SlaClock | null;
  /** Time to decision, while the claim awaits a decision; null once decided. */
  decision: SlaClock | null;
  /** The worse of the running clocks: past the deadline, within SLA_NEAR_HOURS working hours of it, or fine. */
  deadline: SlaState;
};

const assignee = aliasedTable(users, 'assignee');

const undecided = sql`${claims.status} in (${sql.join(
  UNDECIDED_CLAIM_STATUSES.map((s) => sql`${s}`),
  sql`, `,
)})`;

/**
 * The nearest deadline of a claim's running clocks: first response until answered, decision until
 * decided; null when no clock runs. The queue is sorted by it and "past SLA" compares it to now.
 */
const nextDueAt = sql`least(
  case when ${claims.firstResponseAt} is null then ${claims.firstResponseDueAt} end,
  case when ${undecided} then ${claims.decisionDueAt} end)`;

function clockOf(dueAt: Date | null, running: boolean, now: Date, calendar: WorkingCalendar): SlaClock | null {
  if (!dueAt || !running) return null;
  return { dueAt, state: slaState(dueAt, now, calendar), workingHoursLeft: workingHoursBetween(now, dueAt, calendar) };
}

const STATE_RANK: Record<SlaState, number> = { ok: 0, near: 1, past: 2 };

export type DeskQueuePage = { claims: DeskClaim[]; total: number };

/**
 * The claims desk's open claims under the queue's filters, the nearest running deadline first
 * (claims without a running clock last, oldest first), and how many match in all.
 */
export async function listDeskQueue(
  db: DbOrTx,
  actor: Actor,
  filter: DeskQueueFilter = {},
  options: { now?: Date; limit?: number } = {},
): Promise<DeskQueuePage> {
  assertCan(actor, 'claims.readAll');
  const now = options.now ?? new Date();
  const limit = Math.min(Math.max(options.limit ?? 100, 1), 500);
  const conditions: SQL[] = [notInArray(claims.status, CLOSED_CLAIM_STATUSES)];
  if (filter.assignee === 'mine') conditions.push(eq(claims.assigneeId, actor.userId));
  if (filter.assignee === 'none') conditions.push(isNull(claims.assigneeId));
  if (filter.pastSla) conditions.push(sql`${nextDueAt} <= ${now.toISOString()}`);
  if (filter.category) conditions.push(eq(claims.category, filter.category));
  if (filter.dealer) conditions.push(eq(dealers.code, filter.dealer));
  if (filter.plant) conditions.push(eq(plants.code, filter.plant));
  const rows = await db
    .select({
      number: claims.number,
      status: claims.status,
      category: claims.category,
      dealerCode: dealers.code,
      dealerName: dealers.name,
      payerCategory: dealers.payerCategory,
      orderNumber: orders.number,
      itemPosition: claims.itemPosition,
      plantCode: plants.code,
      assigneeName: assignee.name,
      mine: sql<boolean>`coalesce(${claims.assigneeId} = ${actor.userId}, false)`,
      createdAt: claims.createdAt,
      firstResponseDueAt: claims.firstResponseDueAt,
      firstResponseAt: claims.firstResponseAt,
      decisionDueAt: claims.decisionDueAt,
      decidedAt: claims.decidedAt,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(claims)
    .innerJoin(dealers, eq(dealers.id, claims.dealerId))
    .innerJoin(orders, eq(orders.id, claims.orderId))
    .innerJoin(plants, eq(plants.id, orders.plantId))
    .leftJoin(assignee, eq(assignee.id, claims.assigneeId))
    .where(and(...conditions))
    .orderBy(asc(sql`coalesce(${nextDueAt}, 'infinity'::timestamptz)`), asc(claims.createdAt), asc(claims.id))
    .limit(limit);
  const total = rows[0]?.total ?? 0;
  const calendar = await getWorkingCalendar(db);
  return {
    total,
    claims: rows.map(({ total: _total, ...row }) => {
      const firstResponse = clockOf(row.firstResponseDueAt, row.firstResponseAt === null, now, calendar);
      const decision = clockOf(row.decisionDueAt, UNDECIDED_CLAIM_STATUSES.includes(row.status), now, calendar);
      const states = [firstResponse?.state ?? 'ok', decision?.state ?? 'ok'];
      const deadline = states.reduce((worst, s) => (STATE_RANK[s] > STATE_RANK[worst] ? s : worst), 'ok' as SlaState);
      return { ...row, firstResponse, decision, deadline };
    }),
  };
}

/** The open claims of the claims desk, the nearest deadline first. */
export async function listOpenClaimsForDesk(db: DbOrTx, actor: Actor, limit = 20): Promise<DeskClaim[]> {
  return (await listDeskQueue(db, actor, {}, { limit })).claims;
}

/** Counts for the desk's header: open, mine, unassigned, past an SLA deadline. */
export async function countOpenClaimsForDesk(db: DbOrTx, actor: Actor, now = new Date()) {
  assertCan(actor, 'claims.readAll');
  const [row] = await db
    .select({
      open: count(),
      mine: sql<number>`count(*) filter (where ${claims.assigneeId} = ${actor.userId})`.mapWith(Number),
      unassigned: sql<number>`count(*) filter (where ${claims.assigneeId} is null)`.mapWith(Number),
      pastDue: sql<number>`count(*) filter (where ${nextDueAt} <= ${now.toISOString()})`.mapWith(Number),
    })
    .from(claims)
    .where(and(notInArray(claims.status, CLOSED_CLAIM_STATUSES)));
  return row ?? { open: 0, mine: 0, unassigned: 0, pastDue: 0 };
}

/** What the queue's dealer and plant filters offer: dealers with open claims, and every plant. */
export async function listDeskFilterOptions(db: DbOrTx, actor: Actor) {
  assertCan(actor, 'claims.readAll');
  const [dealerRows, plantRows] = await Promise.all([
    db
      .selectDistinct({ code: dealers.code, name: dealers.name })
      .from(claims)
      .innerJoin(dealers, eq(dealers.id, claims.dealerId))
      .where(notInArray(claims.status, CLOSED_CLAIM_STATUSES))
      .orderBy(asc(dealers.code)),
    db.select({ code: plants.code, name: plants.name }).from(plants).orderBy(desc(plants.isMain), asc(plants.code)),
  ]);
  return { dealers: dealerRows, plants: plantRows };
}

export type DealerOpenClaim = {
  number: string;
  orderNumber: string;
  category: ClaimCategory;
  status: ClaimStatus;
  createdAt: Date;
};

/** The dealer's claims still in work, newest first, and how many there are in all. */
export async function listOpenClaimsForDealer(
  db: DbOrTx,
  scope: DealerScope,
  limit = 5,
): Promise<{ total: number; claims: DealerOpenClaim[] }> {
  const dealerId = assertDealerScope(scope);
  const open = and(eq(claims.dealerId, dealerId), notInArray(claims.status, CLOSED_CLAIM_STATUSES));
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        number: claims.number,
        orderNumber: orders.number,
        category: claims.category,
        status: claims.status,
        createdAt: claims.createdAt,
      })
      .from(claims)
      // The order is the dealer's own as well: a claim never points at another dealer's order.
      .innerJoin(orders, and(eq(orders.id, claims.orderId), eq(orders.dealerId, dealerId)))
      .where(open)
      .orderBy(desc(claims.createdAt), desc(claims.id))
      .limit(Math.min(Math.max(limit, 1), 50)),
    db.select({ total: count() }).from(claims).where(open),
  ]);
  return { total: totals?.total ?? 0, claims: rows };
}
