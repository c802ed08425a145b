import { request as http, expect, test, type Page } from '@playwright/test';
import { DEMO_USERS, PASSWORD, signIn, type DemoUser } from '../fixtures/users';

// Issue 7, the dealer's finances at phone size: from the home's balance card to the summary with
// overdue in red, the ledger's period and kind filter, an order's settlements, and the client API
// (shape, 400 naming the field, staff 403, another dealer's entries never seen).

type LedgerAnswer = {
  currency: string;
  openingBalance: string;
  closingBalance: string;
  entries: { id: number; date: string; kind: string; amount: string; balanceAfter: string; orderNumber?: string; document?: string }[];
};

async function noHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

/** The computed text colour of an element as RGB (Tailwind's colours are oklch). */
async function rgbOf(page: Page, testId: string): Promise<[number, number, number]> {
  return page.getByTestId(testId).evaluate((el) => {
    const context = document.createElement('canvas').getContext('2d')!;
    context.fillStyle = getComputedStyle(el).color;
    context.fillRect(0, 0, 1, 1);
    const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
    return [r!, g!, b!] as [number, number, number];
  });
}

/** A day as the factory counts it (Europe/Kyiv), as the portal's periods do. */
const kyivDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Kyiv', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
const yearAgo = () => kyivDay(new Date(Date.now() - 365 * 86_400_000));
const today = () => kyivDay(new Date());

