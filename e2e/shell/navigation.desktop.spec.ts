import { expect, test } from '@playwright/test';
import { signIn } from '../fixtures/users';

test('on a desktop each area has a side menu with the current section highlighted', async ({ page }) => {
  for (const user of ['dealer', 'claims', 'factory'] as const) {
    await signIn(page, user);
    const menu = page.getByRole('navigation', { name: 'Main menu' });
    await expect(menu).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Sections' })).toBeHidden();
    await expect(menu.locator('[aria-current="page"]')).toHaveCount(1);
    await menu.getByRole('link', { name: 'Account' }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(menu.getByRole('link', { name: 'Account' })).toHaveAttribute('aria-current', 'page');
    await page.getByRole('complementary').getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
  }
});

test('the claims desk shows its queue as a table with deadlines', async ({ page }) => {
  await signIn(page, 'claims');
  const rows = page.getByTestId('claims-queue').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(3);
  await expect(page.getByTestId('claims-queue').locator('[data-status]').first()).toBeVisible();
});
