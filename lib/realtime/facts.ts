import { desc, eq, inArray, sql } from 'drizzle-orm';
import { claimHistory, claimMessages, claims, orders, outbox, shipments, users } from '@/drizzle/schema';
import type { ClaimStatus, OrderStatus, Role, ShipmentStatus } from '@/drizzle/schema/values';
import { rowsOf, type Tx } from '@/lib/db';

// What the dispatcher needs to know beyond an outbox row to address it (the claim's dealer, whether
// a claim message is an internal note, whose orders ride a trip) and to word its notifications.
// Read once per batch, inside the dispatch transaction.

export type OutboxRow = Pick<typeof outbox.$inferSelect, 'id' | 'event' | 'payload' | 'audience'>;

export type ClaimFact = {
  id: number;
  number: string;
  dealerId: number;
  status: ClaimStatus;
  assigneeId: string | null;
  /** Who made the latest status move (not told of his own move), and his role. */
  lastActorId: string | null;
  lastActorRole: Role | null;
};
export type MessageFact = { id: number; claimId: number; internal: boolean; authorId: string; body: string };
export type ShipmentFact = { number: string; status: ShipmentStatus; plannedDate: string };

export type BatchFacts = {
  claims: Map<string, ClaimFact>;
  messages: Map<number, MessageFact>;
  shipments: Map<string, ShipmentFact>;
  /** Order number → its dealer, for the orders of the trips in the batch. */
  orderDealers: Map<string, number>;
  /** For each order.status row (statusKey): the order's status before it, null for its first. */
  previousStatus: Map<string, OrderStatus | null>;
};

export const statusKey = (number: string, occurredAt: string) => `${number}|${occurredAt}`;

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const id = (value: unknown): number | null => {
  const n = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null;
};
export const payloadText = text;
export const payloadId = id;

export async function loadBatchFacts(tx: Tx, rows: OutboxRow[]): Promise<BatchFacts> {
  const claimNumbers = new Set<string>();
  const messageIds = new Set<number>();
  const shipmentNumbers = new Set<string>();
  const orderNumbers = new Set<string>();
  const statusMoves = new Map<string, { number: string; occurred_at: string }>();
  for (const row of rows) {
    if (row.event === 'order.status') {
      const number = text(row.payload.number);
      const occurredAt = text(row.payload.occurredAt);
      if (number && occurredAt) statusMoves.set(statusKey(number, occurredAt), { number, occurred_at: occurredAt });
    }
    if (row.event === 'claim.updated' || row.event === 'claim.message') {
      const number = text(row.payload.number);
      if (number) claimNumbers.add(number);
      const messageId = id(row.payload.messageId);
      if (row.event === 'claim.message' && messageId) messageIds.add(messageId);
    } else if (row.event === 'shipment.updated') {
      const number = text(row.payload.number);
      if (number) shipmentNumbers.add(number);
      for (const n of Array.isArray(row.payload.orderNumbers) ? row.payload.orderNumbers : []) if (text(n)) orderNumbers.add(n as string);
    }
  }
  const [claimRows, messageRows, shipmentRows, orderRows] = await Promise.all([
    claimNumbers.size
      ? tx
          .select({ id: claims.id, number: claims.number, dealerId: claims.dealerId, status: claims.status, assigneeId: claims.assigneeId })
          .from(claims)
          .where(inArray(claims.number, [...claimNumbers]))
      : [],
    messageIds.size
      ? tx
          .select({ id: claimMessages.id, claimId: claimMessages.claimId, internal: claimMessages.internal, authorId: claimMessages.authorId, body: claimMessages.body })
          .from(claimMessages)
          .where(inArray(claimMessages.id, [...messageIds]))
      : [],
    shipmentNumbers.size
      ? tx
          .select({ number: shipments.number, status: shipments.status, plannedDate: shipments.plannedDate })
          .from(shipments)
          .where(inArray(shipments.number, [...shipmentNumbers]))
      : [],
    orderNumbers.size
      ? tx.select({ number: orders.number, dealerId: orders.dealerId }).from(orders).where(inArray(orders.number, [...orderNumbers]))
      : [],
  ]);
  const lastActors = claimRows.length
    ? await tx
        .selectDistinctOn([claimHistory.claimId], { claimId: claimHistory.claimId, actorId: claimHistory.actorId, role: users.role })
        .from(claimHistory)
        .leftJoin(users, eq(users.id, claimHistory.actorId))
        .where(inArray(claimHistory.claimId, claimRows.map((c) => c.id)))
        .orderBy(claimHistory.claimId, desc(claimHistory.at), desc(claimHistory.id))
    : [];
  const actorOf = new Map(lastActors.map((a) => [a.claimId, a]));
  // The applied status just before each move, from the order's history (the move itself is in it).
  const previous = statusMoves.size
    ? rowsOf<{ number: string; occurred_at: string; previous: OrderStatus | null }>(
        await tx.execute(sql`
          select x.number, x.occurred_at, (
            select h.status from order_status_history h
            where h.order_id = o.id and h.applied and h.occurred_at < x.occurred_at::timestamptz
            order by h.occurred_at desc, h.id desc limit 1
          ) as previous
          from jsonb_to_recordset(${JSON.stringify([...statusMoves.values()])}::jsonb) as x(number text, occurred_at text)
          join orders o on o.number = x.number`),
      )
    : [];
  return {
    claims: new Map(
      claimRows.map((c) => [c.number, { ...c, lastActorId: actorOf.get(c.id)?.actorId ?? null, lastActorRole: actorOf.get(c.id)?.role ?? null }]),
    ),
    messages: new Map(messageRows.map((m) => [m.id, m])),
    shipments: new Map(shipmentRows.map((s) => [s.number, s])),
    orderDealers: new Map(orderRows.map((o) => [o.number, o.dealerId])),
    previousStatus: new Map(previous.map((p) => [statusKey(p.number, p.occurred_at), p.previous])),
  };
}
