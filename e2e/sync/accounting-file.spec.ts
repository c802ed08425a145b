import { expect, test } from '@playwright/test';
import { signIn } from '../fixtures/users';

test('factory staff preview the weekly accounting file and apply it', async ({ page }) => {
  const run = Date.now().toString(36);
  const csv = [
    'document_id;dealer_code;kind;amount;currency;date;due_date;document',
    `E2E-INV-${run};D-1001;invoice;4 200,00;UAH;20.11.2026;04.12.2026;Рахунок № E2E`,
    `E2E-BAD-${run};D-1001;invoice;abc;UAH;20.11.2026;;`,
  ].join('\n');
  await signIn(page, 'factory');
  await page.goto('/factory/sync');
  await page.getByRole('link', { name: 'Weekly accounting file' }).click();
  await expect(page).toHaveURL(/\/factory\/sync\/import$/);
  await page.getByLabel('CSV or Excel (.xlsx) file').setInputFiles({ name: 'weekly.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Check the file' }).click();
  const preview = page.getByTestId('import-preview');
  await expect(preview.getByTestId('preview-new').locator('dd')).toHaveText('1');
  await expect(preview.getByTestId('preview-invalid').locator('dd')).toHaveText('1');
  await expect(preview.locator('[data-row-status="invalid"]')).toContainText('amount');
  await page.getByRole('button', { name: 'Apply 1 row' }).click();
  await expect(page.getByTestId('import-applied')).toContainText('1 rows taken in');

  // The same file again: nothing new to apply.
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByTestId('import-preview').getByTestId('preview-unchanged').locator('dd')).toHaveText('1');
  await expect(page.getByRole('button', { name: /Apply/ })).toBeDisabled();
});

test('a dealer cannot use the accounting file import', async ({ page }) => {
  await signIn(page, 'dealer');
  const answer = await page.request.post('/api/v1/accounting-file', { multipart: { file: { name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from('a') } } });
  expect(answer.status()).toBe(403);
  await page.goto('/factory/sync/import');
  await expect(page).toHaveURL(/\/dealer$/);
});
