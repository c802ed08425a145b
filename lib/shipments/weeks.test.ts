import { describe, expect, it } from 'vitest';
import { thisWeekAndNext } from './weeks';

describe('thisWeekAndNext', () => {
  it('runs from this Monday to the Sunday of next week', () => {
    // Wednesday 11 June 2025, midday in Kyiv.
    expect(thisWeekAndNext(new Date('2025-06-11T09:00:00Z'))).toEqual({ from: '2025-06-09', to: '2025-06-22' });
  });

  it('starts on the day itself on a Monday', () => {
    expect(thisWeekAndNext(new Date('2025-06-09T05:00:00Z'))).toEqual({ from: '2025-06-09', to: '2025-06-22' });
  });

  it('still counts a Sunday as the last day of its week', () => {
    expect(thisWeekAndNext(new Date('2025-06-15T12:00:00Z'))).toEqual({ from: '2025-06-09', to: '2025-06-22' });
  });

  it('takes the Kyiv date: late on Sunday in UTC is already Monday in Kyiv (summer, UTC+3)', () => {
    // Sunday 15 June 2025 22:30 UTC = Monday 16 June 01:30 in Kyiv.
    expect(thisWeekAndNext(new Date('2025-06-15T22:30:00Z'))).toEqual({ from: '2025-06-16', to: '2025-06-29' });
  });

  it('takes the Kyiv date in winter too (UTC+2)', () => {
    // Sunday 7 December 2025 22:10 UTC = Monday 8 December 00:10 in Kyiv; 21:59 UTC is still Sunday.
    expect(thisWeekAndNext(new Date('2025-12-07T22:10:00Z'))).toEqual({ from: '2025-12-08', to: '2025-12-21' });
    expect(thisWeekAndNext(new Date('2025-12-07T21:59:00Z'))).toEqual({ from: '2025-12-01', to: '2025-12-14' });
  });

  it('crosses months and years', () => {
    // Wednesday 31 December 2025.
    expect(thisWeekAndNext(new Date('2025-12-31T10:00:00Z'))).toEqual({ from: '2025-12-29', to: '2026-01-11' });
  });

  it('spans a daylight-saving change with whole days', () => {
    // Sunday 30 March 2025: Kyiv moves to summer time that night.
    expect(thisWeekAndNext(new Date('2025-03-30T12:00:00Z'))).toEqual({ from: '2025-03-24', to: '2025-04-06' });
    expect(thisWeekAndNext(new Date('2025-03-30T21:30:00Z'))).toEqual({ from: '2025-03-31', to: '2025-04-13' });
  });
});
