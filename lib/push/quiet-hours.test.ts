import { describe, expect, it } from 'vitest';
import { isWithinQuietHours, kyivMinuteOfDay } from './quiet-hours';

const h = (hours: number, minutes = 0) => hours * 60 + minutes;

describe('quiet hours (Europe/Kyiv)', () => {
  it('reads the factory clock, summer and winter time alike', () => {
    // Kyiv is UTC+3 in summer, UTC+2 in winter.
    expect(kyivMinuteOfDay(new Date('2026-07-01T20:30:00Z'))).toBe(h(23, 30));
    expect(kyivMinuteOfDay(new Date('2026-01-15T20:30:00Z'))).toBe(h(22, 30));
    expect(kyivMinuteOfDay(new Date('2026-01-15T22:00:00Z'))).toBe(0);
  });

  it('a window within one day: the start counts, the end does not', () => {
    const from = h(13);
    const to = h(14);
    expect(isWithinQuietHours(new Date('2026-01-15T10:59:00Z'), from, to)).toBe(false); // 12:59
    expect(isWithinQuietHours(new Date('2026-01-15T11:00:00Z'), from, to)).toBe(true); // 13:00
    expect(isWithinQuietHours(new Date('2026-01-15T11:59:00Z'), from, to)).toBe(true); // 13:59
    expect(isWithinQuietHours(new Date('2026-01-15T12:00:00Z'), from, to)).toBe(false); // 14:00
  });

  it('a window across midnight (22:00–07:00)', () => {
    const from = h(22);
    const to = h(7);
    expect(isWithinQuietHours(new Date('2026-01-15T19:59:00Z'), from, to)).toBe(false); // 21:59
    expect(isWithinQuietHours(new Date('2026-01-15T20:00:00Z'), from, to)).toBe(true); // 22:00
    expect(isWithinQuietHours(new Date('2026-01-15T22:30:00Z'), from, to)).toBe(true); // 00:30
    expect(isWithinQuietHours(new Date('2026-01-16T04:59:00Z'), from, to)).toBe(true); // 06:59
    expect(isWithinQuietHours(new Date('2026-01-16T05:00:00Z'), from, to)).toBe(false); // 07:00
    expect(isWithinQuietHours(new Date('2026-01-16T10:00:00Z'), from, to)).toBe(false); // 12:00
  });

  it('none when either end is missing or both are the same', () => {
    const at = new Date('2026-01-15T22:30:00Z');
    expect(isWithinQuietHours(at, null, null)).toBe(false);
    expect(isWithinQuietHours(at, h(22), null)).toBe(false);
    expect(isWithinQuietHours(at, null, h(7))).toBe(false);
    expect(isWithinQuietHours(at, h(0), h(0))).toBe(false);
  });
});
