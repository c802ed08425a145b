import { expect, test, type Page } from '@playwright/test';
import { signIn } from '../fixtures/users';

// Issue 8, point 3 on a phone: the administrator reaches the users from the account page, reads
// them as cards and opens one; nothing is wider than the screen.

async function fitsThePhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

test('an administrator finds the users on a phone: cards, a user page and the new-user form fit the screen', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Account' }).click();
  await page.getByTestId('more-sections').getByRole('link', { name: 'Users' }).click();
  await expect(page).toHaveURL(/\/factory\/users$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await expect(page.getByTestId('user-table')).toBeHidden();
  const cards = page.getByTestId('user-card');
  await expect(cards).toHaveCount(25);
  await fitsThePhone(page);

  // Filter by role through the form: only claims specialists remain.
  await page.getByLabel('Role').selectOption('claims');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/\/factory\/users\?role=claims$/);
  await expect(cards.first()).toContainText('Claims specialist');
  const roles = await cards.allInnerTexts();
  expect(roles.every((text) => text.includes('Claims specialist'))).toBe(true);

  await page.getByTestId('user-card').filter({ hasText: 'claims@demo.test' }).click();
  await expect(page).toHaveURL(/\/factory\/users\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('fact-email')).toContainText('claims@demo.test');
  await expect(page.getByTestId('user-actions').getByRole('button', { name: 'Deactivate' })).toBeVisible();
  await fitsThePhone(page);

  await page.goto('/factory/users/new');
  await expect(page.getByRole('button', { name: 'Create user and link' })).toBeVisible();
  await fitsThePhone(page);
});
