import 'server-only';
import { aliasedTable, and, count, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { auditLog, claims, dealers, ledgerEntries, orders, users } from '@/drizzle/schema';
import type { ClaimCategory, ClaimStatus, OrderStatus, PayerCategory, Role } from '@/drizzle/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/assert';
import { factoryToday } from '@/lib/calendar';
import { CLOSED_CLAIM_STATUSES } from '@/lib/claims/queries';
import { rowsOf, type DbOrTx } from '@/lib/db';
import { debtPositionOf, debtPositionsSql, type DebtPosition } from '@/lib/finance/ageing';
import { isDealerCodeLike } from './schemas';

// One dealer as the factory sees it: the card, its users, recent orders, debt position (the one
// rule of lib/finance/ageing.ts), open and recent claims, and the newest entries of its audit trail.

export const RECENT_ORDERS = 10;
export const RECENT_CLAIMS = 10;
export const OPEN_CLAIMS_SHOWN = 20;
export const AUDIT_ENTRIES = 20;

export type DealerCard = {
  id: number;
  code: string;
  name: string;
  taxId: string;
  region: string | null;
  town: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  currency: string;
  payerCategory: PayerCategory;
  active: boolean;
  manager: { id: string; name: string; email: string; active: boolean } | null;
  /** Set when someone created the dealer on the factory's page. */
  createdBy: { id: string; name: string } | null;
  /** occurredAt of the newest accounting change; null: accounting never sent this dealer. */
  sourceUpdatedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

/** Where the dealer's data comes from: accounting, or a person (and accounting has not sent it since). */
export type DealerOrigin = 'accounting' | 'hand' | 'handThenAccounting';

export function originOf(card: Pick<DealerCard, 'createdBy' | 'sourceUpdatedAt'>): DealerOrigin {
  if (card.sourceUpdatedAt === null) return card.createdBy ? 'hand' : 'accounting';
  return card.createdBy ? 'handThenAccounting' : 'accounting';
}

/** Accounting owns the fields it sends once it has sent the dealer. */
export function isSyncedDealer(card: Pick<DealerCard, 'sourceUpdatedAt'>): boolean {
  return card.sourceUpdatedAt !== null;
}

export type DealerUserRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  lastSignInAt: Date | null;
  /** Invited by the dealer's owner and not accepted yet. */
  pending: boolean;
};

export type DealerOrderRow = { number: string; status: OrderStatus; createdAt: Date; total: string; currency: string };
export type DealerClaimRow = { number: string; status: ClaimStatus; category: ClaimCategory; orderNumber: string; createdAt: Date };
export type DealerAuditRow = {
  id: number;
  at: Date;
  action: string;
  actorKind: 'user' | 'sync' | 'system';
  actorId: string | null;
  /** The person's name when the actor is a user. */
  actorName: string | null;
  data: Record<string, unknown>;
};

export type DealerDetail = {
  card: DealerCard;
  users: DealerUserRow[];
  orders: DealerOrderRow[];
  orderCount: number;
  position: DebtPosition;
  openClaims: DealerClaimRow[];
  openClaimCount: number;
  recentClaims: DealerClaimRow[];
  audit: DealerAuditRow[];
  today: string;
};

const manager = aliasedTable(users, 'manager');
const creator = aliasedTable(users, 'creator');

/** The dealer's card by code, or null when there is no such dealer. */
export async function getDealerCard(db: DbOrTx, actor: Actor | null, code: string): Promise<DealerCard | null> {
  assertCan(actor, 'dealers.read');
  if (!isDealerCodeLike(code)) return null;
  const [row] = await db
    .select({
      id: dealers.id,
      code: dealers.code,
      name: dealers.name,
      taxId: dealers.taxId,
      region: dealers.region,
      town: dealers.town,
      address: dealers.address,
      phone: dealers.phone,
      email: dealers.email,
      currency: dealers.currency,
      payerCategory: dealers.payerCategory,
      active: dealers.active,
      managerId: manager.id,
      managerName: manager.name,
      managerEmail: manager.email,
      managerActive: manager.active,
      creatorId: creator.id,
      creatorName: creator.name,
      sourceUpdatedAt: dealers.sourceUpdatedAt,
      createdAt: dealers.createdAt,
      updatedAt: dealers.updatedAt,
    })
    .from(dealers)
    .leftJoin(manager, eq(manager.id, dealers.managerUserId))
    .leftJoin(creator, eq(creator.id, dealers.createdById))
    .where(eq(dealers.code, code))
    .limit(1);
  if (!row) return null;
  const { managerId, managerName, managerEmail, managerActive, creatorId, creatorName, ...card } = row;
  return {
    ...card,
    manager: managerId && managerName && managerEmail ? { id: managerId, name: managerName, email: managerEmail, active: managerActive ?? false } : null,
    createdBy: creatorId && creatorName ? { id: creatorId, name: creatorName } : null,
  };
}

type AuditSqlRow = {
  id: number | string;
  at: string | Date;
  action: string;
  actor_kind: 'user' | 'sync' | 'system';
  actor_id: string | null;
  actor_name: string | null;
  data: Record<string, unknown> | string;
};

/** Everything of the dealer's page, or null when there is no dealer with this code. */
export async function getDealerDetail(db: DbOrTx, actor: Actor | null, code: string, today = factoryToday()): Promise<DealerDetail | null> {
  const card = await getDealerCard(db, actor, code);
  if (!card) return null;
  const id = card.id;
  const claimColumns = {
    number: claims.number,
    status: claims.status,
    category: claims.category,
    orderNumber: orders.number,
    createdAt: claims.createdAt,
  };
  const [userRows, orderRows, [orderCount], position, openClaims, [openClaimCount], recentClaims, auditResult] = await Promise.all([
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
        active: users.active,
        lastSignInAt: users.lastSignInAt,
        invitedAt: users.invitedAt,
        invitationAcceptedAt: users.invitationAcceptedAt,
      })
      .from(users)
      .where(eq(users.dealerId, id))
      .orderBy(users.role, users.name),
    db
      .select({ number: orders.number, status: orders.status, createdAt: orders.createdAt, total: orders.total, currency: orders.currency })
      .from(orders)
      .where(eq(orders.dealerId, id))
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(RECENT_ORDERS),
    db.select({ n: count() }).from(orders).where(eq(orders.dealerId, id)),
    db.execute(debtPositionsSql(today, sql`${ledgerEntries.dealerId} = ${id}`)).then((r) => debtPositionOf(rowsOf<NonNullable<Parameters<typeof debtPositionOf>[0]>>(r)[0])),
    db
      .select(claimColumns)
      .from(claims)
      .innerJoin(orders, eq(orders.id, claims.orderId))
      .where(and(eq(claims.dealerId, id), notInArray(claims.status, CLOSED_CLAIM_STATUSES)))
      .orderBy(desc(claims.createdAt), desc(claims.id))
      .limit(OPEN_CLAIMS_SHOWN),
    db
      .select({ n: count() })
      .from(claims)
      .where(and(eq(claims.dealerId, id), notInArray(claims.status, CLOSED_CLAIM_STATUSES))),
    db
      .select(claimColumns)
      .from(claims)
      .innerJoin(orders, eq(orders.id, claims.orderId))
      .where(and(eq(claims.dealerId, id), inArray(claims.status, CLOSED_CLAIM_STATUSES)))
      .orderBy(desc(claims.createdAt), desc(claims.id))
      .limit(RECENT_CLAIMS),
    db.execute(sql`
      select a.id, a.at, a.action, a.actor_kind::text as actor_kind, a.actor_id, u.name as actor_name, a.data
      from ${auditLog} a
      left join ${users} u on a.actor_kind = 'user' and u.id::text = a.actor_id
      where a.dealer_id = ${id}
      order by a.at desc, a.id desc
      limit ${AUDIT_ENTRIES}
    `),
  ]);
  return {
    card,
    users: userRows.map(({ invitedAt, invitationAcceptedAt, ...u }) => ({ ...u, pending: invitedAt !== null && invitationAcceptedAt === null })),
    orders: orderRows,
    orderCount: orderCount?.n ?? 0,
    position,
    openClaims,
    openClaimCount: openClaimCount?.n ?? 0,
    recentClaims,
    audit: rowsOf<AuditSqlRow>(auditResult).map((r) => ({
      id: Number(r.id),
      at: new Date(r.at),
      action: r.action,
      actorKind: r.actor_kind,
      actorId: r.actor_id,
      actorName: r.actor_name,
      data: typeof r.data === 'string' ? (JSON.parse(r.data) as Record<string, unknown>) : r.data,
    })),
    today,
  };
}
