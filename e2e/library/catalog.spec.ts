import { expect, test } from '@playwright/test';
import { signIn } from '../fixtures/users';

// Issue 8, the catalogue on a dealer's phone: search by name (Cyrillic) and by part number, the
// dealer's own price first and largest, the promotional price marked with what it saves, and a
// search with LIKE wildcards that finds nothing instead of everything.

test('a dealer searches the catalogue on a phone and sees his price first', async ({ page }) => {
  await signIn(page, 'dealer');
  await page.goto('/dealer/catalog');
  const items = page.getByTestId('catalog-item');
  await expect(items.first()).toBeVisible();

  // By name, in Cyrillic and another letter case: the glass units only.
  await page.getByRole('searchbox').fill('СКЛОПАКЕТ');
  await page.getByRole('searchbox').press('Enter');
  await expect(page).toHaveURL(/\/dealer\/catalog\?q=/);
  await expect(items).toHaveCount(5);
  for (const part of await items.evaluateAll((cards) => cards.map((c) => c.getAttribute('data-part-number')))) expect(part).toMatch(/^GLS-/);

  // By part number: a profile on promotion.
  await page.getByRole('searchbox').fill('prf-vk82-001');
  await page.getByRole('searchbox').press('Enter');
  await expect(items).toHaveCount(1);
  const card = items.first();
  await expect(card.getByTestId('catalog-part-number')).toHaveText('PRF-VK82-001');
  // The dealer's price comes first among the prices, and is the largest text of the card.
  const prices = card.locator('dl > div');
  await expect(prices.nth(0)).toHaveAttribute('data-testid', 'catalog-dealer-price');
  await expect(prices.nth(1)).toHaveAttribute('data-testid', 'catalog-retail-price');
  await expect(prices.nth(2)).toHaveAttribute('data-testid', 'catalog-promo-price');
  await expect(card.getByTestId('catalog-dealer-price')).toContainText('462.00');
  await expect(card.getByTestId('catalog-retail-price')).toContainText('566.00');
  await expect(card.getByTestId('catalog-promo-price')).toContainText('429.00');
  await expect(card.getByTestId('catalog-saving')).toContainText('33.00');
  const size = (testId: string) => card.getByTestId(testId).locator('dd').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(await size('catalog-dealer-price')).toBeGreaterThan(await size('catalog-retail-price'));
  await expect(card.getByTestId('catalog-stock')).toContainText('1,740');

  // Nothing spills over the 360 px screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // Wildcards are searched for as they are: no item has a % in it.
  await page.getByRole('searchbox').fill('%');
  await page.getByRole('searchbox').press('Enter');
  await expect(page.getByTestId('catalog-empty')).toBeVisible();
  await expect(items).toHaveCount(0);
});

test('the client API answers the catalogue with the dealer price first, to signed-in people only', async ({ page, request }) => {
  expect((await request.get('/api/v1/catalog')).status()).toBe(401);
  await signIn(page, 'dealer');
  const answer = await page.request.get(`/api/v1/catalog?q=${encodeURIComponent('prf-vk82-001')}`);
  expect(answer.status()).toBe(200);
  const body = (await answer.json()) as { total: number; items: Record<string, unknown>[] };
  expect(body.total).toBe(1);
  expect(Object.keys(body.items[0]!)[0]).toBe('dealerPrice');
  expect(body.items[0]).toMatchObject({ partNumber: 'PRF-VK82-001', dealerPrice: '462.00', retailPrice: '566.00', promoPrice: '429.00', promoSaving: '33.00', stock: '1740', currency: 'UAH' });
  const bad = await page.request.get('/api/v1/catalog?limit=0');
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: { details: Record<string, string> } }).error.details.limit).toMatch(/limit must be a whole number from 1 to 100/);
});

test('the catalogue page follows a sync without a reload', async ({ page, request }) => {
  const run = Date.now().toString(36);
  const partNumber = `E2E-LIVE-${run}`.toUpperCase();
  await signIn(page, 'dealer');
  await page.goto(`/dealer/catalog?q=${encodeURIComponent(partNumber)}`);
  await expect(page.getByTestId('catalog-empty')).toBeVisible();
  await expect(page.getByTestId('realtime')).toHaveAttribute('data-state', 'connected');

  // Accounting sends the new item; the open page shows it by itself.
  const now = new Date().toISOString();
  const response = await request.post('/api/sync/v1/events', {
    headers: { authorization: 'Bearer demo-accounting-token' },
    data: {
      events: [
        {
          id: `live-catalog-${run}`,
          type: 'catalog.item',
          occurredAt: now,
          data: { partNumber, name: 'Ущільнювач EPDM, чорний', unit: 'м.п.', retailPrice: '38.00', dealerPrice: '31.50', currency: 'UAH' },
        },
      ],
    },
  });
  expect(response.status()).toBe(200);
  const card = page.getByTestId('catalog-item').filter({ has: page.getByTestId('catalog-part-number').getByText(partNumber, { exact: true }) });
  await expect(card).toBeVisible();
  await expect(card.getByTestId('catalog-dealer-price')).toContainText('31.50');
});
