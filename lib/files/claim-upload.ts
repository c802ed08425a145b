import 'server-only';
import { and, count, eq, inArray } from 'drizzle-orm';
import { attachments, auditLog, claimMessages, claims, claimUploads } from '@/drizzle/schema';
import type { Actor } from '@/lib/auth/actor';
import { claimScopeCondition, claimViewerOf, type ClaimViewer } from '@/lib/claims/detail';
import { idempotencyKeySchema, isClaimNumber } from '@/lib/claims/schemas';
import type { Db, DbOrTx, Tx } from '@/lib/db';
import type { ApiErrorCode } from '@/lib/http/errors';
import { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_OWNER, MIB, type Refusal } from './limits';
import { FileWrites, sha256Of, storeAttachments, type IncomingFile, type StoredAttachment } from './store';
import { checkPhotoSize, cleanFileName, FileRefusedError, verifyPhoto } from './verify';

// Photos for a claim, or for one message of its thread: by the claim's dealer's users and by the
// claims desk and factory staff. Someone else's claim, or a message the uploader cannot see, is
// answered as missing. All or nothing: every file is checked before any is stored, and the count
// limit is checked with the claim locked, so two uploads at once cannot both squeeze under it.
// With an Idempotency-Key, the same key from the same user answers the attachments its first
// upload stored (claim_uploads), so an offline outbox that sends again never stores twice.
// The answers' words are the API's (English, for integrators); the picker translates the codes.

export type UploadRefusal = { ok: false; code: ApiErrorCode; message: string; details?: Record<string, string> };
/** `replayed`: the key's earlier upload answered again, nothing stored now. */
export type UploadOutcome = { ok: true; messageId: number | null; attachments: StoredAttachment[]; replayed: boolean } | UploadRefusal;

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

/** The optional Idempotency-Key header: null when absent, a refusal naming the header when malformed. */
export function readUploadKey(raw: string | null): { ok: true; key: string | null } | UploadRefusal {
  if (raw === null) return { ok: true, key: null };
  const key = idempotencyKeySchema.safeParse(raw);
  if (key.success) return { ok: true, key: key.data };
  return refuse('bad_request', 'The Idempotency-Key header is not valid; nothing was stored.', { 'Idempotency-Key': key.error.issues[0]?.message ?? 'invalid' });
}

/**
 * The upload this user sent earlier with this key, answered again when it was the same photos for
 * the same claim and message; a conflict when the key came with something else. Null: a new key.
 */
async function replayUpload(tx: Tx, actor: Actor, key: string, claim: { id: number; number: string }, messageId: number | null, files: readonly IncomingFile[]): Promise<UploadOutcome | null> {
  const [earlier] = await tx
    .select({ claimId: claimUploads.claimId, claimNumber: claims.number, messageId: claimUploads.messageId, attachmentIds: claimUploads.attachmentIds })
    .from(claimUploads)
    .innerJoin(claims, eq(claims.id, claimUploads.claimId))
    .where(and(eq(claimUploads.uploadedById, actor.userId), eq(claimUploads.idempotencyKey, key)))
    .limit(1);
  if (!earlier) return null;
  const rows = earlier.attachmentIds.length
    ? await tx
        .select({
          id: attachments.id,
          fileName: attachments.fileName,
          mimeType: attachments.mimeType,
          sizeBytes: attachments.sizeBytes,
          sha256: attachments.sha256,
          widthPx: attachments.widthPx,
          heightPx: attachments.heightPx,
          createdAt: attachments.createdAt,
        })
        .from(attachments)
        .where(inArray(attachments.id, earlier.attachmentIds))
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const stored = earlier.attachmentIds.flatMap((id) => byId.get(id) ?? []);
  const sameFiles = stored.map((a) => a.sha256).sort().join() === files.map((f) => sha256Of(f.bytes)).sort().join();
  if (earlier.claimId !== claim.id || earlier.messageId !== messageId || !sameFiles) {
    const where = earlier.messageId === null ? `claim ${earlier.claimNumber}` : `message ${earlier.messageId} of claim ${earlier.claimNumber}`;
    return refuse('conflict', `This Idempotency-Key was already used for other photos on ${where}; send a new key for a new upload. Nothing was stored.`, {
      conflict: 'idempotency_key_reused',
    });
  }
  return { ok: true, messageId, attachments: stored, replayed: true };
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

/**
 * Checks and stores an upload's photos on the claim `number` (or its message), with an audit row.
 * `idempotencyKey`: the request's Idempotency-Key header, if any (see replayUpload).
 */
export async function uploadClaimPhotos(db: Db, root: string, actor: Actor, number: string, form: FormData, idempotencyKey: string | null = null): Promise<UploadOutcome> {
  const viewer = claimViewerOf(actor);
  const key = readUploadKey(idempotencyKey);
  if (!key.ok) return key;
  const read = await readUploadForm(form);
  if ('ok' in read) return read;
  const { files, messageId } = read;
  const writes = new FileWrites(root);
  try {
    return await db.transaction(async (tx): Promise<UploadOutcome> => {
      const claim = await findClaim(tx, viewer, number, true);
      if (!claim) return claimNotFound(number);
      // Before the claim's rules: a resend answers what was stored even when the claim has moved on
      // (closed, or full of the very photos this upload added).
      if (key.key !== null) {
        const earlier = await replayUpload(tx, actor, key.key, claim, messageId, files);
        if (earlier) return earlier;
      }
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

      let upload: { id: number } | undefined;
      if (key.key !== null) {
        // The key is taken before any file is written: a request racing with the same key waits
        // here for this one's transaction, then answers what it stored.
        [upload] = await tx
          .insert(claimUploads)
          .values({ uploadedById: actor.userId, idempotencyKey: key.key, claimId: claim.id, messageId, attachmentIds: [] })
          .onConflictDoNothing({ target: [claimUploads.uploadedById, claimUploads.idempotencyKey] })
          .returning({ id: claimUploads.id });
        if (!upload) {
          const raced = await replayUpload(tx, actor, key.key, claim, messageId, files);
          if (!raced) throw new Error('An upload with this idempotency key conflicted but cannot be found');
          return raced;
        }
      }
      const stored = await storeAttachments(tx, writes, { ...owner, dealerId: claim.dealerId, uploadedById: actor.userId }, files);
      if (upload) await tx.update(claimUploads).set({ attachmentIds: stored.map((a) => a.id) }).where(eq(claimUploads.id, upload.id));
      await tx.update(claims).set({ updatedAt: new Date() }).where(eq(claims.id, claim.id));
      await tx.insert(auditLog).values({
        actorKind: 'user',
        actorId: actor.userId,
        action: 'claim.attachments_added',
        entityType: 'claim',
        entityId: claim.number,
        dealerId: claim.dealerId,
        data: { messageId, attachmentIds: stored.map((a) => a.id), idempotencyKey: key.key },
      });
      return { ok: true, messageId, attachments: stored, replayed: false };
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
