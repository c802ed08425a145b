import { NextResponse } from 'next/server';
import { can } from '@/lib/auth/permissions';
import { ForbiddenError } from '@/lib/auth/scope';
import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { claimAcceptsUploads, readUploadKey, uploadClaimPhotos, uploadTooLarge } from '@/lib/files/claim-upload';
import { MAX_UPLOAD_REQUEST_BYTES } from '@/lib/files/limits';
import { isMultipart, readLimitedForm, UploadTooLargeError } from '@/lib/files/multipart';
import { filesRoot } from '@/lib/files/store';
import { apiError } from '@/lib/http/errors';
import { log } from '@/lib/log';

export const dynamic = 'force-dynamic';

/**
 * POST /api/v1/claims/{number}/attachments: photos for a claim (multipart/form-data, field `file`
 * once or more, optional field `messageId` for one's own message of the thread). All or nothing:
 * when one file is refused, none is stored. 201 { attachments: [...] }. With the optional header
 * Idempotency-Key, a resend answers the attachments the first request stored (Idempotent-Replayed: true).
 */
export async function POST(request: Request, { params }: { params: Promise<{ number: string }> }) {
  const actor = await getActor();
  if (!actor) return apiError('unauthorized', 'Sign in first.');
  const forbidden = () => apiError('forbidden', 'This role may not add photos to claims.');
  if (!can(actor, 'claims.file') && !can(actor, 'claims.readAll')) return forbidden();
  const { number } = await params;
  const db = getDb();
  try {
    // Someone else's claim is turned away before its upload is read.
    if (!(await claimAcceptsUploads(db, actor, number))) {
      return apiError('not_found', `There is no claim ${number.slice(0, 32)} among your claims; check the number.`);
    }
  } catch (err) {
    if (err instanceof ForbiddenError) return forbidden();
    throw err;
  }
  if (!isMultipart(request)) return apiError('unsupported_media_type', 'Send the photos as multipart/form-data in the field "file".');
  // A malformed key is refused before the upload's bytes are read.
  const key = readUploadKey(request.headers.get('idempotency-key'));
  if (!key.ok) return apiError(key.code, key.message, { details: key.details });

  let form: FormData;
  try {
    form = await readLimitedForm(request, MAX_UPLOAD_REQUEST_BYTES);
  } catch (err) {
    if (err instanceof UploadTooLargeError) {
      const refusal = uploadTooLarge(MAX_UPLOAD_REQUEST_BYTES);
      return apiError(refusal.code, refusal.message, { details: refusal.details });
    }
    return apiError('bad_request', 'The upload could not be read; choose the photos again.');
  }

  try {
    const outcome = await uploadClaimPhotos(db, filesRoot(), actor, number, form, key.key);
    if (!outcome.ok) return apiError(outcome.code, outcome.message, { details: outcome.details });
    log.info(outcome.replayed ? 'claim photos answered again for their idempotency key' : 'claim photos stored', {
      userId: actor.userId,
      claim: number,
      messageId: outcome.messageId,
      count: outcome.attachments.length,
    });
    return NextResponse.json(
      {
        attachments: outcome.attachments.map((a) => ({
          id: a.id,
          messageId: outcome.messageId,
          fileName: a.fileName,
          mimeType: a.mimeType,
          sizeBytes: a.sizeBytes,
          widthPx: a.widthPx,
          heightPx: a.heightPx,
          createdAt: a.createdAt.toISOString(),
          url: `/api/v1/attachments/${a.id}`,
        })),
      },
      { status: 201, headers: { 'Cache-Control': 'no-store', ...(outcome.replayed ? { 'Idempotent-Replayed': 'true' } : {}) } },
    );
  } catch (err) {
    log.error('claim photos could not be stored', { userId: actor.userId, claim: number, err });
    return apiError('unavailable', 'The photos could not be stored; nothing was saved. Try again.');
  }
}
