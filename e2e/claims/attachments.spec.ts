import { createHash, randomUUID } from 'node:crypto';
import { request as http, expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { DEMO_USERS, PASSWORD, signIn, type DemoUser } from '../fixtures/users';

// Issue 6: claim photos through the real upload route and back through GET /api/v1/attachments/{id}:
// photos made by the phone's own browser, files that are not photos (whatever their name), empty
// and oversize files refused with words a person can act on, and another dealer's claim and files
// exactly as missing as unknown ones.

const MIB = 1024 * 1024;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A request context signed in with the contract's credentials flow. */
async function signedIn(baseURL: string | undefined, user: DemoUser): Promise<APIRequestContext> {
  const api = await http.newContext({ baseURL });
  const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await api.post('/api/auth/callback/credentials', { form: { csrfToken, email: DEMO_USERS[user].email, password: PASSWORD, json: 'true' } });
  expect(response.ok()).toBeTruthy();
  return api;
}

/**
 * Claims of this run's own, filed on one of the dealer's delivered orders: other specs move the
 * demo claims (one closed meanwhile takes no more photos).
 */
async function fileClaims(api: APIRequestContext, count: number): Promise<string[]> {
  const orders = (await (await api.get('/api/v1/orders?status=delivered&limit=1')).json()) as { items: { number: string }[] };
  const orderNumber = orders.items[0]!.number;
  const numbers: string[] = [];
  for (let i = 0; i < count; i++) {
    const filed = await api.post('/api/v1/claims', {
      data: { orderNumber, category: 'defect', description: `Photos test ${Date.now()}-${i}: the sash seal is torn.` },
      headers: { 'Idempotency-Key': randomUUID() },
    });
    expect(filed.status(), await filed.text()).toBe(201);
    numbers.push(((await filed.json()) as { number: string }).number);
  }
  return numbers;
}

async function expectError(response: APIResponse, status: number, code: string) {
  expect(response.status(), `${response.url()}: ${await response.text()}`).toBe(status);
  const body = (await response.json()) as { error: { code: string; message: string; details?: Record<string, string> } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(10);
  return body.error;
}

type Uploaded = { id: string; fileName: string; mimeType: string; sizeBytes: number; widthPx: number | null; heightPx: number | null; url: string; messageId: number | null };

test.describe('claim photos', () => {
  let dealer: APIRequestContext;
  let dealer2: APIRequestContext;
  let desk: APIRequestContext;
  let claims: string[];
  let foreignClaim: string;

  test.beforeAll(async ({ baseURL }) => {
    [dealer, dealer2, desk] = await Promise.all([signedIn(baseURL, 'dealer'), signedIn(baseURL, 'dealer2'), signedIn(baseURL, 'claims')]);
    claims = await fileClaims(dealer, 2);
    foreignClaim = (await fileClaims(dealer2, 1))[0]!;
    expect(claims).not.toContain(foreignClaim);
  });
  test.afterAll(async () => {
    await Promise.all([dealer?.dispose(), dealer2?.dispose(), desk?.dispose()]);
  });

  test('a dealer sends photos taken on the phone and opens them again', async ({ page }) => {
    await signIn(page, 'dealer');
    const claim = claims[0]!;
    // Two photos encoded by the phone's browser itself, sent as the portal's picker sends them.
    const answer = await page.evaluate(async (number) => {
      const canvas = document.createElement('canvas');
      canvas.width = 640;
      canvas.height = 480;
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#3b82f6';
      context.fillRect(0, 0, 640, 480);
      context.fillStyle = '#f59e0b';
      context.fillRect(100, 100, 300, 200);
      const blob = (type: string) => new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), type, 0.8));
      const form = new FormData();
      form.append('file', new File([await blob('image/jpeg')], 'балкон.jpg', { type: 'image/jpeg' }));
      form.append('file', new File([await blob('image/webp')], 'IMG_0002.webp', { type: 'image/webp' }));
      const response = await fetch(`/api/v1/claims/${number}/attachments`, { method: 'POST', body: form });
      return { status: response.status, body: await response.json() };
    }, claim);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const uploaded = (answer.body as { attachments: Uploaded[] }).attachments;
    expect(uploaded.map((a) => [a.fileName, a.mimeType, a.widthPx, a.heightPx, a.messageId])).toEqual([
      ['балкон.jpg', 'image/jpeg', 640, 480, null],
      ['IMG_0002.webp', 'image/webp', 640, 480, null],
    ]);

    // Read back exactly, privately, with the content's hash as its ETag.
    const jpeg = uploaded[0]!;
    const file = await dealer.get(jpeg.url);
    expect(file.status()).toBe(200);
    const headers = file.headers();
    expect(headers['content-type']).toBe('image/jpeg');
    expect(headers['cache-control']).toContain('private');
    expect(headers['x-content-type-options']).toBe('nosniff');
    const body = await file.body();
    expect(body.length).toBe(jpeg.sizeBytes);
    expect(headers['etag']).toBe(`"${sha256(body)}"`);
    expect(headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('балкон.jpg')}`);
    const again = await dealer.get(jpeg.url, { headers: { 'If-None-Match': headers['etag']! } });
    expect(again.status()).toBe(304);

    // The phone shows it (the page's own session opens it).
    const shown = await page.evaluate(
      (url) =>
        new Promise<number>((resolve) => {
          const img = new Image();
          img.onload = () => resolve(img.naturalWidth);
          img.onerror = () => resolve(-1);
          img.src = url;
        }),
      uploaded[1]!.url,
    );
    expect(shown).toBe(640);

    // The claims desk opens it too; another dealer cannot tell it exists.
    expect((await desk.get(jpeg.url)).status()).toBe(200);
    const foreign = await expectError(await dealer2.get(jpeg.url), 404, 'not_found');
    const unknown = await expectError(await dealer2.get('/api/v1/attachments/00000000-0000-4000-8000-000000000000'), 404, 'not_found');
    expect(foreign).toEqual(unknown);
    await expectError(await page.context().request.get('/api/v1/attachments/not-an-id'), 404, 'not_found');
  });

  test('files that are not usable photos are refused with words to act on', async () => {
    const claim = claims[1] ?? claims[0]!;
    const url = `/api/v1/claims/${claim}/attachments`;
    const send = (name: string, mimeType: string, buffer: Buffer) => dealer.post(url, { multipart: { file: { name, mimeType, buffer } } });

    const renamed = await expectError(await send('photo.jpg', 'image/jpeg', Buffer.from('Це текст, а не фото: перейменований на photo.jpg\n')), 415, 'unsupported_media_type');
    expect(renamed.details).toEqual({ file: 'not_image', fileName: 'photo.jpg' });
    expect(renamed.message).toContain('not a JPEG, PNG, WebP or HEIC photo');

    const empty = await expectError(await send('IMG_0003.jpg', 'image/jpeg', Buffer.alloc(0)), 400, 'bad_request');
    expect(empty.details).toEqual({ file: 'empty', fileName: 'IMG_0003.jpg' });

    // A real JPEG header with 10 MiB of data behind it: over the limit by one byte.
    const big = Buffer.alloc(10 * MIB + 1);
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]).copy(big);
    const oversize = await expectError(await send('huge.jpg', 'image/jpeg', big), 413, 'payload_too_large');
    expect(oversize.details).toEqual({ file: 'too_large', fileName: 'huge.jpg' });
    expect(oversize.message).toContain('at most 10 MiB');

    const cut = await expectError(await send('cut.png', 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])), 400, 'bad_request');
    expect(cut.details?.file).toBe('damaged');

    await expectError(await dealer.post(url, { data: { file: 'x' } }), 415, 'unsupported_media_type');
    const none = await expectError(await dealer.post(url, { multipart: { note: 'no file' } }), 400, 'bad_request');
    expect(none.details).toEqual({ file: 'required' });
  });

  test('another dealer’s claim takes no photos and answers like an unknown one', async () => {
    const photo = { name: 'x.png', mimeType: 'image/png', buffer: pngHeader(10, 10) };
    const foreign = await expectError(await dealer.post(`/api/v1/claims/${foreignClaim}/attachments`, { multipart: { file: photo } }), 404, 'not_found');
    const unknown = await expectError(await dealer.post('/api/v1/claims/999999999/attachments', { multipart: { file: photo } }), 404, 'not_found');
    expect(foreign.message.replace(foreignClaim, '#')).toBe(unknown.message.replace('999999999', '#'));
    await expectError(await dealer.post('/api/v1/claims/not-a-number/attachments', { multipart: { file: photo } }), 404, 'not_found');

    const anonymous = await http.newContext({ baseURL: test.info().project.use.baseURL });
    await expectError(await anonymous.post(`/api/v1/claims/${claims[0]}/attachments`, { multipart: { file: photo } }), 401, 'unauthorized');
    await expectError(await anonymous.get('/api/v1/attachments/00000000-0000-4000-8000-000000000000'), 401, 'unauthorized');
    await anonymous.dispose();

    // The desk may add photos to any dealer's claim.
    const byDesk = await desk.post(`/api/v1/claims/${foreignClaim}/attachments`, { multipart: { file: photo } });
    expect(byDesk.status(), await byDesk.text()).toBe(201);
    const [stored] = ((await byDesk.json()) as { attachments: Uploaded[] }).attachments;
    expect(stored).toMatchObject({ mimeType: 'image/png', widthPx: 10, heightPx: 10 });
    expect((await dealer2.get(stored!.url)).status()).toBe(200);
    await expectError(await dealer.get(stored!.url), 404, 'not_found');
  });
});

/** The first bytes of a PNG: signature and IHDR (enough for the portal, which reads headers only). */
function pngHeader(width: number, height: number): Buffer {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'latin1');
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  b.set([8, 6, 0, 0, 0], 24);
  return b;
}
