import { expect, test } from '@playwright/test';
import { signIn } from '../fixtures/users';

// Issue 8, points 6 and 7: an administrator keeps the portal's settings (a second plant, the
// claims SLA) and finds every change in the audit log, by object and by dealer.

const run = Date.now().toString(36).toUpperCase();
const TOKEN = 'demo-production-token';

test('an administrator adds a plant and changes an SLA value; both are saved and in the audit log', async ({ page }) => {
  const code = `E2E${run}`.slice(0, 20);
  await signIn(page, 'admin');
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL(/\/factory\/settings$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  // A duplicate code is refused with words to act on.
  const add = page.getByTestId('plant-add-form');
  await add.getByLabel('Code').fill('MAIN');
  await add.getByLabel('Name').fill('Ще один завод');
  await add.getByLabel('City').fill('Житомир');
  await add.getByRole('button', { name: 'Add the plant' }).click();
  await expect(add.getByTestId('settings-field-error')).toHaveText('A plant with this code already exists; choose another code.');

  await add.getByLabel('Code').fill(code);
  await add.getByRole('button', { name: 'Add the plant' }).click();
  await expect(page.getByTestId('plant-add-saved')).toBeVisible();
  const plant = page.getByTestId('plant-list').locator(`[data-code="${code}"]`);
  await expect(plant).toContainText('Ще один завод');
  await expect(plant).toContainText('Житомир');
  await expect(plant.getByTestId('plant-main')).toHaveCount(0);

  // The SLA: a decision due before the first response is refused; a good value is kept.
  const first = page.locator('#sla-other-firstResponseHours');
  const decision = page.locator('#sla-other-decisionHours');
  const before = { first: await first.inputValue(), decision: await decision.inputValue() };
  const changed = String(Number(before.first) === 7 ? 6 : 7);
  await first.fill(changed);
  await decision.fill('3');
  await page.getByTestId('sla-save').click();
  await expect(page.getByTestId('sla-form').getByTestId('settings-field-error')).toHaveText('The decision cannot be due before the first response.');
  await decision.fill(before.decision);
  await page.getByTestId('sla-save').click();
  await expect(page.getByTestId('sla-saved')).toHaveText('Saved.');
  await page.reload();
  await expect(page.locator('#sla-other-firstResponseHours')).toHaveValue(changed);

  // Both changes are in the audit log, with who made them.
  await page.goto(`/factory/audit?type=plant&object=${code}`);
  const plantRows = page.getByTestId('audit-table').getByTestId('audit-row');
  await expect(plantRows).toHaveCount(1);
  await expect(plantRows.first()).toContainText('Plant added');
  await expect(plantRows.first()).toContainText('admin@demo.test · Administrator');
  await page.goto('/factory/audit?type=settings&object=claim_sla.other');
  const slaRow = page.getByTestId('audit-table').getByTestId('audit-row').first();
  await expect(slaRow).toContainText('Claims SLA changed');
  const change = slaRow.locator('[data-testid="audit-change"][data-field="firstResponseHours"]');
  await expect(change.locator('del')).toHaveText(before.first);
  await expect(change.locator('ins')).toHaveText(changed);

  // Put the SLA back for the other specs.
  await page.goto('/factory/settings');
  await page.locator('#sla-other-firstResponseHours').fill(before.first);
  await page.getByTestId('sla-save').click();
  await expect(page.getByTestId('sla-saved')).toBeVisible();
});

test('an administrator finds a dealer’s changes by its code; the order lookup keeps each plant’s orders apart', async ({ page, request }) => {
  const dealerCode = `E2E-${run}`;
  const number = `E2E-P-${run}`;
  const now = new Date().toISOString();
  const taxId = String(Date.now()).slice(-8);
  const response = await request.post('/api/sync/v1/events', {
    headers: { authorization: `Bearer ${TOKEN}` },
    data: {
      events: [
        { id: `e2e-audit-dealer-${run}`, type: 'dealer.upserted', occurredAt: now, data: { code: dealerCode, name: `Вікна ${run}`, taxId, region: 'Житомирська' } },
        {
          id: `e2e-audit-order-${run}`,
          type: 'order.upserted',
          occurredAt: now,
          data: {
            number,
            dealerCode,
            plant: 'WEST',
            createdAt: now,
            currency: 'UAH',
            total: '9800.00',
            items: [{ position: 1, kind: 'window', name: 'Вікно', widthMm: 900, heightMm: 1200, quantity: 1, price: '9800.00' }],
          },
        },
        { id: `e2e-audit-status-${run}`, type: 'order.status', occurredAt: now, data: { number, status: 'in_production' } },
      ],
    },
  });
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ accepted: 3, rejected: [] });

  await signIn(page, 'admin');
  await page.goto('/factory/audit');
  await page.getByLabel('Dealer').fill(dealerCode);
  await page.getByTestId('audit-search').click();
  await expect(page).toHaveURL(new RegExp(`dealer=${dealerCode}`));
  const rows = page.getByTestId('audit-table').getByTestId('audit-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('sync: production');
  await expect(page.getByTestId('audit-table')).toContainText('Dealer received or changed');
  await expect(page.getByTestId('audit-table')).toContainText('Order received or changed');
  const status = page.getByTestId('audit-table').locator('[data-action="order.status"]');
  await expect(status).toContainText('in_production');
  // The order's row links to the order's page.
  await page.getByTestId('audit-table').locator('[data-action="order.upserted"]').getByTestId('audit-object-link').click();
  await expect(page).toHaveURL(new RegExp(`/factory/orders/${number}$`));

  // An unknown dealer is said so, not answered with everything.
  await page.goto('/factory/audit?dealer=NO-SUCH-DEALER');
  await expect(page.getByTestId('audit-unresolved')).toHaveText('There is no dealer with the code “NO-SUCH-DEALER”.');

  // The lookup with the main plant chosen does not find the western plant's order; with the western plant it does.
  await page.goto('/factory/orders');
  await page.getByLabel('Order number').fill(number);
  await page.getByTestId('order-plant').selectOption('MAIN');
  await page.getByRole('button', { name: 'Open the order' }).click();
  await expect(page.getByTestId('lookup-no-match')).toBeVisible();
  await expect(page.getByTestId('order-plant-no-match')).toBeVisible();
  await page.getByTestId('order-plant').selectOption('WEST');
  await page.getByRole('button', { name: 'Open the order' }).click();
  await expect(page).toHaveURL(new RegExp(`/factory/orders/${number}$`));
});

