import { expect, test, type Browser, type Page } from '@playwright/test';
import { signIn } from '../fixtures/users';

// Issue 4, point 1: the dealer's orders list on a phone. Filters live in the URL; search, status
// and period narrow the list; keyset "show more" pages; another dealer's orders never show up.

type ApiOrder = { number: string; status: string; customerRef: string | null; createdAt: string };

const PAGE_SIZE = 25;

/** The factory's day (Europe/Kyiv) of a moment, as YYYY-MM-DD. */
function kyivDay(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Kyiv', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** All of the signed-in dealer's orders, newest first, through the client API. */
async function allOrders(page: Page): Promise<ApiOrder[]> {
  const orders: ApiOrder[] = [];
  let cursor: string | null = null;
  do {
    const response = await page.request.get(`/api/v1/orders?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { items: ApiOrder[]; nextCursor: string | null };
    orders.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return orders;
}

async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

async function cardNumbers(page: Page): Promise<string[]> {
  return page.getByTestId('order-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-number') ?? ''));
}

async function otherDealersOrderNumber(browser: Browser, baseURL: string | undefined): Promise<string> {
  const context = await browser.newContext({ baseURL, locale: 'en-GB' });
  const other = await context.newPage();
  await signIn(other, 'dealer2');
  const [first] = await allOrders(other);
  await context.close();
  if (!first) throw new Error('dealer2 has no orders in the demo data');
  return first.number;
}

test('the dealer finds orders by status and search, and pages through them', async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, 'dealer');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Orders' }).click();
  await expect(page).toHaveURL(/\/dealer\/orders$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
  const cards = page.getByTestId('order-card');
  await expect(cards.first()).toBeVisible();
  await expect(page.getByTestId('order-table')).toBeHidden();
  await expectNoSidewaysScroll(page);
  const mine = await allOrders(page);
  await expect(page.getByTestId('status-filter-all')).toHaveAttribute('data-count', String(mine.length));
  await expect(page.getByTestId('status-filter-all')).toHaveAttribute('aria-current', 'page');
  expect(await cardNumbers(page)).toEqual(mine.slice(0, PAGE_SIZE).map((o) => o.number));

  // Each card opens its order.
  const first = cards.first();
  const firstNumber = (await first.getAttribute('data-number')) ?? '';
  await expect(first).toHaveAttribute('href', `/dealer/orders/${encodeURIComponent(firstNumber)}`);
  await expect(first).toContainText(/Since \d/);

  // Show more: the next page by cursor, none of the first page's orders again.
  expect(mine.length, 'the demo dealer has more than one page of orders').toBeGreaterThan(PAGE_SIZE);
  const firstPage = await cardNumbers(page);
  await page.getByRole('link', { name: 'Show more' }).click();
  await expect(page).toHaveURL(/[?&]cursor=/);
  await expect(page.getByRole('link', { name: 'Back to the newest' })).toBeVisible();
  const secondPage = await cardNumbers(page);
  expect(secondPage).toEqual(mine.slice(PAGE_SIZE, PAGE_SIZE * 2).map((o) => o.number));
  expect(secondPage.filter((n) => firstPage.includes(n))).toEqual([]);
  await page.getByRole('link', { name: 'Back to the newest' }).click();
  await expect(page).toHaveURL(/\/dealer\/orders$/);
  expect(await cardNumbers(page)).toEqual(firstPage);

  // A status chip: the URL says it, every card has it, the chip's count is what is listed.
  const accepted = page.getByTestId('status-filter-accepted');
  const acceptedCount = Number(await accepted.getAttribute('data-count'));
  expect(acceptedCount).toBe(mine.filter((o) => o.status === 'accepted').length);
  expect(acceptedCount).toBeGreaterThan(0);
  await accepted.click();
  await expect(page).toHaveURL(/[?&]status=accepted/);
  await expect(accepted).toHaveAttribute('aria-current', 'page');
  await expect(cards).toHaveCount(Math.min(acceptedCount, PAGE_SIZE));
  const statuses = await cards.evaluateAll((els) => els.map((el) => el.querySelector('[data-status]')?.getAttribute('data-status')));
  expect(new Set(statuses)).toEqual(new Set(['accepted']));
  await expectNoSidewaysScroll(page);

  // The chips scroll sideways on a phone: the chosen one is brought into view.
  await page.goto('/dealer/orders?status=cancelled');
  await expect(page.getByTestId('status-filter-cancelled')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('status-filter-cancelled')).toBeInViewport({ ratio: 1 });
  await expectNoSidewaysScroll(page);
  await page.goto('/dealer/orders?status=accepted');

  // Search within the status by part of a real number; the status stays.
  const target = mine.find((o) => o.status === 'accepted');
  if (!target) throw new Error('no accepted order');
  const part = target.number.slice(-5);
  await page.getByLabel('Number or customer reference').fill(part);
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${part}`));
  await expect(page).toHaveURL(/[?&]status=accepted/);
  await expect(page.locator(`[data-testid="order-card"][data-number="${target.number}"]`)).toBeVisible();
  const expected = mine.filter((o) => o.status === 'accepted' && (o.number.includes(part) || o.customerRef?.includes(part)));
  await expect(cards).toHaveCount(expected.length);

  // A reload keeps the filters: they are in the URL.
  await page.reload();
  await expect(page.getByLabel('Number or customer reference')).toHaveValue(part);
  await expect(accepted).toHaveAttribute('aria-current', 'page');
  await expect(cards).toHaveCount(expected.length);

  // Clear drops every filter.
  await page.getByTestId('order-filters').getByRole('link', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/dealer\/orders$/);
  await expect(page.getByLabel('Number or customer reference')).toHaveValue('');
  await expect(cards).toHaveCount(PAGE_SIZE);

  // Search alone, by the digits of the first card's number.
  const digits = firstNumber.split('-').pop() ?? firstNumber;
  await page.getByLabel('Number or customer reference').fill(digits);
  await page.getByLabel('Number or customer reference').press('Enter');
  await expect(page).toHaveURL(new RegExp(`[?&]q=${digits}`));
  await expect(page.locator(`[data-testid="order-card"][data-number="${firstNumber}"]`)).toBeVisible();
  for (const number of await cardNumbers(page)) {
    const order = mine.find((o) => o.number === number);
    expect(order?.number.includes(digits) || order?.customerRef?.includes(digits)).toBe(true);
  }
});

