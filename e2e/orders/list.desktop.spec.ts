import { expect, test } from '@playwright/test';
import { signIn } from '../fixtures/users';

test('on a desktop the orders list is a table whose rows open the order', async ({ page }) => {
  await signIn(page, 'dealer');
  // From the home screen's latest orders.
  const latest = page.getByTestId('latest-orders').getByRole('link').first();
  await expect(latest).toHaveAttribute('href', /^\/dealer\/orders\/[^/?]+$/);
  await page.getByTestId('all-orders').click();
  await expect(page).toHaveURL(/\/dealer\/orders$/);

  const table = page.getByTestId('order-table');
  await expect(table).toBeVisible();
  await expect(page.getByTestId('order-cards')).toBeHidden();
  await expect(table.getByRole('columnheader')).toHaveText([
    'Number',
    'Customer reference',
    'Status',
    'Stage date',
    'Total',
    'Constructions',
    'Planned delivery',
  ]);
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(25);
  for (const row of await rows.all()) {
    const number = (await row.getAttribute('data-number')) ?? '';
    await expect(row.getByRole('link', { name: number })).toHaveAttribute('href', `/dealer/orders/${encodeURIComponent(number)}`);
    await expect(row.locator('[data-status]')).toHaveCount(1);
  }

  // A click anywhere on the row opens the order.
  const second = rows.nth(1);
  const number = (await second.getAttribute('data-number')) ?? '';
  const box = await second.boundingBox();
  if (!box) throw new Error('the row has no box');
  await second.click({ position: { x: box.width - 24, y: box.height / 2 } });
  await expect(page).toHaveURL(new RegExp(`/dealer/orders/${encodeURIComponent(number)}$`));
});

test('at 1280 px the table fits beside the menu without scrolling sideways', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, 'dealer');
  await page.goto('/dealer/orders');
  const box = page.getByTestId('order-table').locator('xpath=..');
  await expect(box).toBeVisible();
  expect(await box.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
});
