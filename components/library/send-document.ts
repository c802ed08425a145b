import { DOCUMENT_REFUSALS, MAX_DOCUMENT_BYTES, type DocumentRefusal } from '@/lib/files/limits';

// Sending a library document to POST /api/v1/library (new) or /api/v1/library/{id}/file (a new
// file), and what its answer means for the person uploading. The size is checked before sending:
// a file over the limit is not sent at all.

export type SendProblem =
  | { kind: 'file'; refusal: DocumentRefusal; fileName: string }
  | { kind: 'fields'; fields: Partial<Record<'title' | 'description' | 'category', string>> }
  | { kind: 'status'; code: 'unauthorized' | 'forbidden' | 'not_found' | 'network' | 'failed' | 'noFile' };

export type SendResult = { ok: true; id: number } | { ok: false; problem: SendProblem };

type ErrorBody = { error?: { details?: Record<string, string> } } | null;

export function problemOf(status: number, body: unknown, fileName: string): SendProblem {
  const details = (body as ErrorBody)?.error?.details ?? {};
  const refusal = details.file;
  if (refusal && (DOCUMENT_REFUSALS as readonly string[]).includes(refusal)) return { kind: 'file', refusal: refusal as DocumentRefusal, fileName: details.fileName ?? fileName };
  if (status === 413) return { kind: 'file', refusal: 'too_large', fileName };
  if (status === 415) return { kind: 'file', refusal: 'not_document', fileName };
  const fields = Object.fromEntries(Object.entries(details).filter(([key]) => key === 'title' || key === 'description' || key === 'category'));
  if (status === 400 && Object.keys(fields).length > 0) return { kind: 'fields', fields };
  if (status === 401) return { kind: 'status', code: 'unauthorized' };
  if (status === 403) return { kind: 'status', code: 'forbidden' };
  if (status === 404) return { kind: 'status', code: 'not_found' };
  return { kind: 'status', code: 'failed' };
}

export async function sendDocument(url: string, form: FormData, file: File): Promise<SendResult> {
  if (file.size === 0) return { ok: false, problem: { kind: 'file', refusal: 'empty', fileName: file.name } };
  if (file.size > MAX_DOCUMENT_BYTES) return { ok: false, problem: { kind: 'file', refusal: 'too_large', fileName: file.name } };
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', body: form, credentials: 'same-origin' });
  } catch {
    return { ok: false, problem: { kind: 'status', code: 'network' } };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, id: (body as { id: number }).id };
  return { ok: false, problem: problemOf(response.status, body, file.name) };
}

/** What the file input offers to choose (the server checks the content whatever is chosen). */
export const DOCUMENT_ACCEPT = '.pdf,.xlsx,.docx,.jpg,.jpeg,.png,application/pdf,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.openxmlformats-officedocument.wordprocessingml.document,image/jpeg,image/png';
