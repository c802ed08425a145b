import { createECDH, randomBytes, randomUUID } from 'node:crypto';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { controlledByServiceWorker } from '../fixtures/pwa';
import { signIn } from '../fixtures/users';

// Issue 10, point 1: a dealer turns push on from the notification settings (the browser asks only
// on that tap), the device is listed and its subscription stored; a push delivered to the service
// worker is shown with its title and page; turning it off and signing out forget the device.

test.use({ serviceWorkers: 'allow' });

type StoredDevice = { id: number; endpoint: string };

/**
 * A browser stub, not a stand-in for the portal's code: Chromium here has no route to its push
 * service (pushManager.subscribe fails with "Registration failed"), so PushManager hands out a
 * subscription with real P-256 keys for an endpoint that is never reached. It survives reloads like
 * a real one (localStorage), and Notification.requestPermission counts its calls.
 */
async function stubPushService(context: BrowserContext) {
  const ecdh = createECDH('prime256v1');
  const subscription = {
    endpoint: `https://push.example.invalid/e2e/${randomUUID()}`,
    keys: { p256dh: ecdh.generateKeys().toString('base64url'), auth: randomBytes(16).toString('base64url') },
  };
  await context.addInitScript((fake) => {
    const KEY = 'e2e-push-subscription';
    const make = (applicationServerKey: ArrayBuffer | null) => ({
      endpoint: fake.endpoint,
      expirationTime: null,
      options: { userVisibleOnly: true, applicationServerKey },
      toJSON: () => ({ endpoint: fake.endpoint, expirationTime: null, keys: fake.keys }),
      unsubscribe: async () => {
        localStorage.removeItem(KEY);
        return true;
      },
    });
    const keyOf = () => {
      const stored = localStorage.getItem(KEY);
      return stored === null ? null : Uint8Array.from(JSON.parse(stored) as number[]).buffer;
    };
    PushManager.prototype.getSubscription = async function () {
      const key = keyOf();
      return (key ? make(key) : null) as unknown as PushSubscription;
    };
    PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
      const key = new Uint8Array(options?.applicationServerKey as ArrayBuffer);
      localStorage.setItem(KEY, JSON.stringify(Array.from(key)));
      return make(key.buffer) as unknown as PushSubscription;
    };
    const ask = Notification.requestPermission.bind(Notification);
    Notification.requestPermission = async () => {
      const w = window as unknown as { permissionAsked?: number };
      w.permissionAsked = (w.permissionAsked ?? 0) + 1;
      return ask();
    };
  }, subscription);
  return subscription;
}

const permissionAsked = (page: Page) => page.evaluate(() => (window as unknown as { permissionAsked?: number }).permissionAsked ?? 0);

async function storedDevices(page: Page): Promise<StoredDevice[]> {
  const answer = await page.request.get('/api/v1/push/subscriptions');
  expect(answer.status()).toBe(200);
  return ((await answer.json()) as { items: StoredDevice[] }).items;
}

/** Delivers a push message to the page's service worker through the DevTools protocol, as a push service would. */
async function deliverPush(context: BrowserContext, page: Page, data: object) {
  const cdp = await context.newCDPSession(page);
  const registrations: { registrationId: string; scopeURL: string; isDeleted: boolean }[] = [];
  cdp.on('ServiceWorker.workerRegistrationUpdated', (event) => registrations.push(...event.registrations));
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => registrations.some((r) => !r.isDeleted)).toBe(true);
  const registration = registrations.find((r) => !r.isDeleted)!;
  await cdp.send('ServiceWorker.deliverPushMessage', { origin: new URL(page.url()).origin, registrationId: registration.registrationId, data: JSON.stringify(data) });
  await cdp.detach();
}

test('a dealer turns push on for this device; it is stored, listed, shows a pushed notification and is forgotten on sign-out', async ({ page, context }) => {
  const fake = await stubPushService(context);
  await context.grantPermissions(['notifications']);
  await signIn(page, 'dealer');
  await page.goto('/dealer/notifications/settings');
  await controlledByServiceWorker(page);

  const section = page.getByTestId('push-settings');
  await expect(section).toHaveAttribute('data-state', 'off');
  // Never asked on load: only the tap asks.
  expect(await permissionAsked(page)).toBe(0);
  expect((await storedDevices(page)).map((d) => d.endpoint)).not.toContain(fake.endpoint);

  await section.getByRole('button', { name: 'Turn on push on this device' }).click();
  await expect(section.getByTestId('push-on')).toHaveText('Push is on on this device.');
  expect(await permissionAsked(page)).toBe(1);
  const mine = section.locator('[data-testid="push-device"][data-current]');
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText('this device');
  await expect(mine).toContainText('Chrome');
  expect((await storedDevices(page)).map((d) => d.endpoint)).toContain(fake.endpoint);

  // After a reload it is still on, this device still marked.
  await page.reload();
  await expect(section).toHaveAttribute('data-state', 'on');
  await expect(section.locator('[data-testid="push-device"][data-current]')).toHaveCount(1);

  // A push message reaches the worker and is shown with its title and page.
  await deliverPush(context, page, { id: 1, type: 'order.status', title: 'Order 10-24567 was shipped', body: 'Trip on Friday', link: '/dealer/orders', importance: 'critical', tag: 'portal:/dealer/orders' });
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        return (await registration.getNotifications()).map((n) => ({ title: n.title, body: n.body, tag: n.tag, link: (n.data as { link: string }).link, requireInteraction: n.requireInteraction }));
      }),
    )
    .toEqual([{ title: 'Order 10-24567 was shipped', body: 'Trip on Friday', tag: 'portal:/dealer/orders', link: new URL('/dealer/orders', page.url()).href, requireInteraction: true }]);

  // Off on this device: gone from the list and from the server.
  await section.getByRole('button', { name: 'Turn off on this device' }).click();
  await expect(section).toHaveAttribute('data-state', 'off');
  await expect(section.locator('[data-testid="push-device"][data-current]')).toHaveCount(0);
  expect((await storedDevices(page)).map((d) => d.endpoint)).not.toContain(fake.endpoint);

  // On again, then signing out forgets this device on the server too.
  await section.getByRole('button', { name: 'Turn on push on this device' }).click();
  await expect(section).toHaveAttribute('data-state', 'on');
  await page.goto('/dealer/account');
  await page.getByRole('button', { name: 'Sign out' }).first().click();
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, 'dealer');
  expect((await storedDevices(page)).map((d) => d.endpoint)).not.toContain(fake.endpoint);
});

test('the claims desk turns push on too, where no page registered the service worker before', async ({ page, context }) => {
  const fake = await stubPushService(context);
  await context.grantPermissions(['notifications']);
  await signIn(page, 'claims');
  await page.goto('/claims/notifications/settings');
  const section = page.getByTestId('push-settings');
  await expect(section).toHaveAttribute('data-state', 'off');
  expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r === undefined))).toBe(true);

  await section.getByRole('button', { name: 'Turn on push on this device' }).click();
  await expect(section).toHaveAttribute('data-state', 'on');
  await expect(section.locator('[data-testid="push-device"][data-current]')).toHaveCount(1);
  expect((await storedDevices(page)).map((d) => d.endpoint)).toContain(fake.endpoint);

  // Removing this device from the list turns push off here as well.
  await section.locator('[data-testid="push-device"][data-current]').getByRole('button', { name: /^Remove/ }).click();
  await expect(section).toHaveAttribute('data-state', 'off');
  await expect(section.getByTestId('push-no-devices')).toBeVisible();
  expect((await storedDevices(page)).map((d) => d.endpoint)).not.toContain(fake.endpoint);
});
