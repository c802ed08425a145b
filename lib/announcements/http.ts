import 'server-only';
import { NextResponse } from 'next/server';
import type { Actor } from '@/lib/auth/actor';
import { can, isDealerRole } from '@/lib/auth/permissions';
import { dealerScopeOf } from '@/lib/auth/scope';
import type { Db } from '@/lib/db';
import { isMultipart, readLimitedForm, UnreadableUploadError, UploadTooLargeError } from '@/lib/files/multipart';
import { filesRoot } from '@/lib/files/store';
import { apiError, type ApiErrorCode } from '@/lib/http/errors';
import { guardedApi, readJsonBody } from '@/lib/http/json-api';
import { renderMarkdown } from '@/lib/markdown/render';
import { wakeDispatcher } from '@/lib/realtime/registry';
import { announcementUploadTooLarge, MAX_ANNOUNCEMENT_UPLOAD_BYTES, uploadAnnouncementFiles } from './files';
import { getAnnouncementForFactory, isInlineImage, listAnnouncementFiles, listNewsForDealer, listPublishedAnnouncements, searchAudienceDealers } from './queries';
import { BODY_MAX_LENGTH, FIELD_ERROR_TEXT } from './schemas';
import { createAnnouncement, markAnnouncementRead, type AnnouncementFailure, type PublishChoice } from './write';

// The client API for announcements (CONTRACT.md section 4), apart from the route files so
// integration tests drive it with real Requests against a real database.

/** Room for a body at its limit in JSON (escapes included); more is not an announcement. */
const MAX_JSON_BYTES = BODY_MAX_LENGTH * 6 + 64 * 1024;
const NO_STORE = { 'Cache-Control': 'private, no-store' };
const CODE_OF: Record<AnnouncementFailure['error'], ApiErrorCode> = { invalid: 'bad_request', forbidden: 'forbidden', not_found: 'not_found', conflict: 'conflict' };

function failed(failure: AnnouncementFailure): NextResponse {
  const details: Record<string, unknown> = {};
  for (const [field, key] of Object.entries(failure.fields ?? {})) details[field] = FIELD_ERROR_TEXT[key] ?? key;
  if (failure.unknown?.length) details.unknown = failure.unknown;
  return apiError(CODE_OF[failure.error], failure.message, Object.keys(details).length ? { details } : {});
}

const readJson = (request: Request) => readJsonBody(request, MAX_JSON_BYTES);

/** Runs a handler: 401 without a session, 403 for a forbidden role, 500 (logged) for anything unexpected. */
const guarded = (actor: Actor | null, context: Record<string, unknown>, work: (actor: Actor) => Promise<Response>) =>
  guardedApi(actor, context, { forbidden: 'This role may not use announcements this way.', failure: 'announcements API failed' }, work);

/** GET /api/v1/announcements?limit=: a dealer's user what his dealer's audience may see; factory staff every published one. */
export function handleListAnnouncements(request: Request, db: Db, actor: Actor | null): Promise<Response> {
  return guarded(actor, { route: 'GET /api/v1/announcements' }, async (me) => {
    const raw = new URL(request.url).searchParams.get('limit');
    const limit = raw === null || raw === '' ? 50 : Number(raw);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) return apiError('bad_request', 'limit is a whole number from 1 to 200.', { details: { limit: 'limit is a whole number from 1 to 200.' } });
    if (isDealerRole(me.role) && can(me, 'announcements.read')) {
      const { items } = await listNewsForDealer(db, dealerScopeOf(me), { limit });
      return NextResponse.json(
        { items: items.map((i) => ({ id: i.id, title: i.title, publishedAt: i.publishedAt.toISOString(), pinned: i.pinned, read: i.read })) },
        { headers: NO_STORE },
      );
    }
    if (!can(me, 'announcements.publish')) return apiError('forbidden', 'This role has no announcements.');
    const rows = await listPublishedAnnouncements(db, me, limit);
    return NextResponse.json({ items: rows.map((r) => ({ id: r.id, title: r.title, publishedAt: r.publishedAt.toISOString(), pinned: r.pinned, read: false })) }, { headers: NO_STORE });
  });
}

/** What the API takes beside the contract's fields: `draft: true` keeps it unpublished, `publishAt` schedules it. */
function choiceOf(body: unknown): PublishChoice | { error: string } {
  const b = (body ?? {}) as Record<string, unknown>;
  if (b.draft !== undefined && typeof b.draft !== 'boolean') return { error: 'draft is true or false.' };
  if (b.publishAt !== undefined && b.publishAt !== null) {
    if (typeof b.publishAt !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(b.publishAt) || Number.isNaN(Date.parse(b.publishAt))) {
      return { error: 'publishAt is an RFC 3339 time with its offset, e.g. 2026-12-01T09:00:00+02:00.' };
    }
    return { mode: 'schedule', at: new Date(b.publishAt) };
  }
  return { mode: b.draft === true ? 'draft' : 'now' };
}

