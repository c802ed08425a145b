import fs from 'node:fs/promises';
import { request as http, expect, test, type APIRequestContext, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { normaliseSpaces, pdfText } from '@/lib/finance/documents/testing/pdf-text';
import { DEMO_USERS, PASSWORD, signIn, type DemoUser } from '../fixtures/users';

// A dealer on a phone downloads the reconciliation statement and the statement of account for a
// past period from the ledger page: the PDF opens and holds the closing balance the page shows,
// the workbook's closing row holds the same amount. A period that has ended keeps its numbers
// while other specs add today's entries.

const TITLES = ['Акт звірки взаєморозрахунків', 'Акт сверки взаиморасчетов', 'Reconciliation statement'];

/** Six whole months up to the end of last month. */
function pastPeriod(now = new Date()): { from: string; to: string } {
  const ymd = (d: Date) => d.toISOString().slice(0, 10);
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 6, 1));
  return { from: ymd(from), to: ymd(to) };
}

/** "−12 345,67 ₴" → { negative, digits: "12 345,67" } as the documents write the figure. */
async function closingFigure(page: Page): Promise<{ negative: boolean; figure: string; decimal: string }> {
  const shown = normaliseSpaces((await page.getByTestId('ledger-closing-figure').innerText()).trim());
  const figure = /\d[\d ,.]*\d{2}(?!\d)/.exec(shown)?.[0];
  if (!figure) throw new Error(`No amount in "${shown}"`);
  const negative = shown.startsWith('−') || shown.startsWith('-');
  const [whole, cents] = [figure.slice(0, -3).replace(/[ ,.]/g, ''), figure.slice(-2)];
  return { negative, figure, decimal: `${negative ? '-' : ''}${whole}.${cents}` };
}

test('a dealer downloads the reconciliation statement and the XLSX of a period on a phone', async ({ page }) => {
  await signIn(page, 'dealer');
  const period = pastPeriod();
  await page.goto(`/dealer/finance/ledger?from=${period.from}&to=${period.to}`);
  const closing = await closingFigure(page);

  const panel = page.getByTestId('finance-documents');
  await panel.scrollIntoViewIfNeeded();
  await expect(panel).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // The PDF: a real PDF that opens, with the dealer, the title and the closing balance.
  const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-reconciliation-pdf').click()]);
  expect(pdfDownload.suggestedFilename()).toBe(`reconciliation-D-1001-${period.from}-${period.to}.pdf`);
  const pdf = await fs.readFile((await pdfDownload.path()) ?? '');
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const { pages, text } = await pdfText(pdf);
  expect(pages.length).toBeGreaterThanOrEqual(1);
  expect(TITLES.some((title) => text.includes(title))).toBe(true);
  expect(text).toContain('ТОВ «Вікна Поділля»');
  expect(text).toContain(closing.figure);

  // The workbook: its closing row holds the same balance.
  const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-ledger-xlsx').click()]);
  expect(xlsxDownload.suggestedFilename()).toBe(`ledger-D-1001-${period.from}-${period.to}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await fs.readFile((await xlsxDownload.path()) ?? '')) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const last = sheet.getRow(sheet.rowCount);
  expect(last.getCell(1).value).toEqual(new Date(`${period.to}T00:00:00Z`));
  expect((last.getCell(7).value as number).toFixed(2)).toBe(closing.decimal);
});

/** A request context signed in with the credentials flow, as the API's clients do. */
async function signedIn(baseURL: string | undefined, user: DemoUser): Promise<APIRequestContext> {
  const api = await http.newContext({ baseURL });
  const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await api.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: DEMO_USERS[user].email, password: PASSWORD, json: 'true' },
  });
  expect(response.ok()).toBeTruthy();
  return api;
}

test('the download links answer 400 naming the field, 403 to factory staff, 401 to strangers, and each dealer his own', async ({ baseURL }) => {
  const dealer = await signedIn(baseURL, 'dealer');
  const dealer2 = await signedIn(baseURL, 'dealer2');
  const factory = await signedIn(baseURL, 'factory');
  const stranger = await http.newContext({ baseURL });
  try {
    const bad = await dealer.get('/api/v1/finance/documents/reconciliation.pdf?from=2026-02-30&to=2026-03-31');
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: 'bad_request', details: { from: expect.any(String) } });
    const backwards = await dealer.get('/api/v1/finance/documents/ledger.csv?from=2026-03-01&to=2026-02-01');
    expect(backwards.status()).toBe(400);
    expect((await backwards.json()).error.details).toHaveProperty('to');
    expect((await dealer.get('/api/v1/finance/documents/ledger.xlsx?from=2026-01-01')).status()).toBe(400);
    expect((await dealer.get('/api/v1/finance/documents/other.pdf?from=2026-01-01&to=2026-01-31')).status()).toBe(404);

    // The same link gives each dealer his own statement: the scope, not the link, names the dealer.
    const period = pastPeriod();
    const link = `/api/v1/finance/documents/ledger.csv?from=${period.from}&to=${period.to}`;
    const [own, other] = await Promise.all([dealer.get(link), dealer2.get(link)]);
    expect(own.status()).toBe(200);
    expect(own.headers()['content-type']).toContain('text/csv');
    expect(own.headers()['content-disposition']).toContain(`ledger-D-1001-${period.from}-${period.to}.csv`);
    expect(other.headers()['content-disposition']).toContain(`ledger-D-1002-${period.from}-${period.to}.csv`);
    expect(await own.text()).not.toEqual(await other.text());

    const forbidden = await factory.get('/api/v1/finance/documents/reconciliation.pdf?from=2026-01-01&to=2026-01-31');
    expect(forbidden.status()).toBe(403);
    expect((await forbidden.json()).error.code).toBe('forbidden');
    expect((await stranger.get('/api/v1/finance/documents/ledger.xlsx?from=2026-01-01&to=2026-01-31')).status()).toBe(401);
  } finally {
    await Promise.all([dealer.dispose(), dealer2.dispose(), factory.dispose(), stranger.dispose()]);
  }
});
