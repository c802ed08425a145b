import { ADDRESS_MAX_LENGTH, CONTACT_MAX_LENGTH, DESCRIPTION_MAX_LENGTH, MESSAGE_MAX_LENGTH, REASON_MAX_LENGTH } from '@/lib/claims/limits';
import { fieldProblem, type ApiFailure } from './api';

// The API's answers (and the shared schema's problems) as keys of the `claimsDealer.errors`
// messages: every field's problem next to its field, in words that say what to do.

export type Said = { key: string; values?: Record<string, string | number> };

/** The new-claim form's fields, by the API's field names. */
export const CLAIM_FIELDS = ['orderNumber', 'itemPosition', 'category', 'damageNotedOnDelivery', 'description', 'customerAddress', 'customerContact'] as const;
export type ClaimField = (typeof CLAIM_FIELDS)[number];

const isClaimField = (field: string): field is ClaimField => (CLAIM_FIELDS as readonly string[]).includes(field);

function fieldSaid(field: ClaimField, message: string): Said {
  const problem = fieldProblem(message);
  switch (field) {
    case 'orderNumber':
      return { key: 'field.order' };
    case 'itemPosition':
      return { key: 'field.position' };
    case 'category':
      return { key: 'field.category' };
    case 'damageNotedOnDelivery':
      return { key: 'field.damageNoted' };
    case 'description':
      return problem === 'tooLong' ? { key: 'field.tooLong', values: { max: DESCRIPTION_MAX_LENGTH } } : { key: 'field.description' };
    case 'customerAddress':
      return { key: 'field.tooLong', values: { max: ADDRESS_MAX_LENGTH } };
    case 'customerContact':
      return { key: 'field.tooLong', values: { max: CONTACT_MAX_LENGTH } };
  }
}

/** The problems of the claim's fields (from the API's 400 details or the shared schema). */
export function claimFieldErrors(details: Record<string, string>): Partial<Record<ClaimField, Said>> {
  const errors: Partial<Record<ClaimField, Said>> = {};
  for (const [field, message] of Object.entries(details)) if (isClaimField(field)) errors[field] = fieldSaid(field, message);
  return errors;
}

/** What to say about a failed filing beside its fields; null when the fields say it all. */
export function claimFailureSaid(failure: ApiFailure): (Said & { claimNumber?: string }) | null {
  switch (failure.status) {
    case 0:
      return { key: 'network' };
    case 400:
      return Object.keys(failure.details).some(isClaimField) ? null : { key: 'failed' };
    case 401:
      return { key: 'signedOut' };
    case 403:
      return { key: 'forbidden' };
    case 404:
      return { key: 'orderNotFound' };
    case 409: {
      // The API names why in details.conflict: an order not yet shipped, or a draft's key already
      // used by a claim with other details (its message names that claim).
      if (failure.details.conflict === 'idempotency_key_reused') {
        const number = /claim (\d+)/i.exec(failure.message)?.[1];
        return { key: 'alreadyFiled', ...(number ? { claimNumber: number } : {}) };
      }
      return { key: 'orderNotClaimable' };
    }
    default:
      return failure.status >= 500 ? { key: 'server' } : { key: 'failed' };
  }
}

/** A message or a reason (withdraw, appeal) refused by the API: what to say and where. */
export function textFailureSaid(failure: ApiFailure, field: 'body' | 'reason'): { field?: Said; general?: Said } {
  const max = field === 'body' ? MESSAGE_MAX_LENGTH : REASON_MAX_LENGTH;
  const detail = failure.details[field] ?? (field === 'reason' ? failure.details.comment : undefined);
  if (failure.status === 400 && detail) {
    return { field: fieldProblem(detail) === 'tooLong' ? { key: 'field.tooLong', values: { max } } : { key: field === 'body' ? 'field.message' : 'field.reason' } };
  }
  switch (failure.status) {
    case 0:
      return { general: { key: 'networkText' } };
    case 401:
      return { general: { key: 'signedOut' } };
    case 403:
      return { general: { key: 'forbidden' } };
    case 404:
      return { general: { key: 'claimNotFound' } };
    case 409:
      return { general: { key: failure.details.conflict === 'claim_closed' ? 'claimClosed' : 'claimMoved' } };
    default:
      return { general: { key: failure.status >= 500 ? 'server' : 'failed' } };
  }
}
