// Not 'server-only': server.ts (plain Node) runs the overdue payment check (lib/finance/overdue-notices.ts) on a timer.
import { sql, type SQL } from 'drizzle-orm';
import { ledgerEntries } from '@/drizzle/schema';
import type { LedgerKind } from '@/drizzle/schema/values';
import { assertDealerScope, type DealerScope } from '@/lib/auth/scope';
import { factoryToday } from '@/lib/calendar';
import { rowsOf, type DbOrTx } from '@/lib/db';

// The one rule of what is still owed and how late: every credit (payment, compensation, negative
// adjustment or opening balance) pays the oldest-due debt first. A debt is due on its due date, or
// on its own date when it has none. All of it is exact numeric arithmetic in the database.
//
// Since credits fill debts in order of due date, the open (unpaid) part of all debts due before a
// day D is greatest(0, debts due before D - credits); any range of due dates is the difference of
// two such amounts. So one aggregate pass per dealer gives every bucket, and the per-document list
// below (a window sum over the same order) adds up to exactly the same buckets.

export const AGEING_BUCKETS = ['notDue', 'days1to30', 'days31to60', 'days61to90', 'over90'] as const;
export type AgeingBucket = (typeof AGEING_BUCKETS)[number];

export type DebtPosition = {
  /** sum(effect): what the dealer owes (negative: the factory owes the dealer). */
  balance: string;
  /** Open debt past its due date. */
  overdue: string;
  /** Open debt falling due from today to today + 7 days inclusive. */
  dueIn7Days: string;
  /** Open debt falling due from today to today + 30 days inclusive. */
  dueIn30Days: string;
  /** Open debt by days past due; the five add up to max(balance, 0). */
  buckets: Record<AgeingBucket, string>;
  /** When accounting last changed this dealer's ledger. */
  updatedAt: Date | null;
};

type PositionRow = {
  dealer_id: number | string;
  balance: string;
  overdue: string;
  due_7: string;
  due_30: string;
  not_due: string;
  d1_30: string;
  d31_60: string;
  d61_90: string;
  d90_plus: string;
  updated_at: string | Date | null;
};

/**
 * The debt position of every dealer whose ledger rows match `where` (a condition on
 * ledger_entries), one row per dealer, in one aggregate pass: columns dealer_id, balance, overdue,
 * due_7, due_30, not_due, d1_30, d31_60, d61_90, d90_plus (numeric(18,2) as text) and updated_at.
 * Usable as a subquery for many dealers at once (receivables).
 */
export function debtPositionsSql(today: string, where: SQL): SQL {
  const l = ledgerEntries;
  const dueOn = sql`coalesce(${l.dueDate}, ${l.date})`;
  const debtsWhere = (condition: SQL) => sql`coalesce(sum(${l.effect}) filter (where ${l.effect} > 0 and ${condition}), 0)`;
  // open(x): the part of the debts x that credits have not paid.
  const open = (column: string) => sql`greatest(0, ${sql.raw(column)} - credits)`;
  const money = (value: SQL) => sql`(${value})::numeric(18,2)::text`;
  return sql`
    select dealer_id,
           ${money(sql`balance`)} as balance,
           ${money(open('before_today'))} as overdue,
           ${money(sql`${open('through_7')} - ${open('before_today')}`)} as due_7,
           ${money(sql`${open('through_30')} - ${open('before_today')}`)} as due_30,
           ${money(sql`${open('all_debts')} - ${open('before_today')}`)} as not_due,
           ${money(sql`${open('before_today')} - ${open('over_30')}`)} as d1_30,
           ${money(sql`${open('over_30')} - ${open('over_60')}`)} as d31_60,
           ${money(sql`${open('over_60')} - ${open('over_90')}`)} as d61_90,
           ${money(open('over_90'))} as d90_plus,
           updated_at
    from (
      select ${l.dealerId} as dealer_id,
             coalesce(sum(${l.effect}), 0) as balance,
             coalesce(sum(-${l.effect}) filter (where ${l.effect} < 0), 0) as credits,
             ${debtsWhere(sql`true`)} as all_debts,
             ${debtsWhere(sql`${dueOn} <= ${today}::date + 30`)} as through_30,
             ${debtsWhere(sql`${dueOn} <= ${today}::date + 7`)} as through_7,
             ${debtsWhere(sql`${dueOn} < ${today}::date`)} as before_today,
             ${debtsWhere(sql`${dueOn} < ${today}::date - 30`)} as over_30,
             ${debtsWhere(sql`${dueOn} < ${today}::date - 60`)} as over_60,
             ${debtsWhere(sql`${dueOn} < ${today}::date - 90`)} as over_90,
             max(${l.updatedAt}) as updated_at
      from ${l}
      where ${where}
      group by ${l.dealerId}
    ) s
  `;
}

