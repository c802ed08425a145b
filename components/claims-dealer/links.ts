// Where the dealer's claim screens live, and which orders take a claim (the rule itself is the
// data layer's). No server imports: the order page (server) and the claim form (client) both use them.

export { CLAIMABLE_ORDER_STATUSES, isClaimableOrder } from '@/lib/claims/limits';

export const CLAIMS_HREF = '/dealer/claims';

/** The new-claim form, for an order (and one of its constructions) when known. */
export function newClaimHref(orderNumber?: string, position?: number): string {
  const params = new URLSearchParams();
  if (orderNumber) params.set('order', orderNumber);
  if (orderNumber && position !== undefined) params.set('position', String(position));
  const query = params.toString();
  return `${CLAIMS_HREF}/new${query ? `?${query}` : ''}`;
}

export function claimHref(number: string): string {
  return `${CLAIMS_HREF}/${encodeURIComponent(number)}`;
}

export function orderHref(number: string): string {
  return `/dealer/orders/${encodeURIComponent(number)}`;
}
