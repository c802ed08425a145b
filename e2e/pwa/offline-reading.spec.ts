import { expect, test, type Page } from '@playwright/test';
import { signIn } from '../fixtures/users';

// Issue 9, points 3 and 6: offline, the dealer still reads the pages he opened, each marked with
// the time of its data, under a banner that says he is offline; a page he never opened shows the
// offline page; when the connection returns the banner goes and the pages fetch their data anew.

test.use({ serviceWorkers: 'allow' });

/** Waits for the service worker, and for it to control this page (a reload if it did not claim it). */
async function controlled(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) await page.reload();
  await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
}

/** Whether the pages' cache holds `path` (the worker saves a page after answering it). */
function isSaved(page: Page, path: string): Promise<boolean> {
  return page.evaluate(async (wanted) => {
    const cache = await caches.open('portal-pages');
    return (await cache.keys()).some((request) => {
      const url = new URL(request.url);
      return url.pathname + url.search === wanted;
    });
  }, path);
}

test('offline, opened pages are read from the device with their time; others get the offline page; back online, they refresh', async ({ page, context, baseURL }) => {
  // A demo account follows the language cookie (it chose none), and so do the pages the worker
  // fetches on its own, whatever Accept-Language its requests carry: English throughout.
  await context.addCookies([{ name: 'portal-locale', value: 'en', url: baseURL ?? 'http://localhost:3210' }]);
  await signIn(page, 'dealer');
  await controlled(page);

  await page.goto('/dealer/orders');
  const card = page.getByTestId('order-card').first();
  await expect(card).toBeVisible();
  const number = (await card.getAttribute('data-number')) ?? '';
  expect(number).not.toBe('');
  await page.goto(`/dealer/orders/${number}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(number);
  // Fresh from the server: no time line, no banner.
  await expect(page.getByTestId('as-of')).toHaveCount(0);
  await expect(page.getByTestId('offline-banner')).toHaveCount(0);
  await expect.poll(() => isSaved(page, '/dealer/orders')).toBe(true);
  await expect.poll(() => isSaved(page, `/dealer/orders/${number}`)).toBe(true);

  await context.setOffline(true);
  // The page on screen says at once that it may be old.
  await expect(page.getByTestId('offline-banner')).toBeVisible();
  await expect(page.getByTestId('as-of')).toBeVisible();

  // Loaded again offline: the saved copy, with the time of its data and the banner.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(number);
  const asOf = page.getByTestId('as-of');
  await expect(asOf).toBeVisible();
  await expect(asOf).toContainText(/As of \d{2}:\d{2}, \d{1,2} \w+/);
  await expect(asOf.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
  const banner = page.getByTestId('offline-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('You are offline');

  // The banner sits in the page, above the content, clear of the phone's tab bar.
  const tabs = page.getByRole('navigation', { name: 'Sections' });
  const [bannerBox, tabsBox] = [await banner.boundingBox(), await tabs.boundingBox()];
  expect(bannerBox && tabsBox && bannerBox.y + bannerBox.height <= tabsBox.y).toBe(true);
  expect(bannerBox && bannerBox.width <= 360).toBe(true);

  // Following a link offline: the list comes from the device too.
  await page.getByRole('link', { name: /All orders/ }).click();
  await expect(page).toHaveURL(/\/dealer\/orders$/);
  await expect(page.getByTestId('order-card').first()).toBeVisible();
  await expect(page.getByTestId('as-of')).toBeVisible();
  await expect(page.getByTestId('offline-banner')).toBeVisible();

  // A section never opened on this device: the offline page, with the saved sections and a retry;
  // the address stays the one asked for.
  await page.goto('/dealer/finance/ledger');
  const offlinePage = page.getByTestId('offline-page');
  await expect(offlinePage).toBeVisible();
  await expect(page).toHaveURL(/\/dealer\/finance\/ledger$/);
  await expect(offlinePage.getByRole('heading', { level: 1 })).toHaveText('Not available offline');
  await expect(offlinePage.getByRole('link', { name: 'Orders' })).toHaveAttribute('href', '/dealer/orders');
  await expect(offlinePage.getByRole('button', { name: 'Try again' })).toBeVisible();

  // From the offline page, a saved section opens.
  await offlinePage.getByRole('link', { name: 'Orders' }).click();
  await expect(page).toHaveURL(/\/dealer\/orders$/);
  await expect(page.getByTestId('order-card').first()).toBeVisible();
  await page.goto(`/dealer/orders/${number}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(number);
  await expect(page.getByTestId('as-of')).toBeVisible();

  // Back online: the banner goes, the page renders anew and the time line goes with the old data.
  await context.setOffline(false);
  await expect(page.getByTestId('offline-banner')).toHaveCount(0);
  await expect(page.getByTestId('as-of')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByRole('heading', { level: 1 })).toContainText(number);
});

test('the offline page opens without signing in, in the language of the cookie', async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: 'portal-locale', value: 'uk', url: baseURL ?? 'http://localhost:3210' }]);
  const response = await page.goto('/offline');
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(/\/offline$/);
  await expect(page.getByTestId('offline-page').getByRole('heading', { level: 1 })).toHaveText('Недоступно без інтернету');
  await expect(page.getByRole('button', { name: 'Спробувати ще раз' })).toBeVisible();
});
