import 'server-only';
import { aliasedTable, and, asc, count, desc, eq, notInArray, sql } from 'drizzle-orm';
import { claims, dealers, orders, users } from '@/drizzle/schema';
import type { ClaimCategory, ClaimStatus, PayerCategory } from '@/drizzle/schema/enums';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/assert';
import { assertDealerScope, type DealerScope } from '@/lib/auth/scope';
import type { DbOrTx } from '@/lib/db';

/** Claims that still need the desk: everything not yet finished. */
export const CLOSED_CLAIM_STATUSES: ClaimStatus[] = ['rejected', 'resolved', 'closed'];

export type DeskClaim = {
  number: string;
  status: ClaimStatus;
  category: ClaimCategory;
  dealerCode: string;
  dealerName: string;
  payerCategory: PayerCategory;
  orderNumber: string;
  assigneeName: string | null;
  mine: boolean;
  createdAt: Date;
  decisionDueAt: Date | null;
  /** Past the decision deadline, within a working day of it, or fine. */
  deadline: 'past' | 'near' | 'ok';
};

const assignee = aliasedTable(users, 'assignee');

/** The open claims of the claims desk, the nearest deadline first. */
export async function listOpenClaimsForDesk(db: DbOrTx, actor: Actor, limit = 20): Promise<DeskClaim[]> {
  assertCan(actor, 'claims.readAll');
  return db
    .select({
      number: claims.number,
      status: claims.status,
      category: claims.category,
      dealerCode: dealers.code,
      dealerName: dealers.name,
      payerCategory: dealers.payerCategory,
      orderNumber: orders.number,
      assigneeName: assignee.name,
      mine: sql<boolean>`coalesce(${claims.assigneeId} = ${actor.userId}, false)`,
      createdAt: claims.createdAt,
      decisionDueAt: claims.decisionDueAt,
      deadline: sql<DeskClaim['deadline']>`case
        when ${claims.decisionDueAt} < now() then 'past'
        when ${claims.decisionDueAt} < now() + interval '8 hours' then 'near'
        else 'ok' end`,
    })
    .from(claims)
    .innerJoin(dealers, eq(dealers.id, claims.dealerId))
    .innerJoin(orders, eq(orders.id, claims.orderId))
    .leftJoin(assignee, eq(assignee.id, claims.assigneeId))
    .where(notInArray(claims.status, CLOSED_CLAIM_STATUSES))
    .orderBy(asc(sql`coalesce(${claims.decisionDueAt}, 'infinity'::timestamptz)`), asc(claims.createdAt))
    .limit(limit);
}

/** Counts for the desk's header: open, mine, unassigned, past the decision deadline. */
export async function countOpenClaimsForDesk(db: DbOrTx, actor: Actor, now = new Date()) {
  assertCan(actor, 'claims.readAll');
  const [row] = await db
    .select({
      open: count(),
      mine: sql<number>`count(*) filter (where ${claims.assigneeId} = ${actor.userId})`.mapWith(Number),
      unassigned: sql<number>`count(*) filter (where ${claims.assigneeId} is null)`.mapWith(Number),
      pastDue: sql<number>`count(*) filter (where ${claims.decisionDueAt} < ${now.toISOString()})`.mapWith(Number),
    })
    .from(claims)
    .where(and(notInArray(claims.status, CLOSED_CLAIM_STATUSES)));
  return row ?? { open: 0, mine: 0, unassigned: 0, pastDue: 0 };
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
