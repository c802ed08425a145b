import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { libraryDocuments } from '@/drizzle/schema';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { diffFields, recordAudit } from '@/lib/audit/record';
import type { Db, Tx } from '@/lib/db';
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_REQUEST_BYTES, MIB, type DocumentRefusal } from '@/lib/files/limits';
import { FileWrites, storeAttachments, type IncomingFile, type StoredAttachment } from '@/lib/files/store';
import { checkDocumentSize, cleanDocumentName, DocumentRefusedError, verifyDocument } from '@/lib/files/verify';
import type { ApiErrorCode } from '@/lib/http/errors';
import { log } from '@/lib/log';
import {
  createDocumentSchema,
  deleteDocumentSchema,
  documentIdSchema,
  fieldErrorsOf,
  publishDocumentSchema,
  updateDocumentSchema,
  type FieldErrors,
} from './schemas';

// The factory staff keep the library: upload a document (its file checked by content), change its
// title, description and category, publish and unpublish it, replace its file, delete it (it is
// unpublished and leaves the lists; the audit log keeps the record). Each use case: authorize →
// parse → one transaction with the change and its audit row. The answers' words are the API's
// (English, for integrators); the forms translate the codes and fields.

export type LibraryRefusal = { ok: false; code: ApiErrorCode; message: string; details?: FieldErrors & { fileName?: string } };
export type DocumentSaved = { ok: true; id: number; file: StoredAttachment | null; changed: boolean };
export type LibraryOutcome = DocumentSaved | LibraryRefusal;

const refuse = (code: ApiErrorCode, message: string, details?: LibraryRefusal['details']): LibraryRefusal => ({ ok: false, code, message, ...(details ? { details } : {}) });
const forbidden = () => refuse('forbidden', 'Only factory staff may change the document library.');
const notFound = (id: number) => refuse('not_found', `There is no library document ${id}; it may have been deleted. Reload the list.`);
const invalid = (fields: FieldErrors) => refuse('bad_request', 'Some fields are not valid; see details.', fields);

const REFUSAL_CODE: Record<DocumentRefusal, ApiErrorCode> = {
  empty: 'bad_request',
  too_large: 'payload_too_large',
  not_document: 'unsupported_media_type',
  damaged: 'bad_request',
};

function keeper(actor: Actor | null | undefined): actor is Actor {
  return !!actor && can(actor, 'library.manage');
}

const text = (form: FormData, name: string): string | undefined => {
  const value = form.get(name);
  return typeof value === 'string' ? value : undefined;
};

/** The one file of a form's field "file", checked by its content. */
async function readDocumentFile(form: FormData): Promise<IncomingFile | LibraryRefusal> {
  const values = form.getAll('file');
  const file = values[0];
  if (values.length !== 1 || typeof file === 'string' || !file) {
    return refuse('bad_request', 'Choose one file and send it in the field "file".', { file: 'required' });
  }
  const name = file.name || 'document';
  try {
    // The declared type and name say nothing about the content: the bytes are checked.
    checkDocumentSize(file.size, name);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const document = verifyDocument(bytes, name);
    return { fileName: cleanDocumentName(name, document.mime), bytes, photo: document };
  } catch (err) {
    if (!(err instanceof DocumentRefusedError)) throw err;
    return refuse(REFUSAL_CODE[err.code], `${err.message} Nothing was stored.`, { file: err.code, fileName: err.fileName });
  }
}

/** The document, locked for the change, unless it is deleted. */
async function lockDocument(tx: Tx, id: number) {
  const [row] = await tx
    .select({
      id: libraryDocuments.id,
      title: libraryDocuments.title,
      description: libraryDocuments.description,
      category: libraryDocuments.category,
      publishedAt: libraryDocuments.publishedAt,
      attachmentId: libraryDocuments.attachmentId,
    })
    .from(libraryDocuments)
    .where(and(eq(libraryDocuments.id, id), isNull(libraryDocuments.deletedAt)))
    .for('update');
  return row;
}

const fileFacts = (file: StoredAttachment) => ({ attachmentId: file.id, fileName: file.fileName, mimeType: file.mimeType, sizeBytes: file.sizeBytes });

/** Stores the files in a transaction, taking the new files off the disk again when it fails. */
async function withFiles<T>(db: Db, root: string, work: (tx: Tx, writes: FileWrites) => Promise<T>): Promise<T> {
  const writes = new FileWrites(root);
  try {
    return await db.transaction((tx) => work(tx, writes));
  } catch (err) {
    await writes.undo(db);
    throw err;
  }
}

/** A new document from an upload's form: fields title, description, category, publish and file. */
export async function createLibraryDocument(db: Db, root: string, actor: Actor | null, form: FormData): Promise<LibraryOutcome> {
  if (!keeper(actor)) return forbidden();
  const parsed = createDocumentSchema.safeParse({
    title: text(form, 'title'),
    description: text(form, 'description'),
    category: text(form, 'category'),
    publish: text(form, 'publish'),
  });
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const file = await readDocumentFile(form);
  if ('ok' in file) return file;
  const { title, description, category, publish } = parsed.data;
  const now = new Date();
  const outcome = await withFiles(db, root, async (tx, writes): Promise<DocumentSaved> => {
    const [document] = await tx
      .insert(libraryDocuments)
      .values({ title, description, category, publishedAt: publish ? now : null, createdById: actor.userId, createdAt: now, updatedAt: now })
      .returning({ id: libraryDocuments.id });
    if (!document) throw new Error('The library document was not inserted');
    const [stored] = await storeAttachments(tx, writes, { ownerType: 'library_document', ownerId: document.id, dealerId: null, uploadedById: actor.userId }, [file]);
    if (!stored) throw new Error('The library file was not stored');
    await tx.update(libraryDocuments).set({ attachmentId: stored.id }).where(eq(libraryDocuments.id, document.id));
    await recordAudit(tx, {
      actor: { kind: 'user', id: actor.userId },
      action: 'library_document.created',
      entityType: 'library_document',
      entityId: document.id,
      data: { title, category, published: publish, ...fileFacts(stored) },
    });
    return { ok: true, id: document.id, file: stored, changed: true };
  });
  log.info('library document uploaded', { userId: actor.userId, documentId: outcome.id, sizeBytes: file.bytes.length, published: publish });
  return outcome;
}

