import { describe, expect, it } from 'vitest';
import { DEFAULT_PAYER_RULE, payerCategoryOf, payerRuleSchema } from './payer-rule';

describe('payerCategoryOf', () => {
  const rule = { ...DEFAULT_PAYER_RULE, hesitantAvgDays: 5, hesitantLatePercent: 30, unreliableAvgDays: 25, unreliableLatePercent: 50 };

  it('is punctual just below both hesitant thresholds and with nothing looked at', () => {
    expect(payerCategoryOf(rule, '4.99', '29.99')).toBe('punctual');
    expect(payerCategoryOf(rule, '0.00', '0.00')).toBe('punctual');
    expect(payerCategoryOf(rule, null, null)).toBe('punctual');
  });

  it('is hesitant from either hesitant threshold exactly', () => {
    expect(payerCategoryOf(rule, '5.00', '0.00')).toBe('hesitant');
    expect(payerCategoryOf(rule, '0', '30')).toBe('hesitant');
    expect(payerCategoryOf(rule, '5.01', '29.99')).toBe('hesitant');
  });

  it('is unreliable only when both unreliable thresholds are reached', () => {
    expect(payerCategoryOf(rule, '25.00', '50.00')).toBe('unreliable');
    expect(payerCategoryOf(rule, '24.99', '100.00')).toBe('hesitant');
    expect(payerCategoryOf(rule, '180.00', '49.99')).toBe('hesitant');
    expect(payerCategoryOf(rule, '25.01', '50.01')).toBe('unreliable');
  });

  it('compares decimals exactly, however long', () => {
    expect(payerCategoryOf(rule, '4.999999999999999999', '0')).toBe('punctual');
    expect(payerCategoryOf(rule, '5.000000000000000001', '0')).toBe('hesitant');
    expect(() => payerCategoryOf(rule, '-1', '0')).toThrow();
  });
});

describe('payerRuleSchema', () => {
  const form = { lookbackMonths: '6', graceDays: '3', hesitantAvgDays: '5', hesitantLatePercent: '30', unreliableAvgDays: '25', unreliableLatePercent: '50' };

  it('reads whole numbers from a form', () => {
    expect(payerRuleSchema.parse(form)).toEqual(DEFAULT_PAYER_RULE);
  });

  it('refuses empty, fractional and out-of-range fields, and unreliable below hesitant', () => {
    for (const bad of [{ lookbackMonths: '' }, { graceDays: '1.5' }, { hesitantLatePercent: '101' }, { lookbackMonths: '0' }, { unreliableAvgDays: '4' }]) {
      expect(payerRuleSchema.safeParse({ ...form, ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
    const below = payerRuleSchema.safeParse({ ...form, unreliableLatePercent: '20' });
    expect(below.error?.issues[0]).toMatchObject({ path: ['unreliableLatePercent'], message: 'belowHesitant' });
  });
});
