import { z } from 'zod';
import { ORDER_STATUSES, type OrderStatus } from '@/drizzle/schema/values';

// The orders list's filters, shared by the page (from its URL), the client API and the queries.
// No server imports: the page's filter form reads the same limits.

export const ORDER_PAGE_SIZE = 25;
export const MAX_ORDER_PAGE_SIZE = 100;
export const MAX_SEARCH_LENGTH = 64;

export type OrderListFilter = {
  /** Part of an order number or of the dealer's customer reference. */
  q?: string;
  status?: OrderStatus;
  /** Created on or after this day (YYYY-MM-DD, factory time zone). */
  from?: string;
  /** Created on or before this day (YYYY-MM-DD, factory time zone). */
  to?: string;
};

/** Where the next page starts: just after this order in the list (created_at desc, id desc). */
export type OrderCursor = { createdAt: string; id: number };

export function encodeCursor(cursor: OrderCursor): string {
  return Buffer.from(`${cursor.createdAt}|${cursor.id}`, 'utf8').toString('base64url');
}

/** The cursor a page handed out, or null for anything else. */
export function decodeCursor(value: string): OrderCursor | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(value)) return null;
  const [createdAt = '', id = ''] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  if (!/^[1-9]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(createdAt)) return null;
  // A real moment: JavaScript rolls 2026-02-30 or 24:00 over, the database refuses them (a 500).
  const parsed = Date.parse(createdAt);
  if (Number.isNaN(parsed) || new Date(parsed).toISOString().slice(0, 19) !== createdAt.slice(0, 19)) return null;
  if (!/^\d{1,15}$/.test(id)) return null;
  return { createdAt, id: Number(id) };
}

const isoDate = z.iso.date();

/** A real calendar day, YYYY-MM-DD. */
function isDay(value: string): boolean {
  return isoDate.safeParse(value).success && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

const isStatus = (value: string): value is OrderStatus => (ORDER_STATUSES as readonly string[]).includes(value);

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function read(params: Params, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The list's filters from a page's URL: whatever is not understood is left out (a pasted or
 * stale link still opens the list), so a page never fails on its query string.
 */
export function filterFromSearchParams(params: Params): OrderListFilter & { cursor?: OrderCursor } {
  const filter: OrderListFilter & { cursor?: OrderCursor } = {};
  const q = read(params, 'q')?.trim();
  if (q) filter.q = q.slice(0, MAX_SEARCH_LENGTH);
  const status = read(params, 'status');
  if (status && isStatus(status)) filter.status = status;
  const from = read(params, 'from');
  if (from && isDay(from)) filter.from = from;
  const to = read(params, 'to');
  if (to && isDay(to)) filter.to = to;
  if (filter.from && filter.to && filter.from > filter.to) [filter.from, filter.to] = [filter.to, filter.from];
  const cursor = read(params, 'cursor');
  const decoded = cursor ? decodeCursor(cursor) : null;
  if (decoded) filter.cursor = decoded;
  return filter;
}

/**
 * The client API's query (contract: status, q, limit, cursor; from and to as on the page): strict,
 * for 400 answers. A period given backwards is read the right way round, as the page does.
 */
export const orderListQuerySchema = z
  .object({
  status: z.enum(ORDER_STATUSES, { error: `status must be one of: ${ORDER_STATUSES.join(', ')}` }).optional(),
  q: z.string().trim().max(MAX_SEARCH_LENGTH, `q must be at most ${MAX_SEARCH_LENGTH} characters`).optional(),
  from: z.string().refine(isDay, 'from must be a date as YYYY-MM-DD').optional(),
  to: z.string().refine(isDay, 'to must be a date as YYYY-MM-DD').optional(),
  limit: z.coerce
    .number({ error: 'limit must be a number' })
    .int('limit must be a whole number')
    .min(1, 'limit must be at least 1')
    .max(MAX_ORDER_PAGE_SIZE, `limit must be at most ${MAX_ORDER_PAGE_SIZE}`)
    .optional(),
  cursor: z
    .string()
    .transform((value, ctx) => {
      const decoded = decodeCursor(value);
      if (!decoded) ctx.addIssue({ code: 'custom', message: 'cursor is not one this API handed out; start again without it' });
      return decoded ?? undefined;
    })
    .optional(),
  })
  .transform((query) => (query.from && query.to && query.from > query.to ? { ...query, from: query.to, to: query.from } : query));

/** The URL of the list with these filters (no cursor: a changed filter starts at the top). */
export function orderListHref(base: string, filter: OrderListFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.status) params.set('status', filter.status);
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}
