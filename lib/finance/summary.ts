import 'server-only';
import type { PayerCategory } from '@/drizzle/schema/values';
import type { DealerScope } from '@/lib/auth/scope';
import { factoryToday } from '@/lib/calendar';
import type { DbOrTx } from '@/lib/db';
import { getOwnDealer } from '@/lib/dealers/queries';
import { getDebtPositionForDealer, type DebtPosition } from './ageing';

export type FinanceSummary = DebtPosition & {
  currency: string;
  payerCategory: PayerCategory;
  /** The factory day the amounts are counted for. */
  today: string;
};

/**
 * What the finance page and GET /api/v1/finance/summary show: balance (who owes whom is its sign),
 * overdue, due in 7 and 30 days, ageing buckets, payer category and the last change by accounting.
 */
export async function getFinanceSummaryForDealer(db: DbOrTx, scope: DealerScope, today = factoryToday()): Promise<FinanceSummary> {
  const [dealer, position] = await Promise.all([getOwnDealer(db, scope), getDebtPositionForDealer(db, scope, today)]);
  return { ...position, currency: dealer.currency, payerCategory: dealer.payerCategory, today };
}
