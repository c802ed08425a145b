import { NextResponse } from 'next/server';
import { can } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { apiError, zodDetails } from '@/lib/http/errors';
import { handleDocumentUpload, libraryDocumentJson } from '@/lib/library/api';
import { listPublishedDocuments } from '@/lib/library/queries';
import { libraryListQuerySchema } from '@/lib/library/schemas';
import { createLibraryDocument } from '@/lib/library/write';

export const dynamic = 'force-dynamic';

/** GET /api/v1/library?q=&category=: the published documents, newest first (dealers and staff). */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return apiError('unauthorized', 'Sign in first.');
  if (!can(actor, 'library.read')) return apiError('forbidden', 'This role may not read the document library.');
  const parsed = libraryListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return apiError('bad_request', 'The library filter is not valid.', { details: zodDetails(parsed.error) });
  const documents = await listPublishedDocuments(getDb(), actor, parsed.data);
  return NextResponse.json({ items: documents.map(libraryDocumentJson) }, { headers: { 'Cache-Control': 'private, no-store' } });
}

/**
 * POST /api/v1/library (factory staff): a new document, multipart/form-data with the fields
 * title, description?, category, publish? and file (PDF, XLSX, DOCX, JPEG or PNG, checked by
 * content, at most 25 MiB). 201 { id, file }.
 */
export async function POST(request: Request) {
  return handleDocumentUpload(request, 'library upload', createLibraryDocument, 201);
}
