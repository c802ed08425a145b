import { handleMarkRead } from '@/lib/announcements/http';
import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';

export const dynamic = 'force-dynamic';

/** POST /api/v1/announcements/{id}/read: the signed-in dealer's user has read it. */
export async function POST(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handleMarkRead(getDb(), await getActor(), id);
}
