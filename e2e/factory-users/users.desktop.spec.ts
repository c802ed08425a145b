import { expect, test, type Browser, type Page } from '@playwright/test';
import { signIn } from '../fixtures/users';

// Issue 8, point 3: the administrator creates a user with a one-time link (no mail server yet),
// the user sets a password and signs in; a deactivation shuts the user out at once (sockets too);
// a password reset goes by link as well. A factory manager has no way in.

const run = Date.now().toString(36);

async function signInWith(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
}

/** A browser of the user's own: nothing shared with the administrator's. */
async function freshPage(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ baseURL, locale: 'en-GB', viewport: { width: 1366, height: 860 } });
  return { context, page: await context.newPage() };
}

test('an administrator creates a claims specialist, deactivates them and resets their password by link', async ({ page, browser, baseURL }) => {
  test.setTimeout(150_000);
  const email = `e2e.claims.${run}@example.test`;
  const name = 'Ірина Бондар';
  const password = 'desk-work-2026';

  // The administrator finds the users in the main menu.
  await signIn(page, 'admin');
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Users' }).click();
  await expect(page).toHaveURL(/\/factory\/users$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  // Many demo users: a page at a time.
  await expect(page.getByTestId('users-summary')).toContainText(/^1–25 of \d+$/);
  await expect(page.getByTestId('user-table').locator('tbody tr')).toHaveCount(25);
  await page.goto('/factory/users?q=admin%40demo.test');
  await expect(page.getByTestId('user-table').locator('tr[data-email="admin@demo.test"]')).toContainText('(you)');
  await page.goto('/factory/users');

  await page.getByTestId('new-user').click();
  await expect(page).toHaveURL(/\/factory\/users\/new$/);
  // A claims specialist belongs to no dealer: a dealer code is refused next to its field.
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('E-mail').fill('CLAIMS@demo.test');
  await page.getByLabel('Role').selectOption('claims');
  await expect(page.getByLabel('Dealer code')).toHaveCount(0);
  await page.getByLabel('Role').selectOption('dealer_staff');
  await page.getByLabel('Dealer code').fill('D-1001');
  await page.getByLabel('Role').selectOption('claims');
  await page.getByRole('button', { name: 'Create user and link' }).click();
  // An e-mail that has an account already, in another letter case.
  await expect(page.getByTestId('email-error')).toHaveText('This e-mail already has an account.');
  await expect(page.getByLabel('Name')).toHaveValue(name);
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('button', { name: 'Create user and link' }).click();
  const panel = page.getByTestId('invitation-panel');
  await expect(panel).toContainText(`Link for ${name}`);
  const link = await panel.getByTestId('invitation-link').inputValue();
  expect(link).toMatch(/^https?:\/\/[^/]+\/reset\/[A-Za-z0-9_-]{43}$/);

  // The new user opens the link in a browser of their own and sets a password.
  const user = await freshPage(browser, baseURL);
  await user.page.goto(link);
  await expect(user.page.getByRole('heading', { name: 'Your access to the portal' })).toBeVisible();
  await expect(user.page.getByTestId('link-email')).toHaveText(email);
  await user.page.getByLabel('New password').fill(password);
  await user.page.getByLabel('Repeat the password').fill(`${password}!`);
  await user.page.getByRole('button', { name: 'Save password' }).click();
  await expect(user.page.getByTestId('passwordRepeat-error')).toHaveText('The passwords do not match.');
  await user.page.getByLabel('New password').fill(password);
  await user.page.getByLabel('Repeat the password').fill(password);
  await user.page.getByRole('button', { name: 'Save password' }).click();
  await expect(user.page.getByTestId('password-set')).toContainText(email);
  await user.page.getByRole('link', { name: 'Sign in' }).click();
  await signInWith(user.page, email, password);
  await expect(user.page).toHaveURL(/\/claims$/);
  await expect(user.page.getByTestId('realtime')).toHaveAttribute('data-state', 'connected');
  // The link worked once.
  const again = await user.context.newPage();
  await again.goto(link);
  await expect(again.getByTestId('link-unavailable')).toHaveAttribute('data-reason', 'used');
  await again.close();

  // The administrator finds the user by searching, and sees them active.
  await page.goto('/factory/users');
  await page.getByLabel('Search').fill(email);
  await page.getByLabel('State').selectOption('active');
  await page.getByRole('button', { name: 'Show' }).click();
  // The form sends its empty fields too; the list answers under its clean address.
  await expect(page).toHaveURL(new RegExp(`/factory/users\\?q=${encodeURIComponent(email)}&state=active$`));
  const row = page.getByTestId('user-table').locator(`tr[data-email="${email}"]`);
  await expect(row).toContainText('Claims specialist');
  await expect(row.getByTestId('user-state')).toHaveText('Active');
  await row.getByRole('link', { name }).click();
  await expect(page.getByTestId('user-title')).toHaveText(name);

  // Deactivation: the user's socket drops at once, and the next page load ends at sign-in.
  const actions = page.getByTestId('user-actions');
  await actions.getByRole('button', { name: 'Deactivate' }).click();
  await expect(actions.getByTestId('action-done')).toHaveText('Deactivated: signed out everywhere, cannot sign in.');
  await expect(page.locator('main').getByTestId('user-state')).toHaveText('Deactivated');
  await expect(user.page.getByTestId('realtime')).not.toHaveAttribute('data-state', 'connected');
  await user.page.goto('/claims');
  await expect(user.page).toHaveURL(/\/login/);
  await signInWith(user.page, email, password);
  await expect(user.page.locator('form [role="alert"]')).toHaveText(/switched off/);

  // Access restored, then a password reset by link.
  await actions.getByRole('button', { name: 'Restore access' }).click();
  await expect(actions.getByTestId('action-done')).toHaveText('Access restored: can sign in again.');
  await actions.getByRole('button', { name: 'Password reset link' }).click();
  const resetPanel = actions.getByTestId('invitation-panel');
  await expect(resetPanel).toContainText(`Password reset link for ${name}`);
  const resetLink = await resetPanel.getByTestId('invitation-link').inputValue();
  expect(resetLink).toMatch(/\/reset\/[A-Za-z0-9_-]{43}$/);
  await page.reload();
  await expect(page.getByTestId('fact-reset-link')).toContainText('works until');

  await user.page.goto(resetLink);
  await expect(user.page.getByRole('heading', { name: 'A new password' })).toBeVisible();
  await user.page.getByLabel('New password').fill('desk-work-2027');
  await user.page.getByLabel('Repeat the password').fill('desk-work-2027');
  await user.page.getByRole('button', { name: 'Save password' }).click();
  await expect(user.page.getByTestId('password-set')).toContainText(email);
  await signInWith(user.page, email, password);
  await expect(user.page.locator('form [role="alert"]')).toBeVisible();
  await expect(user.page).toHaveURL(/\/login/);
  await signInWith(user.page, email, 'desk-work-2027');
  await expect(user.page).toHaveURL(/\/claims$/);
  await user.page.goto(resetLink);
  await expect(user.page.getByTestId('link-unavailable')).toHaveAttribute('data-reason', 'used');
  await user.context.close();
});

test('an unknown user id is not found, and an unknown reset link says to ask for a new one', async ({ page }) => {
  await signIn(page, 'admin');
  const response = await page.goto('/factory/users/00000000-0000-4000-8000-000000000000');
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId('user-not-found')).toBeVisible();
  await page.goto('/factory/users/not-an-id');
  await expect(page.getByTestId('user-not-found')).toBeVisible();
  await page.goto(`/reset/${'x'.repeat(43)}`);
  await expect(page.getByTestId('link-unavailable')).toHaveAttribute('data-reason', 'unknown');
  await expect(page.getByText('Ask the portal administrator for a new link.')).toBeVisible();
});

test('a factory manager has no users administration', async ({ page }) => {
  await signIn(page, 'factory');
  await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Users' })).toHaveCount(0);
  await page.goto('/factory/users');
  await expect(page).toHaveURL(/\/factory$/);
  await page.goto('/factory/users/new');
  await expect(page).toHaveURL(/\/factory$/);
});
