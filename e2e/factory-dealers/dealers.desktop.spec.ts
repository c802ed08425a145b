import { expect, test } from '@playwright/test';
import { edrpouCheckDigit } from '@/lib/demo/tax-id';
import { signIn } from '../fixtures/users';

// Issue 8, point 2: a factory manager finds a dealer and opens its page, creates a dealer
// accounting does not send, and a second one with the same tax id is refused with a link to the first.

const run = Date.now().toString(36).toUpperCase();
// A valid ЄДРПОУ of this run: seven digits of the clock and the check digit.
const first7 = `3${String(Date.now()).slice(-6)}`;
const taxId = `${first7}${edrpouCheckDigit(first7)}`;

test('factory manager searches a dealer, opens it, creates one by hand and is stopped at a duplicate tax id', async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, 'factory');
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Dealers' }).click();
  await expect(page).toHaveURL(/\/factory\/dealers$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Dealers' })).toBeVisible();
  await expect(page.getByTestId('dealers').locator('tbody tr').first()).toBeVisible();

  // Search by code: the text goes into the URL, and the one dealer is listed.
  const filters = page.getByTestId('dealer-filters');
  await filters.getByLabel('Search').fill('D-1002');
  await filters.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/\/factory\/dealers\?q=D-1002$/);
  const rows = page.getByTestId('dealers').locator('tbody tr');
  await expect(rows.first()).toHaveAttribute('data-dealer', 'D-1002');
  await expect(page.getByTestId('dealers-summary')).toBeVisible();

  // Its page: details, the owner among its users, finances, orders and history.
  await rows.first().getByRole('link').first().click();
  await expect(page).toHaveURL(/\/factory\/dealers\/D-1002$/);
  await expect(page.getByTestId('dealer-code')).toHaveText('D-1002');
  await expect(page.getByTestId('dealer-details').locator('[data-field="source"]')).toContainText('Synced from accounting');
  await expect(page.getByTestId('dealer-users').locator('li[data-email="dealer2@demo.test"]')).toBeVisible();
  await expect(page.getByTestId('dealer-balance')).toBeVisible();
  await expect(page.getByTestId('dealer-orders').locator('li[data-order]').first()).toBeVisible();
  const firstOrder = await page.getByTestId('dealer-orders').locator('li[data-order]').first().getAttribute('data-order');
  await expect(page.getByTestId('dealer-orders').getByRole('link', { name: firstOrder! })).toHaveAttribute('href', `/factory/orders/${firstOrder}`);

  // A new dealer by hand.
  await page.goto('/factory/dealers');
  await page.getByTestId('new-dealer').click();
  await expect(page.getByRole('heading', { level: 1, name: 'New dealer' })).toBeVisible();
  const form = page.getByTestId('dealer-form');
  const code = `E2E-${run}`;
  const name = `ФОП Коваль ${run}`;
  await form.getByLabel('Code').fill(code);
  await form.getByLabel('Tax id (ЄДРПОУ or РНОКПП)').fill(`${taxId.slice(0, 7)}${(Number(taxId[7]) + 1) % 10}`);
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Town').fill('Хмельницький');
  await form.getByLabel('E-mail').fill('office@koval.example');
  await form.getByRole('button', { name: 'Create dealer' }).click();
  // A slipped digit is caught next to the field; what was typed stays.
  await expect(page.getByTestId('taxId-error')).toHaveText('The last digit does not match the others: check the number for a typo.');
  await expect(form.getByLabel('Name')).toHaveValue(name);
  await form.getByLabel('Tax id (ЄДРПОУ or РНОКПП)').fill(taxId);
  await form.getByRole('button', { name: 'Create dealer' }).click();
  await expect(page).toHaveURL(new RegExp(`/factory/dealers/${code}\\?created=1$`));
  await expect(page.getByTestId('dealer-notice')).toHaveText('The dealer has been created.');
  await expect(page.getByTestId('dealer-name')).toHaveText(name);
  await expect(page.getByTestId('dealer-details').locator('[data-field="source"]')).toContainText('Created by hand by');
  await expect(page.getByTestId('dealer-history').locator('li[data-action="dealer.created"]')).toBeVisible();

  // Edited by hand: the change is saved and recorded with the changed field.
  await page.getByTestId('edit-dealer').click();
  await expect(page).toHaveURL(new RegExp(`/factory/dealers/${code}/edit$`));
  await form.getByLabel('Phone').fill('+380 67 555 44 33');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(page).toHaveURL(new RegExp(`/factory/dealers/${code}\\?saved=1$`));
  await expect(page.getByTestId('dealer-notice')).toHaveText('The changes have been saved.');
  await expect(page.getByTestId('dealer-details').locator('[data-field="phone"]')).toContainText('+380 67 555 44 33');
  await expect(page.getByTestId('dealer-history').locator('li[data-action="dealer.updated"]')).toContainText('Changed: Phone');

  // Another with the same tax id is refused, naming the first with a link to it.
  await page.goto('/factory/dealers/new');
  await form.getByLabel('Code').fill(`${code}-2`);
  await form.getByLabel('Tax id (ЄДРПОУ or РНОКПП)').fill(taxId);
  await form.getByLabel('Name').fill('Same tax id, other name');
  await form.getByRole('button', { name: 'Create dealer' }).click();
  const error = page.getByTestId('dealer-form-error');
  await expect(error).toContainText(`Tax id ${taxId} already belongs to dealer ${name} (${code}).`);
  await expect(page.getByTestId('taxId-error')).toHaveText('Another dealer has this tax id.');
  await error.getByTestId('existing-dealer-link').click();
  await expect(page).toHaveURL(new RegExp(`/factory/dealers/${code}$`));
  await expect(page.getByTestId('dealer-name')).toHaveText(name);

  // And the list finds it by its tax id.
  await page.goto(`/factory/dealers?q=${taxId}`);
  await expect(page.getByTestId('dealers').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('dealers').locator('tbody tr').first()).toContainText('Created by hand');
});
