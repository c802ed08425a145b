/**
 * The claims desk's SLA clock counts working hours of the factory, not wall-clock hours: a claim
 * filed on Friday evening with an 8-hour first-response deadline is due on Monday afternoon.
 * Pure functions (no server imports): used by the data layer when a claim is filed and by the
 * desk queue and the reports to colour and measure the deadlines.
 */
import { TIME_ZONE } from '@/lib/i18n/config';

export interface WorkingCalendar {
  /** IANA time zone the opening hours are given in. */
  timeZone: string;
  /** Working days of the week, ISO numbering: 1 = Monday … 7 = Sunday. */
  workDays: readonly number[];
  /** Opening and closing time as minutes after local midnight (09:00 = 540). */
  openMinute: number;
  closeMinute: number;
  /** Days off in addition to the weekend, local dates YYYY-MM-DD. */
  holidays: readonly string[];
  /** Days worked although they are not work days of the week or are holidays (a Saturday made up for a bridge day). */
  workingDates?: readonly string[];
}

/** How close to its deadline (in working hours) a clock turns amber. */
export const SLA_NEAR_HOURS = 2;

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
/** A calendar without a single working day within this many days is a mistake, not a wait. */
const MAX_DAYS_SCANNED = 3_660;

/** Orthodox Easter (Gregorian date) by Meeus' Julian algorithm; valid for 1900–2099 (+13 days). */
function orthodoxEaster(year: number): string {
  const a = year % 4;
  const b = year % 7;
  const c = year % 19;
  const d = (19 * c + 15) % 30;
  const e = (2 * a + 4 * b - d + 34) % 7;
  const month = Math.floor((d + e + 114) / 31);
  const day = ((d + e + 114) % 31) + 1;
  return shiftDate(`${year}-${pad(month)}-${pad(day)}`, 13);
}

/**
 * Public holidays of Ukraine (Labour Code art. 73 as amended in 2023: Christmas on 25 December,
 * Statehood Day on 15 July, Defenders' Day on 1 October, Remembrance Day on 8 May), with the
 * following Monday off when a holiday falls on a weekend (art. 67). Easter and Trinity are Sundays,
 * so their Mondays are the days off. Under martial law these are working days by law
 * (Law 2136-IX); the factory then passes its own list (possibly empty) in its calendar.
 */
export function ukrainePublicHolidays(year: number): string[] {
  const easter = orthodoxEaster(year);
  const fixed = ['01-01', '03-08', '05-01', '05-08', '06-28', '07-15', '08-24', '10-01', '12-25'].map((md) => `${year}-${md}`);
  const days = new Set<string>();
  for (const date of [...fixed, easter, shiftDate(easter, 49)]) {
    days.add(date);
    const weekday = isoWeekday(date);
    if (weekday >= 6) days.add(shiftDate(date, 8 - weekday));
  }
  return [...days].sort();
}

/** The factory: Monday to Friday, 09:00–18:00 Kyiv time, Ukraine's public holidays off. */
export const FACTORY_CALENDAR: WorkingCalendar = {
  timeZone: TIME_ZONE,
  workDays: [1, 2, 3, 4, 5],
  openMinute: 9 * 60,
  closeMinute: 18 * 60,
  holidays: Array.from({ length: 16 }, (_, i) => ukrainePublicHolidays(2020 + i)).flat(),
};

/**
 * The moment `hours` working hours after `start`. Starting outside working hours counts from the
 * next opening; a deadline that ends exactly at closing time is that closing time.
 */
export function addWorkingHours(start: Date, hours: number, calendar: WorkingCalendar = FACTORY_CALENDAR): Date {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`addWorkingHours: hours must be a non-negative number, got ${hours}`);
  let remaining = Math.round(hours * HOUR_MS);
  for (const { open, close } of workingDaysFrom(start, calendar)) {
    const from = Math.max(start.getTime(), open);
    if (from >= close) continue;
    if (remaining <= close - from) return new Date(from + remaining);
    remaining -= close - from;
  }
  throw new Error('unreachable');
}

