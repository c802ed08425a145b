import { expect, test, type Page } from '@playwright/test';
import { signIn } from '../fixtures/users';

// Issue 9, point 1: the portal installs like an app. The manifest and its images, the links in
// every page, the account page's install button (or the iOS steps) and the home's banner that
// comes from the third visit on and never again once dismissed.

type ManifestImage = { src: string; sizes: string; type: string; purpose?: string; form_factor?: string };
type Manifest = Record<string, unknown> & { icons: ManifestImage[]; screenshots: ManifestImage[] };

/** Width and height from a PNG's IHDR chunk. */
function pngSize(body: Buffer): string {
  expect(body.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(body.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return `${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`;
}

// Chromium may offer a real install on its own; only the test's own events reach the portal.
async function onlyTestInstallEvents(page: Page) {
  await page.addInitScript(() => {
    window.addEventListener('beforeinstallprompt', (event) => {
      if (!(event as Event & { portalTest?: boolean }).portalTest) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    });
  });
}

/** What Chromium fires when the app can be installed; prompt() counts its calls. Answers whether the page took it over. */
function offerInstall(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const event = new Event('beforeinstallprompt', { cancelable: true });
    Object.assign(event, {
      portalTest: true,
      prompt: () => {
        const w = window as unknown as { pwaPrompted?: number };
        w.pwaPrompted = (w.pwaPrompted ?? 0) + 1;
        return Promise.resolve();
      },
      userChoice: Promise.resolve({ outcome: 'dismissed' }),
    });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });
}

/** A new browser session in the same tab: the next load of the home counts as another visit. */
async function newVisit(page: Page) {
  await page.evaluate(() => sessionStorage.clear());
  await page.reload();
}

/** After the page has drawn once more: an update the offer caused is on screen by then. */
const nextFrame = (page: Page) => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));

const visits = (page: Page) => page.evaluate(() => localStorage.getItem('portal-pwa-visits'));

test('the manifest names the app in the person’s language and lists icons and screenshots that exist', async ({ request }) => {
  const answer = await request.get('/manifest.webmanifest', { headers: { 'accept-language': 'ru-UA,ru;q=0.9,en;q=0.5' } });
  expect(answer.ok()).toBe(true);
  expect(answer.headers()['content-type']).toContain('application/manifest+json');
  const manifest = (await answer.json()) as Manifest;
  expect(manifest).toMatchObject({
    id: '/dealer',
    name: 'Дилерский портал',
    short_name: 'Дилер',
    lang: 'ru',
    start_url: '/dealer',
    scope: '/',
    display: 'standalone',
    theme_color: '#0e4c92',
    background_color: '#f8fafc',
  });

  // The language switch's cookie wins over the browser's languages, as on the pages.
  const english = (await (await request.get('/manifest.webmanifest', { headers: { 'accept-language': 'uk', cookie: 'portal-locale=en' } })).json()) as Manifest;
  expect(english).toMatchObject({ name: 'Dealer portal', short_name: 'Dealer', lang: 'en', id: '/dealer' });

  for (const size of ['192x192', '512x512']) {
    expect(manifest.icons.filter((icon) => icon.sizes === size).map((icon) => icon.purpose).sort()).toEqual(['any', 'maskable']);
  }
  expect(manifest.screenshots.map((shot) => shot.form_factor).sort()).toEqual(['narrow', 'wide']);
  for (const image of [...manifest.icons, ...manifest.screenshots]) {
    const file = await request.get(image.src);
    expect(file.ok(), image.src).toBe(true);
    expect(file.headers()['content-type']).toBe('image/png');
    expect(pngSize(await file.body()), image.src).toBe(image.sizes);
  }
  const apple = await request.get('/icons/apple-touch-icon.png');
  expect(pngSize(await apple.body())).toBe('180x180');
});

