import { z } from 'zod';
import { LEDGER_KINDS, type LedgerKind } from '@/drizzle/schema/values';

// The ledger's period and filters, shared by the pages (lenient, from their URL), the client API
// (strict: 400 naming the field) and the queries. No server imports.

/** The longest period one ledger answer covers. */
export const MAX_PERIOD_YEARS = 5;
export const MAX_LEDGER_SEARCH_LENGTH = 64;
export const PERIOD_PRESETS = ['thisMonth', 'lastMonth', 'thisQuarter', 'thisYear'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export type LedgerQuery = { from: string; to: string; kind?: LedgerKind; q?: string };

const isoDate = z.iso.date();

/** A real calendar day, YYYY-MM-DD. */
export function isDay(value: string): boolean {
  return isoDate.safeParse(value).success && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
/** The last day of a month (month 1..12). */
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function parts(day: string): [number, number, number] {
  const [y, m, d] = day.split('-').map((p) => Number.parseInt(p, 10));
  return [y!, m!, d!];
}

/** The same day `years` later (29 February becomes 28 February in a common year). */
export function addYears(day: string, years: number): string {
  const [y, m, d] = parts(day);
  return ymd(y + years, m, Math.min(d, lastDay(y + years, m)));
}

/** The first day of the month `months` months before the month of `day`. */
export function monthStartBefore(day: string, months: number): string {
  const [y, m] = parts(day);
  const index = y * 12 + (m - 1) - months;
  return ymd(Math.floor(index / 12), (index % 12) + 1, 1);
}

/** The period a preset names, as of `today` (the factory's day): up to today, or a whole past month. */
export function presetPeriod(preset: PeriodPreset, today: string): { from: string; to: string } {
  const [y, m] = parts(today);
  switch (preset) {
    case 'thisMonth':
      return { from: ymd(y, m, 1), to: today };
    case 'lastMonth': {
      const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
      return { from: ymd(py, pm, 1), to: ymd(py, pm, lastDay(py, pm)) };
    }
    case 'thisQuarter':
      return { from: ymd(y, Math.floor((m - 1) / 3) * 3 + 1, 1), to: today };
    case 'thisYear':
      return { from: ymd(y, 1, 1), to: today };
  }
}

/** Which preset a period is, if any. */
export function presetOf(period: { from: string; to: string }, today: string): PeriodPreset | null {
  return PERIOD_PRESETS.find((p) => {
    const candidate = presetPeriod(p, today);
    return candidate.from === period.from && candidate.to === period.to;
  }) ?? null;
}

const isKind = (value: string): value is LedgerKind => (LEDGER_KINDS as readonly string[]).includes(value);

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function read(params: Params, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The ledger page's query from its URL: what is not understood is left out (default period: this
 * month up to today), a period given backwards is turned round, one longer than the cap is cut to
 * its last MAX_PERIOD_YEARS years. A page never fails on its query string.
 */
export function ledgerQueryFromSearchParams(params: Params, today: string): LedgerQuery & { clamped: boolean } {
  const fallback = presetPeriod('thisMonth', today);
  const rawFrom = read(params, 'from');
  const rawTo = read(params, 'to');
  let from = rawFrom && isDay(rawFrom) ? rawFrom : fallback.from;
  let to = rawTo && isDay(rawTo) ? rawTo : rawFrom && isDay(rawFrom) && rawFrom > today ? rawFrom : today;
  if (from > to) [from, to] = [to, from];
  let clamped = false;
  if (to > addYears(from, MAX_PERIOD_YEARS)) {
    from = addYears(to, -MAX_PERIOD_YEARS);
    clamped = true;
  }
  const query: LedgerQuery & { clamped: boolean } = { from, to, clamped };
  const kind = read(params, 'kind');
  if (kind && isKind(kind)) query.kind = kind;
  const q = read(params, 'q')?.trim();
  if (q) query.q = q.slice(0, MAX_LEDGER_SEARCH_LENGTH);
  return query;
}

/** The client API's query (strict, for 400 answers naming the field); `today` fills the default period. */
export function ledgerApiQuerySchema(today: string) {
  return z
    .object({
      from: z.string().refine(isDay, 'from must be a date as YYYY-MM-DD').optional(),
      to: z.string().refine(isDay, 'to must be a date as YYYY-MM-DD').optional(),
      kind: z.enum(LEDGER_KINDS, { error: `kind must be one of: ${LEDGER_KINDS.join(', ')}` }).optional(),
      q: z.string().trim().max(MAX_LEDGER_SEARCH_LENGTH, `q must be at most ${MAX_LEDGER_SEARCH_LENGTH} characters`).optional(),
    })
    .transform((query) => {
      const from = query.from ?? presetPeriod('thisMonth', query.to && query.to < today ? query.to : today).from;
      const to = query.to ?? (query.from && query.from > today ? query.from : today);
      return { from, to, ...(query.kind ? { kind: query.kind } : {}), ...(query.q ? { q: query.q } : {}) } as LedgerQuery;
    })
    .superRefine((query, ctx) => {
      if (query.from > query.to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'from must not be after to' });
      else if (query.to > addYears(query.from, MAX_PERIOD_YEARS))
        ctx.addIssue({ code: 'custom', path: ['to'], message: `the period may be at most ${MAX_PERIOD_YEARS} years; ask for it in parts` });
    });
}

/** The ledger page's URL for this query. */
export function ledgerHref(base: string, query: Partial<LedgerQuery>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.kind) params.set('kind', query.kind);
  if (query.q) params.set('q', query.q);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const text = params.toString();
  return text ? `${base}?${text}` : base;
}
