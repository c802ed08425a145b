import { describe, expect, it } from 'vitest';
import { extentWithZero, fromKop, linearScale, percentOf, toKop } from './chart-scale';

describe('chart scale in whole kopiyky', () => {
  it('reads and writes decimal amounts exactly', () => {
    expect(toKop('1250.5')).toBe(125050n);
    expect(toKop('-0.07')).toBe(-7n);
    expect(toKop('99999999999999.99')).toBe(9999999999999999n);
    expect(fromKop(-7n)).toBe('-0.07');
    expect(fromKop(toKop('0.10') + toKop('0.20'))).toBe('0.30');
    expect(() => toKop('1,5')).toThrow();
  });

  it('maps amounts to whole pixels, either way round', () => {
    const y = linearScale(-100n, 300n, 200, 0);
    expect(y(-100n)).toBe(200);
    expect(y(300n)).toBe(0);
    expect(y(0n)).toBe(150);
    expect(linearScale(5n, 5n, 10, 90)(5n)).toBe(10);
    expect(extentWithZero([toKop('10.00'), toKop('-3.00')])).toEqual({ min: -300n, max: 1000n });
    expect(percentOf(1n, 3n)).toBe(33);
    expect(percentOf(2n, 3n)).toBe(67);
    expect(percentOf(5n, 0n)).toBe(0);
  });
});
