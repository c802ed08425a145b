import { sql } from 'drizzle-orm';
import { bigint, check, date, index, numeric, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { dealers, plants } from './dealers';
import { ledgerKindEnum } from './enums';
import { orders } from './orders';

/**
 * One document of the dealer's settlements. `amount` is as accounting sent it; `effect` is what it
 * does to the dealer's debt (positive: the dealer owes more), so a balance is sum(effect).
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    source: text().notNull(),
    documentId: text().notNull(),
    dealerId: bigint({ mode: 'number' })
      .notNull()
      .references(() => dealers.id),
    plantId: bigint({ mode: 'number' }).references(() => plants.id),
    kind: ledgerKindEnum().notNull(),
    amount: numeric({ precision: 14, scale: 2 }).notNull(),
    effect: numeric({ precision: 14, scale: 2 }).notNull(),
    currency: text().notNull().default('UAH'),
    date: date({ mode: 'string' }).notNull(),
    dueDate: date({ mode: 'string' }),
    orderId: bigint({ mode: 'number' }).references(() => orders.id),
    orderNumber: text(),
    document: text(),
    sourceUpdatedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ledger_entries_source_document_key').on(t.source, t.documentId),
    index('ledger_entries_dealer_date_idx').on(t.dealerId, t.date, t.id),
    index('ledger_entries_order_idx').on(t.orderId),
    // Documents that named an order before it arrived, linked when it does (lib/sync/apply-orders.ts).
    index('ledger_entries_unlinked_order_idx').on(t.orderNumber).where(sql`${t.orderId} is null`),
    check(
      'ledger_entries_effect_sign',
      sql`case
        when ${t.kind} in ('invoice', 'delivery_charge') then ${t.amount} >= 0 and ${t.effect} = ${t.amount}
        when ${t.kind} in ('payment', 'compensation') then ${t.amount} >= 0 and ${t.effect} = -${t.amount}
        else ${t.effect} = ${t.amount}
      end`,
    ),
  ],
);

/** Products and parts, synced by part number from accounting. */
export const catalogItems = pgTable(
  'catalog_items',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    partNumber: text().notNull(),
    name: text().notNull(),
    unit: text().notNull(),
    retailPrice: numeric({ precision: 14, scale: 2 }).notNull(),
    dealerPrice: numeric({ precision: 14, scale: 2 }).notNull(),
    promoPrice: numeric({ precision: 14, scale: 2 }),
    stock: numeric({ precision: 14, scale: 3 }),
    currency: text().notNull().default('UAH'),
    sourceUpdatedAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('catalog_items_part_number_key').on(t.partNumber)],
);
