import { handleDealerSearch } from '@/lib/announcements/http';
import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';

export const dynamic = 'force-dynamic';

/** GET /api/v1/announcements/dealers?q=: dealers by code or name for the audience picker (factory roles). */
export async function GET(request: Request) {
  return handleDealerSearch(request, getDb(), await getActor());
}
