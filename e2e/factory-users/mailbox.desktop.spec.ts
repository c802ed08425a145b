import { expect, test } from '@playwright/test';
import { signIn } from '../fixtures/users';

// Issue 10, point 2: with no SMTP server configured (the e2e server has no SMTP_URL) the mails go
// to the dev mailbox on the administrator's mail page. The administrator creates a user, finds the
// invitation there, and its link works: the new user sets a password and signs in.

const run = Date.now().toString(36);

test('the dev mailbox shows the invitation mail, and its link lets the new user in', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const email = `e2e.mailbox.${run}@example.test`;
  const name = 'Mail Box Tester';
  const password = 'mailbox-2026-ok';

  await signIn(page, 'admin');
  await page.goto('/factory/users/new');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Role').selectOption('factory');
  await page.locator('select[name="locale"]').selectOption('en');
  await page.getByRole('button', { name: 'Create user and link' }).click();
  const panel = page.getByTestId('invitation-panel');
  await expect(panel).toContainText(`Link for ${name}`);
  // The link is still shown, and the panel says where its mail is.
  await expect(panel.getByTestId('invitation-mail')).toHaveText(
    `No mail server is configured: the e-mail with this link to ${email} is kept in the portal's dev mailbox (the administrator's Mail page).`,
  );
  const shownLink = await panel.getByTestId('invitation-link').inputValue();

  // The mail page is in the main menu; it says that nothing is sent.
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Mail' }).click();
  await expect(page).toHaveURL(/\/factory\/mail$/);
  await expect(page.getByRole('heading', { level: 1, name: /^Mail/ })).toBeVisible();
  await expect(page.getByTestId('mail-no-smtp')).toHaveText('No SMTP server is configured: mails are kept here (dev mailbox), nothing is sent. Set SMTP_URL to send them.');
  const row = page.getByTestId('mail-table').locator(`tr[data-to="${email}"]`);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Invitation');
  await row.getByRole('link', { name: 'Your invitation to the Dealer portal' }).click();

  // The mail itself: subject, the plain text with its link, the HTML in a sandboxed frame.
  await expect(page).toHaveURL(/\/factory\/mail\/\d+$/);
  await expect(page.getByTestId('mail-subject')).toHaveText('Your invitation to the Dealer portal');
  await expect(page.getByTestId('mail-text')).toContainText(`Hello, ${name}!`);
  const frame = page.frameLocator('[data-testid="mail-html"]');
  await expect(frame.getByRole('link', { name: 'Set your password' })).toBeVisible();
  await expect(page.getByTestId('mail-html')).toHaveAttribute('sandbox', 'allow-popups allow-popups-to-escape-sandbox');
  // The dev mailbox delivers at once: the mail is marked sent, by the dev mailbox.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('mail-view').getByTestId('mail-state')).toHaveAttribute('data-state', 'sent', { timeout: 1_000 });
  }).toPass();
  await expect(page.getByTestId('mail-view')).toContainText('Dev mailbox');
  const link = page.getByTestId('mail-link').filter({ hasText: '/reset/' });
  await expect(link).toHaveAttribute('href', shownLink);

  // The new user follows the link from the mail, in a browser of their own.
  const context = await browser.newContext({ baseURL, locale: 'en-GB', viewport: { width: 1366, height: 860 } });
  const user = await context.newPage();
  await user.goto((await link.getAttribute('href'))!);
  await expect(user.getByTestId('link-email')).toHaveText(email);
  await user.getByLabel('New password').fill(password);
  await user.getByLabel('Repeat the password').fill(password);
  await user.getByRole('button', { name: 'Save password' }).click();
  await expect(user.getByTestId('password-set')).toContainText(email);
  await user.goto('/login');
  await user.locator('input[name="email"]').fill(email);
  await user.locator('input[name="password"]').fill(password);
  await user.locator('button[type="submit"]').click();
  await expect(user).toHaveURL(/\/factory$/);
  await context.close();
});

test('"forgot your password" mails a reset link, with the same answer for an unknown address', async ({ page, browser, baseURL }) => {
  const visitor = await browser.newContext({ baseURL, locale: 'en-GB', viewport: { width: 1366, height: 860 } });
  const anon = await visitor.newPage();
  await anon.goto('/login');
  await anon.getByTestId('forgot-link').click();
  await expect(anon).toHaveURL(/\/forgot$/);
  const sent = 'If this address has an account, a link to choose a new password is on its way. Check your mailbox (and the spam folder).';
  for (const email of ['factory@demo.test', `nobody.${run}@example.test`]) {
    await anon.goto('/forgot');
    await anon.getByLabel('E-mail').fill(email);
    await anon.getByRole('button', { name: 'Send the link' }).click();
    await expect(anon.getByTestId('forgot-sent')).toHaveText(sent);
  }
  await visitor.close();

  // The administrator sees the reset mail (only for the address that has an account).
  await signIn(page, 'admin');
  await page.goto('/factory/mail');
  await expect(page.getByTestId('mail-table').locator('tr[data-to="factory@demo.test"][data-kind="password_reset"]').first()).toBeVisible();
  await expect(page.getByTestId('mail-table').locator(`tr[data-to="nobody.${run}@example.test"]`)).toHaveCount(0);
});

test('a factory manager has no mail page and no menu entry for it', async ({ page }) => {
  await signIn(page, 'factory');
  await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Mail' })).toHaveCount(0);
  await page.goto('/factory/mail');
  await expect(page).toHaveURL(/\/factory$/);
});
