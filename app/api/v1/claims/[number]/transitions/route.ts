import { getActor } from '@/lib/auth/session';
import { handleTransition } from '@/lib/claims/http';
import { getDb } from '@/lib/db';

export const dynamic = 'force-dynamic';

/** POST /api/v1/claims/{number}/transitions { to, comment?, resolution? }: the claims desk; a move the workflow does not allow answers 409. */
export async function POST(request: Request, { params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  return handleTransition(request, getDb(), await getActor(), number);
}
