import { handlePreview } from '@/lib/announcements/http';
import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';

export const dynamic = 'force-dynamic';

/** POST /api/v1/announcements/preview: the Markdown rendered by the same sanitizing renderer dealers get. */
export async function POST(request: Request) {
  return handlePreview(request, getDb(), await getActor());
}
