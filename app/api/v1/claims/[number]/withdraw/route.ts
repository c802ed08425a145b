import { getActor } from '@/lib/auth/session';
import { handleDealerMove } from '@/lib/claims/http';
import { getDb } from '@/lib/db';

export const dynamic = 'force-dynamic';

/** POST /api/v1/claims/{number}/withdraw { reason }: the claim's dealer withdraws a claim not yet decided. */
export async function POST(request: Request, { params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  return handleDealerMove(request, getDb(), await getActor(), number, 'withdraw');
}
