import { expect, test, type Browser } from '@playwright/test';
import { signIn } from '../fixtures/users';
import { findPartialAndTripOrders, type ApiOrder } from './detail-data';

// Issue 4, point 8: factory staff and the claims desk look any order up by number and see the
// same page as the dealer, read-only, with the dealer named.

async function dealerOrderOnTrip(browser: Browser, baseURL: string | undefined): Promise<ApiOrder> {
  const context = await browser.newContext({ baseURL, locale: 'en-GB' });
  const page = await context.newPage();
  await signIn(page, 'dealer');
  const { onTrip } = await findPartialAndTripOrders(page.request);
  await context.close();
  return onTrip;
}

test('the factory looks an order up by its number and sees whose it is; a wrong number is said so', async ({ page, browser, baseURL }) => {
  const order = await dealerOrderOnTrip(browser, baseURL);
  await signIn(page, 'factory');
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Orders' }).click();
  await expect(page).toHaveURL(/\/factory\/orders$/);

  const field = page.getByLabel('Order number');
  await field.fill(order.number);
  await page.getByRole('button', { name: 'Open the order' }).click();
  await expect(page).toHaveURL(new RegExp(`/factory/orders/${order.number}$`));
  await expect(page.getByRole('heading', { level: 1, name: `Order ${order.number}` })).toBeVisible();
  await expect(page.getByTestId('order-dealer')).toHaveText(`Dealer: ${order.dealerName}, code ${order.dealerCode}`);
  await expect(page.getByTestId('order-trip')).toContainText(`Trip ${order.shipment?.number}`);
  await expect(page.getByTestId('order-construction')).toHaveCount(order.items.length);

  // Back to the lookup; a number that is not there keeps what was typed.
  await page.getByRole('link', { name: 'Look up another order' }).click();
  await expect(page).toHaveURL(/\/factory\/orders$/);
  const wrong = `${order.number}9`;
  await page.getByLabel('Order number').fill(wrong);
  await page.getByRole('button', { name: 'Open the order' }).click();
  await expect(page).toHaveURL(/\/factory\/orders\?number=/);
  await expect(page.getByTestId('lookup-no-match')).toHaveText(`No order with this number: ${wrong}. Check it and try again.`);
  await expect(page.getByLabel('Order number')).toHaveValue(wrong);
});

test('the claims desk opens an order by its address, and an unknown one is not found', async ({ page, browser, baseURL }) => {
  const order = await dealerOrderOnTrip(browser, baseURL);
  await signIn(page, 'claims');
  await page.goto(`/claims/orders/${encodeURIComponent(order.number)}`);
  await expect(page.getByRole('heading', { level: 1, name: `Order ${order.number}` })).toBeVisible();
  await expect(page.getByTestId('order-dealer')).toContainText(order.dealerCode);
  await expect(page.getByTestId('order-timeline')).toBeVisible();

  const response = await page.goto('/claims/orders/NO-SUCH-ORDER');
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId('order-not-found')).toContainText('There is no order with the number NO-SUCH-ORDER.');
});
