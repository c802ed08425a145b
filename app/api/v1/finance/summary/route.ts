import { NextResponse } from 'next/server';
import { can, isDealerRole } from '@/lib/auth/permissions';
import { dealerScopeOf } from '@/lib/auth/scope';
import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getFinanceSummaryForDealer } from '@/lib/finance/summary';
import { apiError } from '@/lib/http/errors';

export const dynamic = 'force-dynamic';

/** GET /api/v1/finance/summary (contract section 4): the signed-in dealer's balance and what is due. */
export async function GET() {
  const actor = await getActor();
  if (!actor) return apiError('unauthorized', 'Sign in first.');
  if (!isDealerRole(actor.role) || !can(actor, 'finance.readOwnDealer')) {
    return apiError('forbidden', 'The finance summary is a dealer’s own; factory staff see every dealer’s under /factory/finance.');
  }
  const s = await getFinanceSummaryForDealer(getDb(), dealerScopeOf(actor));
  return NextResponse.json(
    {
      currency: s.currency,
      balance: s.balance,
      overdue: s.overdue,
      dueSoon: s.dueIn7Days,
      dueIn30Days: s.dueIn30Days,
      ageing: s.buckets,
      payerCategory: s.payerCategory,
      updatedAt: s.updatedAt?.toISOString() ?? null,
    },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}
