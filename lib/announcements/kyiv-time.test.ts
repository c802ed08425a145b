import { describe, expect, it } from 'vitest';
import { dateToKyivLocal, kyivLocalToDate } from './kyiv-time';

// The schedule field is Kyiv wall-clock time, summer and winter, whatever the machine's zone.

describe('Kyiv time of the schedule field', () => {
  it('reads winter (UTC+2) and summer (UTC+3) times', () => {
    expect(kyivLocalToDate('2026-12-01T09:30')?.toISOString()).toBe('2026-12-01T07:30:00.000Z');
    expect(kyivLocalToDate('2026-07-01T09:30')?.toISOString()).toBe('2026-07-01T06:30:00.000Z');
  });

  it('round-trips', () => {
    for (const value of ['2026-03-29T05:00', '2026-10-25T02:30', '2027-01-01T00:00']) {
      expect(dateToKyivLocal(kyivLocalToDate(value)!)).toBe(value);
    }
  });

  it('refuses what is not a date and time', () => {
    for (const value of ['', 'tomorrow', '2026-02-30T10:00', '2026-13-01T10:00', '2026-12-01T24:00', '2026-12-01 10:00x']) {
      expect(kyivLocalToDate(value)).toBeNull();
    }
  });
});
