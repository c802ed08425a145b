import 'server-only';
import { and, count, eq } from 'drizzle-orm';
import { attachments, auditLog, claimMessages, claims } from '@/drizzle/schema';
import type { Actor } from '@/lib/auth/actor';
import { claimScopeCondition, claimViewerOf, type ClaimViewer } from '@/lib/claims/detail';
import { isClaimNumber } from '@/lib/claims/schemas';
import type { Db, DbOrTx } from '@/lib/db';
import type { ApiErrorCode } from '@/lib/http/errors';
import { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_OWNER, MIB, type Refusal } from './limits';
import { FileWrites, storeAttachments, type IncomingFile, type StoredAttachment } from './store';
import { checkPhotoSize, cleanFileName, FileRefusedError, verifyPhoto } from './verify';

// Photos for a claim, or for one message of its thread: by the claim's dealer's users and by the
// claims desk and factory staff. Someone else's claim, or a message the uploader cannot see, is
// answered as missing. All or nothing: every file is checked before any is stored, and the count
// limit is checked with the claim locked, so two uploads at once cannot both squeeze under it.
// The answers' words are the API's (English, for integrators); the picker translates the codes.

export type UploadRefusal = { ok: false; code: ApiErrorCode; message: string; details?: Record<string, string> };
export type UploadOutcome = { ok: true; messageId: number | null; attachments: StoredAttachment[] } | UploadRefusal;

const REFUSAL_CODE: Record<Refusal, ApiErrorCode> = {
  empty: 'bad_request',
  too_large: 'payload_too_large',
  not_image: 'unsupported_media_type',
  damaged: 'bad_request',
  too_many: 'bad_request',
};

const refuse = (code: ApiErrorCode, message: string, details?: Record<string, string>): UploadRefusal => ({ ok: false, code, message, ...(details ? { details } : {}) });
const claimNotFound = (number: string) => refuse('not_found', `There is no claim ${number.slice(0, 32)} among your claims; check the number.`);

async function findClaim(db: DbOrTx, viewer: ClaimViewer, number: string, lock: boolean) {
  if (!isClaimNumber(number)) return null;
  const query = db
    .select({ id: claims.id, number: claims.number, dealerId: claims.dealerId, status: claims.status })
    .from(claims)
    .where(and(eq(claims.number, number), claimScopeCondition(viewer)))
    .limit(1);
  const [claim] = lock ? await query.for('update') : await query;
  return claim ?? null;
}

/**
 * Whether this actor may add photos to the claim at all: asked before the upload's bytes are read,
 * so a stranger's upload is turned away without taking it in. Throws ForbiddenError for a role
 * that may not read claims.
 */
export async function claimAcceptsUploads(db: DbOrTx, actor: Actor, number: string): Promise<boolean> {
  return (await findClaim(db, claimViewerOf(actor), number, false)) !== null;
}

/** The files and the message of an upload's form, each file verified by its content. */
async function readUploadForm(form: FormData): Promise<{ files: IncomingFile[]; messageId: number | null } | UploadRefusal> {
  const values = form.getAll('file');
  if (values.length === 0 || values.some((v) => typeof v === 'string')) {
    return refuse('bad_request', 'Choose at least one photo and send it in the field "file".', { file: 'required' });
  }
  if (values.length > MAX_PHOTOS_PER_OWNER) {
    return refuse('bad_request', `Send at most ${MAX_PHOTOS_PER_OWNER} photos at once.`, { file: 'too_many' });
  }
  const rawMessageId = form.get('messageId');
  let messageId: number | null = null;
  if (rawMessageId !== null && rawMessageId !== '') {
    if (typeof rawMessageId !== 'string' || !/^[1-9]\d{0,14}$/.test(rawMessageId)) {
      return refuse('bad_request', 'messageId must be the number of a message of this claim.', { messageId: 'messageId must be a positive whole number' });
    }
    messageId = Number(rawMessageId);
  }
  const files: IncomingFile[] = [];
  for (const value of values as File[]) {
    const name = value.name || 'photo';
    try {
      // The declared type and name say nothing about the content: the bytes are checked.
      checkPhotoSize(value.size, name);
      const bytes = new Uint8Array(await value.arrayBuffer());
      const photo = verifyPhoto(bytes, name);
      files.push({ fileName: cleanFileName(name, photo.mime), bytes, photo });
    } catch (err) {
      if (!(err instanceof FileRefusedError)) throw err;
      return refuse(REFUSAL_CODE[err.code], `${err.message} Nothing was stored.`, { file: err.code, fileName: err.fileName });
    }
  }
  return { files, messageId };
}

