import 'server-only';
import { aliasedTable, and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { attachments, auditLog, claimHistory, claimMessages, claims, dealers, orderItems, orders, users } from '@/drizzle/schema';
import type { ClaimCategory, ClaimStatus, ItemKind, PayerCategory, ResolutionKind } from '@/drizzle/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/assert';
import { isDealerRole } from '@/lib/auth/permissions';
import { assertDealerScope, dealerScopeOf, type DealerScope } from '@/lib/auth/scope';
import type { DbOrTx } from '@/lib/db';
import { decodeCursor, encodeCursor } from '@/lib/orders/list';
import { getWorkingCalendar } from '@/lib/settings/queries';
import { CLAIM_PAGE_SIZE, isClaimNumber, MAX_CLAIM_PAGE_SIZE, type ReplacementScope } from './schemas';
import type { WorkingCalendar } from './sla';
import { allowedMoves, type ClaimMove } from './workflow';

// A claim as its viewer may see it. A dealer's users see only their dealer's claims (another
// dealer's claim is exactly as missing as an unknown number) and never an internal note or a
// file attached to one; the claims desk and factory staff see everything.

export type ClaimViewer = { kind: 'dealer'; scope: DealerScope; actor: Actor } | { kind: 'staff'; actor: Actor };

/** The viewer for an actor; throws ForbiddenError for a role that may not read claims. */
export function claimViewerOf(actor: Actor): ClaimViewer {
  if (isDealerRole(actor.role)) return { kind: 'dealer', scope: dealerScopeOf(actor), actor };
  assertCan(actor, 'claims.readAll');
  return { kind: 'staff', actor };
}

/** The viewer's condition on claims: a dealer's own only. Never optional for a dealer. */
export function claimScopeCondition(viewer: ClaimViewer): SQL | undefined {
  if (viewer.kind === 'dealer') return eq(claims.dealerId, assertDealerScope(viewer.scope));
  assertCan(viewer.actor, 'claims.readAll');
  return undefined;
}

export type Side = 'dealer' | 'factory';
type Person = { name: string; side: Side } | null;

export type ClaimAttachment = {
  id: string;
  /** The message it came with; null: attached to the claim itself. */
  messageId: number | null;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  widthPx: number | null;
  heightPx: number | null;
  createdAt: Date;
  url: string;
};

export type ClaimDetail = {
  id: number;
  number: string;
  status: ClaimStatus;
  category: ClaimCategory;
  description: string;
  customerAddress: string | null;
  customerContact: string | null;
  damageNotedOnDelivery: boolean | null;
  order: { number: string; currency: string };
  dealer: { id: number; code: string; name: string; payerCategory: PayerCategory };
  itemPosition: number | null;
  item: { position: number; kind: ItemKind; name: string; widthMm: number; heightMm: number } | null;
  assignee: { id: string; name: string } | null;
  resolution: {
    kind: ResolutionKind;
    amount: string | null;
    visitDate: string | null;
    scope: ReplacementScope | null;
    partial: boolean;
    comment: string | null;
  } | null;
  /** Why a rejection was turned down by the dealer; a claim is appealed once. */
  appeal: { at: Date; reason: string | null } | null;
  /** The desk's clocks; staff only (null for a dealer). */
  sla: { firstResponseDueAt: Date | null; decisionDueAt: Date | null; firstResponseAt: Date | null; decidedAt: Date | null; calendar: WorkingCalendar } | null;
  messages: { id: number; body: string; internal: boolean; createdAt: Date; author: Person }[];
  attachments: ClaimAttachment[];
  history: { from: ClaimStatus | null; to: ClaimStatus; at: Date; comment: string | null; actor: Person }[];
  /** Staff only: who the claim was handed to, when, by whom (empty for a dealer). */
  assignments: { at: Date; assigneeName: string | null; byName: string | null; automatic: boolean }[];
  /** What this viewer may do now (the claim page's buttons). */
  moves: ClaimMove[];
  createdAt: Date;
  updatedAt: Date;
};

const assignee = aliasedTable(users, 'assignee');
const sideOf = (role: string | null): Side => (role !== null && (role === 'dealer_owner' || role === 'dealer_staff') ? 'dealer' : 'factory');
const person = (name: string | null, role: string | null): Person => (name === null ? null : { name, side: sideOf(role) });

/** One claim for this viewer, or null when there is no such claim for him. */
export async function getClaimDetail(db: DbOrTx, viewer: ClaimViewer, number: string): Promise<ClaimDetail | null> {
  if (!isClaimNumber(number)) return null;
  const [c] = await db
    .select({
      id: claims.id,
      number: claims.number,
      status: claims.status,
      category: claims.category,
      description: claims.description,
      customerAddress: claims.customerAddress,
      customerContact: claims.customerContact,
      damageNotedOnDelivery: claims.damageNotedOnDelivery,
      orderNumber: orders.number,
      currency: orders.currency,
      dealerId: dealers.id,
      dealerCode: dealers.code,
      dealerName: dealers.name,
      payerCategory: dealers.payerCategory,
      itemPosition: claims.itemPosition,
      itemKind: orderItems.kind,
      itemName: orderItems.name,
      itemWidth: orderItems.widthMm,
      itemHeight: orderItems.heightMm,
      assigneeId: claims.assigneeId,
      assigneeName: assignee.name,
      resolutionKind: claims.resolutionKind,
      resolutionAmount: claims.resolutionAmount,
      resolutionVisitDate: claims.resolutionVisitDate,
      resolutionScope: claims.resolutionScope,
      resolutionPartial: claims.resolutionPartial,
      resolutionComment: claims.resolutionComment,
      appealedAt: claims.appealedAt,
      appealReason: claims.appealReason,
      firstResponseDueAt: claims.firstResponseDueAt,
      decisionDueAt: claims.decisionDueAt,
      firstResponseAt: claims.firstResponseAt,
      decidedAt: claims.decidedAt,
      createdAt: claims.createdAt,
      updatedAt: claims.updatedAt,
    })
    .from(claims)
    .innerJoin(orders, eq(orders.id, claims.orderId))
    .innerJoin(dealers, eq(dealers.id, claims.dealerId))
    .leftJoin(orderItems, and(eq(orderItems.orderId, claims.orderId), eq(orderItems.position, claims.itemPosition)))
    .leftJoin(assignee, eq(assignee.id, claims.assigneeId))
    .where(and(eq(claims.number, number), claimScopeCondition(viewer)))
    .limit(1);
  if (!c) return null;
  const staff = viewer.kind === 'staff';

  const [messageRows, historyRows, assignmentRows] = await Promise.all([
    db
      .select({ id: claimMessages.id, body: claimMessages.body, internal: claimMessages.internal, createdAt: claimMessages.createdAt, name: users.name, role: users.role })
      .from(claimMessages)
      .leftJoin(users, eq(users.id, claimMessages.authorId))
      // A dealer's view never holds an internal note: they are not even read.
      .where(and(eq(claimMessages.claimId, c.id), staff ? undefined : eq(claimMessages.internal, false)))
      .orderBy(asc(claimMessages.createdAt), asc(claimMessages.id)),
    db
      .select({ from: claimHistory.fromStatus, to: claimHistory.toStatus, at: claimHistory.at, comment: claimHistory.comment, name: users.name, role: users.role })
      .from(claimHistory)
      .leftJoin(users, eq(users.id, claimHistory.actorId))
      .where(eq(claimHistory.claimId, c.id))
      .orderBy(asc(claimHistory.at), asc(claimHistory.id)),
    staff
      ? db
          .select({
            at: auditLog.at,
            data: auditLog.data,
            assigneeName: sql<string | null>`(select u.name from ${users} u where u.id::text = ${auditLog.data}->>'assigneeId')`,
            byName: sql<string | null>`(select u.name from ${users} u where u.id::text = ${auditLog.actorId})`,
          })
          .from(auditLog)
          .where(and(eq(auditLog.entityType, 'claim'), eq(auditLog.entityId, c.number), eq(auditLog.action, 'claim.assigned')))
          .orderBy(asc(auditLog.at), asc(auditLog.id))
      : [],
  ]);

  // Files of the claim itself and of the messages this viewer sees; nothing else.
  const messageIds = messageRows.map((m) => m.id);
  const files = await db
    .select({
      id: attachments.id,
      ownerType: attachments.ownerType,
      ownerId: attachments.ownerId,
      fileName: attachments.fileName,
      mimeType: attachments.mimeType,
      sizeBytes: attachments.sizeBytes,
      widthPx: attachments.widthPx,
      heightPx: attachments.heightPx,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .where(
      or(
        and(eq(attachments.ownerType, 'claim'), eq(attachments.ownerId, c.id)),
        messageIds.length ? and(eq(attachments.ownerType, 'claim_message'), inArray(attachments.ownerId, messageIds)) : undefined,
      ),
    )
    .orderBy(asc(attachments.createdAt), asc(attachments.id));

  return {
    id: c.id,
    number: c.number,
    status: c.status,
    category: c.category,
    description: c.description,
    customerAddress: c.customerAddress,
    customerContact: c.customerContact,
    damageNotedOnDelivery: c.damageNotedOnDelivery,
    order: { number: c.orderNumber, currency: c.currency },
    dealer: { id: c.dealerId, code: c.dealerCode, name: c.dealerName, payerCategory: c.payerCategory },
    itemPosition: c.itemPosition,
    item:
      c.itemPosition !== null && c.itemKind !== null && c.itemName !== null && c.itemWidth !== null && c.itemHeight !== null
        ? { position: c.itemPosition, kind: c.itemKind, name: c.itemName, widthMm: c.itemWidth, heightMm: c.itemHeight }
        : null,
    assignee: c.assigneeId !== null && c.assigneeName !== null ? { id: c.assigneeId, name: c.assigneeName } : null,
    resolution:
      c.resolutionKind !== null
        ? {
            kind: c.resolutionKind,
            amount: c.resolutionAmount,
            visitDate: c.resolutionVisitDate,
            scope: c.resolutionScope,
            partial: c.resolutionPartial,
            comment: c.resolutionComment,
          }
        : null,
    appeal: c.appealedAt ? { at: c.appealedAt, reason: c.appealReason } : null,
    sla: staff
      ? { firstResponseDueAt: c.firstResponseDueAt, decisionDueAt: c.decisionDueAt, firstResponseAt: c.firstResponseAt, decidedAt: c.decidedAt, calendar: await getWorkingCalendar(db) }
      : null,
    messages: messageRows.map((m) => ({ id: m.id, body: m.body, internal: m.internal, createdAt: m.createdAt, author: person(m.name, m.role) })),
    attachments: files.map((f) => ({
      id: f.id,
      messageId: f.ownerType === 'claim_message' ? f.ownerId : null,
      fileName: f.fileName,
      mimeType: f.mimeType,
      sizeBytes: f.sizeBytes,
      widthPx: f.widthPx,
      heightPx: f.heightPx,
      createdAt: f.createdAt,
      url: `/api/v1/attachments/${f.id}`,
    })),
    history: historyRows.map((h) => ({ from: h.from, to: h.to, at: h.at, comment: h.comment, actor: person(h.name, h.role) })),
    assignments: assignmentRows.map((a) => ({ at: a.at, assigneeName: a.assigneeName, byName: a.byName, automatic: a.data.automatic === true })),
    moves: allowedMoves({ status: c.status, dealerId: c.dealerId, assigneeId: c.assigneeId, appealedAt: c.appealedAt }, viewer.actor),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

export type ClaimListItem = {
  number: string;
  orderNumber: string;
  itemPosition: number | null;
  status: ClaimStatus;
  category: ClaimCategory;
  createdAt: Date;
  updatedAt: Date;
};

/** created_at to the microsecond, for the cursor (a Date keeps milliseconds only). */
const createdAtExact = sql<string>`to_char(${claims.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * One page of claims, newest first (keyset on created_at, id): a dealer's users their dealer's,
 * staff all. `cursor` is what the previous page handed out; an unknown one throws RangeError.
 */
export async function listClaims(
  db: DbOrTx,
  viewer: ClaimViewer,
  filter: { status?: ClaimStatus; limit?: number; cursor?: string } = {},
): Promise<{ items: ClaimListItem[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(Math.trunc(filter.limit ?? CLAIM_PAGE_SIZE), 1), MAX_CLAIM_PAGE_SIZE);
  const conditions: (SQL | undefined)[] = [claimScopeCondition(viewer)];
  if (viewer.kind === 'dealer') conditions.push(eq(orders.dealerId, viewer.scope.dealerId));
  if (filter.status) conditions.push(eq(claims.status, filter.status));
  if (filter.cursor !== undefined) {
    const cursor = decodeCursor(filter.cursor);
    if (!cursor) throw new RangeError('cursor is not one this API handed out; start again without it');
    conditions.push(sql`(${claims.createdAt}, ${claims.id}) < (${cursor.createdAt}::timestamptz, ${cursor.id})`);
  }
  const rows = await db
    .select({
      id: claims.id,
      cursorAt: createdAtExact,
      number: claims.number,
      orderNumber: orders.number,
      itemPosition: claims.itemPosition,
      status: claims.status,
      category: claims.category,
      createdAt: claims.createdAt,
      updatedAt: claims.updatedAt,
    })
    .from(claims)
    .innerJoin(orders, eq(orders.id, claims.orderId))
    .where(and(...conditions))
    .orderBy(desc(claims.createdAt), desc(claims.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(({ id: _id, cursorAt: _at, ...item }) => item),
    nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.cursorAt, id: last.id }) : null,
  };
}
