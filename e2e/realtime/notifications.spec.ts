import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { signIn } from '../fixtures/users';

// Issue 5, points 5–7 on a phone: the bell and its count, the list by day, mark read / all read,
// a toast and a live order page when production reports a change, and the preferences.

const TOKEN = 'demo-production-token';
const run = Date.now().toString(36);

/** The bell in the phone's header (the side menu's one is hidden at this width). */
const bell = (page: Page) => page.locator('header').getByTestId('notification-bell');

async function bellCount(page: Page): Promise<number> {
  return Number(await bell(page).getAttribute('data-count'));
}

async function pushEvents(request: APIRequestContext, events: unknown[]) {
  const response = await request.post('/api/sync/v1/events', { headers: { authorization: `Bearer ${TOKEN}` }, data: { events } });
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ accepted: events.length });
}

// dealer2's bell: the demo seeds unread notifications for both demo dealers, and an order moved by
// production adds one (so a retry on the same database has one too). This spec empties the second
// dealer's bell, so specs that count on dealer@demo.test's bell are not disturbed.
test('the bell counts unread notifications; opening one marks it read, "mark all read" empties the count', async ({ page, request }) => {
  const number = `BL-${run}`;
  const now = new Date().toISOString();
  await pushEvents(request, [
    {
      id: `bl-order-${run}`,
      type: 'order.upserted',
      occurredAt: now,
      data: {
        number,
        dealerCode: 'D-1002',
        createdAt: now,
        currency: 'UAH',
        total: '7200.00',
        items: [{ position: 1, kind: 'window', name: 'Вікно', widthMm: 1000, heightMm: 1300, quantity: 1, price: '7200.00' }],
      },
    },
    { id: `bl-status-${run}`, type: 'order.status', occurredAt: now, data: { number, status: 'in_production' } },
  ]);

  await signIn(page, 'dealer2');
  await expect(bell(page)).toBeVisible();
  await bell(page).click();
  await expect(page).toHaveURL(/\/dealer\/notifications$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  // The pushed order's notification is written right after the sync's commit.
  const pushed = page.locator(`[data-testid="notification"][data-read="false"] a[href="/dealer/orders/${number}"]`);
  await expect
    .poll(async () => {
      if ((await pushed.count()) === 0) await page.reload();
      return pushed.count();
    })
    .toBe(1);

  const before = await bellCount(page);
  expect(before).toBeGreaterThanOrEqual(1);
  await expect(bell(page).getByTestId('notification-count')).toHaveText(String(before));
  await expect(page.getByTestId('notification-day').first().getByRole('heading', { level: 2 })).toBeVisible();
  await expect(page.locator('[data-testid="notification"][data-read="false"]')).toHaveCount(before);
  await expect(page.locator('[data-testid="notification"][data-importance="critical"]').first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // Opening one leads to its object and marks it read.
  await pushed.click();
  await expect(page).toHaveURL(new RegExp(`/dealer/orders/${number}$`));
  await expect(bell(page)).toHaveAttribute('data-count', String(before - 1));

  await bell(page).click();
  await expect(page.locator('[data-testid="notification"][data-read="false"]')).toHaveCount(before - 1);
  await page.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(bell(page)).toHaveAttribute('data-count', '0');
  await expect(bell(page).getByTestId('notification-count')).toHaveCount(0);
  await expect(page.getByTestId('notifications-unread')).toHaveText('Everything is read');
  await expect(page.locator('[data-testid="notification"][data-read="false"]')).toHaveCount(0);

  await page.reload();
  await expect(bell(page)).toHaveAttribute('data-count', '0');
});

test('production moves an order: the open order page changes in place, a toast appears and the bell counts it', async ({ page, request }) => {
  const number = `RT-${run}`;
  const now = new Date().toISOString();
  await pushEvents(request, [
    {
      id: `rt-order-${run}`,
      type: 'order.upserted',
      occurredAt: now,
      data: {
        number,
        dealerCode: 'D-1001',
        createdAt: now,
        currency: 'UAH',
        total: '9800.00',
        items: [{ position: 1, kind: 'window', name: 'Вікно', widthMm: 900, heightMm: 1200, quantity: 1, price: '9800.00' }],
      },
    },
  ]);

  await signIn(page, 'dealer');
  await page.goto(`/dealer/orders/${number}`);
  const chip = page.getByTestId('order-detail').locator('header [data-status]');
  await expect(chip).toHaveAttribute('data-status', 'accepted');
  const count = await bellCount(page);
  // Proof that nothing below reloads the page.
  await page.evaluate(() => Object.assign(window, { __stillHere: true }));
  // The socket is up before the event is sent (else it would only be seen after a resync).
  await expect(page.getByTestId('realtime')).toHaveAttribute('data-state', 'connected');

  await pushEvents(request, [{ id: `rt-status-${run}`, type: 'order.status', occurredAt: new Date().toISOString(), data: { number, status: 'in_production' } }]);

  await expect(chip).toHaveAttribute('data-status', 'in_production');
  await expect(page.getByTestId('order-timeline').locator('[data-stage="in_production"]')).toHaveAttribute('aria-current', 'step');
  const toast = page.getByTestId('notification-toasts').getByTestId('notification-toast').filter({ hasText: number });
  await expect(toast).toBeVisible();
  await expect(page.getByTestId('notification-toasts')).toHaveAttribute('role', 'status');
  // At least this one (other specs may notify the same dealer meanwhile).
  await expect.poll(() => bellCount(page)).toBeGreaterThan(count);
  expect(await page.evaluate(() => (window as unknown as { __stillHere?: boolean }).__stillHere)).toBe(true);

  await toast.getByRole('button', { name: 'Dismiss' }).click();
  await expect(toast).toHaveCount(0);

  // The order leaves on a trip: status, timeline and the trip with the driver's number change in place.
  const later = new Date(Date.now() + 1000).toISOString();
  const today = new Date().toISOString().slice(0, 10);
  await pushEvents(request, [
    { id: `rt-shipped-${run}`, type: 'order.status', occurredAt: later, data: { number, status: 'shipped' } },
    {
      id: `rt-trip-${run}`,
      type: 'shipment.upserted',
      occurredAt: later,
      data: { number: `T-RT-${run}`, plannedDate: today, status: 'in_transit', orderNumbers: [number], driverName: 'Іван Коваль', driverPhone: '+380 67 555 12 34', vehicle: 'MAN TGL AA 1234 KB', departedAt: later },
    },
  ]);
  await expect(chip).toHaveAttribute('data-status', 'shipped');
  await expect(page.getByTestId('order-timeline').locator('[data-stage="shipped"]')).toHaveAttribute('aria-current', 'step');
  await expect(page.getByTestId('order-trip')).toContainText(`T-RT-${run}`);
  await expect(page.getByTestId('order-trip').locator('a[href^="tel:"]')).toHaveAttribute('href', 'tel:+380675551234');
  await expect(page.getByTestId('notification-toasts').getByTestId('notification-toast').filter({ hasText: number }).first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __stillHere?: boolean }).__stillHere)).toBe(true);
});

