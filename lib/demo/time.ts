// Dates of the demo data. Everything is computed in UTC milliseconds and kept inside plausible
// working hours of the factory (Kyiv is UTC+2/+3, so 05:00-17:00 UTC is 07:00-20:00 local).

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight UTC of a YYYY-MM-DD date, or null when it is not a real calendar date. */
export function parseDay(value: string): number | null {
  const match = DATE.exec(value);
  if (!match) return null;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return dayString(ms) === value ? ms : null;
}

/** YYYY-MM-DD of a UTC time. */
export function dayString(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Midnight UTC of the day of a time. */
export function startOfDay(ms: number): number {
  return ms - (((ms % DAY) + DAY) % DAY);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(ms: number): number {
  return new Date(ms).getUTCDay();
}

/** The day itself, or the Saturday before it when it is a Sunday (nothing moves on Sundays). */
export function notSunday(dayMs: number): number {
  return weekday(dayMs) === 0 ? dayMs - DAY : dayMs;
}

/** dd.mm.yyyy, as Ukrainian documents write dates. */
export function uaDate(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`;
}

/** Two-digit year, as order and trip numbers carry it. */
export function yearPrefix(ms: number): string {
  return String(new Date(ms).getUTCFullYear() % 100).padStart(2, '0');
}

/**
 * Moves a time earlier (never later) into [fromHour, toHour) UTC of a day that is not a Sunday.
 * Only ever moving backwards keeps stages that were computed backwards in order. A moved time
 * lands somewhere in the last three hours of the window (derived from the time itself, so it
 * stays reproducible), not all on the same minute.
 */
export function intoHoursBefore(ms: number, fromHour: number, toHour: number): number {
  let t = ms;
  const hour = (t - startOfDay(t)) / HOUR;
  const jitter = (1 + ((Math.floor(ms / MINUTE) * 7919) % Math.min(173, (toHour - fromHour) * 60 - 1))) * MINUTE;
  if (hour >= toHour) t = startOfDay(t) + toHour * HOUR - jitter;
  else if (hour < fromHour) t = startOfDay(t) - DAY + toHour * HOUR - jitter;
  if (weekday(t) === 0) t -= DAY;
  return t;
}

