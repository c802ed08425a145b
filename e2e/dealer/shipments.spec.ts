import { expect, test, type Page } from '@playwright/test';
import { signIn } from '../fixtures/users';

// Issue 4, point 4: the dealer's deliveries of this week and next on a phone, by day, each trip
// with its driver one tap away and only the dealer's own orders on it.

/** The factory's day (Europe/Kyiv) of a moment, as YYYY-MM-DD. */
function kyivDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Kyiv', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

test('the dealer opens Deliveries from the tab bar and sees this week’s and next week’s trips by day', async ({ page }) => {
  await signIn(page, 'dealer');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Deliveries' }).click();
  await expect(page).toHaveURL(/\/dealer\/shipments$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Deliveries' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Deliveries' })).toHaveAttribute('aria-current', 'page');

  // The demo data plans trips from today on, so the two weeks always hold some.
  const days = page.getByTestId('delivery-day');
  await expect(days.first()).toBeVisible();
  const dates = await days.evaluateAll((sections) => sections.map((s) => s.getAttribute('data-day') ?? ''));
  expect(dates).toEqual([...dates].sort());
  expect(new Set(dates).size).toBe(dates.length);
  // Every day heading names the weekday.
  for (const heading of await days.getByRole('heading', { level: 2 }).all()) {
    await expect(heading).toHaveText(/Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday/);
  }
  const today = kyivDay(new Date());
  const todayGroup = page.locator(`[data-testid="delivery-day"][data-day="${today}"]`);
  if ((await todayGroup.count()) > 0) await expect(todayGroup.getByTestId('day-mark')).toHaveText('Today');

  // A trip: number, status, driver, a tel: link, and its orders linking to their pages.
  const trip = page.getByTestId('trip').filter({ has: page.locator('a[href^="tel:"]') }).first();
  await expect(trip).toBeVisible();
  await expect(trip.getByRole('heading', { level: 3 })).toHaveText(/^Trip T-\d{2}-\d+$/);
  await expect(trip.locator('[data-status]').first()).toBeVisible();
  await expect(trip).toContainText('Driver');
  await expect(trip.locator('a[href^="tel:"]')).toHaveAttribute('href', /^tel:\+?\d{9,15}$/);
  const orderLink = trip.locator('a[href^="/dealer/orders/"]').first();
  const href = (await orderLink.getAttribute('href')) ?? '';
  expect(href).toMatch(/^\/dealer\/orders\/[^/?]+$/);
  await expectNoSidewaysScroll(page);

  // Every order shown is the dealer's own: the client API answers it for him.
  const hrefs = await page.locator('[data-testid="trip"] a[href^="/dealer/orders/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  for (const link of hrefs.slice(0, 10)) {
    const number = decodeURIComponent(link.split('/').pop() ?? '');
    expect((await page.request.get(`/api/v1/orders/${encodeURIComponent(number)}`)).status()).toBe(200);
  }

  // Tapping an order opens its page.
  await orderLink.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
});
