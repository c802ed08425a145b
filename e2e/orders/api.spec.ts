import { request as http, expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { DEMO_USERS, PASSWORD, type DemoUser } from '../fixtures/users';

// Issue 4, point 6: the client API v1 for orders (contract section 4), signed in over HTTP as the
// offline cache would: errors in the one shape, 400 naming the field, another dealer's order
// answered exactly like an unknown one, the list for dealers only, money as decimal strings.

type ListBody = {
  items: { number: string; status: string; statusAt: string; total: string; currency: string; itemsCount: number; createdAt: string; plannedDelivery: string | null }[];
  nextCursor: string | null;
};

const MONEY = /^-?\d+\.\d{2}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A request context signed in with the contract's credentials flow. */
async function signedIn(baseURL: string | undefined, user: DemoUser): Promise<APIRequestContext> {
  const api = await http.newContext({ baseURL });
  const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await api.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: DEMO_USERS[user].email, password: PASSWORD, json: 'true' },
  });
  expect(response.ok()).toBeTruthy();
  const session = await (await api.get('/api/auth/session')).json();
  expect(session.user?.email).toBe(DEMO_USERS[user].email);
  return api;
}

/** The contract's error shape, and nothing else in it. */
async function expectError(response: APIResponse, status: number, code: string) {
  expect(response.status(), `${response.url()}: ${await response.text()}`).toBe(status);
  expect(response.headers()['content-type']).toContain('application/json');
  const body = await response.json();
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error).toMatchObject({ code, message: expect.any(String) });
  expect(body.error.message.length).toBeGreaterThan(5);
  return body as { error: { code: string; message: string; details?: Record<string, string> } };
}

