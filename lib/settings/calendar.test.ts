import { describe, expect, it } from 'vitest';
import { addWorkingHours, FACTORY_CALENDAR, workingHoursBetween } from '@/lib/claims/sla';
import { DEFAULT_CALENDAR_SETTINGS, workingCalendarOf } from './calendar';
import { calendarSchema, minuteOf, timeOf } from './schemas';

const kyiv = (local: string, offset: '+02:00' | '+03:00') => new Date(`${local}:00${offset}`);

describe('the working calendar an administrator sets', () => {
  it('by default counts exactly as the built-in factory calendar', () => {
    const calendar = workingCalendarOf(DEFAULT_CALENDAR_SETTINGS);
    for (let day = 0; day < 400; day += 3) {
      const start = new Date(Date.UTC(2026, 0, 1, 5 + (day % 14)) + day * 86_400_000);
      for (const hours of [1, 8, 40]) expect(addWorkingHours(start, hours, calendar)).toEqual(addWorkingHours(start, hours, FACTORY_CALENDAR));
    }
  });

  it('with public holidays off (martial law), Independence Day is a working day', () => {
    const calendar = workingCalendarOf({ ...DEFAULT_CALENDAR_SETTINGS, publicHolidays: false });
    // Friday 21 August 16:00 + 4 h: Monday 24 August is worked.
    expect(addWorkingHours(kyiv('2026-08-21T16:00', '+03:00'), 4, calendar)).toEqual(kyiv('2026-08-24T11:00', '+03:00'));
    expect(addWorkingHours(kyiv('2026-08-21T16:00', '+03:00'), 4, FACTORY_CALENDAR)).toEqual(kyiv('2026-08-25T11:00', '+03:00'));
  });

  it('takes extra days off and extra working days (a worked Saturday)', () => {
    const calendar = workingCalendarOf({ ...DEFAULT_CALENDAR_SETTINGS, extraHolidays: ['2026-11-09'], extraWorkingDays: ['2026-11-07'] });
    // Friday 17:00 + 2 h: one hour on Friday, the next on the worked Saturday.
    expect(addWorkingHours(kyiv('2026-11-06T17:00', '+02:00'), 2, calendar)).toEqual(kyiv('2026-11-07T10:00', '+02:00'));
    // Saturday 18:00 + 1 h: Monday the 9th is off, so Tuesday.
    expect(addWorkingHours(kyiv('2026-11-07T18:00', '+02:00'), 1, calendar)).toEqual(kyiv('2026-11-10T10:00', '+02:00'));
    expect(workingHoursBetween(kyiv('2026-11-06T09:00', '+02:00'), kyiv('2026-11-10T09:00', '+02:00'), calendar)).toBe(18);
  });

  it('counts in the set hours and days', () => {
    const calendar = workingCalendarOf({ ...DEFAULT_CALENDAR_SETTINGS, workDays: [1, 2, 3, 4, 5, 6], openMinute: 8 * 60, closeMinute: 20 * 60 });
    expect(addWorkingHours(kyiv('2026-11-06T19:00', '+02:00'), 3, calendar)).toEqual(kyiv('2026-11-07T10:00', '+02:00'));
  });

  it('hands out one calendar object per setting (the SLA functions remember days per object)', () => {
    expect(workingCalendarOf({ ...DEFAULT_CALENDAR_SETTINGS })).toBe(workingCalendarOf({ ...DEFAULT_CALENDAR_SETTINGS }));
    expect(workingCalendarOf({ ...DEFAULT_CALENDAR_SETTINGS, publicHolidays: false })).not.toBe(workingCalendarOf(DEFAULT_CALENDAR_SETTINGS));
  });

  it('reads the form: times, days and date lists', () => {
    expect(minuteOf('09:30')).toBe(570);
    expect(timeOf(570)).toBe('09:30');
    const parsed = calendarSchema.parse({ workDays: '6', opensAt: '08:00', closesAt: '24:00', publicHolidays: 'on', extraHolidays: '2026-12-31, 2027-01-02\n', extraWorkingDays: '' });
    expect(parsed).toEqual({ workDays: [6], opensAt: '08:00', closesAt: '24:00', publicHolidays: true, extraHolidays: ['2026-12-31', '2027-01-02'], extraWorkingDays: [] });
  });
});
