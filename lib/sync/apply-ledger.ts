import { eq, sql } from 'drizzle-orm';
import { dealers, ledgerEntries, orders } from '@/drizzle/schema';
import type { LedgerKind } from '@/drizzle/schema/values';
import { announce, audit, findOrLock, remember, storedIsNotNewer, waitKey, type Handler } from './context';
import type { SyncEvent } from './schemas';

type LedgerEvent = Extract<SyncEvent, { type: 'ledger.entry' }>;

/** What a document does to the dealer's debt: invoices and charges raise it, payments lower it. */
export function ledgerEffect(kind: LedgerKind, amount: string): string {
  if (kind === 'payment' || kind === 'compensation') return amount.startsWith('-') ? amount.slice(1) : `-${amount}`;
  return amount;
}

/**
 * ledger.entry: upsert by (source, document id), newest occurredAt wins, so a corrected document
 * replaces the old amount and a resent one never counts twice. A document of a dealer the portal
 * does not know yet is parked until the dealer arrives.
 */
export const applyLedgerEntry: Handler<LedgerEvent> = async (ctx, event) => {
  const { tx } = ctx;
  const e = event.data;
  const dealer = await remember(ctx, waitKey.dealer(e.dealerCode), () =>
    findOrLock(tx, waitKey.dealer(e.dealerCode), async () => (await tx.select({ id: dealers.id }).from(dealers).where(eq(dealers.code, e.dealerCode)).limit(1))[0]),
  );
  if (!dealer) return { state: 'parked', waitingFor: waitKey.dealer(e.dealerCode) };
  const [order] = e.orderNumber
    ? await tx.select({ id: orders.id }).from(orders).where(eq(orders.number, e.orderNumber)).limit(1)
    : [];
  const values = {
    source: ctx.source.code,
    documentId: e.id,
    dealerId: dealer.id,
    kind: e.kind,
    amount: e.amount,
    effect: ledgerEffect(e.kind, e.amount),
    currency: e.currency,
    date: e.date,
    dueDate: e.dueDate ?? null,
    orderId: order?.id ?? null,
    orderNumber: e.orderNumber ?? null,
    document: e.document ?? null,
    sourceUpdatedAt: event.occurredAt,
  };
  const [row] = await tx
    .insert(ledgerEntries)
    .values(values)
    .onConflictDoUpdate({
      target: [ledgerEntries.source, ledgerEntries.documentId],
      set: { ...values, updatedAt: new Date() },
      setWhere: storedIsNotNewer(ledgerEntries.sourceUpdatedAt, event.occurredAt),
    })
    .returning({ id: ledgerEntries.id, inserted: sql<boolean>`xmax = 0` });
  if (!row) return { state: 'superseded' };
  audit(ctx, event, { type: 'ledger_entry', id: `${ctx.source.code}:${e.id}`, dealerId: dealer.id }, {
    created: row.inserted,
    kind: e.kind,
    amount: e.amount,
    document: e.document ?? null,
  });
  announce(ctx, 'ledger.updated', { dealerCode: e.dealerCode }, { dealerId: dealer.id });
  return { state: 'applied' };
};
