import { getActor } from '@/lib/auth/session';
import { handleCreateClaim, handleListClaims } from '@/lib/claims/http';
import { getDb } from '@/lib/db';

export const dynamic = 'force-dynamic';

/** GET /api/v1/claims?status=&limit=&cursor= (contract section 4): a dealer's users their dealer's claims, staff all; newest first. */
export async function GET(request: Request) {
  return handleListClaims(request, getDb(), await getActor());
}

/** POST /api/v1/claims with Idempotency-Key: a dealer's user files a claim; the same key answers the same claim. */
export async function POST(request: Request) {
  return handleCreateClaim(request, getDb(), await getActor());
}
