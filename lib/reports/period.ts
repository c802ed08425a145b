import { addDays, factoryToday } from '@/lib/calendar';
import { daysBetween, MAX_PERIOD_DAYS, weekStart, type ReportPeriod } from '@/lib/claims/report-period';

// The factory reports' period and plant, read from the page's URL (and the CSV link's): whole
// days in the factory's time zone, both ends included, as the claims desk's reports have them.
// What a link gets wrong is said, not hidden: the page shows the default with a notice, the CSV
// answers 400. No server imports: the period picker builds its links here.

export type { ReportPeriod };

export const FACTORY_PERIOD_PRESETS = ['7d', '30d', '90d', '365d'] as const;
export type FactoryPeriodPreset = (typeof FACTORY_PERIOD_PRESETS)[number];
export const DEFAULT_PRESET: FactoryPeriodPreset = '30d';
/** Up to this many days a chart has a bar per day; longer periods have one per week. */
export const MAX_DAILY_DAYS = 62;

export type Granularity = 'day' | 'week';

/** What was wrong with the link: an unreadable period or plant, or a period cut to a year. */
export type ParamProblem = 'badPeriod' | 'periodCut' | 'badPlant';

export type ReportParams = {
  period: ReportPeriod;
  /** null: all plants. */
  plantId: number | null;
  problems: ParamProblem[];
};

/** One bar of a chart: the days of the period it covers. */
export type Bucket = { start: string; end: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(value: string | undefined): value is string {
  if (!value || !DAY.test(value)) return false;
  const year = Number(value.slice(0, 4));
  if (year < 2000 || year > 2100) return false;
  const time = Date.parse(`${value}T12:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

/** The last `days` days up to `today`, both included. */
export function periodOfLastDays(days: number, today: string): ReportPeriod {
  return { from: addDays(today, -(days - 1)), to: today };
}

export function presetPeriod(preset: FactoryPeriodPreset, today: string): ReportPeriod {
  return periodOfLastDays(Number(preset.slice(0, -1)), today);
}

export function defaultPeriod(now: Date = new Date()): ReportPeriod {
  return presetPeriod(DEFAULT_PRESET, factoryToday(now));
}

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function read(params: Params, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}

/**
 * The period and plant of a URL. `from` and `to` are days (YYYY-MM-DD); with one missing the
 * other end is 30 days away; given backwards they are read the right way round; longer than a
 * year the period is cut to the year up to `to`. `plant` is a plant's id, or absent/"all".
 * Anything unreadable gives the default (the last 30 days, all plants) and names the problem.
 */
export function reportParamsFromSearchParams(params: Params, now: Date = new Date()): ReportParams {
  const problems: ParamProblem[] = [];
  const fallback = defaultPeriod(now);
  const rawFrom = read(params, 'from');
  const rawTo = read(params, 'to');
  let period = fallback;
  if ((rawFrom && !isDay(rawFrom)) || (rawTo && !isDay(rawTo))) {
    problems.push('badPeriod');
  } else if (rawFrom || rawTo) {
    let to = rawTo ?? (rawFrom && rawFrom > fallback.to ? rawFrom : fallback.to);
    let from = rawFrom ?? addDays(to, -29);
    if (from > to) [from, to] = [to, from];
    if (daysBetween(from, to) >= MAX_PERIOD_DAYS) {
      from = addDays(to, -(MAX_PERIOD_DAYS - 1));
      problems.push('periodCut');
    }
    period = { from, to };
  }
  const rawPlant = read(params, 'plant');
  let plantId: number | null = null;
  if (rawPlant && rawPlant !== 'all') {
    if (/^\d{1,12}$/.test(rawPlant) && Number(rawPlant) > 0) plantId = Number(rawPlant);
    else problems.push('badPlant');
  }
  return { period, plantId, problems };
}

/** Days for a short period, weeks (Monday to Sunday) for a long one. */
export function granularityOf(period: ReportPeriod): Granularity {
  return daysBetween(period.from, period.to) + 1 <= MAX_DAILY_DAYS ? 'day' : 'week';
}

/** The bars of a chart over the period: each day, or each week cut to the period at both ends. */
export function bucketsOf(period: ReportPeriod, granularity: Granularity = granularityOf(period)): Bucket[] {
  const buckets: Bucket[] = [];
  if (granularity === 'day') {
    for (let day = period.from; day <= period.to; day = addDays(day, 1)) buckets.push({ start: day, end: day });
    return buckets;
  }
  for (let monday = weekStart(period.from); monday <= period.to; monday = addDays(monday, 7)) {
    const sunday = addDays(monday, 6);
    buckets.push({ start: monday < period.from ? period.from : monday, end: sunday > period.to ? period.to : sunday });
  }
  return buckets;
}

/** A link to the reports (or a CSV) for a period and plant, with further parameters. */
export function reportsHref(base: string, period: ReportPeriod, plantId: number | null, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ ...extra, from: period.from, to: period.to });
  if (plantId !== null) params.set('plant', String(plantId));
  return `${base}?${params.toString()}`;
}