test('a phone that slept while events were missed shows the current truth when it wakes, without a reload', async ({ page, request }) => {
  const number = `RS-${run}`;
  const now = new Date().toISOString();
  await pushEvents(request, [
    {
      id: `rs-order-${run}`,
      type: 'order.upserted',
      occurredAt: now,
      data: {
        number,
        dealerCode: 'D-1001',
        createdAt: now,
        currency: 'UAH',
        total: '5100.00',
        items: [{ position: 1, kind: 'door', name: 'Двері', widthMm: 900, heightMm: 2100, quantity: 1, price: '5100.00' }],
      },
    },
  ]);
  // The socket stays up, but while `asleep` the events it carries are lost (as on a sleeping phone).
  let asleep = false;
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((message) => {
      if (asleep && typeof message === 'string' && message.startsWith('42')) return;
      ws.send(message);
    });
    ws.onMessage((message) => server.send(message));
  });

  await signIn(page, 'dealer');
  await page.goto(`/dealer/orders/${number}`);
  const chip = page.getByTestId('order-detail').locator('header [data-status]');
  await expect(chip).toHaveAttribute('data-status', 'accepted');
  await expect(page.getByTestId('realtime')).toHaveAttribute('data-state', 'connected');
  await page.evaluate(() => Object.assign(window, { __stillHere: true }));

  asleep = true;
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await pushEvents(request, [{ id: `rs-status-${run}`, type: 'order.status', occurredAt: new Date().toISOString(), data: { number, status: 'manufactured' } }]);
  await page.waitForTimeout(1_500);
  await expect(chip).toHaveAttribute('data-status', 'accepted');

  // Woken more than 30 s later: the screen fetches what it shows.
  asleep = false;
  await page.evaluate(() => {
    const realNow = Date.now.bind(Date);
    Date.now = () => realNow() + 31_000;
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect(chip).toHaveAttribute('data-status', 'manufactured');
  expect(await page.evaluate(() => (window as unknown as { __stillHere?: boolean }).__stillHere)).toBe(true);
});

