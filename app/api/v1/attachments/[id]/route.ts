import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getAttachmentForActor } from '@/lib/files/access';
import { filesRoot, openStoredFile } from '@/lib/files/store';
import { apiError } from '@/lib/http/errors';
import { log } from '@/lib/log';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/attachments/{id}: the stored file, streamed from disk. Anyone who may not see it
 * (another dealer's, an internal note's) gets the same 404 as for an id that does not exist.
 * The browser keeps it privately and asks again each time (ETag = the content's SHA-256), so a
 * lost right to see it takes effect at once.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return apiError('unauthorized', 'Sign in first.');
  const { id } = await params;
  const file = await getAttachmentForActor(getDb(), actor, id);
  if (!file) return apiError('not_found', 'There is no such file among yours; check the link.');

  const etag = `"${file.sha256}"`;
  const cache = { ETag: etag, 'Cache-Control': 'private, no-cache' };
  const ifNoneMatch = request.headers.get('if-none-match');
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    return new Response(null, { status: 304, headers: cache });
  }

  const stored = await openStoredFile(filesRoot(), file.storageKey);
  if (!stored) {
    log.error('a stored file is missing on disk', { attachmentId: file.id, storageKey: file.storageKey });
    return apiError('not_found', 'This file is missing on the server; ask for it to be sent again.');
  }
  return new Response(stored.body, {
    headers: {
      ...cache,
      'Content-Type': file.mimeType,
      'Content-Length': String(stored.size),
      'Content-Disposition': `${file.disposition ?? 'inline'}; filename*=UTF-8''${rfc5987(file.fileName)}`,
      'X-Content-Type-Options': 'nosniff',
      // Shown as an image and nothing else, even if opened on its own.
      'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    },
  });
}

/** A file name as an RFC 5987 value: percent-encoded UTF-8, quotes and brackets included. */
function rfc5987(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
