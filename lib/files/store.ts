// Not 'server-only': the demo seed (server.ts and scripts/seed.ts, plain Node) stores the library's files.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { attachments } from '@/drizzle/schema';
import type { ATTACHMENT_OWNERS } from '@/drizzle/schema/values';
import type { DbOrTx, Tx } from '@/lib/db';
import { getEnv, type Env } from '@/lib/env';
import { log } from '@/lib/log';
import type { VerifiedPhoto } from './verify';

// Files on disk under DATA_DIR/files, addressed by the SHA-256 of their content (the same photo
// sent twice is stored once), each with its attachments row. Bytes reach this module only after
// verifyPhoto() took them: a refused file never touches the disk or the database.

export type AttachmentOwnerType = (typeof ATTACHMENT_OWNERS)[number];

/** Where the portal keeps files: DATA_DIR/files. */
export function filesRoot(env: Pick<Env, 'dataDir'> = getEnv()): string {
  return path.join(env.dataDir, 'files');
}

const STORAGE_KEY = /^[0-9a-f]{2}\/[0-9a-f]{64}$/;

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function storageKeyOf(sha256: string): string {
  return `${sha256.slice(0, 2)}/${sha256}`;
}

/** The absolute path of a storage key; null for anything that is not one (no way out of the root). */
function pathOf(root: string, storageKey: string): string | null {
  return STORAGE_KEY.test(storageKey) ? path.join(root, ...storageKey.split('/')) : null;
}

/**
 * The files one upload put on disk, so that they can be taken back when its transaction fails.
 * A file is removed only while no attachments row names it (the same photo may have arrived for
 * another claim meanwhile).
 */
export class FileWrites {
  readonly created: string[] = [];

  constructor(readonly root: string) {}

  async undo(db: DbOrTx): Promise<void> {
    for (const key of this.created.splice(0)) {
      try {
        const [used] = await db.select({ id: attachments.id }).from(attachments).where(eq(attachments.storageKey, key)).limit(1);
        const file = pathOf(this.root, key);
        if (!used && file) await fsp.rm(file, { force: true });
      } catch (err) {
        log.warn('an uploaded file could not be taken back', { storageKey: key, err });
      }
    }
  }
}

/** Puts the bytes at their content address (write to a temporary name, then rename). */
async function writeContent(writes: FileWrites, storageKey: string, bytes: Uint8Array): Promise<void> {
  const target = pathOf(writes.root, storageKey);
  if (!target) throw new Error(`Not a storage key: ${storageKey}`);
  try {
    await fsp.access(target);
    return;
  } catch {
    // Not there yet.
  }
  await fsp.mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await fsp.writeFile(temp, bytes, { flag: 'wx' });
    await fsp.rename(temp, target);
  } catch (err) {
    await fsp.rm(temp, { force: true });
    throw err;
  }
  writes.created.push(storageKey);
}

export type AttachmentOwnerRef = {
  ownerType: AttachmentOwnerType;
  ownerId: number;
  /** The dealer whose file it is; null for the factory's own (announcements, library). */
  dealerId: number | null;
  uploadedById: string;
};

/** `photo`: what verification found (a library document's type has no width or height unless it is an image). */
export type IncomingFile = { fileName: string; bytes: Uint8Array; photo: Pick<VerifiedPhoto, 'width' | 'height'> & { mime: string } };

export type StoredAttachment = {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  widthPx: number | null;
  heightPx: number | null;
  createdAt: Date;
};

/**
 * In the caller's transaction: writes each file under the root and inserts its attachments row.
 * When the transaction fails, the caller calls `writes.undo(db)` to take the new files back.
 */
export async function storeAttachments(tx: Tx, writes: FileWrites, owner: AttachmentOwnerRef, files: readonly IncomingFile[]): Promise<StoredAttachment[]> {
  if (files.length === 0) return [];
  const rows: (typeof attachments.$inferInsert)[] = [];
  for (const file of files) {
    const sha256 = sha256Of(file.bytes);
    const storageKey = storageKeyOf(sha256);
    await writeContent(writes, storageKey, file.bytes);
    rows.push({
      ...owner,
      fileName: file.fileName,
      mimeType: file.photo.mime,
      sizeBytes: file.bytes.length,
      sha256,
      storageKey,
      widthPx: file.photo.width,
      heightPx: file.photo.height,
    });
  }
  return tx.insert(attachments).values(rows).returning({
    id: attachments.id,
    fileName: attachments.fileName,
    mimeType: attachments.mimeType,
    sizeBytes: attachments.sizeBytes,
    sha256: attachments.sha256,
    widthPx: attachments.widthPx,
    heightPx: attachments.heightPx,
    createdAt: attachments.createdAt,
  });
}

/** A stored file as a web stream, with its size on disk; null when it is not there. */
export async function openStoredFile(root: string, storageKey: string): Promise<{ size: number; body: ReadableStream<Uint8Array> } | null> {
  const file = pathOf(root, storageKey);
  if (!file) return null;
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(file, fs.constants.O_RDONLY);
  } catch {
    return null;
  }
  try {
    const { size } = await handle.stat();
    // The stream closes the handle when it ends or when the reader goes away.
    return { size, body: Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array> };
  } catch (err) {
    await handle.close();
    throw err;
  }
}