/**
 * Working hours between two moments; negative when `to` is before `from` (a deadline already
 * missed by that many working hours).
 */
export function workingHoursBetween(from: Date, to: Date, calendar: WorkingCalendar = FACTORY_CALENDAR): number {
  if (to.getTime() < from.getTime()) return -workingHoursBetween(to, from, calendar);
  let total = 0;
  for (const { open, close } of workingDaysFrom(from, calendar)) {
    if (open >= to.getTime()) break;
    const start = Math.max(from.getTime(), open);
    const end = Math.min(to.getTime(), close);
    if (end > start) total += end - start;
  }
  return total / HOUR_MS;
}

export type SlaState = 'past' | 'near' | 'ok';

/** Past the deadline, within SLA_NEAR_HOURS working hours of it, or comfortably ahead. */
export function slaState(dueAt: Date, now: Date, calendar: WorkingCalendar = FACTORY_CALENDAR): SlaState {
  if (now.getTime() >= dueAt.getTime()) return 'past';
  return workingHoursBetween(now, dueAt, calendar) <= SLA_NEAR_HOURS ? 'near' : 'ok';
}

type DayHours = { open: number; close: number } | null;

// Time zone arithmetic is the slow part (Intl), and a queue page asks about the same few weeks for
// every claim: each calendar's days are remembered (a bounded cache).
const dayCache = new WeakMap<WorkingCalendar, Map<string, DayHours>>();
const holidayCache = new WeakMap<WorkingCalendar, Set<string>>();
const workingDateCache = new WeakMap<WorkingCalendar, Set<string>>();
const DAY_CACHE_LIMIT = 20_000;

/** A day's opening and closing instants, or null when the factory does not work that day. */
function hoursOfDay(date: string, calendar: WorkingCalendar): DayHours {
  let days = dayCache.get(calendar);
  if (!days) dayCache.set(calendar, (days = new Map()));
  const known = days.get(date);
  if (known !== undefined) return known;
  let holidays = holidayCache.get(calendar);
  if (!holidays) holidayCache.set(calendar, (holidays = new Set(calendar.holidays)));
  let worked = workingDateCache.get(calendar);
  if (!worked) workingDateCache.set(calendar, (worked = new Set(calendar.workingDates ?? [])));
  const hours =
    !worked.has(date) && (!calendar.workDays.includes(isoWeekday(date)) || holidays.has(date))
      ? null
      : { open: zonedInstant(date, calendar.openMinute, calendar.timeZone), close: zonedInstant(date, calendar.closeMinute, calendar.timeZone) };
  if (days.size >= DAY_CACHE_LIMIT) days.clear();
  days.set(date, hours);
  return hours;
}

/** Opening and closing instants of each working day, starting with the local day of `start`. */
function* workingDaysFrom(start: Date, calendar: WorkingCalendar): Generator<{ open: number; close: number }> {
  let date = localDate(start, calendar.timeZone);
  for (let i = 0; i < MAX_DAYS_SCANNED; i++, date = shiftDate(date, 1)) {
    const hours = hoursOfDay(date, calendar);
    if (hours) yield hours;
  }
  throw new RangeError(`working calendar has no working day within ${MAX_DAYS_SCANNED} days of ${start.toISOString()}`);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(instant: number, timeZone: string) {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(instant)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return parts as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/** The local calendar date (YYYY-MM-DD) of an instant in a time zone. */
function localDate(instant: Date, timeZone: string): string {
  const p = partsIn(instant.getTime(), timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** Offset of local time from UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const p = partsIn(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant of a local date and time of day in a time zone (hours fall outside DST gaps). */
function zonedInstant(date: string, minuteOfDay: number, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d) + minuteOfDay * MINUTE_MS;
  let instant = wall - offsetAt(wall, timeZone);
  instant = wall - offsetAt(instant, timeZone);
  return instant;
}

function isoWeekday(date: string): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

function shiftDate(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
