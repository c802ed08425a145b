import type { OrderStatus } from '@/drizzle/schema/values';

// The limits of a claim's texts and which orders take a claim, without the validation library:
// pages that only show or word them (the claims list, the outbox) load this much and no more.

/** Orders a claim may be filed on: on their way or delivered. */
export const CLAIMABLE_ORDER_STATUSES: readonly OrderStatus[] = ['shipped', 'delivered'];

export function isClaimableOrder(status: OrderStatus): boolean {
  return CLAIMABLE_ORDER_STATUSES.includes(status);
}

export const DESCRIPTION_MAX_LENGTH = 5000;
export const MESSAGE_MAX_LENGTH = 5000;
export const REASON_MAX_LENGTH = 2000;
export const ADDRESS_MAX_LENGTH = 300;
export const CONTACT_MAX_LENGTH = 200;
