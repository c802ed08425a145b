import { expect, test } from '@playwright/test';
import { DEMO_USERS, PASSWORD, signIn } from '../fixtures/users';

test.describe('signing in on a phone', () => {
  test('a dealer lands in his area and sees his own orders and balance', async ({ page }) => {
    await signIn(page, 'dealer');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Hello');
    await expect(page.getByRole('banner').getByText('D-1001')).toBeVisible();
    await expect(page.getByTestId('balance-amount')).toHaveText(/\d/);
    const orders = page.getByTestId('latest-orders').locator('li');
    await expect(orders).toHaveCount(5);
    // Bottom tab bar on a phone, with the current section marked.
    await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('navigation', { name: 'Main menu' })).toBeHidden();
  });

  test('the second demo dealer sees his own dealer, not the first', async ({ page }) => {
    await signIn(page, 'dealer2');
    await expect(page.getByRole('banner').getByText('D-1002')).toBeVisible();
    await expect(page.getByText('D-1001')).toHaveCount(0);
  });

  test('a claims specialist lands on the claims queue', async ({ page }) => {
    await signIn(page, 'claims');
    await expect(page.getByRole('heading', { name: 'Claims queue' })).toBeVisible();
    await expect(page.getByTestId('claims-queue').locator('tbody tr').first()).toBeVisible();
    await expect(page.getByTestId('claims-open').locator('dd')).not.toHaveText('0');
  });

  for (const user of ['factory', 'admin'] as const) {
    test(`the ${user} user lands on the factory overview with real counts`, async ({ page }) => {
      await signIn(page, user);
      await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
      await expect(page.getByTestId('active-dealers').locator('dd')).not.toHaveText('0');
      await expect(page.getByTestId('factory-count-delivered').locator('span').last()).not.toHaveText('0');
    });
  }

  test('a wrong password is refused with words a person can act on', async ({ page }) => {
    await page.goto('/login');
    await page.locator('input[name="email"]').fill(DEMO_USERS.dealer.email);
    await page.locator('input[name="password"]').fill('not-the-password');
    await page.locator('button[type="submit"]').click();
    await expect(page.locator('form [role="alert"]')).toHaveText(/e-mail or password is wrong/);
    await expect(page).toHaveURL(/\/login/);
  });

  test('an empty form is refused before it is sent', async ({ page }) => {
    await page.goto('/login');
    await page.locator('button[type="submit"]').click();
    await expect(page.locator('form [role="alert"]')).toHaveText(/Enter both/);
  });

  test('a stranger is sent to sign in and comes back where he was going', async ({ page }) => {
    await page.goto('/dealer/account');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdealer%2Faccount/);
    await page.locator('input[name="email"]').fill(DEMO_USERS.dealer.email);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('button[type="submit"]').click();
    await expect(page).toHaveURL(/\/dealer\/account$/);
    await expect(page.getByRole('heading', { name: 'Account' })).toBeVisible();
  });

  test('signing out ends the session', async ({ page }) => {
    await signIn(page, 'dealer');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Account' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto('/dealer');
    await expect(page).toHaveURL(/\/login/);
  });
});
