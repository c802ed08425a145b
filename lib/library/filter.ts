import { LIBRARY_CATEGORIES, type LibraryCategory } from './categories';

// The library pages' search and category, read from the URL (no server imports).

export type LibraryFilter = { q?: string; category?: LibraryCategory };

/** The filter from the page's URL; whatever is not understood is left out. */
export function libraryFilterFromSearchParams(params: Record<string, string | string[] | undefined>): LibraryFilter {
  const one = (key: string) => {
    const value = params[key];
    return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
  };
  const filter: LibraryFilter = {};
  const q = one('q');
  if (q) filter.q = q.slice(0, 100);
  const category = one('category');
  if (category && (LIBRARY_CATEGORIES as readonly string[]).includes(category)) filter.category = category as LibraryCategory;
  return filter;
}
