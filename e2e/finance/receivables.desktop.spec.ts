import { expect, test, type Locator, type Page } from '@playwright/test';
import { signIn } from '../fixtures/users';

// Issue 7, factory side: finance staff sort and filter the receivables, export them, and remind
// D-1002 of its overdue debt; the dealer's owner (dealer2@demo.test, on a phone) hears of it at
// once and finds it among his notifications, in his language (Ukrainian: he has not chosen one).

/** Decimal strings compared exactly (kopiyky as BigInt), never as floats. */
const kop = (amount: string) => {
  const [whole, fraction = ''] = amount.replace('-', '').split('.');
  const value = BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, '0'));
  return amount.startsWith('-') ? -value : value;
};

async function overdueColumn(table: Locator): Promise<bigint[]> {
  const values = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-overdue') ?? '0'));
  return values.map(kop);
}

const sorted = (values: bigint[], dir: 'asc' | 'desc') =>
  values.every((v, i) => i === 0 || (dir === 'asc' ? values[i - 1]! <= v : values[i - 1]! >= v));

async function openReceivables(page: Page) {
  await signIn(page, 'factory');
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Finances' }).click();
  await expect(page).toHaveURL(/\/factory\/finance$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Receivables' })).toBeVisible();
}

test('factory staff sort and filter receivables, export them, and remind D-1002, whose owner sees it on his phone', async ({ page, browser }) => {
  // The dealer's owner is signed in on a phone before the reminder goes out.
  const dealerContext = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'en-GB' });
  const dealer = await dealerContext.newPage();
  await signIn(dealer, 'dealer2');
  await expect(dealer.getByRole('navigation', { name: 'Sections' })).toBeVisible();

  await openReceivables(page);
  const table = page.getByTestId('receivables');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  // Every dealer on one page with totals; overdue largest first by default.
  await expect(page.getByTestId('receivables-totals')).toBeVisible();
  expect(sorted(await overdueColumn(table), 'desc')).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // Sort by overdue, smallest first, then back.
  await page.getByTestId('sort-overdue').click();
  await expect(page).toHaveURL(/\/factory\/finance\?dir=asc$/);
  await expect(table.locator('th[aria-sort="ascending"]')).toHaveCount(1);
  expect(sorted(await overdueColumn(table), 'asc')).toBe(true);
  await page.getByTestId('sort-overdue').click();
  await expect(page).toHaveURL(/\/factory\/finance$/);
  expect(sorted(await overdueColumn(table), 'desc')).toBe(true);

  // Filter: punctual payers with at least 1,000 overdue.
  const filters = page.getByTestId('receivables-filters');
  await filters.getByLabel('Payer category').selectOption('punctual');
  await filters.getByLabel('Overdue from').fill('1000');
  await filters.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/category=punctual&min=1000/);
  const filtered = table.locator('tbody tr');
  await expect(filtered.first()).toBeVisible();
  for (const value of await overdueColumn(table)) expect(value >= 100000n).toBe(true);
  const badges = await filtered.locator('[data-payer]').evaluateAll((els) => els.map((e) => e.getAttribute('data-payer')));
  expect(new Set(badges)).toEqual(new Set(['punctual']));

  // The export carries the same filters.
  const exportHref = await page.getByTestId('receivables-export').getAttribute('href');
  expect(exportHref).toMatch(/^\/factory\/finance\/export\?.*category=punctual&min=1000/);
  const csv = await page.request.get(exportHref!);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const text = await csv.text();
  expect(text.startsWith('\uFEFF')).toBe(true);
  // Fourteen columns split by semicolons (the words follow the request's language).
  expect(text.split('\r\n')[0]!.split(';')).toHaveLength(14);
  expect(text.split('\r\n').filter((l) => l.startsWith('D-')).length).toBe(await filtered.count());

  // Find D-1002 by code and remind it.
  await filters.getByLabel('Payer category').selectOption('');
  await filters.getByLabel('Overdue from').fill('');
  await filters.getByLabel('Dealer').fill('D-1002');
  await filters.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/\/factory\/finance\?q=D-1002$/);
  const row = table.locator('tbody tr[data-dealer="D-1002"]');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(row.getByTestId('oldest-due')).toBeVisible();
  await row.getByTestId('select-D-1002').check();
  await page.getByTestId('preview-reminders').click();
  const preview = page.locator('[data-testid="reminder-previews"] li[data-dealer="D-1002"]');
  await expect(preview).toHaveAttribute('data-status', 'ready');
  await expect(preview.getByTestId('reminder-text')).toContainText('ПП «Теплий Дім»');
  await expect(preview.getByTestId('reminder-text')).toContainText('/dealer/finance');
  await expect(preview).toContainText('Українська');
  // A retry on the same database finds it reminded minutes ago: confirm sending again.
  if (await preview.getByTestId('recent-warning').isVisible()) await page.getByTestId('confirm-repeat').check();
  await page.getByTestId('send-reminders').click();
  await expect(page.getByTestId('reminders-sent')).toContainText('1 reminder sent.');
  await expect(row.getByTestId('last-reminder')).toBeVisible();

  // At once on the dealer's phone: a toast, critical, in Ukrainian.
  const toast = dealer.getByTestId('notification-toast').filter({ hasText: 'Нагадування про оплату' });
  await expect(toast.first()).toBeVisible({ timeout: 15_000 });
  await expect(toast.first()).toHaveAttribute('data-importance', 'critical');
  // And in the notification centre, leading to his finances.
  await dealer.locator('header').getByTestId('notification-bell').click();
  await expect(dealer).toHaveURL(/\/dealer\/notifications$/);
  const item = dealer.getByTestId('notification').filter({ hasText: 'Нагадування про оплату' }).first();
  await expect(item).toBeVisible();
  await expect(item).toHaveAttribute('data-importance', 'critical');
  await expect(item.locator('a[href="/dealer/finance"]')).toHaveCount(1);
  expect(await dealer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // A second reminder within 24 hours needs a confirmation.
  await row.getByTestId('select-D-1002').check();
  await page.getByTestId('preview-reminders').click();
  await expect(preview.getByTestId('recent-warning')).toBeVisible();
  await expect(page.getByTestId('send-reminders')).toBeDisabled();
  await dealerContext.close();
});

test('the receivables page fits a 360 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, 'factory');
  await page.goto('/factory/finance');
  await expect(page.getByRole('heading', { level: 1, name: 'Receivables' })).toBeVisible();
  await expect(page.getByTestId('receivables').locator('tbody tr').first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