test('every page links the manifest, the theme colour and the iPhone’s app tags, and Chromium finds the app installable', async ({ page }) => {
  await page.goto('/login');
  await expect(page.locator('head link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', '#0e4c92');
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute('href', '/icons/apple-touch-icon.png');
  await expect(page.locator('meta[name="mobile-web-app-capable"]')).toHaveAttribute('content', 'yes');

  const cdp = await page.context().newCDPSession(page);
  const parsed = (await cdp.send('Page.getAppManifest')) as { url: string; errors: { message: string }[] };
  expect(parsed.url).toMatch(/\/manifest\.webmanifest$/);
  expect(parsed.errors).toEqual([]);
  const installability = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
  // Playwright's browser contexts are incognito ones, where Chromium never installs; nothing else may stand in the way.
  expect(installability.installabilityErrors.map((error) => error.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
});

test('the account page offers to install the app once the browser can, and the button opens the browser’s dialog', async ({ page }) => {
  await onlyTestInstallEvents(page);
  await signIn(page, 'dealer');
  await page.goto('/dealer/account');
  await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible();
  const section = page.getByTestId('install-app');
  await expect(section).toHaveCount(0);

  const install = section.getByRole('button', { name: 'Install the app' });
  await expect(async () => {
    // Taken over: no browser infobar of its own on the first load.
    expect(await offerInstall(page)).toBe(true);
    await expect(install).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await expect(section.getByRole('heading', { name: 'The app' })).toBeVisible();
  await install.click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { pwaPrompted?: number }).pwaPrompted)).toBe(1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test.describe('on an iPhone', () => {
  test.use({
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  });

  test('the account page explains Share → Add to Home Screen instead of a button', async ({ page }) => {
    await signIn(page, 'dealer');
    await page.goto('/dealer/account');
    const section = page.getByTestId('install-app');
    await expect(section).toHaveAttribute('data-offer', 'ios');
    await expect(section).toContainText('Add to Home Screen');
    await expect(section.getByRole('button')).toHaveCount(0);
  });
});

test('the home offers the install from the third visit on and never again once dismissed', async ({ page }) => {
  await onlyTestInstallEvents(page);
  await signIn(page, 'dealer');
  const banner = page.getByTestId('install-banner');

  // The first and the second visit: the browser could install, the portal does not ask yet.
  await expect.poll(() => visits(page)).toBe('1');
  expect(await offerInstall(page)).toBe(true);
  await nextFrame(page);
  await expect(banner).toHaveCount(0);
  await newVisit(page);
  await expect.poll(() => visits(page)).toBe('2');
  expect(await offerInstall(page)).toBe(true);
  await nextFrame(page);
  await expect(banner).toHaveCount(0);

  // Going around the portal within a visit does not count as another one.
  await page.goto('/dealer/orders');
  await page.goto('/dealer');
  await expect.poll(() => visits(page)).toBe('2');

  // The third visit.
  await newVisit(page);
  await expect.poll(() => visits(page)).toBe('3');
  expect(await offerInstall(page)).toBe(true);
  await expect(banner.getByRole('heading', { name: 'Install the portal as an app' })).toBeVisible();
  await expect(banner.getByRole('button', { name: 'Install', exact: true })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await banner.getByRole('button', { name: 'No, thanks' }).click();
  await expect(banner).toHaveCount(0);

  // Dismissed for good: on the next visit the browser can still install (the account page offers
  // it), and back on the home within that page's life the offer is there, the banner is not.
  await newVisit(page);
  await expect.poll(() => visits(page)).toBe('4');
  await page.goto('/dealer/account');
  await expect(async () => {
    expect(await offerInstall(page)).toBe(true);
    await expect(page.getByTestId('install-app').getByRole('button', { name: 'Install the app' })).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await page.locator('a[href="/dealer"]:visible').first().click();
  await expect(page).toHaveURL(/\/dealer$/);
  await expect(page.getByTestId('announcements')).toBeVisible();
  await nextFrame(page);
  await expect(banner).toHaveCount(0);
});
