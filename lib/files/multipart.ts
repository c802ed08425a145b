// Reading an upload's multipart body with a ceiling: a declared Content-Length over it is refused
// before a byte is read, and a body that keeps coming (chunked, or a Content-Length that lied) is
// cut off as soon as it passes the ceiling, instead of being buffered whole.

export class UploadTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The upload is larger than ${limit} bytes`);
    this.name = 'UploadTooLargeError';
  }
}

export class UnreadableUploadError extends Error {
  constructor(cause?: unknown) {
    super('The upload could not be read as multipart/form-data', { cause });
    this.name = 'UnreadableUploadError';
  }
}

export function isMultipart(request: Request): boolean {
  return /^multipart\/form-data\s*;\s*boundary=/i.test(request.headers.get('content-type') ?? '');
}

/** The form of a multipart request of at most `limit` bytes. */
export async function readLimitedForm(request: Request, limit: number): Promise<FormData> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw new UploadTooLargeError(limit);
  if (!request.body) throw new UnreadableUploadError();
  let seen = 0;
  let tooLarge = false;
  const counted = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > limit) {
          tooLarge = true;
          controller.error(new UploadTooLargeError(limit));
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
  try {
    return await new Response(counted, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
  } catch (err) {
    if (tooLarge) throw new UploadTooLargeError(limit);
    throw new UnreadableUploadError(err);
  }
}
