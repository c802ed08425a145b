import { describe, expect, it } from 'vitest';
import { csvText, toCsv } from './csv';
import { bucketsOf, granularityOf, isDay, periodOfLastDays, presetPeriod, reportsHref } from './period';

describe('factory report periods', () => {
  it('reads only real days', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-1-05')).toBe(false);
    expect(isDay('1999-12-31')).toBe(false);
    expect(isDay(undefined)).toBe(false);
  });

  it('has days up to 62 days and weeks beyond, cut to the period at both ends', () => {
    expect(granularityOf({ from: '2026-01-01', to: '2026-03-03' })).toBe('day');
    expect(granularityOf({ from: '2026-01-01', to: '2026-03-04' })).toBe('week');
    expect(bucketsOf({ from: '2026-03-29', to: '2026-03-31' })).toEqual([
      { start: '2026-03-29', end: '2026-03-29' },
      { start: '2026-03-30', end: '2026-03-30' },
      { start: '2026-03-31', end: '2026-03-31' },
    ]);
    const weeks = bucketsOf({ from: '2026-01-01', to: '2026-03-04' });
    expect(weeks[0]).toEqual({ start: '2026-01-01', end: '2026-01-04' });
    expect(weeks[1]).toEqual({ start: '2026-01-05', end: '2026-01-11' });
    expect(weeks.at(-1)).toEqual({ start: '2026-03-02', end: '2026-03-04' });
    expect(weeks).toHaveLength(10);
  });

  it('builds the quick periods and links with the plant kept', () => {
    expect(periodOfLastDays(7, '2026-03-01')).toEqual({ from: '2026-02-23', to: '2026-03-01' });
    expect(presetPeriod('365d', '2026-03-01')).toEqual({ from: '2025-03-02', to: '2026-03-01' });
    expect(reportsHref('/factory/reports', { from: '2026-02-23', to: '2026-03-01' }, 7)).toBe('/factory/reports?from=2026-02-23&to=2026-03-01&plant=7');
    expect(reportsHref('/x', { from: '2026-02-23', to: '2026-03-01' }, null, { report: 'orders' })).toBe('/x?report=orders&from=2026-02-23&to=2026-03-01');
  });
});

describe('factory report CSV', () => {
  it('writes text, counts and decimals the Ukrainian Excel way', () => {
    expect(toCsv([[{ text: 'Дилер; "Вікна"' }, { count: 12 }, { decimal: '-1234.50' }, null]])).toBe('\uFEFF"Дилер; ""Вікна""";12;-1234,50;\r\n');
    expect(csvText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(() => toCsv([[{ decimal: '1e3' }]])).toThrow(/Not a decimal/);
    expect(() => toCsv([[{ count: 1.5 }]])).toThrow(/Not a whole number/);
  });
});
