import type { NextResponse } from 'next/server';
import type { Actor } from '@/lib/auth/actor';
import { ForbiddenError } from '@/lib/auth/scope';
import { log } from '@/lib/log';
import { apiError } from './errors';

// What every JSON handler of the client API (CONTRACT.md section 4) does the same way: read the
// body, and answer 401/403/500 in the contract's shape around the handler's own work.

/** The body as JSON, or the contract's answer for a body that is not (415, 413, 400). */
export async function readJsonBody(request: Request, maxBytes: number): Promise<{ ok: true; body: unknown } | { ok: false; response: NextResponse }> {
  if (!/^application\/json\s*(;|$)/i.test(request.headers.get('content-type') ?? '')) {
    return { ok: false, response: apiError('unsupported_media_type', 'Send the body as JSON with Content-Type: application/json.') };
  }
  const tooLarge = () => ({ ok: false as const, response: apiError('payload_too_large', `The body may be at most ${Math.floor(maxBytes / 1024)} KiB.`) });
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) return tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) return tooLarge();
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false, response: apiError('bad_request', 'The body is not valid JSON.') };
  }
}

/**
 * Runs a handler: 401 without a session, 403 with `forbidden` for a role the data layer refused,
 * 500 (logged as `failure` with the context) for anything unexpected.
 */
export async function guardedApi(
  actor: Actor | null,
  context: Record<string, unknown>,
  messages: { forbidden: string; failure: string },
  work: (actor: Actor) => Promise<Response>,
): Promise<Response> {
  if (!actor) return apiError('unauthorized', 'Sign in first.');
  try {
    return await work(actor);
  } catch (err) {
    if (err instanceof ForbiddenError) return apiError('forbidden', messages.forbidden);
    log.error(messages.failure, { ...context, userId: actor.userId, err });
    return apiError('internal', 'Something went wrong on our side and nothing was changed; try again in a minute.');
  }
}
