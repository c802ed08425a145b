import { PAYER_CATEGORIES, type PayerCategory } from '@/drizzle/schema/values';

// The receivables list's filters and sort, read from the page's URL and written back into its
// links (the export link carries the same). No server imports: forms and headers build links with it.

export const RECEIVABLES_SORTS = ['name', 'balance', 'overdue', 'notDue', 'days1to30', 'days31to60', 'days61to90', 'over90', 'oldestDue'] as const;
export type ReceivablesSort = (typeof RECEIVABLES_SORTS)[number];
export type SortDirection = 'asc' | 'desc';

export type ReceivablesFilter = {
  /** Part of the dealer's name or code. */
  q?: string;
  region?: string;
  category?: PayerCategory;
  /** Only dealers with at least this much overdue (a decimal string, e.g. "1000" or "1000.50"). */
  minOverdue?: string;
  sort: ReceivablesSort;
  dir: SortDirection;
  page: number;
};

export const DEFAULT_RECEIVABLES_FILTER: ReceivablesFilter = { sort: 'overdue', dir: 'desc', page: 1 };

/** The direction a column sorts in when first chosen: amounts largest first, names A to Z. */
export function defaultDirection(sort: ReceivablesSort): SortDirection {
  return sort === 'name' || sort === 'oldestDue' ? 'asc' : 'desc';
}

const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function read(params: Params, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}

/** The filters from a URL; whatever is not understood is left out (a stale link still opens). */
export function receivablesFilterFromSearchParams(params: Params): ReceivablesFilter {
  const filter: ReceivablesFilter = { ...DEFAULT_RECEIVABLES_FILTER };
  const q = read(params, 'q');
  if (q) filter.q = q.slice(0, 100);
  const region = read(params, 'region');
  if (region) filter.region = region.slice(0, 100);
  const category = read(params, 'category');
  if (category && (PAYER_CATEGORIES as readonly string[]).includes(category)) filter.category = category as PayerCategory;
  // "10 000,50" as people type it in uk/ru becomes 10000.50.
  const min = read(params, 'min')?.replace(/[\s\u00A0\u202F]/g, '').replace(',', '.');
  if (min && AMOUNT.test(min) && /[1-9]/.test(min)) filter.minOverdue = min;
  const sort = read(params, 'sort');
  if (sort && (RECEIVABLES_SORTS as readonly string[]).includes(sort)) filter.sort = sort as ReceivablesSort;
  const dir = read(params, 'dir');
  filter.dir = dir === 'asc' || dir === 'desc' ? dir : defaultDirection(filter.sort);
  const page = read(params, 'page');
  if (page && /^\d{1,6}$/.test(page) && Number(page) >= 1) filter.page = Number(page);
  return filter;
}

/** The query string of these filters, parameters in a fixed order, defaults left out. */
export function receivablesQuery(filter: ReceivablesFilter, options: { page?: boolean } = {}): string {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.region) params.set('region', filter.region);
  if (filter.category) params.set('category', filter.category);
  if (filter.minOverdue) params.set('min', filter.minOverdue);
  if (filter.sort !== DEFAULT_RECEIVABLES_FILTER.sort) params.set('sort', filter.sort);
  if (filter.dir !== defaultDirection(filter.sort)) params.set('dir', filter.dir);
  if (options.page !== false && filter.page > 1) params.set('page', String(filter.page));
  return params.toString();
}

export function receivablesHref(base: string, filter: ReceivablesFilter): string {
  const query = receivablesQuery(filter);
  return query ? `${base}?${query}` : base;
}

/** The link of a column header: that column, or the other direction when it is already the sort. */
export function sortHref(base: string, filter: ReceivablesFilter, sort: ReceivablesSort): string {
  const dir: SortDirection = filter.sort === sort ? (filter.dir === 'asc' ? 'desc' : 'asc') : defaultDirection(sort);
  return receivablesHref(base, { ...filter, sort, dir, page: 1 });
}

export function isReceivablesFilterEmpty(filter: ReceivablesFilter): boolean {
  return !filter.q && !filter.region && !filter.category && !filter.minOverdue;
}