test('a period narrows the list to the orders created in it (the factory’s days)', async ({ page }) => {
  await signIn(page, 'dealer');
  const mine = await allOrders(page);
  // A window in the middle of the dealer's history, from the 12th newest order's day to the 4th's.
  const from = kyivDay(mine[Math.min(11, mine.length - 1)]!.createdAt);
  const to = kyivDay(mine[Math.min(3, mine.length - 1)]!.createdAt);
  const expected = mine.filter((o) => kyivDay(o.createdAt) >= from && kyivDay(o.createdAt) <= to);
  expect(expected.length).toBeLessThan(mine.length);

  await page.goto('/dealer/orders');
  // The period folds away until it is used.
  await expect(page.getByLabel('Created from')).toBeHidden();
  await page.getByTestId('order-period').getByText('Period').click();
  await page.getByLabel('Created from').fill(from);
  await page.getByLabel('Created until').fill(to);
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`from=${from}.*to=${to}`));
  await expect(page.getByTestId('status-filter-all')).toHaveAttribute('data-count', String(expected.length));
  expect(await cardNumbers(page)).toEqual(expected.slice(0, PAGE_SIZE).map((o) => o.number));
  await expectNoSidewaysScroll(page);

  // The period stays when a status is chosen; each chip counts within the period.
  const delivered = expected.filter((o) => o.status === 'delivered').length;
  await expect(page.getByTestId('status-filter-delivered')).toHaveAttribute('data-count', String(delivered));
  await page.getByTestId('status-filter-delivered').click();
  await expect(page).toHaveURL(new RegExp(`status=delivered.*from=${from}.*to=${to}`));
  await page.reload();
  await expect(page.getByTestId('order-period')).toHaveAttribute('open', '');
  await expect(page.getByLabel('Created from')).toHaveValue(from);
  await expect(page.getByLabel('Created until')).toHaveValue(to);
  await expect(page.getByTestId('order-card')).toHaveCount(Math.min(delivered, PAGE_SIZE));
});

test('nonsense and another dealer’s order number both find nothing, with a way back', async ({ page, browser, baseURL }) => {
  const foreign = await otherDealersOrderNumber(browser, baseURL);
  await signIn(page, 'dealer');
  const mine = await allOrders(page);
  expect(mine.map((o) => o.number)).not.toContain(foreign);

  await page.goto('/dealer/orders');
  await page.getByLabel('Number or customer reference').fill('zz-no-such-order-zz');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  const empty = page.getByTestId('orders-empty');
  await expect(empty).toHaveAttribute('data-reason', 'noMatch');
  await expect(empty.getByRole('heading', { name: 'No orders match these filters' })).toBeVisible();
  await expect(page.getByTestId('status-filter-all')).toHaveAttribute('data-count', '0');
  await expectNoSidewaysScroll(page);

  await page.goto(`/dealer/orders?q=${encodeURIComponent(foreign)}`);
  await expect(page.getByTestId('orders-empty')).toHaveAttribute('data-reason', 'noMatch');
  await expect(page.getByTestId('order-card')).toHaveCount(0);

  await page.getByTestId('orders-empty').getByRole('link', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/dealer\/orders$/);
  await expect(page.getByTestId('order-card').first()).toBeVisible();

  // Garbage in the URL is ignored, never an error page.
  const response = await page.goto('/dealer/orders?status=bogus&from=2026-02-30&to=yesterday&cursor=not-a-cursor&q=');
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId('status-filter-all')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('order-card')).toHaveCount(Math.min(mine.length, PAGE_SIZE));
});

test('the filters work before any JavaScript has run', async ({ page, browser, baseURL }) => {
  await signIn(page, 'dealer');
  const context = await browser.newContext({
    baseURL,
    locale: 'en-GB',
    viewport: { width: 360, height: 780 },
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  const noScript = await context.newPage();
  await noScript.goto('/dealer/orders?status=in_production');
  const number = (await noScript.getByTestId('order-card').first().getAttribute('data-number')) ?? '';
  await noScript.getByLabel('Number or customer reference').fill(number);
  await noScript.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(noScript).toHaveURL(/status=in_production/);
  await expect(noScript).toHaveURL(new RegExp(`q=${number}`));
  await expect(noScript.getByTestId('order-card')).toHaveCount(1);
  await context.close();
});
