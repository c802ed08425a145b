import fs from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { signIn } from '../fixtures/users';

test('the desk lead reads the reports for a period and downloads one as CSV', async ({ page }) => {
  await signIn(page, 'claims');
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Reports' }).click();
  await expect(page).toHaveURL(/\/claims\/reports$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Claims reports' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Reports' })).toHaveAttribute('aria-current', 'page');

  // Half a year of the demo desk.
  await page.getByTestId('report-preset-26w').click();
  await expect(page).toHaveURL(/\/claims\/reports\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByTestId('report-preset-26w')).toHaveAttribute('aria-current', 'page');
  const filed = Number((await page.getByTestId('report-total-filed').locator('dd').first().innerText()).replace(/\D/g, ''));
  expect(filed).toBeGreaterThan(0);
  for (const id of ['weeks', 'category', 'kind', 'profile', 'dealer', 'specialist']) {
    await expect(page.getByTestId(`report-${id}`)).toBeVisible();
  }
  await expect(page.getByTestId('report-weeks-chart').locator('g[data-week]')).toHaveCount(26);
  // The category table adds up to the claims filed.
  const counts = await page.getByTestId('report-category').locator('tbody td[data-column="claims"]').allInnerTexts();
  expect(counts).toHaveLength(6);
  expect(counts.reduce((sum, text) => sum + Number(text.replace(/\D/g, '')), 0)).toBe(filed);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-category-csv').click()]);
  expect(download.suggestedFilename()).toMatch(/^claims-category-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await fs.readFile((await download.path()) ?? '', 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trimEnd().split('\r\n');
  expect(lines[0]).toBe('Category,Claims,Decided,Approved,Rejected,SLA met,SLA missed,"Avg. to decision, working h","Compensation, UAH"');
  expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual([
    'Manufacturing defect',
    'Damage in transit',
    'Missing part',
    'Wrong dimensions',
    'Faulty hardware',
    'Other',
  ]);
  expect(lines.slice(1).reduce((sum, line) => sum + Number(line.split(',')[1]), 0)).toBe(filed);

  // The weekly SLA as CSV too: a row per week of the period.
  const [weeks] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-weeks-csv').click()]);
  const weekLines = (await fs.readFile((await weeks.path()) ?? '', 'utf8')).trimEnd().split('\r\n');
  expect(weekLines).toHaveLength(27);

  // A chosen period through the form.
  await page.getByLabel('From').fill('2026-01-05');
  await page.getByLabel('To').fill('2026-01-18');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/from=2026-01-05&to=2026-01-18$/);
  await expect(page.getByTestId('report-weeks-chart').locator('g[data-week]')).toHaveCount(2);
});

test('the reports fit a phone screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, 'claims');
  await page.goto('/claims/reports');
  await expect(page.getByTestId('report-category')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('only the claims desk gets the reports', async ({ page }) => {
  await signIn(page, 'dealer');
  const answer = await page.request.get('/claims/reports/export?report=category', { maxRedirects: 0 });
  expect(answer.status()).toBe(307);
  expect(answer.headers()['location']).toMatch(/\/dealer$/);
  await page.goto('/claims/reports');
  await expect(page).toHaveURL(/\/dealer$/);
});
