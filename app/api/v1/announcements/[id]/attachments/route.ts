import { handleUpload } from '@/lib/announcements/http';
import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';

export const dynamic = 'force-dynamic';

/** POST /api/v1/announcements/{id}/attachments: a picture or document for the announcement (factory roles). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handleUpload(request, getDb(), await getActor(), id);
}
