import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { controlledByServiceWorker } from '../fixtures/pwa';
import { signIn } from '../fixtures/users';

// Issue 9, points 2 and 5: the service worker built with Workbox from lib/pwa/sw.ts controls the
// dealer's pages, precaches the build's files, keeps the pages he opened, and forgets them all
// when he signs out; a new version waits for consent and then reloads the page.

test.use({ serviceWorkers: 'allow' });

/** The URLs (path and query) a cache of the page's origin holds, or null when there is no such cache. */
function cachedPaths(page: Page, cacheName: string): Promise<string[] | null> {
  return page.evaluate(async (name) => {
    if (!(await caches.has(name))) return null;
    const cache = await caches.open(name);
    return (await cache.keys()).map((request) => {
      const url = new URL(request.url);
      return url.pathname + url.search;
    });
  }, cacheName);
}

/** How many items the outbox in IndexedDB holds (0 when its store is not there yet or any more). */
function outboxSize(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('portal-offline');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('outbox')) {
            db.close();
            resolve(0);
            return;
          }
          const counted = db.transaction('outbox').objectStore('outbox').count();
          counted.onsuccess = () => {
            resolve(counted.result);
            db.close();
          };
          counted.onerror = () => reject(counted.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
}

test('the service worker controls the dealer’s pages and precaches the build’s files and the offline page', async ({ page, request }) => {
  const sw = await request.get('/sw.js');
  expect(sw.status()).toBe(200);
  expect(sw.headers()['cache-control']).toContain('no-cache');
  expect(sw.headers()['content-type']).toContain('javascript');

  await signIn(page, 'dealer');
  await controlledByServiceWorker(page);

  // Workbox's precache holds the build's scripts and styles and the icons.
  const precached = await page.evaluate(async () => {
    const name = (await caches.keys()).find((n) => n.startsWith('workbox-precache'));
    if (!name) return [];
    return (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
  });
  expect(precached.some((p) => p.startsWith('/_next/static/') && p.endsWith('.js'))).toBe(true);
  expect(precached.some((p) => p.startsWith('/_next/static/') && p.endsWith('.css'))).toBe(true);
  expect(precached).toContain('/icons/icon-192.png');
  expect(await cachedPaths(page, 'offline-shell')).toEqual(['/offline']);

  // Pages opened under the worker are kept for offline reading.
  await page.goto('/dealer/orders');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect.poll(() => cachedPaths(page, 'portal-pages')).toContain('/dealer/orders');
});

test('signing out deletes the saved pages: offline afterwards, nothing of the previous dealer is shown', async ({ page, context }) => {
  await signIn(page, 'dealer');
  await controlledByServiceWorker(page);
  await page.goto('/dealer/orders');
  const firstOrder = page.getByTestId('order-card').first();
  await expect(firstOrder).toBeVisible();
  const orderNumber = (await firstOrder.getAttribute('data-number')) ?? '';
  expect(orderNumber).not.toBe('');
  await page.goto(`/dealer/orders/${orderNumber}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(orderNumber);
  await expect.poll(() => cachedPaths(page, 'portal-pages')).toContain(`/dealer/orders/${orderNumber}`);

  // Saved and readable offline while signed in…
  await context.setOffline(true);
  await page.goto(`/dealer/orders/${orderNumber}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(orderNumber);
  await context.setOffline(false);

  // Something still waits in the outbox (as if written offline): signing out names it first.
  await page.goto('/dealer/account');
  await expect.poll(() => outboxSize(page), { timeout: 15_000 }).toBe(0);
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('portal-offline');
        open.onsuccess = () => {
          const tx = open.result.transaction('outbox', 'readwrite');
          const now = Date.now();
          tx.objectStore('outbox').put({
            id: `e2e-sign-out-${now}`,
            userId: localStorage.getItem('portal.offlineUser') ?? '',
            kind: 'announcement-read',
            createdAt: now,
            updatedAt: now,
            state: 'failed',
            error: { status: 404, code: 'not_found', message: 'No such announcement', details: {} },
            payload: { announcementId: 999999999 },
            progress: { photosSent: 0 },
          });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
  expect(await outboxSize(page)).toBe(1);

  // …and all of it is gone with the sign-out.
  await page.getByRole('button', { name: 'Sign out' }).first().click();
  const unsent = page.getByTestId('sign-out-unsent').first();
  await expect(unsent).toContainText('1 item is still waiting to be sent from this device');
  await unsent.getByRole('button', { name: 'Sign out and delete' }).click();
  await expect(page).toHaveURL(/\/login/);
  expect(await outboxSize(page)).toBe(0);
  expect(await cachedPaths(page, 'portal-pages')).toBeNull();
  expect(await cachedPaths(page, 'portal-api')).toBeNull();
  expect(await page.evaluate(() => localStorage.getItem('portal.offlineUser'))).toBeNull();

  await context.setOffline(true);
  for (const path of ['/dealer/orders', `/dealer/orders/${orderNumber}`, '/dealer']) {
    await page.goto(path);
    await expect(page.getByTestId('offline-page')).toBeVisible();
    await expect(page.locator('body')).not.toContainText(orderNumber);
  }
  await context.setOffline(false);
});

test('another person signing in on the same device finds nothing of the previous one', async ({ page }) => {
  await signIn(page, 'dealer');
  await controlledByServiceWorker(page);
  await page.goto('/dealer/orders');
  await expect.poll(() => cachedPaths(page, 'portal-pages')).toContain('/dealer/orders');
  // The session ends without signing out (expired, cleared by the browser): the data stays until
  // the next person signs in.
  await page.context().clearCookies();
  await signIn(page, 'dealer2');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('portal.offlineUser'))).not.toBeNull();
  await expect.poll(async () => (await cachedPaths(page, 'portal-pages')) ?? []).not.toContain('/dealer/orders');
});

test('a new version waits for consent, then every open page reloads onto it and the saved pages are fetched anew', async ({ page }) => {
  await signIn(page, 'dealer');
  await controlledByServiceWorker(page);
  await page.goto('/dealer/orders');
  await expect.poll(() => cachedPaths(page, 'portal-pages')).toContain('/dealer/orders');
  const firstScript = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);

  // A deployment: the worker's script changes (its precache list would, with new files).
  const swFile = path.join(process.cwd(), 'public', 'sw.js');
  const original = fs.readFileSync(swFile, 'utf8');
  try {
    fs.writeFileSync(swFile, `${original}\n// next version ${Date.now()}\n`);
    await page.evaluate(() => {
      (window as unknown as { beforeUpdate: boolean }).beforeUpdate = true;
    });
    // The app asks for updates when it comes to the foreground and every half hour; the test asks now.
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    const prompt = page.getByTestId('update-prompt');
    await expect(prompt).toBeVisible({ timeout: 20_000 });
    await expect(prompt).toContainText('A new version of the portal is ready.');
    // Until then, the old version keeps the page.
    expect(await page.evaluate(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate)).toBe(true);

    const reloaded = page.waitForEvent('load', { timeout: 20_000 });
    await prompt.getByRole('button', { name: 'Reload now' }).click();
    await reloaded;
    expect(await page.evaluate(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate ?? false)).toBe(false);
    await expect(page.getByTestId('update-prompt')).toHaveCount(0);
    await controlledByServiceWorker(page);
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting ?? null))).toBeNull();
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(firstScript);
    // The saved page was fetched again by the new version rather than kept with the old files.
    await expect.poll(() => cachedPaths(page, 'portal-pages')).toContain('/dealer/orders');
  } finally {
    fs.writeFileSync(swFile, original);
  }
});

