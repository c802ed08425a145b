import { REFUSALS, type Refusal } from '@/lib/files/limits';

// Sending prepared photos to POST /api/v1/claims/{number}/attachments one by one, so each has its
// own progress and a failure stops at the photo that failed (the ones before it are stored).
// XMLHttpRequest because fetch does not report upload progress.

export type UploadedAttachment = {
  id: string;
  messageId: number | null;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  widthPx: number | null;
  heightPx: number | null;
  createdAt: string;
  url: string;
};

export type UploadErrorCode = Refusal | 'network' | 'unauthorized' | 'forbidden' | 'not_found' | 'closed' | 'failed';

export class UploadError extends Error {
  constructor(
    readonly code: UploadErrorCode,
    /** The photo it stopped at (0-based) and how many were stored before it. */
    readonly index: number,
    readonly stored: UploadedAttachment[],
    readonly fileName: string,
    message: string,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

/** What an error answer of the upload route means for the person uploading. */
export function uploadErrorCode(status: number, body: unknown): UploadErrorCode {
  const error = (body as { error?: { code?: string; details?: { file?: string } } } | null)?.error;
  const refusal = error?.details?.file;
  if (refusal && (REFUSALS as readonly string[]).includes(refusal)) return refusal as Refusal;
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'closed';
  if (status === 413) return 'too_large';
  if (status === 415) return 'not_image';
  return 'failed';
}

type Answer = { status: number; body: unknown };

function send(url: string, form: FormData, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.response });
    xhr.onerror = () => reject(new Error('network'));
    xhr.onabort = () => reject(new DOMException('The upload was stopped', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

export type UploadOptions = {
  /** The message of the thread the photos go with (one's own); none: the claim itself. */
  messageId?: number | null;
  /** Progress of the whole batch, 0 to 1, and which photo is on its way. */
  onProgress?: (progress: { fraction: number; current: number; total: number }) => void;
  signal?: AbortSignal;
};

/** Uploads the photos in order; throws UploadError at the first one refused or lost. */
export async function uploadClaimPhotos(claimNumber: string, files: readonly File[], options: UploadOptions = {}): Promise<UploadedAttachment[]> {
  const url = `/api/v1/claims/${encodeURIComponent(claimNumber)}/attachments`;
  const stored: UploadedAttachment[] = [];
  const total = files.length;
  for (const [index, file] of files.entries()) {
    const form = new FormData();
    form.append('file', file, file.name);
    if (options.messageId) form.set('messageId', String(options.messageId));
    const report = (part: number) => options.onProgress?.({ fraction: (index + part) / total, current: index + 1, total });
    report(0);
    let answer: Answer;
    try {
      answer = await send(url, form, report, options.signal);
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') throw err;
      throw new UploadError('network', index, stored, file.name, 'The connection was lost while sending the photo');
    }
    if (answer.status !== 201) {
      const message = (answer.body as { error?: { message?: string } } | null)?.error?.message ?? `The upload answered ${answer.status}`;
      throw new UploadError(uploadErrorCode(answer.status, answer.body), index, stored, file.name, message);
    }
    stored.push(...((answer.body as { attachments: UploadedAttachment[] }).attachments ?? []));
    report(1);
  }
  return stored;
}
