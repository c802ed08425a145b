import { randomUUID } from 'node:crypto';
import { request as http, expect, test, type APIRequestContext } from '@playwright/test';
import { jpeg } from '../../lib/files/test-photos';
import { DEMO_USERS, PASSWORD, type DemoUser } from '../fixtures/users';

// The offline outbox sends a message or photos again when it never saw the answer: through the
// real routes, the same Idempotency-Key answers what was stored (marked Idempotent-Replayed),
// a key reused for something else is a 409, a malformed one a 400 naming the header.

async function signedIn(baseURL: string | undefined, user: DemoUser): Promise<APIRequestContext> {
  const api = await http.newContext({ baseURL });
  const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await api.post('/api/auth/callback/credentials', { form: { csrfToken, email: DEMO_USERS[user].email, password: PASSWORD, json: 'true' } });
  expect(response.ok()).toBeTruthy();
  return api;
}

test.describe('writes sent again with an Idempotency-Key', () => {
  let dealer: APIRequestContext;
  let dealer2: APIRequestContext;
  let claim: string;

  test.beforeAll(async ({ baseURL }) => {
    [dealer, dealer2] = await Promise.all([signedIn(baseURL, 'dealer'), signedIn(baseURL, 'dealer2')]);
    const orders = (await (await dealer.get('/api/v1/orders?status=delivered&limit=1')).json()) as { items: { number: string }[] };
    const filed = await dealer.post('/api/v1/claims', {
      data: { orderNumber: orders.items[0]!.number, category: 'defect', description: `Resend test ${Date.now()}: the handle is loose.` },
      headers: { 'Idempotency-Key': randomUUID() },
    });
    expect(filed.status(), await filed.text()).toBe(201);
    claim = ((await filed.json()) as { number: string }).number;
  });
  test.afterAll(async () => {
    await Promise.all([dealer?.dispose(), dealer2?.dispose()]);
  });

  test('a message sent twice is stored once', async () => {
    const key: string = randomUUID();
    const send = (body: string, k = key, api = dealer) => api.post(`/api/v1/claims/${claim}/messages`, { data: { body }, headers: { 'Idempotency-Key': k } });
    const first = await send('Ручка хитається');
    expect(first.status(), await first.text()).toBe(201);
    expect(first.headers()['idempotent-replayed']).toBeUndefined();
    const again = await send('Ручка хитається');
    expect(again.status()).toBe(201);
    expect(again.headers()['idempotent-replayed']).toBe('true');
    expect(await again.json()).toEqual(await first.json());

    const reused = await send('Інший текст');
    expect(reused.status()).toBe(409);
    expect(((await reused.json()) as { error: { details: Record<string, string> } }).error.details).toEqual({ conflict: 'idempotency_key_reused' });
    const malformed = await send('Ручка хитається', 'bad key');
    expect(malformed.status()).toBe(400);
    expect(((await malformed.json()) as { error: { details: Record<string, string> } }).error.details).toHaveProperty(['Idempotency-Key']);
    expect((await send('Ручка хитається', key, dealer2)).status()).toBe(404);

    const detail = (await (await dealer.get(`/api/v1/claims/${claim}`)).json()) as { messages: { body: string }[] };
    expect(detail.messages.filter((m) => m.body === 'Ручка хитається')).toHaveLength(1);
  });

  test('photos sent twice are stored once', async () => {
    const key: string = randomUUID();
    const photo = Buffer.from(jpeg(1024 + (Date.now() % 1000), 768));
    const upload = (k: string, api = dealer) =>
      api.post(`/api/v1/claims/${claim}/attachments`, { multipart: { file: { name: 'resend.jpg', mimeType: 'image/jpeg', buffer: photo } }, headers: { 'Idempotency-Key': k } });
    const first = await upload(key);
    expect(first.status(), await first.text()).toBe(201);
    expect(first.headers()['idempotent-replayed']).toBeUndefined();
    const again = await upload(key);
    expect(again.status()).toBe(201);
    expect(again.headers()['idempotent-replayed']).toBe('true');
    expect(await again.json()).toEqual(await first.json());

    const malformed = await upload('short');
    expect(malformed.status()).toBe(400);
    expect(((await malformed.json()) as { error: { details: Record<string, string> } }).error.details).toHaveProperty(['Idempotency-Key']);
    expect((await upload(key, dealer2)).status()).toBe(404);

    const detail = (await (await dealer.get(`/api/v1/claims/${claim}`)).json()) as { attachments: { fileName: string }[] };
    expect(detail.attachments.filter((a) => a.fileName === 'resend.jpg')).toHaveLength(1);
  });
});
