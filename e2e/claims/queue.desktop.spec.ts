import { expect, test, type Page } from '@playwright/test';
import { signIn } from '../fixtures/users';

const queue = (page: Page) => page.getByTestId('claims-queue');
const rows = (page: Page) => queue(page).locator('tbody tr');
const tile = async (page: Page, key: string) => Number((await page.getByTestId(`claims-${key}`).locator('dd').innerText()).replace(/\D/g, ''));
/** Waits for the page of a URL and returns how many claims it lists (0 for the empty state). */
async function listed(page: Page, url: RegExp): Promise<number> {
  await expect(page).toHaveURL(url);
  await expect(page.getByTestId('claims-summary').or(page.getByTestId('claims-queue-empty'))).toBeVisible();
  return page.getByTestId('claims-queue-empty').isVisible().then(async (empty) => (empty ? 0 : rows(page).count()));
}

test('the claims desk queue: SLA clocks, filters in the URL, nearest deadline first', async ({ page }) => {
  await signIn(page, 'claims');
  await expect(queue(page).getByRole('columnheader')).toHaveText(['Claim', 'Dealer', 'Order', 'Status', 'Age', 'First response', 'Decision', 'Specialist']);
  const open = await tile(page, 'open');
  expect(open).toBeGreaterThan(3);
  await expect(rows(page)).toHaveCount(Math.min(open, 100));

  // Every row links to its claim and shows both clocks; running clocks are sorted by their deadline.
  for (const row of await rows(page).all()) {
    const number = (await row.getAttribute('data-number')) ?? '';
    await expect(row.getByRole('link', { name: number })).toHaveAttribute('href', `/claims/${number}`);
    await expect(row.getByTestId('sla-first')).toHaveCount(1);
    await expect(row.getByTestId('sla-decision')).toHaveCount(1);
    await expect(row.locator('[data-status]')).toHaveCount(1);
  }
  const tones = await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-tone')));
  const pastCount = tones.filter((tone) => tone === 'past').length;
  expect(pastCount).toBe(Math.min(await tile(page, 'pastDue'), 100));
  // Past-due claims come first (their deadlines are the earliest).
  expect(tones.slice(0, pastCount).every((tone) => tone === 'past')).toBe(true);

  // Mine: every claim is the signed-in specialist's.
  await page.getByTestId('desk-filter-mine').click();
  const mine = await listed(page, /\/claims\?assignee=mine$/);
  expect(mine).toBe(Math.min(await tile(page, 'mine'), 100));
  expect(mine).toBeGreaterThan(0);
  await expect(page.getByTestId('desk-filter-mine')).toHaveAttribute('aria-current', 'page');
  for (const row of await rows(page).all()) await expect(row.getByRole('cell').last()).toContainText('You');

  // Unassigned, then past SLA on top of it (the chip keeps the other filter).
  await page.getByTestId('desk-filter-none').click();
  const unassigned = await listed(page, /\/claims\?assignee=none$/);
  expect(unassigned).toBe(Math.min(await tile(page, 'unassigned'), 100));
  for (const row of await rows(page).all()) await expect(row.getByRole('cell').last()).toContainText('Not assigned');
  await page.getByTestId('desk-filter-past').click();
  await listed(page, /\/claims\?assignee=none&sla=past$/);
  for (const row of await rows(page).all()) await expect(row).toHaveAttribute('data-tone', 'past');

  // Category, dealer and plant through the form; the chips' filters ride along.
  await page.getByTestId('desk-filter-all').click();
  await listed(page, /\/claims\?sla=past$/);
  await page.getByTestId('desk-filter-past').click();
  await listed(page, /\/claims$/);
  await page.getByLabel('Category').selectOption({ label: 'Faulty hardware' });
  await page.getByLabel('Dealer').selectOption('D-1001');
  await page.getByRole('button', { name: 'Apply' }).click();
  const hardware = await listed(page, /\/claims\?category=hardware&dealer=D-1001$/);
  expect(hardware).toBeGreaterThan(0);
  for (const row of await rows(page).all()) {
    await expect(row).toContainText('Faulty hardware');
    await expect(row).toContainText('D-1001');
  }
  await expect(page.getByLabel('Category')).toHaveValue('hardware');

  const plant = await page.getByLabel('Plant').locator('option').nth(1).getAttribute('value');
  await page.getByLabel('Category').selectOption('');
  await page.getByLabel('Plant').selectOption(plant ?? '');
  await page.getByRole('button', { name: 'Apply' }).click();
  await listed(page, new RegExp(`/claims\\?dealer=D-1001&plant=${plant}$`));
  for (const row of await rows(page).all()) await expect(row).toContainText(plant ?? '');

  // A link someone pasted with nonsense in it still opens the queue, keeping what it understands.
  await page.goto('/claims?category=nope&assignee=everyone&dealer=D-1001&plant=');
  await listed(page, /\/claims\?dealer=D-1001$/);
  await page.getByRole('link', { name: 'Clear filters' }).first().click();
  expect(await listed(page, /\/claims$/)).toBe(Math.min(open, 100));
});

test('on a phone the queue is a list of cards without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, 'claims');
  await expect(rows(page).first()).toBeVisible();
  await expect(queue(page).locator('thead')).toBeHidden();
  await expect(rows(page).first().getByTestId('sla-decision')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.getByTestId('desk-filter-mine').click();
  await listed(page, /assignee=mine/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
