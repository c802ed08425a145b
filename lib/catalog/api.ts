import { z } from 'zod';
import { MAX_CATALOG_PAGE_SIZE, MAX_CATALOG_QUERY } from './filter';
import type { CatalogItem } from './queries';

// GET /api/v1/catalog: its query and its answer's items (no server imports: tests and the
// offline cache read the same shape).

export const catalogQuerySchema = z.object({
  q: z.string().trim().max(MAX_CATALOG_QUERY, `q must be at most ${MAX_CATALOG_QUERY} characters`).optional(),
  page: z.coerce.number({ error: 'page must be a whole number from 1' }).int('page must be a whole number from 1').min(1, 'page must be a whole number from 1').max(100_000).default(1),
  limit: z.coerce
    .number({ error: `limit must be a whole number from 1 to ${MAX_CATALOG_PAGE_SIZE}` })
    .int(`limit must be a whole number from 1 to ${MAX_CATALOG_PAGE_SIZE}`)
    .min(1, `limit must be a whole number from 1 to ${MAX_CATALOG_PAGE_SIZE}`)
    .max(MAX_CATALOG_PAGE_SIZE, `limit must be a whole number from 1 to ${MAX_CATALOG_PAGE_SIZE}`)
    .optional(),
});

/** An item as the API answers it: the dealer price first, money as decimal strings. */
export function catalogItemJson(item: CatalogItem) {
  return {
    dealerPrice: item.dealerPrice,
    retailPrice: item.retailPrice,
    promoPrice: item.promoPrice,
    promoSaving: item.promoSaving,
    partNumber: item.partNumber,
    name: item.name,
    unit: item.unit,
    stock: item.stock,
    currency: item.currency,
    updatedAt: item.updatedAt.toISOString(),
  };
}
