import { NextResponse } from 'next/server';
import { can } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { apiError } from '@/lib/http/errors';
import { log } from '@/lib/log';
import { FileError, fileFingerprint, MAX_FILE_BYTES, readAccountingFile } from '@/lib/sync/accounting-file';
import { applyAccountingRows, previewAccountingRows } from '@/lib/sync/accounting-import';

export const dynamic = 'force-dynamic';

/**
 * The weekly accounting file: multipart field `file`; `?apply=1` applies it, otherwise the answer
 * is a preview (new, changed, unchanged, invalid rows) and nothing changes.
 */
export async function POST(request: Request) {
  const actor = await getActor();
  if (!actor) return apiError('unauthorized', 'Sign in first.');
  if (!can(actor, 'finance.import')) return apiError('forbidden', 'Only factory staff may import the accounting file.');
  if (!/^multipart\/form-data/i.test(request.headers.get('content-type') ?? '')) {
    return apiError('unsupported_media_type', 'Send the file as multipart/form-data in the field "file".');
  }
  if (Number(request.headers.get('content-length') ?? 0) > MAX_FILE_BYTES + 64 * 1024) {
    return apiError('payload_too_large', `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB.`);
  }
  let file: File | null;
  try {
    const form = await request.formData();
    const value = form.get('file');
    file = value instanceof File ? value : null;
  } catch {
    return apiError('bad_request', 'The upload could not be read; choose the file again.');
  }
  if (!file) return apiError('bad_request', 'Choose a CSV or XLSX file.', { details: { file: 'required' } });
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    const rows = await readAccountingFile(bytes);
    const db = getDb();
    if (new URL(request.url).searchParams.get('apply') === '1') {
      const result = await applyAccountingRows(db, actor, rows, fileFingerprint(bytes));
      log.info('accounting file applied', { userId: actor.userId, file: file.name, ...result.counts, accepted: result.accepted });
      return NextResponse.json(result);
    }
    return NextResponse.json(await previewAccountingRows(db, actor, rows));
  } catch (err) {
    if (err instanceof FileError) {
      return apiError(err.code === 'too_large' ? 'payload_too_large' : 'bad_request', err.message, { details: { file: err.code } });
    }
    log.error('accounting file failed', { userId: actor.userId, file: file.name, err });
    return apiError('unavailable', 'The file could not be processed; nothing was changed. Try again.');
  }
}
