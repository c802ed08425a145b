import { NextResponse } from 'next/server';
import { can, isDealerRole } from '@/lib/auth/permissions';
import { dealerScopeOf } from '@/lib/auth/scope';
import { getActor } from '@/lib/auth/session';
import { factoryToday } from '@/lib/calendar';
import { getDb } from '@/lib/db';
import { getLedgerForDealer } from '@/lib/finance/ledger';
import { ledgerApiQuerySchema } from '@/lib/finance/period';
import { apiError, zodDetails } from '@/lib/http/errors';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/finance/ledger?from=&to=&kind=&q= (contract section 4): the signed-in dealer's ledger
 * for a period (default: this month up to today; at most 5 years), with the running balance.
 * kind and q narrow the entries; the opening and closing balances stay those of the whole ledger.
 */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return apiError('unauthorized', 'Sign in first.');
  if (!isDealerRole(actor.role) || !can(actor, 'finance.readOwnDealer')) {
    return apiError('forbidden', 'The ledger is a dealer’s own; factory staff see every dealer’s under /factory/finance.');
  }
  const parsed = ledgerApiQuerySchema(factoryToday()).safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return apiError('bad_request', 'The ledger’s period or filters are not valid.', { details: zodDetails(parsed.error) });
  const ledger = await getLedgerForDealer(getDb(), dealerScopeOf(actor), parsed.data);
  return NextResponse.json(
    {
      currency: ledger.currency,
      from: ledger.from,
      to: ledger.to,
      openingBalance: ledger.openingBalance,
      entries: ledger.entries.map((e) => ({
        id: e.id,
        date: e.date,
        kind: e.kind,
        amount: e.amount,
        balanceAfter: e.balanceAfter,
        ...(e.orderNumber ? { orderNumber: e.orderNumber } : {}),
        ...(e.document ? { document: e.document } : {}),
        ...(e.dueDate ? { dueDate: e.dueDate } : {}),
      })),
      closingBalance: ledger.closingBalance,
      turnover: ledger.turnover,
    },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}
