// The library's categories: a fixed list, translated under library.categories.* (no server imports).

export const LIBRARY_CATEGORIES = ['price_lists', 'certificates', 'installation_guides', 'marketing', 'other'] as const;
export type LibraryCategory = (typeof LIBRARY_CATEGORIES)[number];

export function isLibraryCategory(value: unknown): value is LibraryCategory {
  return typeof value === 'string' && (LIBRARY_CATEGORIES as readonly string[]).includes(value);
}
