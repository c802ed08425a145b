import { handleDocumentUpload } from '@/lib/library/api';
import { replaceLibraryDocumentFile } from '@/lib/library/write';

export const dynamic = 'force-dynamic';

/** POST /api/v1/library/{id}/file (factory staff): a new file for the document, multipart field "file". 200 { id, file }. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handleDocumentUpload(request, 'library file replacement', (db, root, actor, form) => replaceLibraryDocumentFile(db, root, actor, id, form), 200);
}
