import { expect, test, type Page } from '@playwright/test';
import { signIn } from '../fixtures/users';

// Issue 4, point 7: the owner invites an employee by link (no mail server yet), the employee joins
// and works with the orders but not with the users, and deactivation shuts him out at once.

const run = Date.now().toString(36);

async function signInWith(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
}

test('an owner invites an employee, who joins and sees the orders but not the users, until deactivated', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const email = `e2e.staff.${run}@example.test`;
  const name = 'Тарас Мельник';
  const password = 'field-work-2025';
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);

  // The owner opens the team from his account page (the phone's tab bar has no room for it).
  await signIn(page, 'dealer');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Account' }).click();
  await page.getByTestId('account-team-link').click();
  await expect(page).toHaveURL(/\/dealer\/users$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();
  // The owner himself has no buttons: he cannot switch himself off.
  const ownerRow = page.getByTestId('dealer-users').locator('li[data-email="dealer@demo.test"]');
  await expect(ownerRow).toContainText('(you)');
  await expect(ownerRow.getByRole('button')).toHaveCount(0);

  // A mistyped e-mail is answered next to the field; what was typed stays.
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('E-mail').fill('taras.example.test');
  await page.getByRole('button', { name: 'Create invitation link' }).click();
  await expect(page.getByTestId('email-error')).toHaveText('Enter an e-mail address like name@example.com.');
  await expect(page.getByLabel('Name')).toHaveValue(name);

  // An e-mail that already has an account is refused.
  await page.getByLabel('E-mail').fill('STAFF.D-1001@demo.test');
  await page.getByRole('button', { name: 'Create invitation link' }).click();
  await expect(page.getByTestId('email-error')).toHaveText('This e-mail already has an account.');

  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('button', { name: 'Create invitation link' }).click();
  const panel = page.getByTestId('invitation-panel');
  await expect(panel).toContainText(`Invitation for ${name}`);
  const link = await panel.getByTestId('invitation-link').inputValue();
  expect(link).toMatch(/^https?:\/\/[^/]+\/invite\/[A-Za-z0-9_-]{43}$/);
  await panel.getByRole('button', { name: 'Copy link' }).click();
  await expect(panel.getByRole('status')).toHaveText('Link copied.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(link);

  const row = page.getByTestId('dealer-users').locator(`li[data-email="${email}"]`);
  await expect(row.getByTestId('user-status')).toHaveText('Invited');
  await expect(row).toContainText('Link works until');
  // A phone's width, and nothing wider.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // The employee opens the link in a browser of his own.
  const employeeContext = await browser.newContext({
    baseURL,
    locale: 'en-GB',
    viewport: { width: 360, height: 780 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  const employee = await employeeContext.newPage();
  await employee.goto(copied);
  await expect(employee.getByRole('heading', { name: 'Your invitation' })).toBeVisible();
  await expect(employee.getByTestId('invitation-email')).toHaveText(email);
  await expect(employee.getByLabel('Your name')).toHaveValue(name);
  await employee.getByLabel('New password').fill(password);
  await employee.getByLabel('Repeat the password').fill('field-work-2052');
  await employee.getByRole('button', { name: 'Save password' }).click();
  await expect(employee.getByTestId('passwordRepeat-error')).toHaveText('The passwords do not match.');
  await employee.getByLabel('New password').fill(password);
  await employee.getByLabel('Repeat the password').fill(password);
  await employee.getByRole('button', { name: 'Save password' }).click();
  await expect(employee.getByTestId('invitation-accepted')).toContainText(email);
  expect(await employee.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // He signs in and sees the dealer's orders, with no user management anywhere.
  await employee.getByRole('link', { name: 'Sign in' }).click();
  await expect(employee).toHaveURL(/\/login/);
  await signInWith(employee, email, password);
  await expect(employee).toHaveURL(/\/dealer$/);
  await expect(employee.getByRole('heading', { level: 1 })).toContainText('Hello, Тарас');
  await expect(employee.getByTestId('latest-orders').locator('li').first()).toBeVisible();
  await expect(employee.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Home' })).toBeVisible();
  await expect(employee.getByRole('link', { name: 'Team' })).toHaveCount(0);
  await expect(employee.locator('a[href="/dealer/users"]')).toHaveCount(0);
  await employee.goto('/dealer/users');
  await expect(employee.getByRole('heading', { name: 'Only the owner manages users' })).toBeVisible();
  await expect(employee.getByRole('button', { name: 'Create invitation link' })).toHaveCount(0);
  await expect(employee.getByTestId('dealer-users')).toHaveCount(0);

  // The link worked once.
  await employee.goto(link);
  await expect(employee.getByTestId('invitation-unavailable')).toHaveAttribute('data-reason', 'used');
  await expect(employee.getByText('Ask the owner of your company for a new invitation link.')).toBeVisible();

  // The owner sees him active, and deactivates him.
  await page.reload();
  await expect(row.getByTestId('user-status')).toHaveText('Active');
  await expect(row).toContainText('Last sign-in');
  await row.getByRole('button', { name: 'Deactivate' }).click();
  await expect(row.getByTestId('user-status')).toHaveText('Deactivated');
  await expect(row.getByRole('button', { name: 'Restore access' })).toBeVisible();

  // The employee's next page load ends at sign-in, and signing in is refused.
  await employee.goto('/dealer');
  await expect(employee).toHaveURL(/\/login/);
  await signInWith(employee, email, password);
  await expect(employee.locator('form [role="alert"]')).toHaveText(/switched off/);
  await employeeContext.close();
});

test('an unknown invitation link says to ask the owner for a new one', async ({ page }) => {
  await page.goto(`/invite/${'x'.repeat(43)}`);
  await expect(page.getByTestId('invitation-unavailable')).toHaveAttribute('data-reason', 'unknown');
  await expect(page.getByRole('heading', { name: 'This invitation link is not valid' })).toBeVisible();
  await page.goto('/invite/not-even-a-token');
  await expect(page.getByText('Ask the owner of your company for a new invitation link.')).toBeVisible();
});

test('inviting and accepting work before any JavaScript has run', async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  const email = `e2e.nojs.${run}@example.test`;
  await signIn(page, 'dealer');
  const options = { baseURL, locale: 'en-GB', viewport: { width: 360, height: 780 }, javaScriptEnabled: false };
  const owner = await browser.newContext({ ...options, storageState: await page.context().storageState() });
  const ownerPage = await owner.newPage();
  await ownerPage.goto('/dealer/users');
  await ownerPage.getByLabel('Name').fill('Без Скриптів');
  await ownerPage.getByLabel('E-mail').fill('nope');
  await ownerPage.getByRole('button', { name: 'Create invitation link' }).click();
  await expect(ownerPage.getByTestId('email-error')).toHaveText('Enter an e-mail address like name@example.com.');
  await ownerPage.getByLabel('E-mail').fill(email);
  await ownerPage.getByRole('button', { name: 'Create invitation link' }).click();
  const link = await ownerPage.getByTestId('invitation-link').inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await owner.close();

  const invitee = await browser.newContext(options);
  const inviteePage = await invitee.newPage();
  await inviteePage.goto(link);
  await inviteePage.getByLabel('New password').fill('short');
  await inviteePage.getByLabel('Repeat the password').fill('short');
  await inviteePage.getByRole('button', { name: 'Save password' }).click();
  await expect(inviteePage.getByTestId('password-error')).toHaveText('At least 10 characters.');
  await inviteePage.getByLabel('New password').fill('no-script-password');
  await inviteePage.getByLabel('Repeat the password').fill('no-script-password');
  await inviteePage.getByRole('button', { name: 'Save password' }).click();
  await expect(inviteePage.getByTestId('invitation-accepted')).toContainText(email);
  await invitee.close();
});