async function apiAs(user: DemoUser) {
  const context = await http.newContext({ baseURL: test.info().project.use.baseURL });
  const { csrfToken } = (await (await context.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await context.post('/api/auth/callback/credentials', { form: { csrfToken, email: DEMO_USERS[user].email, password: PASSWORD, json: 'true' } });
  expect(response.ok()).toBeTruthy();
  return context;
}

test('a dealer opens finances from home and sees the balance, overdue in red, ageing and charts', async ({ page }) => {
  await signIn(page, 'dealer');
  const summary = (await (await page.request.get('/api/v1/finance/summary')).json()) as Record<string, string>;
  expect(summary.overdue).toMatch(/^\d+\.\d{2}$/);
  expect(summary.overdue).not.toBe('0.00');

  await page.getByTestId('balance-finance-link').click();
  await expect(page).toHaveURL(/\/dealer\/finance$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Finances' })).toBeVisible();
  const overdue = page.getByTestId('finance-overdue');
  await expect(overdue).toHaveAttribute('data-overdue', 'true');
  const [r, g, b] = await rgbOf(page, 'finance-overdue');
  expect(r, `overdue colour ${r},${g},${b}`).toBeGreaterThan(g + 60);
  expect(r).toBeGreaterThan(b + 60);
  await expect(page.getByTestId('finance-balance-words')).toHaveText(/You owe the factory|The factory owes you|Nobody owes anything/);
  await expect(page.getByTestId('finance-summary').locator('[data-payer]')).toBeVisible();
  await expect(page.getByTestId('finance-updated')).toContainText('Accounting data as of');
  await expect(page.getByTestId('finance-ageing').locator('[data-bucket]')).toHaveCount(5);
  await expect(page.getByTestId('finance-overdue-list').getByTestId('open-debt').first()).toBeVisible();

  // The charts: an accessible SVG with a title, and the numbers as a table.
  const chart = page.getByTestId('balance-chart');
  await chart.scrollIntoViewIfNeeded();
  await expect(chart.locator('svg[role="img"] title')).toHaveText('Balance over time');
  await chart.getByText('Show as a table').click();
  expect(await chart.locator('tbody tr').count()).toBeGreaterThan(80);
  await expect(page.getByTestId('payments-chart').locator('svg[role="img"] title')).toHaveText('Payments by month');
  await noHorizontalScroll(page);

  // The side menu's entry is not in the phone's five tabs; the account page links there too.
  await expect(page.locator('nav.fixed a')).toHaveCount(5);
  await page.locator('nav.fixed a[href="/dealer/account"]').click();
  await page.getByTestId('account-finance-link').click();
  await expect(page).toHaveURL(/\/dealer\/finance$/);
  await page.getByTestId('open-ledger').click();
  await expect(page).toHaveURL(/\/dealer\/finance\/ledger$/);
  await expect(page.getByTestId('period-thisMonth')).toHaveAttribute('aria-current', 'page');
});

test('the ledger changes period, filters by kind and agrees with the API', async ({ page }) => {
  await signIn(page, 'dealer');
  await page.goto('/dealer/finance/ledger');
  await page.getByTestId('period-thisYear').click();
  await expect(page).toHaveURL(new RegExp(`from=${today().slice(0, 4)}-01-01&to=${today()}`));
  await expect(page.getByTestId('period-thisYear')).toHaveAttribute('aria-current', 'page');

  // A custom period: the last 365 days.
  const from = yearAgo();
  const to = today();
  await page.getByTestId('period-custom').locator('summary').click();
  await page.locator('#ledger-from').fill(from);
  await page.locator('#ledger-to').fill(to);
  await page.getByTestId('ledger-apply').click();
  await expect(page).toHaveURL(new RegExp(`from=${from}&to=${to}`));
  await expect(page.getByTestId('ledger-opening')).toBeVisible();
  const whole = (await (await page.request.get(`/api/v1/finance/ledger?from=${from}&to=${to}`)).json()) as LedgerAnswer;
  expect(whole.entries.length).toBeGreaterThan(0);
  await expect(page.getByTestId('ledger-pager')).toContainText(`of ${whole.entries.length.toLocaleString('en-GB')}`);
  await noHorizontalScroll(page);

  // Payments only: every line a payment, as many as the API lists; the balances stay the whole ledger's.
  await page.getByTestId('ledger-kind').selectOption('payment');
  await page.getByTestId('ledger-apply').click();
  await expect(page).toHaveURL(/kind=payment/);
  await expect(page.getByTestId('ledger-filter-note')).toBeVisible();
  const payments = (await (await page.request.get(`/api/v1/finance/ledger?from=${from}&to=${to}&kind=payment`)).json()) as LedgerAnswer;
  expect(payments.closingBalance).toBe(whole.closingBalance);
  const lines = page.getByTestId('ledger-cards').getByTestId('ledger-line');
  await expect(lines).toHaveCount(Math.min(100, payments.entries.length));
  expect(new Set(await lines.evaluateAll((els) => els.map((el) => el.getAttribute('data-kind'))))).toEqual(new Set(['payment']));
  await expect(page.getByTestId('ledger-cards').getByText('Payment').first()).toBeVisible();
  await noHorizontalScroll(page);
});

test('an order page shows the settlements for that order', async ({ page }) => {
  await signIn(page, 'dealer');
  const ledger = (await (await page.request.get(`/api/v1/finance/ledger?from=${yearAgo()}&to=${today()}&kind=invoice`)).json()) as LedgerAnswer;
  const invoice = ledger.entries.find((e) => e.orderNumber);
  expect(invoice).toBeTruthy();
  await page.goto(`/dealer/orders/${encodeURIComponent(invoice!.orderNumber!)}`);
  const block = page.getByTestId('order-settlements');
  await block.scrollIntoViewIfNeeded();
  await expect(block.getByRole('heading', { name: 'Settlements for this order' })).toBeVisible();
  await expect(block).toContainText('Invoiced');
  await expect(page.getByTestId('order-settlements-balance')).toBeVisible();
  await noHorizontalScroll(page);
  await block.getByRole('link', { name: /In the ledger/ }).click();
  await expect(page).toHaveURL(new RegExp(`q=${invoice!.orderNumber}`));
  await expect(page.getByTestId('ledger-cards').getByTestId('ledger-line').first()).toBeVisible();
});

test('the finance API: shape, fields named in a 400, staff refused, another dealer’s entries never seen', async () => {
  const dealer = await apiAs('dealer');
  const other = await apiAs('dealer2');
  const staff = await apiAs('claims');
  try {
    const summary = await dealer.get('/api/v1/finance/summary');
    expect(summary.status()).toBe(200);
    expect(await summary.json()).toMatchObject({
      currency: 'UAH',
      balance: expect.stringMatching(/^-?\d+\.\d{2}$/),
      overdue: expect.stringMatching(/^\d+\.\d{2}$/),
      dueSoon: expect.stringMatching(/^\d+\.\d{2}$/),
      dueIn30Days: expect.stringMatching(/^\d+\.\d{2}$/),
      payerCategory: expect.stringMatching(/^(punctual|hesitant|unreliable)$/),
    });

    const period = `from=${yearAgo()}&to=${today()}`;
    const mine = (await (await dealer.get(`/api/v1/finance/ledger?${period}`)).json()) as LedgerAnswer;
    const theirs = (await (await other.get(`/api/v1/finance/ledger?${period}`)).json()) as LedgerAnswer;
    expect(mine.entries.length).toBeGreaterThan(0);
    expect(theirs.entries.length).toBeGreaterThan(0);
    const ids = new Set(mine.entries.map((e) => e.id));
    expect(theirs.entries.filter((e) => ids.has(e.id))).toEqual([]);
    // Searching for one of the first dealer's orders finds nothing of his for the other.
    const number = mine.entries.find((e) => e.orderNumber)!.orderNumber!;
    const search = (await (await other.get(`/api/v1/finance/ledger?${period}&q=${encodeURIComponent(number)}`)).json()) as LedgerAnswer;
    expect(search.entries.filter((e) => ids.has(e.id))).toEqual([]);
    expect(mine.entries[0]).toMatchObject({ id: expect.any(Number), date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), amount: expect.any(String), balanceAfter: expect.any(String) });

    for (const [query, field] of [
      ['from=2026-02-30', 'from'],
      ['to=tomorrow', 'to'],
      ['from=2026-03-01&to=2026-02-01', 'from'],
      ['from=2015-01-01&to=2026-01-01', 'to'],
      ['kind=gift', 'kind'],
    ] as const) {
      const answer = await dealer.get(`/api/v1/finance/ledger?${query}`);
      expect(answer.status(), query).toBe(400);
      expect(((await answer.json()) as { error: { details: Record<string, string> } }).error.details, query).toHaveProperty(field);
    }

    for (const path of ['/api/v1/finance/summary', '/api/v1/finance/ledger']) {
      const refused = await staff.get(path);
      expect(refused.status(), path).toBe(403);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('/factory/finance');
    }
  } finally {
    await Promise.all([dealer.dispose(), other.dispose(), staff.dispose()]);
  }
});

test('the finance screens fit a 360 px phone in every language', async ({ browser }) => {
  test.setTimeout(90_000);
  for (const locale of ['uk-UA', 'ru-RU', 'en-GB']) {
    const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale, viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
    const phone = await context.newPage();
    await signIn(phone, 'dealer');
    const { items } = (await (await phone.request.get('/api/v1/orders?status=delivered&limit=1')).json()) as { items: { number: string }[] };
    for (const path of ['/dealer/finance', '/dealer/finance?span=12m', `/dealer/finance/ledger?from=${yearAgo()}&to=${today()}&kind=invoice`, `/dealer/orders/${items[0]!.number}`]) {
      await phone.goto(path);
      // Names what sticks out, so a failure says where to look.
      const wide = await phone.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 && getComputedStyle(el).position !== 'fixed')
          .filter((el) => !el.closest('[data-scrolls-sideways]'))
          .slice(0, 3)
          .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} "${(el.textContent ?? '').trim().slice(0, 30)}"`),
      );
      expect(wide, `${locale} ${path}`).toEqual([]);
      await noHorizontalScroll(phone);
    }
    await context.close();
  }
});