/** POST /api/v1/announcements: factory roles; published at once unless `draft` or `publishAt` says otherwise. */
export function handleCreateAnnouncement(request: Request, db: Db, actor: Actor | null): Promise<Response> {
  return guarded(actor, { route: 'POST /api/v1/announcements' }, async (me) => {
    if (!can(me, 'announcements.publish')) return apiError('forbidden', 'Only the factory’s managers publish announcements.');
    const read = await readJson(request);
    if (!read.ok) return read.response;
    if (read.body === null || typeof read.body !== 'object' || Array.isArray(read.body)) {
      return apiError('bad_request', 'The body is a JSON object: { title, body, audience, pinned? }.');
    }
    const choice = choiceOf(read.body);
    if ('error' in choice) {
      const field = choice.error.startsWith('draft') ? 'draft' : 'publishAt';
      return apiError('bad_request', choice.error, { details: { [field]: choice.error } });
    }
    const { title, body, audience, pinned } = read.body as Record<string, unknown>;
    const result = await createAnnouncement(db, me, { title, body, audience, pinned }, choice);
    if (!result.ok) return failed(result);
    if (result.published) wakeDispatcher();
    const created = await getAnnouncementForFactory(db, me, result.id);
    if (!created) throw new Error(`Announcement ${result.id} vanished right after it was created`);
    return NextResponse.json(
      {
        id: created.id,
        title: created.title,
        status: created.status,
        pinned: created.pinned,
        audience:
          created.audienceKind === 'all'
            ? { all: true }
            : created.audienceKind === 'regions'
              ? { regions: created.regions }
              : { dealerCodes: created.dealers.map((d) => d.code) },
        publishAt: created.publishAt?.toISOString() ?? null,
        publishedAt: created.publishedAt?.toISOString() ?? null,
        createdAt: created.createdAt.toISOString(),
      },
      { status: 201, headers: { ...NO_STORE, Location: `/api/v1/announcements/${created.id}` } },
    );
  });
}

/** POST /api/v1/announcements/{id}/read: the dealer's user has opened it (again: no change). */
export function handleMarkRead(db: Db, actor: Actor | null, id: string): Promise<Response> {
  return guarded(actor, { route: 'POST /api/v1/announcements/{id}/read', id }, async (me) => {
    if (!isDealerRole(me.role) || !can(me, 'announcements.read')) return apiError('forbidden', 'Only dealers’ users mark announcements read.');
    const ok = await markAnnouncementRead(db, dealerScopeOf(me), id);
    if (!ok) return apiError('not_found', 'There is no such announcement among yours; check the link.');
    return NextResponse.json({ id: Number(id), read: true }, { headers: NO_STORE });
  });
}

/** POST /api/v1/announcements/preview: the factory's editor shows the text as dealers will see it. */
export function handlePreview(request: Request, db: Db, actor: Actor | null): Promise<Response> {
  return guarded(actor, { route: 'POST /api/v1/announcements/preview' }, async (me) => {
    if (!can(me, 'announcements.publish')) return apiError('forbidden', 'Only the factory’s managers write announcements.');
    const read = await readJson(request);
    if (!read.ok) return read.response;
    const { body, id } = (read.body ?? {}) as Record<string, unknown>;
    if (typeof body !== 'string') return apiError('bad_request', 'body is the Markdown text.', { details: { body: FIELD_ERROR_TEXT.bodyRequired } });
    if (body.length > BODY_MAX_LENGTH) return apiError('bad_request', FIELD_ERROR_TEXT.bodyTooLong!, { details: { body: FIELD_ERROR_TEXT.bodyTooLong } });
    const announcementId = typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : null;
    const files = announcementId ? await listAnnouncementFiles(db, announcementId) : [];
    const imageIds = new Set(files.filter((f) => isInlineImage(f.mimeType)).map((f) => f.id));
    return NextResponse.json({ html: renderMarkdown(body, { imageIds }) }, { headers: NO_STORE });
  });
}

/** GET /api/v1/announcements/dealers?q=: the audience picker's search by code or name. */
export function handleDealerSearch(request: Request, db: Db, actor: Actor | null): Promise<Response> {
  return guarded(actor, { route: 'GET /api/v1/announcements/dealers' }, async (me) => {
    if (!can(me, 'announcements.publish')) return apiError('forbidden', 'Only the factory’s managers choose audiences.');
    const q = new URL(request.url).searchParams.get('q') ?? '';
    return NextResponse.json({ items: await searchAudienceDealers(db, me, q, 20) }, { headers: NO_STORE });
  });
}

/** POST /api/v1/announcements/{id}/attachments: one picture or document (multipart, field "file"). */
export function handleUpload(request: Request, db: Db, actor: Actor | null, id: string): Promise<Response> {
  return guarded(actor, { route: 'POST /api/v1/announcements/{id}/attachments', id }, async (me) => {
    if (!can(me, 'announcements.publish')) return apiError('forbidden', 'Only the factory’s managers add files to announcements.');
    if (!isMultipart(request)) return apiError('unsupported_media_type', 'Send the file as multipart/form-data in the field "file".');
    let form: FormData;
    try {
      form = await readLimitedForm(request, MAX_ANNOUNCEMENT_UPLOAD_BYTES);
    } catch (err) {
      if (err instanceof UploadTooLargeError) {
        const refusal = announcementUploadTooLarge();
        return apiError(refusal.code, refusal.message, { details: refusal.details });
      }
      if (err instanceof UnreadableUploadError) return apiError('bad_request', 'The upload could not be read; send it again.');
      throw err;
    }
    const outcome = await uploadAnnouncementFiles(db, filesRoot(), me, id, form);
    if (!outcome.ok) return apiError(outcome.code, outcome.message, outcome.details ? { details: outcome.details } : {});
    return NextResponse.json(
      {
        attachments: outcome.attachments.map((a) => ({
          id: a.id,
          fileName: a.fileName,
          mimeType: a.mimeType,
          sizeBytes: a.sizeBytes,
          url: `/api/v1/attachments/${a.id}`,
          inline: isInlineImage(a.mimeType),
        })),
      },
      { status: 201, headers: NO_STORE },
    );
  });
}
