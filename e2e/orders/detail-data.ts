import { expect, type APIRequestContext } from '@playwright/test';

// Finds demo orders for the order page's specs through the client API, as the signed-in dealer:
// the demo data always gives each demo dealer a partly manufactured order and orders on a trip.

export type ApiSash = { widthMm: number; opening: string };
export type ApiItem = {
  position: number;
  kind: string;
  name: string;
  widthMm: number;
  heightMm: number;
  quantity: number;
  sashes: ApiSash[];
  glazing: string | null;
  price: string;
  lineTotal: string;
};
export type ApiOrder = {
  number: string;
  dealerCode: string;
  dealerName: string;
  status: string;
  itemsDone: number | null;
  itemsTotal: number | null;
  total: string;
  itemsSum: string;
  currency: string;
  stages: Record<string, string | null>;
  items: ApiItem[];
  shipment?: { number: string; plannedDate: string; status: string; driverName: string | null; driverPhone: string | null; vehicle: string | null };
};

export async function listOrderNumbers(request: APIRequestContext, query: string): Promise<string[]> {
  const response = await request.get(`/api/v1/orders?${query}`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { items: { number: string }[] };
  return body.items.map((o) => o.number);
}

export async function getOrder(request: APIRequestContext, number: string): Promise<ApiOrder> {
  const response = await request.get(`/api/v1/orders/${encodeURIComponent(number)}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as ApiOrder;
}

/** The dealer's manufactured orders: one partly made, one already on a trip with a driver's phone. */
export async function findPartialAndTripOrders(request: APIRequestContext): Promise<{ partial: ApiOrder; onTrip: ApiOrder }> {
  const numbers = await listOrderNumbers(request, 'status=manufactured&limit=100');
  const orders = await Promise.all(numbers.map((n) => getOrder(request, n)));
  const partial = orders.find((o) => o.itemsDone !== null && o.itemsTotal !== null && o.itemsDone < o.itemsTotal);
  const onTrip = orders.find((o) => o.shipment?.driverPhone);
  if (!partial || !onTrip) throw new Error(`The demo data has no partly made order or no order on a trip among ${numbers.join(', ')}`);
  return { partial, onTrip };
}

/** What the page must say for each opening type (English). */
export const OPENING_WORDS: Record<string, string> = {
  fixed: 'fixed, does not open',
  turn_left: 'turns open, hinged on the left',
  turn_right: 'turns open, hinged on the right',
  tilt_turn_left: 'turn and tilt, hinged on the left',
  tilt_turn_right: 'turn and tilt, hinged on the right',
  tilt: 'tilts open, hinged at the bottom',
  sliding: 'slides open',
};

export const KIND_WORDS: Record<string, string> = {
  window: 'Window',
  door: 'Door',
  balcony: 'Balcony block',
  roller_shutter: 'Roller shutter',
  other: 'Other product',
};

export function formatUah(amount: string, currency: string): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    amount as Intl.StringNumericLiteral,
  );
}
