import 'server-only';
import type { DealerScope } from '@/lib/auth/scope';
import { factoryToday } from '@/lib/calendar';
import type { DbOrTx } from '@/lib/db';
import { getDebtPositionForDealer } from './ageing';

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
 * database. Credits (payments, compensations, negative adjustments) pay the oldest-due debt first:
 * the rule lives in ./ageing.ts, shared with the finance pages and the ageing buckets.
 */
export async function getBalanceForDealer(db: DbOrTx, scope: DealerScope, today = factoryToday()): Promise<BalanceSummary> {
  const position = await getDebtPositionForDealer(db, scope, today);
  return { balance: position.balance, overdue: position.overdue, dueSoon: position.dueIn7Days, updatedAt: position.updatedAt };
}
