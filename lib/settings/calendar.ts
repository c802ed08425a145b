import { ukrainePublicHolidays, type WorkingCalendar } from '@/lib/claims/sla';
import { TIME_ZONE } from '@/lib/i18n/config';

// The working calendar as an administrator sets it, and the WorkingCalendar the SLA clocks count
// in (lib/claims/sla.ts). Pure: the data layer reads the row (lib/settings/queries.ts).

export type CalendarSettings = {
  /** ISO weekdays, 1 = Monday … 7 = Sunday, ascending. */
  workDays: number[];
  openMinute: number;
  closeMinute: number;
  /** Ukraine's public holidays off (off under martial law: they are working days then). */
  publicHolidays: boolean;
  extraHolidays: string[];
  extraWorkingDays: string[];
};

/** The calendar before anyone changed it: the factory's as it always was (FACTORY_CALENDAR). */
export const DEFAULT_CALENDAR_SETTINGS: CalendarSettings = {
  workDays: [1, 2, 3, 4, 5],
  openMinute: 9 * 60,
  closeMinute: 18 * 60,
  publicHolidays: true,
  extraHolidays: [],
  extraWorkingDays: [],
};

/** The years whose public holidays a calendar knows (as FACTORY_CALENDAR). */
const HOLIDAY_YEARS = Array.from({ length: 16 }, (_, i) => 2020 + i);

// One WorkingCalendar object per distinct setting: lib/claims/sla.ts remembers each calendar's
// days by object, so handing out the same object keeps that memory across requests.
const built = new Map<string, WorkingCalendar>();

export function workingCalendarOf(settings: CalendarSettings): WorkingCalendar {
  const key = JSON.stringify([settings.workDays, settings.openMinute, settings.closeMinute, settings.publicHolidays, settings.extraHolidays, settings.extraWorkingDays]);
  const known = built.get(key);
  if (known) return known;
  const holidays = new Set(settings.extraHolidays);
  if (settings.publicHolidays) for (const year of HOLIDAY_YEARS) for (const day of ukrainePublicHolidays(year)) holidays.add(day);
  const calendar: WorkingCalendar = {
    timeZone: TIME_ZONE,
    workDays: [...settings.workDays],
    openMinute: settings.openMinute,
    closeMinute: settings.closeMinute,
    holidays: [...holidays].sort(),
    workingDates: [...settings.extraWorkingDays],
  };
  if (built.size >= 32) built.clear();
  built.set(key, calendar);
  return calendar;
}
