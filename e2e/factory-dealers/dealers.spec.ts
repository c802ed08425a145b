import { expect, test, type Page } from '@playwright/test';
import { signIn } from '../fixtures/users';

// Issue 8, point 2, on a phone (360 px): the dealers list as cards and a dealer's page, with
// nothing wider than the screen.

async function fitsTheScreen(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

test('the dealers list and a dealer’s page fit a 360 px phone', async ({ page }) => {
  await signIn(page, 'factory');
  await page.goto('/factory/dealers');
  await expect(page.getByRole('heading', { level: 1, name: 'Dealers' })).toBeVisible();
  const first = page.getByTestId('dealers').locator('tbody tr').first();
  await expect(first).toBeVisible();
  // Cards: the table's header row is hidden, each card names its figures.
  await expect(page.getByTestId('dealers').locator('thead')).toBeHidden();
  await expect(first.locator('[data-column="balance"]')).toContainText('Balance');
  await fitsTheScreen(page);

  await page.goto('/factory/dealers?q=D-1001');
  await page.getByTestId('dealers').locator('tbody tr[data-dealer="D-1001"]').getByRole('link').first().click();
  await expect(page).toHaveURL(/\/factory\/dealers\/D-1001$/);
  await expect(page.getByTestId('dealer-code')).toHaveText('D-1001');
  await expect(page.getByTestId('dealer-history')).toBeVisible();
  await fitsTheScreen(page);

  // An unknown code is a not-found page.
  const response = await page.goto('/factory/dealers/NO-SUCH-DEALER');
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId('dealer-not-found')).toContainText('There is no dealer with code NO-SUCH-DEALER.');
});
