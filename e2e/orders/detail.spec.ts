import { expect, test, type Page } from '@playwright/test';
import { signIn } from '../fixtures/users';
import { findPartialAndTripOrders, formatUah, KIND_WORDS, listOrderNumbers, OPENING_WORDS } from './detail-data';

// Issue 4, point 2: the order page on a phone. The orders come from the client API as the
// signed-in dealer sees them, so the spec follows whatever the demo seed drew.

async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

test('the dealer follows a partly made order: timeline with dates and progress, every construction drawn and described, totals', async ({ page }) => {
  await signIn(page, 'dealer');
  const { partial } = await findPartialAndTripOrders(page.request);

  await page.goto(`/dealer/orders/${encodeURIComponent(partial.number)}`);
  await expect(page.getByRole('heading', { level: 1, name: `Order ${partial.number}` })).toBeVisible();
  await expect(page.getByTestId('order-detail').locator('header [data-status="manufactured"]')).toBeVisible();

  // The timeline: passed stages with their dates, the current one with its progress, the rest to come.
  const timeline = page.getByTestId('order-timeline');
  await expect(timeline.locator('li')).toHaveCount(5);
  await expect(timeline.locator('[data-stage="accepted"]')).toHaveAttribute('data-state', 'done');
  await expect(timeline.locator('[data-stage="accepted"] time')).toHaveText(/\d{4}/);
  const manufactured = timeline.locator('[data-stage="manufactured"]');
  await expect(manufactured).toHaveAttribute('aria-current', 'step');
  await expect(manufactured.locator('time')).toHaveText(/\d{4}/);
  await expect(manufactured.getByTestId('order-progress')).toHaveText(`${partial.itemsDone} of ${partial.itemsTotal} constructions made`);
  await expect(manufactured.getByRole('progressbar')).toHaveAttribute('aria-valuenow', String(partial.itemsDone));
  await expect(timeline.locator('[data-stage="shipped"]')).toContainText('not yet');
  await expect(timeline.locator('[data-stage="delivered"]')).toContainText('not yet');

  // Not on a trip yet: the expected date instead.
  await expect(page.getByTestId('order-trip')).toContainText('Delivery is not planned yet');

  // Every construction: its own drawing and its parameters in words.
  const constructions = page.getByTestId('order-construction');
  await expect(constructions).toHaveCount(partial.items.length);
  for (const [i, item] of partial.items.entries()) {
    const block = constructions.nth(i);
    await expect(block.getByRole('img')).toHaveCount(1);
    await expect(block.locator('svg[role="img"]')).toHaveCount(1);
    await expect(block).toContainText(KIND_WORDS[item.kind] ?? '—');
    await expect(block).toContainText(`${item.widthMm.toLocaleString('en-GB')} × ${item.heightMm.toLocaleString('en-GB')} mm`);
    await expect(block).toContainText(item.quantity === 1 ? '1 piece' : `${item.quantity} pieces`);
    await expect(block).toContainText(formatUah(item.lineTotal, partial.currency));
    if (item.kind !== 'roller_shutter' && item.kind !== 'other') {
      for (const sash of item.sashes) await expect(block.getByTestId('sashes')).toContainText(OPENING_WORDS[sash.opening] ?? '—');
    }
    // A glazing formula such as 4-16Ar-4i is also said in words, layer by layer.
    if (item.glazing && /^[\d.]+[^-]*-\d+(Ar|Kr)?-/.test(item.glazing)) {
      await expect(block.getByTestId('glazing-layers')).toContainText(' mm gap ');
      await expect(block.getByTestId('glazing-layers')).toContainText(' mm glass');
    }
    await expect(block.getByTestId('no-photos')).toHaveText('The factory has not sent photos yet.');
  }
  // The scheme scales down to the phone.
  const box = await constructions.first().locator('svg[role="img"]').boundingBox();
  expect(box?.width ?? 999).toBeLessThanOrEqual(360);

  await expect(page.getByTestId('order-total')).toHaveText(formatUah(partial.total, partial.currency));
  await expect(page.getByTestId('order-history').locator('[data-current]')).toHaveCount(1);
  await expectNoSidewaysScroll(page);
});

test('an order on a trip shows the trip with the driver to call', async ({ page }) => {
  await signIn(page, 'dealer');
  const { onTrip } = await findPartialAndTripOrders(page.request);
  const trip = onTrip.shipment;
  if (!trip?.driverPhone) throw new Error('no trip');

  await page.goto(`/dealer/orders/${encodeURIComponent(onTrip.number)}`);
  const block = page.getByTestId('order-trip');
  await expect(block.getByTestId('trip-number')).toHaveText(`Trip ${trip.number}`);
  await expect(block.locator(`[data-status="${trip.status}"]`)).toBeVisible();
  if (trip.driverName) await expect(block).toContainText(trip.driverName);
  if (trip.vehicle) await expect(block).toContainText(trip.vehicle);
  const call = block.getByRole('link', { name: /Call the driver/ });
  await expect(call).toHaveAttribute('href', `tel:${trip.driverPhone.replace(/[^+\d]/g, '')}`);
  await expect(call).toContainText(trip.driverPhone);
  await expectNoSidewaysScroll(page);
});

test("another dealer's order number gives the order not-found page with status 404", async ({ page, browser, baseURL }) => {
  const other = await browser.newContext({ baseURL, locale: 'en-GB' });
  const otherPage = await other.newPage();
  await signIn(otherPage, 'dealer2');
  const [foreign] = await listOrderNumbers(otherPage.request, 'limit=1');
  await other.close();
  if (!foreign) throw new Error('dealer2 has no orders');

  await signIn(page, 'dealer');
  const response = await page.goto(`/dealer/orders/${encodeURIComponent(foreign)}`);
  expect(response?.status()).toBe(404);
  const notFound = page.getByTestId('order-not-found');
  await expect(notFound).toContainText(`Order ${foreign} was not found among your orders.`);
  await notFound.getByRole('link', { name: 'All orders' }).click();
  await expect(page).toHaveURL(/\/dealer\/orders$/);

  // An unknown number reads the same.
  const unknown = await page.goto('/dealer/orders/NO-SUCH-ORDER');
  expect(unknown?.status()).toBe(404);
  await expect(page.getByTestId('order-not-found')).toContainText('Order NO-SUCH-ORDER was not found among your orders.');
  await expectNoSidewaysScroll(page);
});