test('with the worker in control Chromium finds the app installable, and the client API’s answers are kept for offline reading', async ({ page, context }) => {
  await signIn(page, 'dealer');
  await controlledByServiceWorker(page);
  const cdp = await context.newCDPSession(page);
  const manifest = (await cdp.send('Page.getAppManifest')) as { errors: { message: string }[] };
  expect(manifest.errors).toEqual([]);
  const installability = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
  expect(installability.installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);

  // A dealer page reading the client API: the answer is kept (network first)…
  const read = () => page.evaluate(() => fetch('/api/v1/orders?limit=3').then(async (r) => ({ status: r.status, numbers: ((await r.json()) as { items: { number: string }[] }).items.map((i) => i.number) })));
  const online = await read();
  expect(online.status).toBe(200);
  expect(online.numbers.length).toBeGreaterThan(0);
  await expect.poll(() => cachedPaths(page, 'portal-api')).toContain('/api/v1/orders?limit=3');
  // …and answers offline with what was read last.
  await context.setOffline(true);
  expect(await read()).toEqual(online);
  await context.setOffline(false);

  // Downloads are not kept: only JSON.
  const csv = await page.evaluate(() => fetch('/api/v1/finance/documents/ledger.csv?from=2026-01-01&to=2026-01-31').then((r) => ({ status: r.status, type: r.headers.get('content-type') ?? '' })));
  expect(csv.status).toBe(200);
  expect(csv.type).toContain('text/csv');
  expect((await cachedPaths(page, 'portal-api')) ?? []).not.toContain('/api/v1/finance/documents/ledger.csv?from=2026-01-01&to=2026-01-31');
});