/** A row of debtPositionsSql as a DebtPosition. */
export function debtPositionOf(row: PositionRow | undefined): DebtPosition {
  return {
    balance: row?.balance ?? '0.00',
    overdue: row?.overdue ?? '0.00',
    dueIn7Days: row?.due_7 ?? '0.00',
    dueIn30Days: row?.due_30 ?? '0.00',
    buckets: {
      notDue: row?.not_due ?? '0.00',
      days1to30: row?.d1_30 ?? '0.00',
      days31to60: row?.d31_60 ?? '0.00',
      days61to90: row?.d61_90 ?? '0.00',
      over90: row?.d90_plus ?? '0.00',
    },
    updatedAt: row?.updated_at ? new Date(row.updated_at) : null,
  };
}

/** The dealer's balance, overdue, soon-due amounts and ageing buckets as of `today` (factory day). */
export async function getDebtPositionForDealer(db: DbOrTx, scope: DealerScope, today = factoryToday()): Promise<DebtPosition> {
  const dealerId = assertDealerScope(scope);
  const result = await db.execute(debtPositionsSql(today, sql`${ledgerEntries.dealerId} = ${dealerId}`));
  return debtPositionOf(rowsOf<PositionRow>(result)[0]);
}

export type OpenDebt = {
  id: number;
  date: string;
  /** The day it is due (its own date when accounting gave no due date). */
  dueOn: string;
  kind: LedgerKind;
  document: string | null;
  orderNumber: string | null;
  /** The whole debt of the document. */
  amount: string;
  /** What credits have not paid of it yet. */
  open: string;
  /** Days past due (0 or less: not due yet). */
  daysOverdue: number;
};

type OpenDebtRow = {
  id: number | string;
  date: string;
  due_on: string;
  kind: LedgerKind;
  document: string | null;
  order_number: string | null;
  amount: string;
  open: string;
  days_overdue: number | string;
};

/**
 * The dealer's documents with something still to pay, oldest due first (the same rule: credits
 * pay the oldest-due debt first, ties by id). At most `limit` of them.
 */
export async function listOpenDebtsForDealer(db: DbOrTx, scope: DealerScope, options: { today?: string; limit?: number } = {}): Promise<OpenDebt[]> {
  const dealerId = assertDealerScope(scope);
  const today = options.today ?? factoryToday();
  const limit = Math.min(Math.max(options.limit ?? 200, 1), 1000);
  const l = ledgerEntries;
  const result = await db.execute(sql`
    with credits as (
      select coalesce(sum(-${l.effect}) filter (where ${l.effect} < 0), 0) as total
      from ${l} where ${l.dealerId} = ${dealerId}
    ), debts as (
      select ${l.id} as id, ${l.date} as date, coalesce(${l.dueDate}, ${l.date}) as due_on, ${l.kind} as kind,
             ${l.document} as document, ${l.orderNumber} as order_number, ${l.effect} as effect,
             sum(${l.effect}) over (order by coalesce(${l.dueDate}, ${l.date}), ${l.id}
                                    rows between unbounded preceding and current row) as cumulative
      from ${l}
      where ${l.dealerId} = ${dealerId} and ${l.effect} > 0
    )
    select id, date::text as date, due_on::text as due_on, kind::text as kind, document, order_number,
           effect::text as amount,
           least(effect, cumulative - credits.total)::numeric(18,2)::text as open,
           (${today}::date - due_on) as days_overdue
    from debts, credits
    where cumulative - credits.total > 0
    order by due_on, id
    limit ${limit}
  `);
  return rowsOf<OpenDebtRow>(result).map((r) => ({
    id: Number(r.id),
    date: r.date,
    dueOn: r.due_on,
    kind: r.kind,
    document: r.document,
    orderNumber: r.order_number,
    amount: r.amount,
    open: r.open,
    daysOverdue: Number(r.days_overdue),
  }));
}
