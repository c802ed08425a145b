import { getActor } from '@/lib/auth/session';
import { handleReassign } from '@/lib/claims/http';
import { getDb } from '@/lib/db';

export const dynamic = 'force-dynamic';

/** PUT /api/v1/claims/{number}/assignee { assigneeId }: a lead hands the claim to another member of the desk. */
export async function PUT(request: Request, { params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  return handleReassign(request, getDb(), await getActor(), number);
}
