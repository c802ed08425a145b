import { describe, expect, it } from 'vitest';
import { isMultipart, readLimitedForm, UnreadableUploadError, UploadTooLargeError } from './multipart';

async function multipartRequest(size: number, options: { declare?: boolean; chunked?: boolean } = {}) {
  const form = new FormData();
  form.append('file', new File([new Uint8Array(size)], 'a.jpg', { type: 'image/jpeg' }));
  form.append('messageId', '7');
  const encoded = new Response(form);
  const body = new Uint8Array(await encoded.arrayBuffer());
  const headers = new Headers({ 'content-type': encoded.headers.get('content-type')! });
  if (options.declare !== false) headers.set('content-length', String(body.length));
  // A body that arrives in pieces without a length, as a chunked upload does.
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < body.length; i += 4096) controller.enqueue(body.subarray(i, i + 4096));
      controller.close();
    },
  });
  return new Request('http://portal.test/api/v1/claims/1/attachments', { method: 'POST', headers, body: options.chunked ? stream : body, duplex: 'half' } as RequestInit);
}

describe('readLimitedForm', () => {
  it('reads a form under the ceiling', async () => {
    const form = await readLimitedForm(await multipartRequest(10_000), 20_000);
    expect((form.get('file') as File).size).toBe(10_000);
    expect(form.get('messageId')).toBe('7');
  });

  it('refuses a declared length over the ceiling before reading the body', async () => {
    const request = await multipartRequest(50_000);
    await expect(readLimitedForm(request, 20_000)).rejects.toBeInstanceOf(UploadTooLargeError);
    expect(request.bodyUsed).toBe(false);
  });

  it('cuts off a body without a length once it passes the ceiling', async () => {
    await expect(readLimitedForm(await multipartRequest(50_000, { declare: false, chunked: true }), 20_000)).rejects.toBeInstanceOf(UploadTooLargeError);
    const form = await readLimitedForm(await multipartRequest(5_000, { declare: false, chunked: true }), 20_000);
    expect((form.get('file') as File).size).toBe(5_000);
  });

  it('says so when the body is not a form at all', async () => {
    const request = new Request('http://portal.test/x', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=zzz' }, body: 'not a form' });
    await expect(readLimitedForm(request, 20_000)).rejects.toBeInstanceOf(UnreadableUploadError);
  });
});

describe('isMultipart', () => {
  it('wants multipart/form-data with its boundary', () => {
    const request = (type: string) => new Request('http://portal.test/x', { method: 'POST', headers: { 'content-type': type } });
    expect(isMultipart(request('multipart/form-data; boundary=----abc'))).toBe(true);
    expect(isMultipart(request('Multipart/Form-Data;boundary=x'))).toBe(true);
    expect(isMultipart(request('multipart/form-data'))).toBe(false);
    expect(isMultipart(request('application/json'))).toBe(false);
  });
});
