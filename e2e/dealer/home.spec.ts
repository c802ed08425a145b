import { expect, test } from '@playwright/test';
import { signIn } from '../fixtures/users';

// Issue 4, point 5: the dealer's home on a phone. Status counts open the filtered orders list;
// deliveries, open claims and the factory's news come from the database.

test('a tap on a status count opens the orders list filtered by that status', async ({ page }) => {
  await signIn(page, 'dealer');
  const count = page.getByTestId('count-in_production');
  await expect(count).toHaveAttribute('href', '/dealer/orders?status=in_production');
  // Its name is what it shows, then where it leads (the hidden part, set apart, brings a space).
  await expect(count).toHaveAccessibleName(/^In production \d+ ?\. Show these orders$/);
  await expect(count).not.toHaveAttribute('aria-label');
  await count.click();
  await expect(page).toHaveURL(/\/dealer\/orders\?status=in_production$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
});

test('the home shows the factory’s news, open claims and deliveries with links', async ({ page }) => {
  await signIn(page, 'dealer');

  // The news: the pinned price change on top (already read by the demo dealer), unread ones marked.
  const news = page.getByTestId('announcements');
  await expect(news.getByRole('heading', { name: 'News from the factory' })).toBeVisible();
  const items = news.locator('li');
  await expect(items.first()).toHaveAttribute('data-pinned', 'true');
  await expect(items.first()).toContainText('Зміна цін');
  await expect(items.first()).toContainText('Pinned');
  expect(await items.count()).toBeGreaterThanOrEqual(3);
  await expect(news.getByTestId('unread-count')).toHaveText(/^\d+ unread$/);
  const unreadShown = await news.locator('li[data-read="false"]').count();
  expect(unreadShown).toBeGreaterThan(0);
  await expect(news.locator('li[data-read="false"]').first()).toContainText('New');

  // Open claims: number, category in words, status, the order it is about.
  const claims = page.getByTestId('open-claims');
  await expect(claims.getByRole('heading', { name: 'Open claims' })).toBeVisible();
  await expect(claims.getByTestId('open-claims-count')).toHaveText(/^\d+ open$/);
  const claim = claims.locator('li').first();
  await expect(claim).toContainText(/Claim \d+/);
  await expect(claim).toContainText(/Manufacturing defect|Damage in transit|Missing part|Wrong dimensions|Faulty hardware|Other/);
  await expect(claim).toContainText(/Order \S+ · Filed /);
  await expect(claim.locator('[data-status]')).toHaveCount(1);

  // Deliveries lead to the deliveries page; their orders to the order pages.
  const trips = page.getByTestId('active-trips');
  await expect(trips.getByRole('link', { name: 'All deliveries' })).toHaveAttribute('href', '/dealer/shipments');
  const orderLinks = trips.locator('a[href^="/dealer/orders/"]');
  if ((await orderLinks.count()) > 0) await expect(orderLinks.first()).toHaveAttribute('href', /^\/dealer\/orders\/[^/?]+$/);

  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await trips.getByRole('link', { name: 'All deliveries' }).click();
  await expect(page).toHaveURL(/\/dealer\/shipments$/);
});

test('the dealer’s screens fit a 360 px phone in every language, without sideways scrolling', async ({ page }) => {
  test.setTimeout(120_000);
  // A dealer of its own: the language switch is stored on the user.
  await signIn(page, 'dealer4');
  const list = (await (await page.request.get('/api/v1/orders?status=shipped&limit=1')).json()) as { items: { number: string }[] };
  const order = list.items[0]?.number;
  const paths = ['/dealer', '/dealer/orders', '/dealer/shipments', '/dealer/claims', ...(order ? [`/dealer/orders/${encodeURIComponent(order)}`] : [])];
  for (const language of ['УКР', 'РУС', 'ENG']) {
    await page.goto('/dealer');
    await page.getByRole('button', { name: language }).click();
    await expect(page.getByRole('button', { name: language })).toHaveAttribute('aria-pressed', 'true');
    for (const path of paths) {
      await page.goto(path);
      // Names what sticks out, so a failure says where to look.
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 && getComputedStyle(el).position !== 'fixed')
          .filter((el) => !el.closest('[data-scrolls-sideways]'))
          .slice(0, 3)
          .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} "${(el.textContent ?? '').trim().slice(0, 30)}"`),
      );
      expect(wide, `${language} ${path}`).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${language} ${path}`).toBeLessThanOrEqual(360);
    }
  }
  await page.goto('/dealer');
  await page.getByRole('button', { name: 'ENG' }).click();
});
