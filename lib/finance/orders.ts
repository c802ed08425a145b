import 'server-only';
import { sql } from 'drizzle-orm';
import { ledgerEntries, orders } from '@/drizzle/schema';
import type { LedgerKind } from '@/drizzle/schema/values';
import { assertDealerScope, type DealerScope } from '@/lib/auth/scope';
import { rowsOf, type DbOrTx } from '@/lib/db';

export type OrderSettlementLine = {
  id: number;
  date: string;
  kind: LedgerKind;
  document: string | null;
  amount: string;
  effect: string;
  dueDate: string | null;
};

export type OrderSettlements = {
  orderNumber: string;
  currency: string;
  /** Invoices for the order. */
  invoiced: string;
  /** Payments that name the order. */
  paid: string;
  /** Compensations (e.g. a resolved claim) for the order. */
  compensated: string;
  /** Delivery charges for the order. */
  deliveryCharged: string;
  /** Signed adjustments for the order (positive: the dealer owes more). */
  adjusted: string;
  /** sum(effect) of the order's documents: what remains to pay for it (negative: overpaid). */
  balance: string;
  entries: OrderSettlementLine[];
};

type TotalsRow = {
  currency: string;
  invoiced: string;
  paid: string;
  compensated: string;
  delivery: string;
  adjusted: string;
  balance: string;
};

type LineRow = { id: number | string; date: string; kind: LedgerKind; document: string | null; amount: string; effect: string; due_date: string | null };

/**
 * The dealer's documents about one of his orders (linked to it, or naming its number). Null when
 * the order is not this dealer's (another dealer's order is indistinguishable from a missing one).
 */
export async function getOrderSettlementsForDealer(db: DbOrTx, scope: DealerScope, orderNumber: string): Promise<OrderSettlements | null> {
  const dealerId = assertDealerScope(scope);
  const l = ledgerEntries;
  const mine = sql`
    with o as (select ${orders.id} as id, ${orders.number} as number, ${orders.currency} as currency
               from ${orders} where ${orders.dealerId} = ${dealerId} and ${orders.number} = ${orderNumber})
  `;
  const ofOrder = sql`${l.dealerId} = ${dealerId} and (${l.orderId} = o.id or ${l.orderNumber} = o.number)`;
  const money = (kind: LedgerKind) => sql`coalesce(sum(${l.amount}) filter (where ${l.kind} = ${kind}::ledger_kind), 0)::numeric(18,2)::text`;
  const totals = rowsOf<TotalsRow>(
    await db.execute(sql`
      ${mine}
      select o.currency,
             ${money('invoice')} as invoiced, ${money('payment')} as paid, ${money('compensation')} as compensated,
             ${money('delivery_charge')} as delivery, ${money('adjustment')} as adjusted,
             coalesce(sum(${l.effect}), 0)::numeric(18,2)::text as balance
      from o left join ${l} on ${ofOrder}
      group by o.id, o.currency
    `),
  )[0];
  if (!totals) return null;
  const lines = rowsOf<LineRow>(
    await db.execute(sql`
      ${mine}
      select ${l.id} as id, ${l.date}::text as date, ${l.kind}::text as kind, ${l.document} as document,
             ${l.amount}::text as amount, ${l.effect}::text as effect, ${l.dueDate}::text as due_date
      from o join ${l} on ${ofOrder}
      order by ${l.date}, ${l.id}
      limit 500
    `),
  );
  return {
    orderNumber,
    currency: totals.currency,
    invoiced: totals.invoiced,
    paid: totals.paid,
    compensated: totals.compensated,
    deliveryCharged: totals.delivery,
    adjusted: totals.adjusted,
    balance: totals.balance,
    entries: lines.map((r) => ({ id: Number(r.id), date: r.date, kind: r.kind, document: r.document, amount: r.amount, effect: r.effect, dueDate: r.due_date })),
  };
}