/** A new file for the document `id` (the old one stays with the audit record, for staff only). */
export async function replaceLibraryDocumentFile(db: Db, root: string, actor: Actor | null, id: unknown, form: FormData): Promise<LibraryOutcome> {
  if (!keeper(actor)) return forbidden();
  const parsedId = documentIdSchema.safeParse(id);
  if (!parsedId.success) return invalid({ id: parsedId.error.issues[0]?.message ?? 'not valid' });
  const file = await readDocumentFile(form);
  if ('ok' in file) return file;
  return withFiles(db, root, async (tx, writes): Promise<LibraryOutcome> => {
    const document = await lockDocument(tx, parsedId.data);
    if (!document) return notFound(parsedId.data);
    const [stored] = await storeAttachments(tx, writes, { ownerType: 'library_document', ownerId: document.id, dealerId: null, uploadedById: actor.userId }, [file]);
    if (!stored) throw new Error('The library file was not stored');
    await tx.update(libraryDocuments).set({ attachmentId: stored.id, updatedAt: new Date() }).where(eq(libraryDocuments.id, document.id));
    await recordAudit(tx, {
      actor: { kind: 'user', id: actor.userId },
      action: 'library_document.file_replaced',
      entityType: 'library_document',
      entityId: document.id,
      data: { previousAttachmentId: document.attachmentId, ...fileFacts(stored) },
    });
    return { ok: true, id: document.id, file: stored, changed: true };
  });
}

/** Title, description and category of a document: `{ id, title, description?, category }`. */
export async function updateLibraryDocument(db: Db, actor: Actor | null, input: unknown): Promise<LibraryOutcome> {
  if (!keeper(actor)) return forbidden();
  const parsed = updateDocumentSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const { id, ...after } = parsed.data;
  return db.transaction(async (tx): Promise<LibraryOutcome> => {
    const document = await lockDocument(tx, id);
    if (!document) return notFound(id);
    const changes = diffFields({ title: document.title, description: document.description, category: document.category }, after);
    if (Object.keys(changes).length === 0) return { ok: true, id, file: null, changed: false };
    await tx.update(libraryDocuments).set({ ...after, updatedAt: new Date() }).where(eq(libraryDocuments.id, id));
    await recordAudit(tx, { actor: { kind: 'user', id: actor.userId }, action: 'library_document.updated', entityType: 'library_document', entityId: id, data: { changes } });
    return { ok: true, id, file: null, changed: true };
  });
}

/** Publishes (`publish` on) or unpublishes a document: `{ id, publish }`. */
export async function publishLibraryDocument(db: Db, actor: Actor | null, input: unknown): Promise<LibraryOutcome> {
  if (!keeper(actor)) return forbidden();
  const parsed = publishDocumentSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const { id, publish } = parsed.data;
  return db.transaction(async (tx): Promise<LibraryOutcome> => {
    const document = await lockDocument(tx, id);
    if (!document) return notFound(id);
    if ((document.publishedAt !== null) === publish) return { ok: true, id, file: null, changed: false };
    const now = new Date();
    await tx.update(libraryDocuments).set({ publishedAt: publish ? now : null, updatedAt: now }).where(eq(libraryDocuments.id, id));
    await recordAudit(tx, {
      actor: { kind: 'user', id: actor.userId },
      action: publish ? 'library_document.published' : 'library_document.unpublished',
      entityType: 'library_document',
      entityId: id,
      data: { title: document.title },
    });
    return { ok: true, id, file: null, changed: true };
  });
}

/** Deletes a document: unpublished at once and gone from the lists; its record stays in the audit log. */
export async function deleteLibraryDocument(db: Db, actor: Actor | null, input: unknown): Promise<LibraryOutcome> {
  if (!keeper(actor)) return forbidden();
  const parsed = deleteDocumentSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const { id } = parsed.data;
  return db.transaction(async (tx): Promise<LibraryOutcome> => {
    const document = await lockDocument(tx, id);
    if (!document) return notFound(id);
    const now = new Date();
    await tx.update(libraryDocuments).set({ publishedAt: null, deletedAt: now, updatedAt: now }).where(eq(libraryDocuments.id, id));
    await recordAudit(tx, {
      actor: { kind: 'user', id: actor.userId },
      action: 'library_document.deleted',
      entityType: 'library_document',
      entityId: id,
      data: { title: document.title, category: document.category, wasPublished: document.publishedAt !== null, attachmentId: document.attachmentId },
    });
    return { ok: true, id, file: null, changed: true };
  });
}

/** The answer when the whole upload request is over the ceiling. */
export function documentUploadTooLarge(): LibraryRefusal {
  return refuse(
    'payload_too_large',
    `The upload is larger than ${Math.floor(MAX_DOCUMENT_REQUEST_BYTES / MIB)} MiB; a document may be at most ${MAX_DOCUMENT_BYTES / MIB} MiB. Split it, or save it smaller. Nothing was stored.`,
    { file: 'too_large' },
  );
}
