import { getActor } from '@/lib/auth/session';
import { handleAddMessage } from '@/lib/claims/http';
import { getDb } from '@/lib/db';

export const dynamic = 'force-dynamic';

/**
 * POST /api/v1/claims/{number}/messages { body, internal? }: internal notes are for the desk and
 * factory staff only. An optional Idempotency-Key header makes a resend answer the stored message.
 */
export async function POST(request: Request, { params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  return handleAddMessage(request, getDb(), await getActor(), number);
}
