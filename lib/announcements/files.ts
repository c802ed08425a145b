import 'server-only';
import { and, count, eq } from 'drizzle-orm';
import { announcements, attachments } from '@/drizzle/schema';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { recordAudit } from '@/lib/audit/record';
import type { Db } from '@/lib/db';
import type { ApiErrorCode } from '@/lib/http/errors';
import { MAX_DOCUMENT_BYTES, MIB } from '@/lib/files/limits';
import { FileWrites, storeAttachments, type IncomingFile, type StoredAttachment } from '@/lib/files/store';
import { checkDocumentSize, cleanDocumentName, cleanFileName, DocumentRefusedError, FileRefusedError, sniffPhotoType, verifyDocument, verifyPhoto } from '@/lib/files/verify';
import { announcementIdSchema } from './schemas';

// Pictures and files of an announcement, uploaded by the factory: pictures (JPEG, PNG, WebP) go
// into the text as ![](/api/v1/attachments/<id>), documents (PDF, XLSX, DOCX) are listed under it
// for download. Each file is judged by its content (lib/files/verify.ts) before anything is stored.

export const MAX_FILES_PER_ANNOUNCEMENT = 20;
/** One upload request: one file and the multipart overhead. */
export const MAX_ANNOUNCEMENT_UPLOAD_BYTES = MAX_DOCUMENT_BYTES + 64 * 1024;

export type AnnouncementUploadRefusal = { ok: false; code: ApiErrorCode; message: string; details?: Record<string, string> };
export type AnnouncementUploadOutcome = { ok: true; attachments: StoredAttachment[] } | AnnouncementUploadRefusal;

const refuse = (code: ApiErrorCode, message: string, details?: Record<string, string>): AnnouncementUploadRefusal => ({ ok: false, code, message, ...(details ? { details } : {}) });

const REFUSAL_CODE: Record<string, ApiErrorCode> = {
  empty: 'bad_request',
  too_large: 'payload_too_large',
  not_image: 'unsupported_media_type',
  not_document: 'unsupported_media_type',
  damaged: 'bad_request',
};

/** Verifies one file: a WebP picture by the photo rules, anything else by the library's document rules. */
function verifyOne(bytes: Uint8Array, name: string): IncomingFile {
  if (sniffPhotoType(bytes.subarray(0, 256)) === 'image/webp') {
    const photo = verifyPhoto(bytes, name);
    return { fileName: cleanFileName(name, photo.mime), bytes, photo };
  }
  const document = verifyDocument(bytes, name);
  return { fileName: cleanDocumentName(name, document.mime), bytes, photo: document };
}

/** Stores the form's files (field "file") on announcement `id`, with an audit row. */
export async function uploadAnnouncementFiles(db: Db, root: string, actor: Actor, idInput: unknown, form: FormData): Promise<AnnouncementUploadOutcome> {
  if (!can(actor, 'announcements.publish')) return refuse('forbidden', 'Only the factory’s managers add files to announcements.');
  const id = announcementIdSchema.safeParse(idInput);
  if (!id.success) return refuse('not_found', 'There is no such announcement; check the link.');
  const values = form.getAll('file');
  if (values.length === 0 || values.some((v) => typeof v === 'string')) {
    return refuse('bad_request', 'Choose a file and send it in the field "file".', { file: 'required' });
  }
  const files: IncomingFile[] = [];
  for (const value of values as File[]) {
    const name = value.name || 'file';
    try {
      checkDocumentSize(value.size, name);
      files.push(verifyOne(new Uint8Array(await value.arrayBuffer()), name));
    } catch (err) {
      if (err instanceof DocumentRefusedError || err instanceof FileRefusedError) {
        return refuse(REFUSAL_CODE[err.code] ?? 'bad_request', `${err.message} Nothing was stored.`, { file: err.code, fileName: err.fileName });
      }
      throw err;
    }
  }
  const writes = new FileWrites(root);
  try {
    return await db.transaction(async (tx): Promise<AnnouncementUploadOutcome> => {
      const [row] = await tx.select({ id: announcements.id }).from(announcements).where(eq(announcements.id, id.data)).for('update');
      if (!row) return refuse('not_found', 'There is no such announcement; check the link.');
      const [{ existing } = { existing: 0 }] = await tx
        .select({ existing: count() })
        .from(attachments)
        .where(and(eq(attachments.ownerType, 'announcement'), eq(attachments.ownerId, id.data)));
      if (existing + files.length > MAX_FILES_PER_ANNOUNCEMENT) {
        return refuse('bad_request', `An announcement may have at most ${MAX_FILES_PER_ANNOUNCEMENT} files; it has ${existing}. Remove one first.`, { file: 'too_many' });
      }
      const stored = await storeAttachments(tx, writes, { ownerType: 'announcement', ownerId: id.data, dealerId: null, uploadedById: actor.userId }, files);
      await tx.update(announcements).set({ updatedAt: new Date() }).where(eq(announcements.id, id.data));
      await recordAudit(tx, {
        actor: { kind: 'user', id: actor.userId },
        action: 'announcement.attachment_added',
        entityType: 'announcement',
        entityId: id.data,
        data: { attachments: stored.map((a) => ({ id: a.id, fileName: a.fileName, mimeType: a.mimeType })) },
      });
      return { ok: true, attachments: stored };
    });
  } catch (err) {
    await writes.undo(db);
    throw err;
  }
}

export function announcementUploadTooLarge(): AnnouncementUploadRefusal {
  return refuse('payload_too_large', `Send one file of at most ${MAX_DOCUMENT_BYTES / MIB} MiB at a time.`, { file: 'too_large' });
}
