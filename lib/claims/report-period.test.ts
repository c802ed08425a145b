import { describe, expect, it } from 'vitest';
import { defaultPeriod, periodFromSearchParams, presetPeriod, reportHref, weekStart, weeksOf } from './report-period';

// Thursday 19 November 2026, 01:30 in Kyiv (still Wednesday in UTC).
const NOW = new Date('2026-11-18T23:30:00Z');

describe('report periods', () => {
  it('defaults to the current week and the eleven before it, in Kyiv days', () => {
    expect(defaultPeriod(NOW)).toEqual({ from: '2026-08-31', to: '2026-11-19' });
  });

  it('has presets of whole weeks and the year so far', () => {
    expect(presetPeriod('4w', '2026-11-19')).toEqual({ from: '2026-10-26', to: '2026-11-19' });
    expect(presetPeriod('year', '2026-11-19')).toEqual({ from: '2026-01-01', to: '2026-11-19' });
  });

  it('reads from and to, the right way round, at most a year long', () => {
    expect(periodFromSearchParams({ from: '2026-11-02', to: '2026-11-15' }, NOW)).toEqual({ from: '2026-11-02', to: '2026-11-15' });
    expect(periodFromSearchParams({ from: '2026-11-15', to: '2026-11-02' }, NOW)).toEqual({ from: '2026-11-02', to: '2026-11-15' });
    expect(periodFromSearchParams({ from: '2020-01-01', to: '2026-11-15' }, NOW)).toEqual({ from: '2025-11-15', to: '2026-11-15' });
    expect(periodFromSearchParams({ from: '2026-10-01' }, NOW)).toEqual({ from: '2026-10-01', to: '2026-11-19' });
    expect(periodFromSearchParams({ to: '2026-06-30' }, NOW)).toEqual({ from: '2026-04-08', to: '2026-06-30' });
  });

  it('ignores what is not a real day', () => {
    expect(periodFromSearchParams({ from: '2026-02-30', to: 'yesterday' }, NOW)).toEqual(defaultPeriod(NOW));
    expect(periodFromSearchParams(new URLSearchParams('from=2026-13-01'), NOW)).toEqual(defaultPeriod(NOW));
  });

  it('lists the weeks from Monday to Monday', () => {
    expect(weekStart('2026-11-15')).toBe('2026-11-09');
    expect(weekStart('2026-11-16')).toBe('2026-11-16');
    expect(weeksOf({ from: '2026-11-04', to: '2026-11-16' })).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
  });

  it('builds links with the period', () => {
    expect(reportHref('/claims/reports/export', { from: '2026-11-02', to: '2026-11-15' }, { report: 'dealer' })).toBe(
      '/claims/reports/export?report=dealer&from=2026-11-02&to=2026-11-15',
    );
  });
});
