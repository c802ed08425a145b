import { and, eq } from 'drizzle-orm';
import { NextResponse } from 'next/server';
import { syncSources } from '@/drizzle/schema';
import type { Db } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { apiError } from '@/lib/http/errors';
import { log } from '@/lib/log';
import { wakeDispatcher } from '@/lib/realtime/registry';
import { ingestBatch } from './ingest';
import { leave, tryEnter } from './load';
import { MAX_BODY_BYTES, MAX_EVENTS } from './schemas';
import { hashSyncToken } from './tokens';

/**
 * POST /api/sync/v1/events (CONTRACT.md section 3): the whole-request checks in the contract's
 * codes, then the batch. Kept apart from the route file so integration tests drive it with real
 * Requests against a real database.
 */
export async function handleSyncRequest(request: Request, db: Db): Promise<Response> {
  const requestId = request.headers.get('x-request-id') ?? undefined;
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(contentType)) {
    return apiError('unsupported_media_type', 'Send the batch as JSON with Content-Type: application/json.');
  }
  const auth = request.headers.get('authorization') ?? '';
  const token = /^Bearer\s+(\S+)\s*$/i.exec(auth)?.[1];
  if (!token) return apiError('unauthorized', 'Send the source system\'s token as Authorization: Bearer <token>.');
  const [source] = await db
    .select({ id: syncSources.id, code: syncSources.code })
    .from(syncSources)
    .where(and(eq(syncSources.tokenHash, hashSyncToken(token)), eq(syncSources.active, true)))
    .limit(1);
  if (!source) return apiError('unauthorized', 'The token is not valid or has been revoked; ask a portal administrator for the current one.');

  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) return tooLarge();

  const limit = getEnv().SYNC_MAX_IN_FLIGHT;
  if (!tryEnter(limit)) {
    log.warn('sync request shed: too many in flight', { source: source.code, limit, requestId });
    return apiError('rate_limited', 'The portal is busy; send this batch again after the time in Retry-After.', {
      headers: { 'Retry-After': '1' },
    });
  }
  try {
    const body = await readLimited(request);
    if (body === null) return tooLarge();
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return apiError('bad_request', 'The body is not valid JSON.');
    }
    const events = (parsed as { events?: unknown } | null)?.events;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || !Array.isArray(events)) {
      return apiError('bad_request', 'The body must be an object { "events": [ ... ] }.');
    }
    if (events.length === 0) return apiError('bad_request', 'A batch must hold at least one event.');
    if (events.length > MAX_EVENTS) {
      return apiError('payload_too_large', `A batch may hold at most ${MAX_EVENTS} events; this one has ${events.length}. Split it.`);
    }
    const started = performance.now();
    const result = await ingestBatch(db, source, events, { requestId });
    // Committed: this process's dispatcher sends it on now (the others hear through NOTIFY).
    if (result.accepted > 0) wakeDispatcher();
    log.info('sync batch', {
      requestId,
      source: source.code,
      events: events.length,
      accepted: result.accepted,
      duplicates: result.duplicates,
      rejected: result.rejected.length,
      ms: Math.round(performance.now() - started),
    });
    return NextResponse.json(result);
  } catch (err) {
    log.error('sync batch failed', { requestId, source: source.code, err });
    return apiError('unavailable', 'The batch could not be stored and nothing of it was applied; send it again.', {
      headers: { 'Retry-After': '5' },
    });
  } finally {
    leave();
  }
}

function tooLarge() {
  return apiError('payload_too_large', `A request may be at most ${MAX_BODY_BYTES / 1024 / 1024} MiB; split the batch.`);
}

/** The body as text, or null once it passes the size limit (whatever Content-Length said). */
async function readLimited(request: Request): Promise<string | null> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
