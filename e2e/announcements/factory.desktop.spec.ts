import { expect, test } from '@playwright/test';
import { png } from '../../lib/files/test-photos';
import { PASSWORD, signIn } from '../fixtures/users';

// Issue 8, point 1 on a desktop: the editor's live preview beside the text, chosen dealers found by
// code, a picture uploaded and put into the text, a schedule in Kyiv time, taking it back to a
// draft, publishing, and withdrawing it, after which the dealer no longer sees it.

const run = Date.now().toString(36);
const DEALER = 'D-1012';

test('the factory schedules, publishes and withdraws an announcement with a picture for a chosen dealer', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const title = `Зразки кольорів ${run}`;
  await signIn(page, 'factory');
  await page.goto('/factory/announcements/new');
  await page.getByLabel('Title').fill(title);
  await page.locator('#announcement-body').fill('## Нові кольори\n\n- Антрацит\n- Золотий дуб\n\n<img src=x onerror=alert(1)>');
  // Desktop: the preview is beside the text, no tabs.
  const preview = page.getByTestId('announcement-preview');
  await expect(preview).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Preview' })).toBeHidden();
  await expect(preview.locator('h2')).toHaveText('Нові кольори');
  await expect(preview.locator('li')).toHaveCount(2);
  await expect(preview.locator('img')).toHaveCount(0);

  await page.getByRole('radio', { name: 'Chosen dealers' }).check();
  await page.getByTestId('dealer-picker').getByRole('searchbox').fill(DEALER);
  const result = page.getByTestId('dealer-results').locator('li', { hasText: DEALER });
  await result.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByTestId('dealer-picker').locator('input[name="dealerCodes"]')).toHaveValue(DEALER);

  await page.getByRole('radio', { name: 'Publish at a set time' }).check();
  await page.getByLabel('Date and time (Kyiv time)').fill('2099-12-01T09:30');
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page).toHaveURL(/\/factory\/announcements\/\d+\?saved=1$/);
  const id = Number(/announcements\/(\d+)/.exec(page.url())![1]);
  await expect(page.getByTestId('announcement-page')).toHaveAttribute('data-status', 'scheduled');
  await expect(page.getByTestId('announcement-page')).toContainText('1 Dec 2099');

  // A picture: stored, then put into the text as a picture of the portal's store.
  await page.getByTestId('announcement-file-input').setInputFiles({ name: 'colours.png', mimeType: 'image/png', buffer: Buffer.from(png(64, 48)) });
  await expect(page.getByTestId('announcement-file')).toHaveCount(1);
  await expect(page.locator('#announcement-body')).toHaveValue(/!\[colours\.png\]\(\/api\/v1\/attachments\/[0-9a-f-]{36}\)/);
  await expect(preview.locator('img[src^="/api/v1/attachments/"]')).toHaveCount(1);

  // Back to a draft, then published at once with the picture in the text.
  await page.getByRole('button', { name: 'Cancel the schedule' }).click();
  await expect(page.getByTestId('announcement-page')).toHaveAttribute('data-status', 'draft');
  await page.getByRole('radio', { name: 'Publish now' }).check();
  await page.getByRole('button', { name: 'Publish now' }).last().click();
  await expect(page.getByTestId('announcement-page')).toHaveAttribute('data-status', 'published');

  // The chosen dealer sees it with the picture; then the factory withdraws it and it is gone.
  const context = await browser.newContext({ baseURL, locale: 'en-GB' });
  const dealer = await context.newPage();
  await dealer.goto('/login');
  await dealer.locator('input[name="email"]').fill('owner.d-1012@demo.test');
  await dealer.locator('input[name="password"]').fill(PASSWORD);
  await dealer.locator('button[type="submit"]').click();
  await expect(dealer).toHaveURL(/\/dealer$/);
  await dealer.goto(`/dealer/news/${id}`);
  const body = dealer.getByTestId('news-body');
  await expect(body.locator('h2')).toHaveText('Нові кольори');
  const src = await body.locator('img').getAttribute('src');
  expect((await dealer.request.get(src!)).status()).toBe(200);

  await page.getByRole('button', { name: 'Withdraw' }).click();
  await expect(page.getByTestId('announcement-page')).toHaveAttribute('data-status', 'unpublished');
  expect((await dealer.goto(`/dealer/news/${id}`))?.status()).toBe(404);
  expect((await dealer.request.get(src!)).status()).toBe(404);
  const listed = (await (await dealer.request.get('/api/v1/announcements')).json()) as { items: { id: number }[] };
  expect(listed.items.map((i) => i.id)).not.toContain(id);
  await context.close();
});
