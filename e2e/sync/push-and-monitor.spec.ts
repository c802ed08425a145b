import { expect, test } from '@playwright/test';
import { signIn } from '../fixtures/users';

const TOKEN = 'demo-production-token';
const run = Date.now().toString(36);

test('an order pushed by production reaches the dealer, and a bad event reaches the monitor', async ({ page, request }) => {
  const number = `E2E-${run}`;
  const now = new Date().toISOString();
  const response = await request.post('/api/sync/v1/events', {
    headers: { authorization: `Bearer ${TOKEN}` },
    data: {
      events: [
        {
          id: `e2e-order-${run}`,
          type: 'order.upserted',
          occurredAt: now,
          data: {
            number,
            dealerCode: 'D-1001',
            createdAt: now,
            currency: 'UAH',
            total: '15300.00',
            customerRef: 'Кравець, кв. 12',
            items: [{ position: 1, kind: 'window', name: 'Вікно', widthMm: 1300, heightMm: 1400, quantity: 1, price: '15300.00' }],
          },
        },
        { id: `e2e-status-${run}`, type: 'order.status', occurredAt: now, data: { number, status: 'in_production' } },
        { id: `e2e-bad-${run}`, type: 'order.status', occurredAt: now, data: { number, status: 'teleported' } },
      ],
    },
  });
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({ accepted: 2, duplicates: 0 });
  expect(body.rejected).toEqual([{ index: 2, id: `e2e-bad-${run}`, error: expect.stringContaining('status must be one of') }]);

  await signIn(page, 'dealer');
  const row = page.getByTestId('latest-orders').locator('li', { hasText: number });
  await expect(row).toBeVisible();
  await expect(row.locator('[data-status="in_production"]')).toBeVisible();
  await page.context().clearCookies();

  await signIn(page, 'factory');
  await page.goto('/factory/sync');
  const rejected = page.getByTestId('rejected-events').locator('li', { hasText: `e2e-bad-${run}` });
  await expect(rejected.getByTestId('rejection-reason')).toContainText('status must be one of');
  await rejected.getByRole('button', { name: 'Mark as handled' }).click();
  await expect(page.getByTestId('rejected-events').locator('li', { hasText: `e2e-bad-${run}` })).toHaveCount(0);
});

test('the sync API refuses a request without a valid token, and serves its OpenAPI document', async ({ request }) => {
  const refused = await request.post('/api/sync/v1/events', { headers: { authorization: 'Bearer wrong' }, data: { events: [] } });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error: { code: 'unauthorized' } });
  const doc = await request.get('/api/sync/v1/openapi.json');
  expect(doc.status()).toBe(200);
  expect(await doc.json()).toMatchObject({ openapi: '3.1.0' });
});

test('an administrator adds a source system, sees its token once, rotates and revokes it', async ({ page, request }) => {
  await signIn(page, 'admin');
  await page.goto('/factory/sync');
  await page.getByLabel('Code (e.g. warehouse)').fill(`wh${run}`.slice(0, 20));
  await page.getByLabel('Name', { exact: true }).fill('Warehouse system');
  await page.getByRole('button', { name: 'Add system' }).click();
  const token = (await page.getByTestId('new-token').textContent())?.trim() ?? '';
  expect(token.length).toBeGreaterThan(20);
  const accepted = await request.post('/api/sync/v1/events', {
    headers: { authorization: `Bearer ${token}` },
    data: { events: [{ id: `wh-${run}`, type: 'catalog.item', occurredAt: new Date().toISOString(), data: { partNumber: `WH-${run}`, name: 'Ручка віконна', unit: 'шт', retailPrice: '250.00', dealerPrice: '180.00', currency: 'UAH' } }] },
  });
  expect(await accepted.json()).toMatchObject({ accepted: 1 });
  await page.reload();
  await expect(page.getByTestId('new-token')).toHaveCount(0);

  // A new token replaces the old one at once.
  const row = page.locator('li', { hasText: `(wh${run}`.slice(0, 21) });
  await row.getByRole('button', { name: 'New token' }).click();
  const rotated = (await page.getByTestId('new-token').textContent())?.trim() ?? '';
  expect(rotated).not.toBe(token);
  const send = (bearer: string) =>
    request.post('/api/sync/v1/events', {
      headers: { authorization: `Bearer ${bearer}` },
      data: { events: [{ id: `wh-${run}-${bearer.slice(0, 6)}`, type: 'catalog.item', occurredAt: new Date().toISOString(), data: { partNumber: `WH-${run}`, name: 'Ручка віконна', unit: 'шт', retailPrice: '260.00', dealerPrice: '190.00', currency: 'UAH' } }] },
    });
  expect((await send(token)).status()).toBe(401);
  expect((await send(rotated)).status()).toBe(200);

  // A revoked source is refused until it is switched on again.
  await row.getByRole('button', { name: 'Revoke' }).click();
  await expect(row.getByRole('button', { name: 'Switch on again' })).toBeVisible();
  expect((await send(rotated)).status()).toBe(401);
  await row.getByRole('button', { name: 'Switch on again' }).click();
  await expect(row.getByRole('button', { name: 'Revoke' })).toBeVisible();
  expect((await send(rotated)).status()).toBe(200);
});
