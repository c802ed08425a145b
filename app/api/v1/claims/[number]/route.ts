import { getActor } from '@/lib/auth/session';
import { handleGetClaim } from '@/lib/claims/http';
import { getDb } from '@/lib/db';

export const dynamic = 'force-dynamic';

/** GET /api/v1/claims/{number}: the claim with its thread, files and history; another dealer's claim answers 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ number: string }> }) {
  // Next hands the segment over decoded already.
  const { number } = await params;
  return handleGetClaim(getDb(), await getActor(), number);
}
