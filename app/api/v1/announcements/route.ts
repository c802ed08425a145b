import { handleCreateAnnouncement, handleListAnnouncements } from '@/lib/announcements/http';
import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';

export const dynamic = 'force-dynamic';

/** GET /api/v1/announcements (contract section 4): what this user's audience may see, pinned first, newest first. */
export async function GET(request: Request) {
  return handleListAnnouncements(request, getDb(), await getActor());
}

/** POST /api/v1/announcements: factory roles publish an announcement to everyone, regions or chosen dealers. */
export async function POST(request: Request) {
  return handleCreateAnnouncement(request, getDb(), await getActor());
}
