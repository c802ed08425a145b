import { describe, expect, it } from 'vitest';
import { amountSchema } from '@/lib/claims/schemas';
import { normaliseAmount } from './amount';

const accepted = (typed: string) => {
  const parsed = amountSchema.safeParse(normaliseAmount(typed));
  return parsed.success ? parsed.data : null;
};

describe('normaliseAmount', () => {
  it('takes the amount as people type it, with a decimal comma and spaces between thousands', () => {
    expect(accepted('1234.50')).toBe('1234.50');
    expect(accepted('1234,50')).toBe('1234.50');
    expect(accepted('1 234,5')).toBe('1234.5');
    expect(accepted('1\u00a0234,50')).toBe('1234.50');
    expect(accepted(' 80 ')).toBe('80');
  });

  it('leaves what is not an amount to be refused', () => {
    for (const typed of ['', '0', '0,00', '-5', '12,345', '1.234,50', '12.345', 'abc', '1e3', '10.999']) {
      expect(accepted(typed), typed).toBeNull();
    }
  });
});