/** Checks and stores an upload's photos on the claim `number` (or its message), with an audit row. */
export async function uploadClaimPhotos(db: Db, root: string, actor: Actor, number: string, form: FormData): Promise<UploadOutcome> {
  const viewer = claimViewerOf(actor);
  const read = await readUploadForm(form);
  if ('ok' in read) return read;
  const { files, messageId } = read;
  const writes = new FileWrites(root);
  try {
    return await db.transaction(async (tx): Promise<UploadOutcome> => {
      const claim = await findClaim(tx, viewer, number, true);
      if (!claim) return claimNotFound(number);
      if (claim.status === 'closed') return refuse('conflict', `Claim ${claim.number} is closed; photos can no longer be added.`);

      let owner: { ownerType: 'claim' | 'claim_message'; ownerId: number } = { ownerType: 'claim', ownerId: claim.id };
      if (messageId !== null) {
        const [message] = await tx
          .select({ id: claimMessages.id, authorId: claimMessages.authorId })
          .from(claimMessages)
          .where(
            and(
              eq(claimMessages.id, messageId),
              eq(claimMessages.claimId, claim.id),
              // An internal note does not exist for a dealer's user.
              viewer.kind === 'dealer' ? eq(claimMessages.internal, false) : undefined,
            ),
          )
          .limit(1);
        if (!message) return refuse('not_found', `Claim ${claim.number} has no message ${messageId}; check the message.`, { messageId: 'not found' });
        if (message.authorId !== actor.userId) return refuse('forbidden', 'Photos can be added only to your own message.');
        owner = { ownerType: 'claim_message', ownerId: message.id };
      }

      const [{ existing } = { existing: 0 }] = await tx
        .select({ existing: count() })
        .from(attachments)
        .where(and(eq(attachments.ownerType, owner.ownerType), eq(attachments.ownerId, owner.ownerId)));
      if (existing + files.length > MAX_PHOTOS_PER_OWNER) {
        const room = Math.max(0, MAX_PHOTOS_PER_OWNER - existing);
        return refuse(
          'bad_request',
          `At most ${MAX_PHOTOS_PER_OWNER} photos per ${messageId === null ? 'claim' : 'message'}: it has ${existing}, so ${room} more can be added. Nothing was stored.`,
          { file: 'too_many' },
        );
      }

      const stored = await storeAttachments(tx, writes, { ...owner, dealerId: claim.dealerId, uploadedById: actor.userId }, files);
      await tx.update(claims).set({ updatedAt: new Date() }).where(eq(claims.id, claim.id));
      await tx.insert(auditLog).values({
        actorKind: 'user',
        actorId: actor.userId,
        action: 'claim.attachments_added',
        entityType: 'claim',
        entityId: claim.number,
        dealerId: claim.dealerId,
        data: { messageId, attachmentIds: stored.map((a) => a.id) },
      });
      return { ok: true, messageId, attachments: stored };
    });
  } catch (err) {
    await writes.undo(db);
    throw err;
  }
}

/** The answer when the whole request is over the ceiling. */
export function uploadTooLarge(limit: number): UploadRefusal {
  return refuse('payload_too_large', `Send at most ${Math.floor(limit / MIB)} MiB at once (a photo may be at most ${MAX_PHOTO_BYTES / MIB} MiB); send the photos one by one.`, {
    file: 'too_large',
  });
}
