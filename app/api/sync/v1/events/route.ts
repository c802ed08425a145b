import { getDb } from '@/lib/db';
import { handleSyncRequest } from '@/lib/sync/http';

export const dynamic = 'force-dynamic';

/** The factory's production and accounting systems push their changes here (CONTRACT.md §3). */
export function POST(request: Request) {
  return handleSyncRequest(request, getDb());
}
