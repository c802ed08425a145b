import { describe, expect, it } from 'vitest';
import { isValidRnokpp, rnokppCheckDigit, taxIdProblem } from './tax-id';

describe('dealer tax ids', () => {
  it('accepts a real ЄДРПОУ and refuses it with a slipped digit', () => {
    expect(taxIdProblem('14360570')).toBeNull();
    expect(taxIdProblem('14360571')).toBe('checkDigit');
    expect(taxIdProblem('14306570')).toBe('checkDigit');
  });

  it('РНОКПП: exactly one last digit fits nine digits, and the sum may go below zero', () => {
    for (const first9 of ['301234567', '000000000', '900000000', '123456789']) {
      const valid = Array.from({ length: 10 }, (_, d) => `${first9}${d}`).filter(isValidRnokpp);
      expect(valid, first9).toEqual([`${first9}${rnokppCheckDigit(first9)}`]);
    }
    // 9·(−1) = −9: modulo 11 taken as a non-negative remainder, 2, then modulo 10.
    expect(rnokppCheckDigit('900000000')).toBe(2);
  });

  it('names a wrong format apart from a wrong check digit', () => {
    for (const code of ['', '1234567', '123456789', '12345678901', '1436057O', ' 14360570']) expect(taxIdProblem(code), code).toBe('format');
  });
});
