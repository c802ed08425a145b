import 'server-only';
import { and, desc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { attachments, libraryDocuments, users } from '@/drizzle/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/assert';
import { containsPattern } from '@/lib/catalog/queries';
import type { DbOrTx } from '@/lib/db';
import { LIBRARY_CATEGORIES, type LibraryCategory } from './categories';
import type { LibraryFilter } from './filter';

// The document library: dealers (and every staff role) read the published documents; the factory
// staff who keep it see drafts and unpublished ones too. A deleted document is gone from both
// lists (the audit log keeps its record).

export type LibraryFile = { id: string; fileName: string; mimeType: string; sizeBytes: number; url: string };

export type LibraryDocument = {
  id: number;
  category: LibraryCategory;
  title: string;
  description: string | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** The current file (a document always has one; null only if it was lost). */
  file: LibraryFile | null;
};

export type StaffLibraryDocument = LibraryDocument & { createdByName: string | null };


export const attachmentUrl = (id: string) => `/api/v1/attachments/${id}`;

const columns = {
  id: libraryDocuments.id,
  category: libraryDocuments.category,
  title: libraryDocuments.title,
  description: libraryDocuments.description,
  publishedAt: libraryDocuments.publishedAt,
  createdAt: libraryDocuments.createdAt,
  updatedAt: libraryDocuments.updatedAt,
  fileId: attachments.id,
  fileName: attachments.fileName,
  mimeType: attachments.mimeType,
  sizeBytes: attachments.sizeBytes,
};

type Row = {
  id: number;
  category: string;
  title: string;
  description: string | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  fileId: string | null;
  fileName: string | null;
  mimeType: string | null;
  sizeBytes: number | null;
};

function toDocument(row: Row): LibraryDocument {
  return {
    id: row.id,
    // The column only ever gets a category of the list (the write path parses it); an unknown one reads as "other".
    category: (LIBRARY_CATEGORIES as readonly string[]).includes(row.category) ? (row.category as LibraryCategory) : 'other',
    title: row.title,
    description: row.description,
    publishedAt: row.publishedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    file:
      row.fileId && row.fileName && row.mimeType && row.sizeBytes !== null
        ? { id: row.fileId, fileName: row.fileName, mimeType: row.mimeType, sizeBytes: row.sizeBytes, url: attachmentUrl(row.fileId) }
        : null,
  };
}

function filterConditions(filter: LibraryFilter): SQL[] {
  const conditions: SQL[] = [];
  const q = filter.q?.trim().slice(0, 100);
  if (q) conditions.push(sql`${libraryDocuments.title} ilike ${containsPattern(q)}`);
  if (filter.category) conditions.push(eq(libraryDocuments.category, filter.category));
  return conditions;
}

/** The published documents, newest first, for anyone who reads the library. */
export async function listPublishedDocuments(db: DbOrTx, actor: Actor, filter: LibraryFilter = {}): Promise<LibraryDocument[]> {
  assertCan(actor, 'library.read');
  const rows = await db
    .select(columns)
    .from(libraryDocuments)
    .leftJoin(attachments, eq(attachments.id, libraryDocuments.attachmentId))
    .where(and(isNotNull(libraryDocuments.publishedAt), isNull(libraryDocuments.deletedAt), ...filterConditions(filter)))
    .orderBy(desc(libraryDocuments.publishedAt), desc(libraryDocuments.id))
    .limit(1000);
  return rows.map(toDocument);
}

/** Every document not deleted, drafts included, newest change first, for the staff who keep the library. */
export async function listDocumentsForStaff(db: DbOrTx, actor: Actor, filter: LibraryFilter = {}): Promise<StaffLibraryDocument[]> {
  assertCan(actor, 'library.manage');
  const rows = await db
    .select({ ...columns, createdByName: users.name })
    .from(libraryDocuments)
    .leftJoin(attachments, eq(attachments.id, libraryDocuments.attachmentId))
    .leftJoin(users, eq(users.id, libraryDocuments.createdById))
    .where(and(isNull(libraryDocuments.deletedAt), ...filterConditions(filter)))
    .orderBy(desc(libraryDocuments.updatedAt), desc(libraryDocuments.id))
    .limit(1000);
  return rows.map((row) => ({ ...toDocument(row), createdByName: row.createdByName }));
}

/** Documents by category, in the categories' fixed order; empty categories left out. */
export function groupByCategory<T extends LibraryDocument>(documents: readonly T[]): { category: LibraryCategory; documents: T[] }[] {
  return LIBRARY_CATEGORIES.map((category) => ({ category, documents: documents.filter((d) => d.category === category) })).filter((g) => g.documents.length > 0);
}
