import { describe, expect, it } from 'vitest';
import {
  FACTORY_CALENDAR,
  addWorkingHours,
  slaState,
  ukrainePublicHolidays,
  workingHoursBetween,
  type WorkingCalendar,
} from './sla';

/** A Kyiv wall-clock time written with its offset, so each test says what a person would read. */
const kyiv = (local: string, offset: '+02:00' | '+03:00') => new Date(`${local}${offset}`);
const NO_HOLIDAYS: WorkingCalendar = { ...FACTORY_CALENDAR, holidays: [] };

describe('addWorkingHours', () => {
  it('counts inside one working day', () => {
    expect(addWorkingHours(kyiv('2026-11-03T10:00', '+02:00'), 4)).toEqual(kyiv('2026-11-03T14:00', '+02:00'));
  });

  it('ends exactly at closing time rather than at the next opening', () => {
    expect(addWorkingHours(kyiv('2026-11-03T10:00', '+02:00'), 8)).toEqual(kyiv('2026-11-03T18:00', '+02:00'));
  });

  it('carries over the weekend: Friday 17:00 + 8 h is Monday 16:00', () => {
    expect(addWorkingHours(kyiv('2026-11-06T17:00', '+02:00'), 8)).toEqual(kyiv('2026-11-09T16:00', '+02:00'));
  });

  it('starts at the next opening when filed at night, before opening or on a Sunday', () => {
    expect(addWorkingHours(kyiv('2026-11-03T22:30', '+02:00'), 2)).toEqual(kyiv('2026-11-04T11:00', '+02:00'));
    expect(addWorkingHours(kyiv('2026-11-04T06:15', '+02:00'), 2)).toEqual(kyiv('2026-11-04T11:00', '+02:00'));
    expect(addWorkingHours(kyiv('2026-11-08T12:00', '+02:00'), 1)).toEqual(kyiv('2026-11-09T10:00', '+02:00'));
  });

  it('zero hours from outside working hours is the next opening', () => {
    expect(addWorkingHours(kyiv('2026-11-07T12:00', '+02:00'), 0)).toEqual(kyiv('2026-11-09T09:00', '+02:00'));
  });

  it('skips a public holiday (Independence Day, Monday 24 August 2026)', () => {
    expect(addWorkingHours(kyiv('2026-08-21T16:00', '+03:00'), 4)).toEqual(kyiv('2026-08-25T11:00', '+03:00'));
    // The same moment with no holidays in the calendar lands on the Monday.
    expect(addWorkingHours(kyiv('2026-08-21T16:00', '+03:00'), 4, NO_HOLIDAYS)).toEqual(kyiv('2026-08-24T11:00', '+03:00'));
  });

  it('keeps Kyiv office hours across the change to summer time (29 March 2026)', () => {
    // Friday 15:00 EET + 8 h = 3 h on Friday and 5 h on Monday, which is already EEST.
    const due = addWorkingHours(kyiv('2026-03-27T15:00', '+02:00'), 8);
    expect(due).toEqual(kyiv('2026-03-30T14:00', '+03:00'));
    expect(due.toISOString()).toBe('2026-03-30T11:00:00.000Z');
  });

  it('keeps Kyiv office hours across the change to winter time (25 October 2026)', () => {
    const due = addWorkingHours(kyiv('2026-10-23T17:00', '+03:00'), 3);
    expect(due).toEqual(kyiv('2026-10-26T11:00', '+02:00'));
    expect(due.toISOString()).toBe('2026-10-26T09:00:00.000Z');
  });

  it('adds long spans, fractions of an hour and refuses negative hours', () => {
    // 40 working hours from Monday 09:00 is Friday 13:00 (9 h a day).
    expect(addWorkingHours(kyiv('2026-11-02T09:00', '+02:00'), 40)).toEqual(kyiv('2026-11-06T13:00', '+02:00'));
    expect(addWorkingHours(kyiv('2026-11-02T09:00', '+02:00'), 1.5)).toEqual(kyiv('2026-11-02T10:30', '+02:00'));
    expect(() => addWorkingHours(new Date(), -1)).toThrow(RangeError);
    expect(() => addWorkingHours(new Date(), Number.NaN)).toThrow(RangeError);
  });

  it('refuses a calendar without working days instead of looping', () => {
    expect(() => addWorkingHours(new Date(), 1, { ...FACTORY_CALENDAR, workDays: [] })).toThrow(/no working day/);
  });
});

describe('workingHoursBetween', () => {
  it('is the inverse of addWorkingHours', () => {
    const starts = [kyiv('2026-11-06T17:00', '+02:00'), kyiv('2026-03-27T15:00', '+02:00'), kyiv('2026-08-21T16:00', '+03:00')];
    for (const start of starts) {
      for (const hours of [1, 8, 13.5, 40]) {
        expect(workingHoursBetween(start, addWorkingHours(start, hours))).toBeCloseTo(hours, 9);
      }
    }
  });

  it('counts nothing over a weekend or a night, and is negative backwards', () => {
    expect(workingHoursBetween(kyiv('2026-11-06T18:00', '+02:00'), kyiv('2026-11-09T09:00', '+02:00'))).toBe(0);
    expect(workingHoursBetween(kyiv('2026-11-03T20:00', '+02:00'), kyiv('2026-11-04T08:00', '+02:00'))).toBe(0);
    expect(workingHoursBetween(kyiv('2026-11-09T10:00', '+02:00'), kyiv('2026-11-06T17:00', '+02:00'))).toBe(-2);
  });

  it('skips holidays: Christmas Friday 25 December 2026', () => {
    expect(workingHoursBetween(kyiv('2026-12-24T09:00', '+02:00'), kyiv('2026-12-28T09:00', '+02:00'))).toBe(9);
  });
});

describe('slaState', () => {
  const due = kyiv('2026-11-09T12:00', '+02:00');
  it('is past at and after the deadline', () => {
    expect(slaState(due, due)).toBe('past');
    expect(slaState(due, kyiv('2026-11-10T09:00', '+02:00'))).toBe('past');
  });
  it('is near within two working hours, counted over the weekend', () => {
    expect(slaState(due, kyiv('2026-11-09T10:30', '+02:00'))).toBe('near');
    // Friday 17:30: 0.5 h on Friday + 3 h on Monday = 3.5 working hours left.
    expect(slaState(due, kyiv('2026-11-06T17:30', '+02:00'))).toBe('ok');
    // Friday 17:30 with a 10:00 Monday deadline: 1.5 working hours left although 2.5 days away.
    expect(slaState(kyiv('2026-11-09T10:00', '+02:00'), kyiv('2026-11-06T17:30', '+02:00'))).toBe('near');
  });
});

describe('ukrainePublicHolidays', () => {
  it('lists the holidays of 2026 with Mondays off for those on a weekend', () => {
    expect(ukrainePublicHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-03-08', // Sunday
      '2026-03-09',
      '2026-04-12', // Easter
      '2026-04-13',
      '2026-05-01',
      '2026-05-08',
      '2026-05-31', // Trinity
      '2026-06-01',
      '2026-06-28', // Constitution Day, Sunday
      '2026-06-29',
      '2026-07-15',
      '2026-08-24',
      '2026-10-01',
      '2026-12-25',
    ]);
  });
  it('places Orthodox Easter right', () => {
    expect(ukrainePublicHolidays(2025)).toContain('2025-04-20');
    expect(ukrainePublicHolidays(2027)).toContain('2027-05-02');
    expect(ukrainePublicHolidays(2027)).toContain('2027-05-03');
  });
});
