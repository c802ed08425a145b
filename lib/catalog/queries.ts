import 'server-only';
import { asc, count, sql, type SQL } from 'drizzle-orm';
import { catalogItems } from '@/drizzle/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/assert';
import type { DbOrTx } from '@/lib/db';
import { CATALOG_PAGE_SIZE, MAX_CATALOG_PAGE_SIZE, MAX_CATALOG_QUERY, type CatalogFilter } from './filter';

// The product catalogue as the accounting system sends it (catalog.item sync events, applied in
// lib/sync/apply-dealers.ts): one list for dealers and staff, searched by part number or name.
// Prices stay decimal strings from the database to the screen.

/**
 * One item; the dealer's price comes first, it is what the dealer pays. `promoSaving` is how much
 * less than the dealer price the promotional price is (null when there is none or it is not lower).
 */
export type CatalogItem = {
  dealerPrice: string;
  retailPrice: string;
  promoPrice: string | null;
  promoSaving: string | null;
  partNumber: string;
  name: string;
  unit: string;
  /** In the item's unit, up to three decimals without trailing zeros ("12.5"); null: not reported. */
  stock: string | null;
  currency: string;
  updatedAt: Date;
};

/** Staff also see when the accounting system last sent the item, and which source sent it. */
export type StaffCatalogItem = CatalogItem & { sourceUpdatedAt: Date | null; source: string | null };

export type CatalogPage<T extends CatalogItem = CatalogItem> = { items: T[]; total: number; page: number; pageSize: number };

/** A LIKE pattern that matches the text anywhere, with the text's own wildcards taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** "12.500" → "12.5", "40.000" → "40". */
export function trimQuantity(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value;
}

function searchCondition(q: string | undefined): SQL | undefined {
  const text = q?.trim().slice(0, MAX_CATALOG_QUERY);
  if (!text) return undefined;
  const pattern = containsPattern(text);
  return sql`(${catalogItems.partNumber} ilike ${pattern} or ${catalogItems.name} ilike ${pattern})`;
}

const columns = {
  dealerPrice: catalogItems.dealerPrice,
  retailPrice: catalogItems.retailPrice,
  promoPrice: catalogItems.promoPrice,
  // Computed by the database in numeric: exact, never a float.
  promoSaving: sql<string | null>`case when ${catalogItems.promoPrice} < ${catalogItems.dealerPrice} then (${catalogItems.dealerPrice} - ${catalogItems.promoPrice})::text end`,
  partNumber: catalogItems.partNumber,
  name: catalogItems.name,
  unit: catalogItems.unit,
  stock: sql<string | null>`${catalogItems.stock}::text`,
  currency: catalogItems.currency,
  updatedAt: catalogItems.updatedAt,
};

type Options = CatalogFilter & { pageSize?: number };

function pageOf(filter: Options) {
  const pageSize = Math.min(Math.max(Math.trunc(filter.pageSize ?? CATALOG_PAGE_SIZE), 1), MAX_CATALOG_PAGE_SIZE);
  const page = Math.max(1, Math.trunc(filter.page || 1));
  return { page, pageSize, offset: (page - 1) * pageSize };
}

async function totalOf(db: DbOrTx, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ total: count() }).from(catalogItems).where(where);
  return row?.total ?? 0;
}

function toItem(row: Omit<CatalogItem, 'stock'> & { stock: string | null }): CatalogItem {
  return {
    dealerPrice: row.dealerPrice,
    retailPrice: row.retailPrice,
    promoPrice: row.promoPrice,
    promoSaving: row.promoSaving,
    partNumber: row.partNumber,
    name: row.name,
    unit: row.unit,
    stock: row.stock === null ? null : trimQuantity(row.stock),
    currency: row.currency,
    updatedAt: row.updatedAt,
  };
}

/** A page of the catalogue for anyone who may read it (dealers and staff), by part number. */
export async function searchCatalog(db: DbOrTx, actor: Actor, filter: Options): Promise<CatalogPage> {
  assertCan(actor, 'catalog.read');
  const { page, pageSize, offset } = pageOf(filter);
  const where = searchCondition(filter.q);
  const [rows, total] = await Promise.all([
    db.select(columns).from(catalogItems).where(where).orderBy(asc(catalogItems.partNumber)).limit(pageSize).offset(offset),
    totalOf(db, where),
  ]);
  return { items: rows.map(toItem), total, page, pageSize };
}

/** The same page for factory staff, with when and from which sync source each item last came. */
export async function searchCatalogForStaff(db: DbOrTx, actor: Actor, filter: Options): Promise<CatalogPage<StaffCatalogItem>> {
  assertCan(actor, 'catalog.read');
  assertCan(actor, 'area.factory');
  const { page, pageSize, offset } = pageOf(filter);
  const where = searchCondition(filter.q);
  const [rows, total] = await Promise.all([
    db
      .select({
        ...columns,
        sourceUpdatedAt: catalogItems.sourceUpdatedAt,
        // The source of the newest applied event, from its audit row (audit_log_entity_idx).
        source: sql<string | null>`(select a.actor_id from audit_log a where a.entity_type = 'catalog_item' and a.entity_id = ${catalogItems.partNumber} and a.actor_kind = 'sync' order by a.at desc limit 1)`,
      })
      .from(catalogItems)
      .where(where)
      .orderBy(asc(catalogItems.partNumber))
      .limit(pageSize)
      .offset(offset),
    totalOf(db, where),
  ]);
  return { items: rows.map((row) => ({ ...toItem(row), sourceUpdatedAt: row.sourceUpdatedAt, source: row.source })), total, page, pageSize };
}
