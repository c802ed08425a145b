// The catalogue's search and page, read from the page's URL (or the API's query) and written back
// into its links. No server imports: the search form builds links with it.

export const CATALOG_PAGE_SIZE = 24;
export const MAX_CATALOG_PAGE_SIZE = 100;
/** A search longer than this is cut: no part number or name is that long. */
export const MAX_CATALOG_QUERY = 100;

export type CatalogFilter = {
  /** Part of the part number or of the name, in any letter case. */
  q?: string;
  page: number;
};

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function read(params: Params, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}

/** The search from a URL; whatever is not understood is left out (a stale link still opens). */
export function catalogFilterFromSearchParams(params: Params): CatalogFilter {
  const filter: CatalogFilter = { page: 1 };
  const q = read(params, 'q');
  if (q) filter.q = q.slice(0, MAX_CATALOG_QUERY);
  const page = read(params, 'page');
  if (page && /^\d{1,6}$/.test(page) && Number(page) >= 1) filter.page = Number(page);
  return filter;
}

export function catalogHref(base: string, filter: CatalogFilter): string {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.page > 1) params.set('page', String(filter.page));
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}