test('when the live connection is down for a few seconds, a small note says so, and it goes when the connection is back', async ({ page }) => {
  let blocked = true;
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (blocked) return ws.close({ code: 1011, reason: 'test' });
    ws.connectToServer();
  });
  await page.route(/\/socket\.io\//, (route) => (blocked ? route.abort() : route.continue()));

  await signIn(page, 'dealer');
  await expect(page.getByTestId('connection-status')).toHaveText('Live updates paused. Reconnecting…');
  blocked = false;
  await expect(page.getByTestId('realtime')).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
  await expect(page.getByTestId('connection-status')).toHaveCount(0);
});

// staff.d-1001: a user of his own for the settings, so no other spec's notifications change.
// Issue 10, point 3: the channels of each type, the e-mail digest and the quiet hours are kept.
test('channel switches, the e-mail digest and quiet hours are kept after a reload', async ({ page }) => {
  await signIn(page, 'staff');
  await page.goto('/dealer/notifications');
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL(/\/dealer\/notifications\/settings$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Notification settings' })).toBeVisible();
  await expect(page.getByTestId('channels-note')).toContainText('staff.d-1001@demo.test');

  const preferences = page.getByTestId('notification-preferences');
  const row = page.locator('[data-testid="preference"][data-type="announcement.published"]');
  const inApp = row.getByRole('switch', { name: 'Announcements: In the portal' });
  const push = row.getByRole('switch', { name: 'Announcements: Push' });
  const orderEmail = page.locator('[data-testid="preference"][data-type="order.status"]').getByRole('switch', { name: 'Order status: E-mail' });
  await expect(inApp).toBeChecked();
  const pushBefore = await push.isChecked();
  const orderEmailBefore = await orderEmail.isChecked();
  // A dealer's user is never offered the claims desk's types.
  await expect(page.locator('[data-testid="preference"][data-type="claim.overdue"]')).toHaveCount(0);

  await inApp.uncheck();
  await orderEmail.check();
  await preferences.getByRole('button', { name: 'Save' }).click();
  await expect(preferences.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  // E-mail as a daily digest, quiet hours over midnight.
  const delivery = page.getByTestId('delivery-settings');
  await delivery.getByRole('radio', { name: /Daily digest/ }).check();
  await delivery.getByRole('radio', { name: 'Keep quiet' }).check();
  // A start equal to the end is refused next to the field, and nothing is saved.
  await delivery.getByLabel('From', { exact: true }).fill('22:00');
  await delivery.getByLabel('To', { exact: true }).fill('22:00');
  await delivery.getByRole('button', { name: 'Save' }).click();
  await expect(delivery.getByTestId('delivery-quietTo-error')).toHaveText('The end must differ from the start.');
  await expect(delivery.getByLabel('To', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await delivery.getByLabel('To', { exact: true }).fill('07:00');
  await delivery.getByRole('button', { name: 'Save' }).click();
  await expect(delivery.getByTestId('delivery-status')).toHaveText('Saved');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await page.reload();
  await expect(inApp).not.toBeChecked();
  await expect(orderEmail).toBeChecked();
  expect(await push.isChecked()).toBe(pushBefore);
  await expect(delivery.getByRole('radio', { name: /Daily digest/ })).toBeChecked();
  await expect(delivery.getByRole('radio', { name: 'Keep quiet' })).toBeChecked();
  await expect(delivery.getByLabel('From', { exact: true })).toHaveValue('22:00');
  await expect(delivery.getByLabel('To', { exact: true })).toHaveValue('07:00');

  // Back as it was, for the next run on the same database.
  await inApp.check();
  if (!orderEmailBefore) await orderEmail.uncheck();
  await preferences.getByRole('button', { name: 'Save' }).click();
  await expect(preferences.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await delivery.getByRole('radio', { name: /At once/ }).check();
  await delivery.getByRole('radio', { name: 'No quiet hours' }).check();
  await delivery.getByRole('button', { name: 'Save' }).click();
  await expect(delivery.getByTestId('delivery-status')).toHaveText('Saved');
});

test('the claims desk and the factory have the bell and their own notification pages', async ({ page }) => {
  await signIn(page, 'claims');
  await bell(page).click();
  await expect(page).toHaveURL(/\/claims\/notifications$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.locator('[data-testid="preference"][data-type="claim.overdue"]')).toBeVisible();
  await expect(page.locator('[data-testid="preference"][data-type="order.status"]')).toHaveCount(0);
  await page.context().clearCookies();

  await signIn(page, 'factory');
  await bell(page).click();
  await expect(page).toHaveURL(/\/factory\/notifications$/);
  await page.goto('/factory/notifications/settings');
  await expect(page.getByTestId('no-notification-types')).toBeVisible();
});
