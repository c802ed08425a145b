import 'server-only';
import { can } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { MAX_DOCUMENT_REQUEST_BYTES } from '@/lib/files/limits';
import { isMultipart, readLimitedForm, UploadTooLargeError } from '@/lib/files/multipart';
import { filesRoot, type StoredAttachment } from '@/lib/files/store';
import { apiError } from '@/lib/http/errors';
import { log } from '@/lib/log';
import { attachmentUrl, type LibraryDocument } from './queries';
import { documentUploadTooLarge, type LibraryOutcome } from './write';
import type { Db } from '@/lib/db';
import type { Actor } from '@/lib/auth/actor';

// The library's upload routes share this: sign-in and role first (a dealer's upload is turned away
// before its body is read), then the multipart body under its ceiling, then the domain function.

export function storedFileJson(file: StoredAttachment) {
  return { id: file.id, fileName: file.fileName, mimeType: file.mimeType, sizeBytes: file.sizeBytes, url: attachmentUrl(file.id) };
}

export function libraryDocumentJson(document: LibraryDocument) {
  return {
    id: document.id,
    category: document.category,
    title: document.title,
    description: document.description,
    publishedAt: document.publishedAt?.toISOString() ?? null,
    updatedAt: document.updatedAt.toISOString(),
    file: document.file,
  };
}

export async function handleDocumentUpload(
  request: Request,
  what: string,
  run: (db: Db, root: string, actor: Actor, form: FormData) => Promise<LibraryOutcome>,
  status: 200 | 201,
): Promise<Response> {
  const actor = await getActor();
  if (!actor) return apiError('unauthorized', 'Sign in first.');
  if (!can(actor, 'library.manage')) return apiError('forbidden', 'Only factory staff may upload to the document library.');
  if (!isMultipart(request)) return apiError('unsupported_media_type', 'Send the document as multipart/form-data, the file in the field "file".');
  let form: FormData;
  try {
    form = await readLimitedForm(request, MAX_DOCUMENT_REQUEST_BYTES);
  } catch (err) {
    if (err instanceof UploadTooLargeError) {
      const refusal = documentUploadTooLarge();
      return apiError(refusal.code, refusal.message, { details: refusal.details });
    }
    return apiError('bad_request', 'The upload could not be read; choose the file again.');
  }
  try {
    const outcome = await run(getDb(), filesRoot(), actor, form);
    if (!outcome.ok) return apiError(outcome.code, outcome.message, { details: outcome.details });
    return Response.json({ id: outcome.id, file: outcome.file ? storedFileJson(outcome.file) : null }, { status, headers: { 'Cache-Control': 'no-store' } });
  } catch (err) {
    log.error(`${what} failed`, { userId: actor.userId, err });
    return apiError('unavailable', 'The document could not be stored; nothing was saved. Try again.');
  }
}
