import { randomUUID } from 'node:crypto';
import { request as http, expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { DEMO_USERS, PASSWORD, type DemoUser } from '../fixtures/users';

// Issue 6: the client API for claims (contract section 4) over HTTP, as the dealer's offline
// client and the desk would use it: filing with an Idempotency-Key, the desk's workflow with a
// compensation, internal notes that never reach the dealer, another dealer's claim answered like
// a missing one, and every refusal in the one error shape.

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

async function signedIn(baseURL: string | undefined, user: DemoUser): Promise<APIRequestContext> {
  const api = await http.newContext({ baseURL });
  const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await api.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: DEMO_USERS[user].email, password: PASSWORD, json: 'true' },
  });
  expect(response.ok()).toBeTruthy();
  return api;
}

async function expectError(response: APIResponse, status: number, code: string) {
  expect(response.status(), `${response.url()}: ${await response.text()}`).toBe(status);
  const body = await response.json();
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error).toMatchObject({ code, message: expect.any(String) });
  return body as { error: { code: string; message: string; details?: Record<string, string> } };
}

type Claim = {
  number: string;
  status: string;
  orderNumber: string;
  itemPosition: number | null;
  messages: { id: number; body: string; internal: boolean }[];
  resolution: { kind: string; amount: string | null } | null;
  moves: string[];
  history: { from: string | null; to: string; at: string }[];
  sla?: unknown;
};

