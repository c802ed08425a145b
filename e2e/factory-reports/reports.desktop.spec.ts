import fs from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { signIn } from '../fixtures/users';

const digits = (text: string) => Number(text.replace(/\D/g, ''));

test('the factory manager reads the reports for a period and a plant and downloads the orders as CSV', async ({ page }) => {
  await signIn(page, 'factory');
  await page.goto('/factory/reports');
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  // The last 30 days by default: a bar group per day.
  await expect(page.getByTestId('factory-report-preset-30d')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('factory-report-orders-chart').locator('g[data-bucket]')).toHaveCount(30);

  // A quarter: a bar group per week.
  await page.getByTestId('factory-report-preset-90d').click();
  await expect(page).toHaveURL(/\/factory\/reports\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByTestId('factory-report-preset-90d')).toHaveAttribute('aria-current', 'page');
  const weeks = await page.getByTestId('factory-report-orders-chart').locator('g[data-bucket]').count();
  expect(weeks).toBeGreaterThanOrEqual(13);
  expect(weeks).toBeLessThanOrEqual(14);
  for (const id of ['orders', 'deliveries', 'claims', 'receivables']) {
    await expect(page.getByTestId(`factory-report-${id}-chart`)).toBeVisible();
  }
  await expect(page.getByRole('img', { name: 'Chart: Orders per status' })).toBeVisible();
  const accepted = digits(await page.getByTestId('factory-report-orders-totals').locator('[data-status="accepted"] dd').innerText());
  expect(accepted).toBeGreaterThan(0);

  // A chosen period through the form, and one plant.
  const from = await page.getByLabel('From', { exact: true }).inputValue();
  const to = await page.getByLabel('To', { exact: true }).inputValue();
  await page.getByLabel('Plant', { exact: true }).selectOption({ label: 'Головний завод' });
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(new RegExp(`from=${from}&to=${to}&plant=\\d+$`));
  await expect(page.getByTestId('factory-report-intro')).toContainText('Головний завод');
  const mainAccepted = digits(await page.getByTestId('factory-report-orders-totals').locator('[data-status="accepted"] dd').innerText());
  expect(mainAccepted).toBeLessThanOrEqual(accepted);

  // The orders as CSV: the same period and plant, the same totals.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('factory-report-orders-csv').click()]);
  expect(download.suggestedFilename()).toBe(`factory-orders-${from}-${to}-MAIN.csv`);
  const csv = await fs.readFile((await download.path()) ?? '', 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trimEnd().split('\r\n');
  expect(lines[0]).toBe('From;To;Accepted;Made;Shipped;Delivered');
  expect(lines[1]).toMatch(new RegExp(`^${from};\\d{4}-\\d{2}-\\d{2};\\d+;\\d+;\\d+;\\d+$`));
  expect(lines.length).toBe(weeks + 2);
  expect(lines.at(-1)).toMatch(/^Total;;\d+;\d+;\d+;\d+$/);
  expect(Number(lines.at(-1)!.split(';')[2])).toBe(mainAccepted);

  // A link it cannot read shows the default with a notice, not an error.
  await page.goto('/factory/reports?from=someday&plant=nowhere');
  await expect(page.getByTestId('factory-report-problems')).toContainText('could not be read');
  await expect(page.getByTestId('factory-report-preset-30d')).toHaveAttribute('aria-current', 'page');
  const refused = await page.request.get('/factory/reports/export?report=orders&from=2026-02-30', { headers: { 'accept-language': 'en-GB' } });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error.message).toContain('YYYY-MM-DD');
});

test('a dealer and a claims specialist do not get the factory reports', async ({ page }) => {
  await signIn(page, 'claims');
  const answer = await page.request.get('/factory/reports/export?report=orders', { maxRedirects: 0 });
  expect(answer.status()).toBe(307);
  await page.goto('/factory/reports');
  await expect(page).toHaveURL(/\/claims$/);
});
