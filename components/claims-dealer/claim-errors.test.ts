import { describe, expect, it } from 'vitest';
import { createClaimSchema, fieldErrorsOf } from '@/lib/claims/schemas';
import en from '@/lib/i18n/messages/en.json';
import type { ApiFailure } from './api';
import { claimFailureSaid, claimFieldErrors, textFailureSaid } from './claim-errors';
import { newClaimHref } from './links';

// The API's answers and the shared schema's problems turn into words that exist in every locale.

const failure = (status: number, message = 'x', details: Record<string, string> = {}): ApiFailure => ({ ok: false, status, code: 'x', message, details });
const errorKeys = en.claimsDealer.errors as Record<string, unknown>;
const exists = (key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], errorKeys) !== undefined;

describe('claim form errors', () => {
  it('names each field the schema refuses, with a key that has words', () => {
    const parsed = createClaimSchema.safeParse({ orderNumber: '26-000001', category: 'transit_damage', description: '  ' });
    expect(parsed.success).toBe(false);
    const errors = claimFieldErrors(fieldErrorsOf(parsed.success ? { issues: [] } : parsed.error));
    expect(errors).toEqual({ description: { key: 'field.description' }, damageNotedOnDelivery: { key: 'field.damageNoted' } });
    for (const said of Object.values(errors)) expect(exists(said.key)).toBe(true);
  });

  it('says how long a field may be', () => {
    expect(claimFieldErrors({ customerContact: 'customerContact must be at most 200 characters' })).toEqual({ customerContact: { key: 'field.tooLong', values: { max: 200 } } });
  });

  it('tells a lost answer, a used key naming its claim and an order not yet shipped apart', () => {
    expect(claimFailureSaid(failure(0))).toEqual({ key: 'network' });
    expect(claimFailureSaid(failure(409, 'This Idempotency-Key was already used for claim 10042 with other details; send a new key for a new claim.', { conflict: 'idempotency_key_reused' }))).toEqual({
      key: 'alreadyFiled',
      claimNumber: '10042',
    });
    expect(claimFailureSaid(failure(409, 'Order 26-1 is accepted: a claim is filed once the order is shipped or delivered.', { conflict: 'order_not_delivered' }))).toEqual({ key: 'orderNotClaimable' });
    expect(claimFailureSaid(failure(400, 'x', { description: 'description must not be empty' }))).toBeNull();
    for (const status of [0, 400, 401, 403, 404, 409, 413, 500, 503]) {
      const said = claimFailureSaid(failure(status));
      if (said) expect(exists(said.key), `${status}: ${said.key}`).toBe(true);
    }
  });

  it('puts a message’s or a reason’s problem next to its box, and the rest above', () => {
    expect(textFailureSaid(failure(400, 'x', { reason: 'reason must not be empty' }), 'reason')).toEqual({ field: { key: 'field.reason' } });
    expect(textFailureSaid(failure(400, 'x', { body: 'body must be at most 5000 characters' }), 'body')).toEqual({ field: { key: 'field.tooLong', values: { max: 5000 } } });
    expect(textFailureSaid(failure(409, 'Claim 7 is closed: its thread takes no more messages.', { conflict: 'claim_closed' }), 'body')).toEqual({ general: { key: 'claimClosed' } });
    expect(textFailureSaid(failure(409, 'Claim 7 has been appealed once already'), 'reason')).toEqual({ general: { key: 'claimMoved' } });
    expect(textFailureSaid(failure(409, 'Claim 7 is approved: it cannot go to closed by withdraw.'), 'reason')).toEqual({ general: { key: 'claimMoved' } });
  });
});

describe('claim links', () => {
  it('carries the order and the construction', () => {
    expect(newClaimHref()).toBe('/dealer/claims/new');
    expect(newClaimHref('26-000123', 2)).toBe('/dealer/claims/new?order=26-000123&position=2');
    expect(newClaimHref('A&B')).toBe('/dealer/claims/new?order=A%26B');
  });
});
