import { expect, test } from '@playwright/test';
import { signIn } from '../fixtures/users';

test('the factory reports fit a phone screen without scrolling sideways', async ({ page }) => {
  await signIn(page, 'factory');
  await page.goto('/factory/reports');
  for (const id of ['orders', 'deliveries', 'claims', 'receivables']) {
    await expect(page.getByTestId(`factory-report-${id}`)).toBeVisible();
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  // A year, with its figures opened, still fits.
  await page.getByTestId('factory-report-preset-365d').click();
  await expect(page.getByTestId('factory-report-preset-365d')).toHaveAttribute('aria-current', 'page');
  await page.getByTestId('factory-report-orders').getByText('Figures', { exact: true }).click();
  await expect(page.getByTestId('factory-report-orders-table')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('a dealer is sent back from the factory reports', async ({ page }) => {
  await signIn(page, 'dealer');
  await page.goto('/factory/reports');
  await expect(page).toHaveURL(/\/dealer$/);
});