test('an administrator sets the working calendar: bad hours and dates are refused, an extra day off is kept', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/factory/settings');
  const form = page.getByTestId('calendar-form');
  const opens = form.getByTestId('cal-opensAt');
  const closes = form.getByTestId('cal-closesAt');
  const holidays = form.getByTestId('cal-extraHolidays');
  const before = { closes: await closes.inputValue(), holidays: await holidays.inputValue() };

  // Closing before opening, and a day that does not exist: refused with words, nothing saved.
  await closes.fill(await opens.inputValue());
  await holidays.fill(`${before.holidays}\n2027-02-30`.trim());
  await form.getByTestId('calendar-save').click();
  await expect(form.locator('#cal-closesAt-error')).toHaveText('Closing time must be after opening time.');
  await expect(form.locator('#cal-extraHolidays-error')).toHaveText('Dates as YYYY-MM-DD, one per line, each a real day (e.g. 2026-12-31).');
  await page.reload();
  await expect(form.getByTestId('cal-closesAt')).toHaveValue(before.closes);
  await expect(form.getByTestId('cal-extraHolidays')).toHaveValue(before.holidays);

  // A day off far ahead (no claim filed by the other specs is due then) is kept across a reload.
  await form.getByTestId('cal-extraHolidays').fill(`${before.holidays}\n2027-12-30`.trim());
  await form.getByTestId('calendar-save').click();
  await expect(form.getByTestId('calendar-saved')).toBeVisible();
  await page.reload();
  await expect(form.getByTestId('cal-extraHolidays')).toHaveValue(/2027-12-30/);

  // Put the calendar back for the other specs.
  await form.getByTestId('cal-extraHolidays').fill(before.holidays);
  await form.getByTestId('calendar-save').click();
  await expect(form.getByTestId('calendar-saved')).toBeVisible();
});

test('a factory manager is refused the audit log and the settings', async ({ page }) => {
  await signIn(page, 'factory');
  for (const path of ['/factory/audit', '/factory/settings']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/factory$/);
  }
  await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Audit log' })).toHaveCount(0);
});
