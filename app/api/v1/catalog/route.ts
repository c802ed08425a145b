import { NextResponse } from 'next/server';
import { catalogItemJson, catalogQuerySchema } from '@/lib/catalog/api';
import { searchCatalog } from '@/lib/catalog/queries';
import { can } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { apiError, zodDetails } from '@/lib/http/errors';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/catalog?q=&page=&limit=: the product catalogue for dealers and staff, searched by
 * part number or name, by part number; each item with the dealer's price first.
 */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return apiError('unauthorized', 'Sign in first.');
  if (!can(actor, 'catalog.read')) return apiError('forbidden', 'This role may not read the catalogue.');
  const parsed = catalogQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return apiError('bad_request', 'The catalogue search is not valid.', { details: zodDetails(parsed.error) });
  const { q, page, limit } = parsed.data;
  const result = await searchCatalog(getDb(), actor, { q, page, pageSize: limit });
  return NextResponse.json(
    { items: result.items.map(catalogItemJson), total: result.total, page: result.page, pageSize: result.pageSize },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}