test.describe('client API v1: claims', () => {
  let dealer: APIRequestContext;
  let dealer2: APIRequestContext;
  let desk: APIRequestContext;
  let factory: APIRequestContext;
  let orderNumber: string;

  test.beforeAll(async ({ baseURL }) => {
    [dealer, dealer2, desk, factory] = await Promise.all([signedIn(baseURL, 'dealer'), signedIn(baseURL, 'dealer2'), signedIn(baseURL, 'claims'), signedIn(baseURL, 'factory')]);
    const orders = (await (await dealer.get('/api/v1/orders?status=delivered&limit=1')).json()) as { items: { number: string }[] };
    orderNumber = orders.items[0]!.number;
  });
  test.afterAll(async () => {
    await Promise.all([dealer?.dispose(), dealer2?.dispose(), desk?.dispose(), factory?.dispose()]);
  });

  const fileClaim = (api: APIRequestContext, data: object, key = randomUUID()) => api.post('/api/v1/claims', { data, headers: { 'Idempotency-Key': key } });

  test('a dealer files a claim once, however often the client retries', async () => {
    const key = randomUUID();
    const body = { orderNumber, itemPosition: 1, category: 'transit_damage', description: 'Тріщина на склопакеті після доставки', damageNotedOnDelivery: true };
    const first = await fileClaim(dealer, body, key);
    expect(first.status(), await first.text()).toBe(201);
    const claim = (await first.json()) as Claim;
    expect(claim).toMatchObject({ status: 'submitted', orderNumber, itemPosition: 1, moves: ['withdraw'] });
    expect(claim.history[0]).toMatchObject({ from: null, to: 'submitted', at: expect.stringMatching(ISO) });
    expect(claim).not.toHaveProperty('sla');

    const retries = await Promise.all([fileClaim(dealer, body, key), fileClaim(dealer, body, key)]);
    for (const retry of retries) {
      expect(retry.status()).toBe(201);
      expect(((await retry.json()) as Claim).number).toBe(claim.number);
    }
    const list = (await (await dealer.get('/api/v1/claims?limit=200')).json()) as { items: { number: string }[] };
    expect(list.items.filter((c) => c.number === claim.number)).toHaveLength(1);
    await expectError(await fileClaim(dealer, { ...body, description: 'Інше' }, key), 409, 'conflict');
  });

  test('refuses bad claims naming the field, and answers 401, 403 and 415', async ({ request }) => {
    await expectError(await request.get('/api/v1/claims'), 401, 'unauthorized');
    await expectError(await request.post('/api/v1/claims', { data: {} }), 401, 'unauthorized');
    const noKey = await expectError(await dealer.post('/api/v1/claims', { data: { orderNumber, category: 'defect', description: 'x' } }), 400, 'bad_request');
    expect(Object.keys(noKey.error.details ?? {})).toEqual(['Idempotency-Key']);
    const cases: [object, string][] = [
      [{ orderNumber, category: 'scratched', description: 'x' }, 'category'],
      [{ orderNumber, category: 'defect', description: '' }, 'description'],
      [{ orderNumber, category: 'defect', description: 'x', itemPosition: '1' }, 'itemPosition'],
      [{ orderNumber, category: 'defect', description: 'x', itemPosition: 999 }, 'itemPosition'],
      [{ orderNumber, category: 'transit_damage', description: 'x' }, 'damageNotedOnDelivery'],
      [{ orderNumber: 42, category: 'defect', description: 'x' }, 'orderNumber'],
    ];
    for (const [data, field] of cases) {
      const error = await expectError(await fileClaim(dealer, data), 400, 'bad_request');
      expect(Object.keys(error.error.details ?? {}), JSON.stringify(data)).toEqual([field]);
    }
    await expectError(await fileClaim(dealer, { orderNumber: 'ZZ-404404', category: 'defect', description: 'x' }), 404, 'not_found');
    const theirs = ((await (await dealer2.get('/api/v1/orders?status=delivered&limit=1')).json()) as { items: { number: string }[] }).items[0]!.number;
    await expectError(await fileClaim(dealer, { orderNumber: theirs, category: 'defect', description: 'x' }), 404, 'not_found');
    await expectError(await fileClaim(desk, { orderNumber, category: 'defect', description: 'x' }), 403, 'forbidden');
    await expectError(
      await dealer.post('/api/v1/claims', { data: 'orderNumber=1', headers: { 'Idempotency-Key': randomUUID(), 'Content-Type': 'application/x-www-form-urlencoded' } }),
      415,
      'unsupported_media_type',
    );
  });

  test('the desk takes a claim, asks, hears the answer and approves a compensation; internal notes stay on the desk', async () => {
    const filed = (await (await fileClaim(dealer, { orderNumber, itemPosition: 1, category: 'defect', description: 'Не закривається стулка' })).json()) as Claim;
    const n = filed.number;
    const move = (api: APIRequestContext, data: object) => api.post(`/api/v1/claims/${n}/transitions`, { data });

    await expectError(await move(dealer, { to: 'in_review' }), 403, 'forbidden');
    await expectError(await move(desk, { to: 'approved', resolution: { kind: 'refund' } }), 409, 'conflict');
    const taken = await move(desk, { to: 'in_review' });
    expect(taken.status(), await taken.text()).toBe(200);
    expect(((await taken.json()) as Claim).moves).toEqual(['request_info', 'approve', 'reject']);

    const note = await desk.post(`/api/v1/claims/${n}/messages`, { data: { body: 'Внутрішнє: та сама партія фурнітури, що й у 10007', internal: true } });
    expect(note.status()).toBe(201);
    await expectError(await dealer.post(`/api/v1/claims/${n}/messages`, { data: { body: 'x', internal: true } }), 403, 'forbidden');
    await expectError(await move(desk, { to: 'info_requested' }), 400, 'bad_request');
    expect((await move(desk, { to: 'info_requested', comment: 'Надішліть відео, як зачиняється стулка' })).status()).toBe(200);

    const waiting = (await (await dealer.get(`/api/v1/claims/${n}`)).json()) as Claim;
    expect(waiting.status).toBe('info_requested');
    expect(waiting.moves).toEqual(['answer', 'withdraw']);
    const answer = await dealer.post(`/api/v1/claims/${n}/messages`, { data: { body: 'Відео надіслали на пошту менеджера' } });
    expect(answer.status()).toBe(201);
    expect(await answer.json()).toMatchObject({ status: 'in_review', internal: false });

    const noAmount = await expectError(await move(desk, { to: 'approved', resolution: { kind: 'compensation' } }), 400, 'bad_request');
    expect(Object.keys(noAmount.error.details ?? {})).toEqual(['resolution.amount']);
    await expectError(await move(desk, { to: 'approved', resolution: { kind: 'compensation', amount: '12.345' } }), 400, 'bad_request');
    await expectError(await move(desk, { to: 'approved', resolution: { kind: 'compensation', amount: '-5.00' } }), 400, 'bad_request');
    const approved = await move(desk, { to: 'approved', comment: 'Компенсуємо регулювання', resolution: { kind: 'compensation', amount: '750.00' } });
    expect(approved.status(), await approved.text()).toBe(200);

    const seen = (await (await dealer.get(`/api/v1/claims/${n}`)).json()) as Claim;
    expect(seen).toMatchObject({ status: 'approved', resolution: { kind: 'compensation', amount: '750.00' } });
    // The desk's question and decision are in the thread the dealer reads; the note is not.
    expect(seen.messages.map((m) => m.body)).toEqual(['Надішліть відео, як зачиняється стулка', 'Відео надіслали на пошту менеджера', 'Компенсуємо регулювання']);
    expect(JSON.stringify(seen)).not.toContain('Внутрішнє');
    const staffView = (await (await factory.get(`/api/v1/claims/${n}`)).json()) as Claim;
    expect(staffView.messages.map((m) => m.internal)).toEqual([true, false, false, false]);
    expect(staffView.sla).toBeTruthy();
    expect(seen.history.map((h) => h.to)).toEqual(['submitted', 'in_review', 'info_requested', 'in_review', 'approved']);
  });

  test('the dealer withdraws a claim not yet decided, with a reason', async () => {
    const filed = (await (await fileClaim(dealer, { orderNumber, category: 'other', description: 'Помилково' })).json()) as Claim;
    await expectError(await dealer.post(`/api/v1/claims/${filed.number}/withdraw`, { data: {} }), 400, 'bad_request');
    await expectError(await dealer.post(`/api/v1/claims/${filed.number}/appeal`, { data: { reason: 'Не згодні' } }), 409, 'conflict');
    const withdrawn = await dealer.post(`/api/v1/claims/${filed.number}/withdraw`, { data: { reason: 'Клієнт усе полагодив сам' } });
    expect(withdrawn.status()).toBe(200);
    expect(await withdrawn.json()).toMatchObject({ status: 'closed', moves: [] });
  });

  test('another dealer’s claim is answered exactly like a missing one on every route', async () => {
    const filed = (await (await fileClaim(dealer, { orderNumber, category: 'hardware', description: 'Ручка люфтить' })).json()) as Claim;
    for (const number of [filed.number, '99999999']) {
      const answers = [
        await dealer2.get(`/api/v1/claims/${number}`),
        await dealer2.post(`/api/v1/claims/${number}/messages`, { data: { body: 'Привіт' } }),
        await dealer2.post(`/api/v1/claims/${number}/withdraw`, { data: { reason: 'x' } }),
        await dealer2.post(`/api/v1/claims/${number}/appeal`, { data: { reason: 'x' } }),
      ];
      for (const answer of answers) {
        const { error } = await expectError(answer, 404, 'not_found');
        expect(error.message.replace(number, '#')).toBe('There is no claim # among the claims you may see; check the number.');
      }
    }
    await expectError(await dealer2.post(`/api/v1/claims/${filed.number}/transitions`, { data: { to: 'in_review' } }), 403, 'forbidden');
    const theirs = (await (await dealer2.get('/api/v1/claims?limit=200')).json()) as { items: { number: string }[] };
    expect(theirs.items.map((c) => c.number)).not.toContain(filed.number);
    // The claim is still untouched.
    expect(((await (await dealer.get(`/api/v1/claims/${filed.number}`)).json()) as Claim).status).toBe('submitted');
  });
});
