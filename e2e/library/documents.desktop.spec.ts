import { expect, test } from '@playwright/test';
import { signIn } from '../fixtures/users';
import { makePdf } from '../../lib/library/test-documents';

// Issue 8, the document library: a factory manager uploads a PDF price list (a web page renamed
// to .pdf is refused first), a dealer finds it under price lists and downloads it under its
// name; once unpublished, the dealer no longer sees it and its link answers 404.

test('a factory manager uploads a PDF price list and a dealer downloads it', async ({ page, browser }) => {
  const stamp = Date.now().toString(36);
  const title = `Прайс-лист ${stamp}`;
  const fileName = `Прайс-лист ${stamp}.pdf`;
  const pdf = await makePdf(`Dealer price list ${stamp}`);

  await signIn(page, 'factory');
  await page.goto('/factory/documents');
  const form = page.getByTestId('library-upload-form');
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Category').selectOption('price_lists');

  // A web page named .pdf is judged by its content and refused.
  await form.getByLabel('File').setInputFiles({ name: 'prices.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<!DOCTYPE html><html><body>prices</body></html>') });
  await form.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByTestId('library-upload-error')).toContainText('is not a PDF, XLSX, DOCX, JPEG or PNG file');

  await form.getByLabel('File').setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: pdf });
  await form.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByTestId('library-upload-done')).toContainText(title);
  const staffCard = page.getByTestId('library-staff-document').filter({ hasText: title });
  await expect(staffCard.getByTestId('library-status')).toHaveText('Published');
  await expect(staffCard).toContainText(fileName);

  // The dealer, in his own browser, finds it among the price lists and downloads it.
  const dealerContext = await browser.newContext({ locale: 'en-GB', acceptDownloads: true });
  const dealer = await dealerContext.newPage();
  await signIn(dealer, 'dealer');
  // A dealer may not upload, whatever he sends.
  const upload = await dealer.request.post('/api/v1/library', { multipart: { title: 'X', category: 'other', file: { name: 'x.pdf', mimeType: 'application/pdf', buffer: pdf } } });
  expect(upload.status()).toBe(403);
  await dealer.goto('/dealer/documents');
  await dealer.locator('#library-category').selectOption('price_lists');
  await dealer.getByTestId('library-filter').getByRole('button').first().click();
  await expect(dealer).toHaveURL(/category=price_lists/);
  await expect(dealer.getByTestId('library-group')).toHaveCount(1);
  await expect(dealer.getByTestId('library-group')).toHaveAttribute('data-category', 'price_lists');
  const card = dealer.getByTestId('library-document').filter({ hasText: title });
  await expect(card.getByTestId('library-file-type')).toHaveText('PDF');
  await expect(card.getByTestId('library-file-size')).not.toBeEmpty();
  const [download] = await Promise.all([dealer.waitForEvent('download'), card.getByTestId('library-download').click()]);
  expect(download.suggestedFilename()).toBe(fileName);
  const saved = await download.path();
  const { readFile } = await import('node:fs/promises');
  const bytes = await readFile(saved);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(bytes.length).toBe(pdf.length);
  const url = await card.getByTestId('library-download').getAttribute('href');
  expect(url).toMatch(/^\/api\/v1\/attachments\/[0-9a-f-]{36}$/);

  // Unpublished: gone from the dealer's list, and its link answers 404 to him.
  await staffCard.getByTestId('library-publish-toggle').click();
  await expect(staffCard.getByTestId('library-status')).toHaveText('Draft');
  await dealer.reload();
  await expect(dealer.getByTestId('library-document').filter({ hasText: title })).toHaveCount(0);
  expect((await dealer.request.get(url!)).status()).toBe(404);
  // The factory still opens it.
  expect((await page.request.get(url!)).status()).toBe(200);
  await dealerContext.close();
});
