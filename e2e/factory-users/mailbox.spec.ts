import { expect, test } from '@playwright/test';
import { signIn } from '../fixtures/users';

// The mail page on a 360 px phone: a card per mail, nothing wider than the screen, the mail
// itself readable with its link.

const run = Date.now().toString(36);

test('the mail page and a mail fit a phone', async ({ page }) => {
  test.setTimeout(90_000);
  const email = `e2e.mailphone.${run}@example.test`;
  await signIn(page, 'admin');
  await page.goto('/factory/users/new');
  await page.getByLabel('Name').fill('Телефон Тестовий');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Role').selectOption('claims');
  await page.locator('select[name="locale"]').selectOption('uk');
  await page.getByRole('button', { name: 'Create user and link' }).click();
  await expect(page.getByTestId('invitation-mail')).toContainText(email);

  await page.goto('/factory/mail');
  await expect(page.getByTestId('mail-table')).toBeHidden();
  const card = page.getByTestId('mail-card').filter({ hasText: email });
  await expect(card).toHaveCount(1);
  // In the recipient's language, whatever the reader's.
  await expect(card).toContainText('Запрошення: Дилерський портал');
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  for (const filter of ['pending', 'failed', 'sent', 'all']) {
    const chip = page.getByTestId('mail-filters').locator(`a[data-filter="${filter}"]`);
    expect((await chip.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  }

  await card.getByRole('link', { name: 'Запрошення: Дилерський портал' }).click();
  await expect(page.getByTestId('mail-subject')).toHaveText('Запрошення: Дилерський портал');
  await expect(page.getByTestId('mail-link').filter({ hasText: '/reset/' })).toBeVisible();
  await expect(page.frameLocator('[data-testid="mail-html"]').getByRole('link', { name: 'Встановити пароль' })).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
});
