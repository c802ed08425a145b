import { sql } from 'drizzle-orm';
import { bigint, check, date, index, numeric, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { dealers, plants, users } from './dealers';
import { ledgerKindEnum, localeEnum } from './enums';
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
    // Every column the debt rule reads (lib/finance/ageing.ts debtPositionsSql): a dealer's
    // position, all dealers' balances and the receivables come from the index alone (index-only
    // scans), not from the table's rows scattered over the heap. drizzle-kit has no INCLUDE, so
    // the read columns follow the dealer in the key.
    index('ledger_entries_dealer_covering_idx').on(t.dealerId, t.effect, t.date, t.dueDate, t.updatedAt),
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

/**
 * The rule that turns payment behaviour into a payer category (lib/finance/payer-rule.ts), as an
 * administrator set it: one row (id 1); without it the rule's defaults apply.
 */
export const financeSettings = pgTable(
  'finance_settings',
  {
    id: smallint().primaryKey().default(1),
    /** How many months back payments are looked at. */
    lookbackMonths: smallint().notNull(),
    /** Days after the due date that still count as paid on time (bank transfers take a day or two). */
    graceDays: smallint().notNull(),
    /** Hesitant from this amount-weighted average of days late, or this percentage of debt paid late. */
    hesitantAvgDays: smallint().notNull(),
    hesitantLatePercent: smallint().notNull(),
    /** Unreliable from these. */
    unreliableAvgDays: smallint().notNull(),
    unreliableLatePercent: smallint().notNull(),
    updatedById: uuid().references(() => users.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('finance_settings_single_row', sql`${t.id} = 1`),
    check(
      'finance_settings_ranges',
      sql`${t.lookbackMonths} between 1 and 36 and ${t.graceDays} between 0 and 60
        and ${t.hesitantAvgDays} between 0 and 365 and ${t.unreliableAvgDays} between ${t.hesitantAvgDays} and 365
        and ${t.hesitantLatePercent} between 0 and 100 and ${t.unreliableLatePercent} between ${t.hesitantLatePercent} and 100`,
    ),
  ],
);

/** A payment reminder the factory's finance staff sent to a dealer's owner, as it was worded then. */
export const paymentReminders = pgTable(
  'payment_reminders',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    dealerId: bigint({ mode: 'number' })
      .notNull()
      .references(() => dealers.id),
    sentById: uuid()
      .notNull()
      .references(() => users.id),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The overdue debt when it was sent, and the due date of its oldest part. */
    overdue: numeric({ precision: 14, scale: 2 }).notNull(),
    currency: text().notNull(),
    oldestDueDate: date({ mode: 'string' }),
    /** The owners it was sent to (notified: those who have payment reminders on). */
    recipients: smallint().notNull(),
    notified: smallint().notNull(),
    /** The words, in the language of the (first) owner. */
    locale: localeEnum().notNull(),
    title: text().notNull(),
    text: text().notNull(),
  },
  (t) => [index('payment_reminders_dealer_sent_idx').on(t.dealerId, t.sentAt)],
);
