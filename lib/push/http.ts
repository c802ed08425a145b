import 'server-only';
import { NextResponse } from 'next/server';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { apiError, zodDetails } from '@/lib/http/errors';
import { guardedApi, readJsonBody } from '@/lib/http/json-api';
import { endpointSchema, subscriptionSchema } from './schemas';
import { listPushDevices, removePushDevice, removePushEndpoint, subscribePush } from './subscriptions';
import { getVapidKeys } from './vapid';

// The push API (/api/v1/push/subscriptions), apart from the route files so integration tests
// drive it with real Requests on a real database. Every signed-in person may have push on his own
// devices; a device of someone else is answered like one that does not exist. Cross-site writes:
// as for the other JSON routes, the body must be application/json and DELETE is not a simple
// method, so a foreign page cannot send either without a CORS preflight this server never allows;
// the session cookie is SameSite=Lax besides.

const MAX_BODY_BYTES = 8 * 1024;
const NO_STORE = { 'Cache-Control': 'private, no-store' };

const guarded = (actor: Actor | null, context: Record<string, unknown>, work: (actor: Actor) => Promise<Response>) =>
  guardedApi(actor, context, { forbidden: 'This role may not use push notifications.', failure: 'push API failed' }, work);

const production = () => getEnv().NODE_ENV === 'production';

/** GET: the key to subscribe with and the person's devices, newest first. */
export function handleListSubscriptions(db: Db, actor: Actor | null): Promise<Response> {
  return guarded(actor, { route: 'GET /api/v1/push/subscriptions' }, async (me) => {
    const [keys, items] = await Promise.all([getVapidKeys(db), listPushDevices(db, me)]);
    return NextResponse.json({ publicKey: keys.publicKey, items }, { headers: NO_STORE });
  });
}

/** POST { endpoint, keys: { p256dh, auth }, expirationTime?, replaces? }: 201 and the device. */
export function handleSubscribe(request: Request, db: Db, actor: Actor | null): Promise<Response> {
  return guarded(actor, { route: 'POST /api/v1/push/subscriptions' }, async (me) => {
    const body = await readJsonBody(request, MAX_BODY_BYTES);
    if (!body.ok) return body.response;
    const parsed = subscriptionSchema(production()).safeParse(body.body);
    if (!parsed.success) {
      return apiError('bad_request', 'The push subscription is not valid: send the browser’s PushSubscription as JSON.', { details: zodDetails(parsed.error) });
    }
    const device = await subscribePush(db, me, parsed.data, request.headers.get('user-agent'));
    return NextResponse.json(device, { status: 201, headers: NO_STORE });
  });
}

const notFound = () => apiError('not_found', 'There is no such device among your push subscriptions.');

/** DELETE /{id}: 204, or 404 for an id that is not one of the person's devices. */
export function handleRemoveSubscription(db: Db, actor: Actor | null, id: string): Promise<Response> {
  return guarded(actor, { route: 'DELETE /api/v1/push/subscriptions/{id}', id }, async (me) => {
    if (!/^[1-9]\d{0,15}$/.test(id) || !Number.isSafeInteger(Number(id))) return notFound();
    return (await removePushDevice(db, me, Number(id))) ? new Response(null, { status: 204 }) : notFound();
  });
}

/** DELETE ?endpoint=…: this device's subscription (turning push off, signing out); 204 or 404. */
export function handleRemoveByEndpoint(request: Request, db: Db, actor: Actor | null): Promise<Response> {
  return guarded(actor, { route: 'DELETE /api/v1/push/subscriptions' }, async (me) => {
    const endpoint = new URL(request.url).searchParams.get('endpoint');
    const parsed = endpointSchema(production()).safeParse(endpoint ?? undefined);
    if (!parsed.success) return apiError('bad_request', 'Name the subscription to remove: ?endpoint=<its URL>.', { details: { endpoint: parsed.error.issues[0]?.message ?? 'endpoint is required' } });
    return (await removePushEndpoint(db, me, parsed.data)) ? new Response(null, { status: 204 }) : notFound();
  });
}
