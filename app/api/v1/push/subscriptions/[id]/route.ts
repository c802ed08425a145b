import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { handleRemoveSubscription } from '@/lib/push/http';

export const dynamic = 'force-dynamic';

/** DELETE /api/v1/push/subscriptions/{id}: one of the person's devices → 204 (someone else's: 404). */
export async function DELETE(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRemoveSubscription(getDb(), await getActor(), (await params).id);
}