test.describe('client API v1: orders', () => {
  let dealer: APIRequestContext;
  let dealer2: APIRequestContext;
  let factory: APIRequestContext;

  test.beforeAll(async ({ baseURL }) => {
    [dealer, dealer2, factory] = await Promise.all([
      signedIn(baseURL, 'dealer'),
      signedIn(baseURL, 'dealer2'),
      signedIn(baseURL, 'factory'),
    ]);
  });
  test.afterAll(async () => {
    await Promise.all([dealer?.dispose(), dealer2?.dispose(), factory?.dispose()]);
  });

  test('answers 401 in the error shape without a session', async ({ request }) => {
    for (const path of ['/api/v1/orders', '/api/v1/orders?status=teleported', '/api/v1/orders/26-000001']) {
      const body = await expectError(await request.get(path), 401, 'unauthorized');
      expect(body.error.details).toBeUndefined();
    }
  });

  test('answers 400 naming the field for bad filters', async () => {
    const cases: [string, string][] = [
      ['status=teleported', 'status'],
      ['limit=0', 'limit'],
      ['limit=1000', 'limit'],
      ['limit=abc', 'limit'],
      ['cursor=not-a-cursor', 'cursor'],
      // Well-formed base64url of a day that does not exist: refused, not a database error.
      [`cursor=${Buffer.from('2026-02-30T10:00:00.000Z|5').toString('base64url')}`, 'cursor'],
      ['from=2026-02-30', 'from'],
      ['to=31.03.2026', 'to'],
      [`q=${'x'.repeat(65)}`, 'q'],
    ];
    for (const [query, field] of cases) {
      const body = await expectError(await dealer.get(`/api/v1/orders?${query}`), 400, 'bad_request');
      expect(body.error.details, query).toEqual({ [field]: expect.stringContaining(field) });
    }
    const many = await expectError(await dealer.get('/api/v1/orders?status=x&limit=0&from=bad'), 400, 'bad_request');
    expect(Object.keys(many.error.details ?? {}).sort()).toEqual(['from', 'limit', 'status']);
  });

  test('gives the dealer his own orders, newest first, paged by limit and nextCursor', async () => {
    const first = await dealer.get('/api/v1/orders?limit=5');
    expect(first.status()).toBe(200);
    expect(first.headers()['cache-control']).toContain('no-store');
    const page1 = (await first.json()) as ListBody;
    expect(page1.items).toHaveLength(5);
    expect(page1.nextCursor).toEqual(expect.any(String));
    for (const order of page1.items) {
      expect(order).toMatchObject({ number: expect.any(String), currency: 'UAH', itemsCount: expect.any(Number) });
      expect(order.total).toMatch(MONEY);
      expect(order.createdAt).toMatch(ISO);
      expect(order.statusAt).toMatch(ISO);
    }

    const page2 = (await (await dealer.get(`/api/v1/orders?limit=5&cursor=${page1.nextCursor}`)).json()) as ListBody;
    expect(page2.items).toHaveLength(5);
    const numbers1 = page1.items.map((o) => o.number);
    expect(page2.items.every((o) => !numbers1.includes(o.number))).toBe(true);
    const all = [...page1.items, ...page2.items].map((o) => o.createdAt);
    expect(all).toEqual([...all].sort().reverse());

    // The two pages are the first ten of one longer page.
    const ten = (await (await dealer.get('/api/v1/orders?limit=10')).json()) as ListBody;
    expect(ten.items.map((o) => o.number)).toEqual([...numbers1, ...page2.items.map((o) => o.number)]);

    // Filters hold across pages.
    const shipped = (await (await dealer.get('/api/v1/orders?status=delivered&limit=2')).json()) as ListBody;
    expect(shipped.items.length).toBeGreaterThan(0);
    expect(shipped.items.every((o) => o.status === 'delivered')).toBe(true);
    if (shipped.nextCursor) {
      const next = (await (await dealer.get(`/api/v1/orders?status=delivered&limit=2&cursor=${shipped.nextCursor}`)).json()) as ListBody;
      expect(next.items.every((o) => o.status === 'delivered' && !shipped.items.some((s) => s.number === o.number))).toBe(true);
    }
  });

  test('answers another dealer’s order exactly like an unknown number', async () => {
    const theirs = ((await (await dealer2.get('/api/v1/orders?limit=1')).json()) as ListBody).items[0]!.number;
    const mine = ((await (await dealer.get('/api/v1/orders?limit=100')).json()) as ListBody).items.map((o) => o.number);
    expect(mine).not.toContain(theirs);
    expect((await dealer2.get(`/api/v1/orders/${encodeURIComponent(theirs)}`)).status()).toBe(200);

    const foreign = await expectError(await dealer.get(`/api/v1/orders/${encodeURIComponent(theirs)}`), 404, 'not_found');
    const unknown = 'ZZ-404404';
    const missing = await expectError(await dealer.get(`/api/v1/orders/${unknown}`), 404, 'not_found');
    // Same body but for the number the caller typed himself.
    expect(foreign.error.message.replace(theirs, '#')).toBe(missing.error.message.replace(unknown, '#'));
    expect(foreign).toEqual({ error: { code: 'not_found', message: foreign.error.message } });

    // Nor through a search.
    const searched = (await (await dealer.get(`/api/v1/orders?q=${encodeURIComponent(theirs)}`)).json()) as ListBody;
    expect(searched.items).toEqual([]);
  });

  test('answers garbage order numbers with 404, never a 500', async () => {
    for (const number of ['%25', '%25zz', 'x'.repeat(200), '%E2%80%A8', "'%20or%201=1"]) {
      await expectError(await dealer.get(`/api/v1/orders/${number}`), 404, 'not_found');
    }
  });

  test('gives the dealer the order with its items, history and money as decimal strings', async () => {
    const list = (await (await dealer.get('/api/v1/orders?limit=100')).json()) as ListBody;
    const withItems = list.items.find((o) => o.itemsCount > 0)!;
    const response = await dealer.get(`/api/v1/orders/${encodeURIComponent(withItems.number)}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toContain('no-store');
    const order = await response.json();
    expect(order).toMatchObject({ number: withItems.number, dealerCode: 'D-1001', status: withItems.status, currency: 'UAH', total: withItems.total });
    expect(order.total).toMatch(MONEY);
    expect(order.itemsSum).toMatch(MONEY);
    expect(order.items, JSON.stringify(withItems)).toHaveLength(withItems.itemsCount);
    for (const item of order.items) {
      expect(item.price).toMatch(MONEY);
      expect(item.lineTotal).toMatch(MONEY);
      expect(item.id).toBeUndefined();
    }
    const cents = order.items.reduce((sum: bigint, item: { lineTotal: string }) => sum + BigInt(item.lineTotal.replace('.', '')), 0n);
    expect(BigInt(order.itemsSum.replace('.', ''))).toBe(cents);
    expect(order.history.every((h: { status: string; at: string }) => typeof h.status === 'string' && ISO.test(h.at))).toBe(true);
    if (order.shipment) expect(Object.keys(order.shipment).sort()).toEqual(['driverName', 'driverPhone', 'number', 'plannedDate', 'status', 'vehicle']);

    // The list counts each order's own constructions.
    for (const row of list.items.slice(0, 6)) {
      const detail = await (await dealer.get(`/api/v1/orders/${encodeURIComponent(row.number)}`)).json();
      expect(detail.items.length, row.number).toBe(row.itemsCount);
    }
  });

  test('sends factory staff to look orders up by number: the list is 403 with a hint, the order 200 with its dealer', async () => {
    const body = await expectError(await factory.get('/api/v1/orders'), 403, 'forbidden');
    expect(body.error.message).toContain('/api/v1/orders/{number}');

    const theirs = ((await (await dealer2.get('/api/v1/orders?limit=1')).json()) as ListBody).items[0]!;
    const response = await factory.get(`/api/v1/orders/${encodeURIComponent(theirs.number)}`);
    expect(response.status()).toBe(200);
    const order = await response.json();
    expect(order).toMatchObject({ number: theirs.number, dealerCode: 'D-1002', dealerName: expect.any(String), total: theirs.total });
    expect(order.total).toMatch(MONEY);
    await expectError(await factory.get('/api/v1/orders/ZZ-404404'), 404, 'not_found');
  });
});
