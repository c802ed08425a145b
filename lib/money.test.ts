import { describe, expect, it } from 'vitest';
import { formatMoney } from '@/lib/i18n/format';
import { decimalAbs, decimalSign } from './money';

describe('money', () => {
  it('signs decimal strings without floats', () => {
    expect(decimalSign('0.00')).toBe(0);
    expect(decimalSign('-0.00')).toBe(0);
    expect(decimalSign('-0.01')).toBe(-1);
    expect(decimalSign('12345678901234567890.01')).toBe(1);
    expect(decimalAbs('-15.20')).toBe('15.20');
    expect(() => decimalSign('1e3')).toThrow(/Not a decimal/);
  });

  it('formats amounts exactly, beyond what a float can hold', () => {
    expect(formatMoney('90071992547409.93', 'UAH', 'en')).toContain('90,071,992,547,409.93');
    expect(formatMoney('0.10', 'UAH', 'en')).toContain('0.10');
  });

  it('formats per locale', () => {
    const uk = formatMoney('1234.50', 'UAH', 'uk').replace(/\s/g, ' ');
    expect(uk).toMatch(/1 234,50/);
    expect(uk).toContain('₴');
    expect(formatMoney('1234.50', 'UAH', 'en')).toMatch(/1,234\.50/);
  });
});
