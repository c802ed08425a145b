import { and, eq, ne, sql } from 'drizzle-orm';
import { catalogItems, dealers } from '@/drizzle/schema';
import { announce, audit, findOrLock, storedIsNotNewer, SyncRejection, waitKey, type Handler } from './context';
import type { SyncEvent } from './schemas';

type DealerEvent = Extract<SyncEvent, { type: 'dealer.upserted' }>;
type CatalogEvent = Extract<SyncEvent, { type: 'catalog.item' }>;

/** dealer.upserted: upsert by code, newest occurredAt wins; a tax id belongs to one dealer only. */
export const applyDealerUpserted: Handler<DealerEvent> = async (ctx, event) => {
  const { tx } = ctx;
  const d = event.data;
  // A new dealer is created under its key's lock (see findOrLock).
  await findOrLock(tx, waitKey.dealer(d.code), async () => (await tx.select({ id: dealers.id }).from(dealers).where(eq(dealers.code, d.code)).limit(1))[0]);
  const [owner] = await tx
    .select({ code: dealers.code })
    .from(dealers)
    .where(and(eq(dealers.taxId, d.taxId), ne(dealers.code, d.code)))
    .limit(1);
  if (owner) {
    throw new SyncRejection(
      `duplicate dealer: tax id ${d.taxId} already belongs to dealer ${owner.code}; send this dealer's changes under code ${owner.code}, or correct the tax id`,
    );
  }
  const values = {
    code: d.code,
    name: d.name,
    taxId: d.taxId,
    region: d.region ?? null,
    phone: d.phone ?? null,
    email: d.email ?? null,
    address: d.address ?? null,
    currency: d.currency ?? 'UAH',
    sourceUpdatedAt: event.occurredAt,
  };
  const [row] = await tx
    .insert(dealers)
    .values(values)
    .onConflictDoUpdate({
      target: dealers.code,
      set: { ...values, updatedAt: new Date() },
      setWhere: storedIsNotNewer(dealers.sourceUpdatedAt, event.occurredAt),
    })
    .returning({ id: dealers.id, inserted: sql<boolean>`xmax = 0` });
  if (!row) return { state: 'superseded' };
  audit(ctx, event, { type: 'dealer', id: d.code, dealerId: row.id }, { created: row.inserted, name: d.name, taxId: d.taxId });
  announce(ctx, 'dealer.updated', { code: d.code }, { roles: ['factory', 'admin'] });
  if (row.inserted) await ctx.unpark(waitKey.dealer(d.code));
  return { state: 'applied' };
};

/** catalog.item: upsert by part number, newest occurredAt wins. */
export const applyCatalogItem: Handler<CatalogEvent> = async (ctx, event) => {
  const c = event.data;
  const values = {
    partNumber: c.partNumber,
    name: c.name,
    unit: c.unit,
    retailPrice: c.retailPrice,
    dealerPrice: c.dealerPrice,
    promoPrice: c.promoPrice ?? null,
    stock: c.stock == null ? null : String(c.stock),
    currency: c.currency,
    sourceUpdatedAt: event.occurredAt,
  };
  const [row] = await ctx.tx
    .insert(catalogItems)
    .values(values)
    .onConflictDoUpdate({
      target: catalogItems.partNumber,
      set: { ...values, updatedAt: new Date() },
      setWhere: storedIsNotNewer(catalogItems.sourceUpdatedAt, event.occurredAt),
    })
    .returning({ id: catalogItems.id });
  if (!row) return { state: 'superseded' };
  audit(ctx, event, { type: 'catalog_item', id: c.partNumber }, { dealerPrice: c.dealerPrice, retailPrice: c.retailPrice });
  announce(ctx, 'catalog.updated', { partNumber: c.partNumber }, { roles: ['dealer_owner', 'dealer_staff', 'factory', 'admin'] });
  return { state: 'applied' };
};
