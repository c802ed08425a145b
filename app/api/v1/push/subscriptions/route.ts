import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { handleListSubscriptions, handleRemoveByEndpoint, handleSubscribe } from '@/lib/push/http';

export const dynamic = 'force-dynamic';

/** GET /api/v1/push/subscriptions: `{ publicKey, items }`, the VAPID key and the person's devices. */
export async function GET() {
  return handleListSubscriptions(getDb(), await getActor());
}

/** POST /api/v1/push/subscriptions: this device's PushSubscription (JSON) → 201 the device. */
export async function POST(request: Request) {
  return handleSubscribe(request, getDb(), await getActor());
}

/** DELETE /api/v1/push/subscriptions?endpoint=…: this device's subscription → 204. */
export async function DELETE(request: Request) {
  return handleRemoveByEndpoint(request, getDb(), await getActor());
}
