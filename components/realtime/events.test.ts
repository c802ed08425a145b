import { describe, expect, it } from 'vitest';
import { isNotificationPayload, payloadMatches } from './events';

describe('payloadMatches', () => {
  it('matches every payload when there is no rule', () => {
    expect(payloadMatches({ number: '10-1' }, undefined)).toBe(true);
  });

  it('matches a field by value, and an array field by membership', () => {
    expect(payloadMatches({ number: '10-1', status: 'shipped' }, { number: '10-1' })).toBe(true);
    expect(payloadMatches({ number: '10-2' }, { number: '10-1' })).toBe(false);
    expect(payloadMatches({ number: 'T-7', orderNumbers: ['10-1', '10-3'] }, { orderNumbers: '10-1' })).toBe(true);
    expect(payloadMatches({ number: 'T-7', orderNumbers: ['10-3'] }, { orderNumbers: '10-1' })).toBe(false);
  });

  it('never matches a payload that is not an object', () => {
    expect(payloadMatches(null, { number: '10-1' })).toBe(false);
    expect(payloadMatches('10-1', { number: '10-1' })).toBe(false);
  });
});

describe('isNotificationPayload', () => {
  it('accepts the contract’s shape only', () => {
    expect(isNotificationPayload({ id: 1, type: 'order.status', title: 'x', importance: 'normal' })).toBe(true);
    expect(isNotificationPayload({ id: '1', type: 'order.status', title: 'x' })).toBe(false);
    expect(isNotificationPayload(undefined)).toBe(false);
  });
});
