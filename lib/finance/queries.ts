import 'server-only';
import { sql } from 'drizzle-orm';
import { ledgerEntries } from '@/drizzle/schema';
import { assertDealerScope, type DealerScope } from '@/lib/auth/scope';
import { addDays, factoryToday } from '@/lib/calendar';
import { rowsOf, type DbOrTx } from '@/lib/db';

export type BalanceSummary = {
  /** What the dealer owes the factory (negative: the factory owes the dealer). Decimal string. */
  balance: string;
  /** Debt past its due date, after payments are set against the oldest debts first. */
  overdue: string;
  /** Debt falling due within the next 7 days that payments do not cover yet. */
  dueSoon: string;
  /** When accounting last changed this dealer's ledger. */
  updatedAt: Date | null;
};

/**
 * The dealer's balance, overdue and soon-due amounts, in exact numeric arithmetic in the
 * database. Credits (payments, compensations, negative adjustments) pay the oldest-due debt first.
 */
export async function getBalanceForDealer(db: DbOrTx, scope: DealerScope, today = factoryToday()): Promise<BalanceSummary> {
  const dealerId = assertDealerScope(scope);
  const soon = addDays(today, 7);
  const result = await db.execute(sql`
    with l as (
      select ${ledgerEntries.effect} as effect,
             coalesce(${ledgerEntries.dueDate}, ${ledgerEntries.date}) as due_on,
             ${ledgerEntries.updatedAt} as updated_at
      from ${ledgerEntries}
      where ${ledgerEntries.dealerId} = ${dealerId}
    ), s as (
      select coalesce(sum(effect), 0) as balance,
             coalesce(sum(-effect) filter (where effect < 0), 0) as credits,
             coalesce(sum(effect) filter (where effect > 0 and due_on < ${today}::date), 0) as past_due,
             coalesce(sum(effect) filter (where effect > 0 and due_on between ${today}::date and ${soon}::date), 0) as due_week,
             max(updated_at) as updated_at
      from l
    )
    select balance::numeric(14,2)::text as balance,
           greatest(0, least(balance, past_due - credits))::numeric(14,2)::text as overdue,
           greatest(0, least(balance, due_week - greatest(0, credits - past_due)))::numeric(14,2)::text as due_soon,
           updated_at
    from s
  `);
  const [row] = rowsOf<{ balance: string; overdue: string; due_soon: string; updated_at: string | Date | null }>(result);
  return {
    balance: row?.balance ?? '0.00',
    overdue: row?.overdue ?? '0.00',
    dueSoon: row?.due_soon ?? '0.00',
    updatedAt: row?.updated_at ? new Date(row.updated_at) : null,
  };
}
