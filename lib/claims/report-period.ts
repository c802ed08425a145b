import { addDays, factoryToday } from '@/lib/calendar';

// The period of the claims desk's reports: whole days in the factory's time zone, both ends
// included, read from the page's URL. No server imports: the period picker builds its links here.

export type ReportPeriod = { from: string; to: string };

/** A report covers at most a year (and a day for leap years). */
export const MAX_PERIOD_DAYS = 366;
/** Weeks shown by default: the current week and the eleven before it. */
export const DEFAULT_WEEKS = 12;

export const PERIOD_PRESETS = ['4w', '12w', '26w', 'year'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isDay(value: string | undefined): value is string {
  if (!value || !DAY.test(value)) return false;
  const time = Date.parse(`${value}T12:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

/** The Monday of the week a day falls in (weeks run Monday to Sunday). */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

export function presetPeriod(preset: PeriodPreset, today: string): ReportPeriod {
  if (preset === 'year') return { from: `${today.slice(0, 4)}-01-01`, to: today };
  const weeks = Number(preset.slice(0, -1));
  return { from: addDays(weekStart(today), -7 * (weeks - 1)), to: today };
}

export function defaultPeriod(now: Date = new Date()): ReportPeriod {
  return presetPeriod('12w', factoryToday(now));
}

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function read(params: Params, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}

/**
 * The period from a URL: `from` and `to` days (either may be missing), or the default. Given
 * backwards it is read the right way round; longer than MAX_PERIOD_DAYS it is cut to the last
 * year up to `to`.
 */
export function periodFromSearchParams(params: Params, now: Date = new Date()): ReportPeriod {
  const fallback = defaultPeriod(now);
  const rawFrom = read(params, 'from');
  const rawTo = read(params, 'to');
  let from = isDay(rawFrom) ? rawFrom : undefined;
  let to = isDay(rawTo) ? rawTo : undefined;
  if (!from && !to) return fallback;
  to ??= from && from > fallback.to ? from : fallback.to;
  from ??= addDays(to, -(DEFAULT_WEEKS * 7 - 1));
  if (from > to) [from, to] = [to, from];
  if (daysBetween(from, to) >= MAX_PERIOD_DAYS) from = addDays(to, -(MAX_PERIOD_DAYS - 1));
  return { from, to };
}

/** A link to the reports (or their CSV) for a period, with further parameters. */
export function reportHref(base: string, period: ReportPeriod, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ ...extra, from: period.from, to: period.to });
  return `${base}?${params.toString()}`;
}

/** Every Monday from the week of `from` to the week of `to`. */
export function weeksOf(period: ReportPeriod): string[] {
  const weeks: string[] = [];
  for (let week = weekStart(period.from); week <= period.to; week = addDays(week, 7)) weeks.push(week);
  return weeks;
}
