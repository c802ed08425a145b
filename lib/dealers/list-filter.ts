import { PAYER_CATEGORIES, type PayerCategory } from '@/drizzle/schema/values';

// The dealers list's search, filters, sort and page, read from the page's URL and written back
// into its links. No server imports: the filter form and the headers build links with it.

export const DEALER_SORTS = ['name', 'code', 'balance'] as const;
export type DealerSort = (typeof DEALER_SORTS)[number];
export type SortDirection = 'asc' | 'desc';
export const DEALER_STATES = ['active', 'inactive'] as const;
export type DealerState = (typeof DEALER_STATES)[number];

export type DealerListFilter = {
  /** Part of the code, name, tax id or town. */
  q?: string;
  region?: string;
  category?: PayerCategory;
  state?: DealerState;
  /** Only the dealers the signed-in manager looks after. */
  mine?: boolean;
  sort: DealerSort;
  dir: SortDirection;
  page: number;
};

export const DEFAULT_DEALER_FILTER: DealerListFilter = { sort: 'name', dir: 'asc', page: 1 };
export const DEALERS_PAGE_SIZE = 50;

/** The direction a column sorts in when first chosen: names and codes A to Z, balances largest first. */
export function defaultDirection(sort: DealerSort): SortDirection {
  return sort === 'balance' ? 'desc' : 'asc';
}

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function read(params: Params, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}

/** The filters from a URL; whatever is not understood is left out (a stale link still opens). */
export function dealerFilterFromSearchParams(params: Params): DealerListFilter {
  const filter: DealerListFilter = { ...DEFAULT_DEALER_FILTER };
  const q = read(params, 'q');
  if (q) filter.q = q.slice(0, 100);
  const region = read(params, 'region');
  if (region) filter.region = region.slice(0, 100);
  const category = read(params, 'category');
  if (category && (PAYER_CATEGORIES as readonly string[]).includes(category)) filter.category = category as PayerCategory;
  const state = read(params, 'state');
  if (state && (DEALER_STATES as readonly string[]).includes(state)) filter.state = state as DealerState;
  if (read(params, 'mine') === '1') filter.mine = true;
  const sort = read(params, 'sort');
  if (sort && (DEALER_SORTS as readonly string[]).includes(sort)) filter.sort = sort as DealerSort;
  const dir = read(params, 'dir');
  filter.dir = dir === 'asc' || dir === 'desc' ? dir : defaultDirection(filter.sort);
  const page = read(params, 'page');
  if (page && /^\d{1,6}$/.test(page) && Number(page) >= 1) filter.page = Number(page);
  return filter;
}

/** The query string of these filters, parameters in a fixed order, defaults left out. */
export function dealerQuery(filter: DealerListFilter): string {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.region) params.set('region', filter.region);
  if (filter.category) params.set('category', filter.category);
  if (filter.state) params.set('state', filter.state);
  if (filter.mine) params.set('mine', '1');
  if (filter.sort !== DEFAULT_DEALER_FILTER.sort) params.set('sort', filter.sort);
  if (filter.dir !== defaultDirection(filter.sort)) params.set('dir', filter.dir);
  if (filter.page > 1) params.set('page', String(filter.page));
  return params.toString();
}

export function dealerListHref(base: string, filter: DealerListFilter): string {
  const query = dealerQuery(filter);
  return query ? `${base}?${query}` : base;
}

/** The link of a column header: that column, or the other direction when it is already the sort. */
export function dealerSortHref(base: string, filter: DealerListFilter, sort: DealerSort): string {
  const dir: SortDirection = filter.sort === sort ? (filter.dir === 'asc' ? 'desc' : 'asc') : defaultDirection(sort);
  return dealerListHref(base, { ...filter, sort, dir, page: 1 });
}

export function isDealerFilterEmpty(filter: DealerListFilter): boolean {
  return !filter.q && !filter.region && !filter.category && !filter.state && !filter.mine;
}
