import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogItems, dealers, users } from '@/drizzle/schema';
import type { Role } from '@/drizzle/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { ForbiddenError } from '@/lib/auth/scope';
import { at, eventId, prepareSyncDatabase, send, TOKENS } from '@/lib/sync/testing/fixtures';
import { createTestDatabase } from '@/lib/testing/database';
import { catalogItemJson } from './api';
import { searchCatalog, searchCatalogForStaff } from './queries';

// The catalogue on the real database: what the search finds (part number, name, any letter case,
// Cyrillic, the LIKE wildcards taken literally), the shape of an item (the dealer's price first,
// money exact), and an item the accounting system sends appearing in the search.

type Database = Awaited<ReturnType<typeof createTestDatabase>>;

const item = (partNumber: string, name: string, prices: { dealer: string; retail: string; promo?: string | null; stock?: string | null }) => ({
  partNumber,
  name,
  unit: 'м.п.',
  dealerPrice: prices.dealer,
  retailPrice: prices.retail,
  promoPrice: prices.promo ?? null,
  stock: prices.stock === undefined ? '10.000' : prices.stock,
  currency: 'UAH',
});

describe('catalogue search', () => {
  let database: Database;
  const actor = {} as Record<'dealer' | 'factory' | 'claims', Actor>;
  const parts = async (q: string | undefined, who: Actor = actor.dealer) => (await searchCatalog(database.db, who, { q, page: 1 })).items.map((i) => i.partNumber);

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    await prepareSyncDatabase(db);
    const [dealer] = await db.insert(dealers).values({ code: 'D-A', name: 'Dealer A', taxId: '11111111' }).returning();
    const people: [keyof typeof actor, Role][] = [
      ['dealer', 'dealer_staff'],
      ['factory', 'factory'],
      ['claims', 'claims'],
    ];
    for (const [key, role] of people) {
      const dealerId = role === 'dealer_staff' ? dealer!.id : null;
      const [u] = await db.insert(users).values({ email: `${key}@x.test`, name: key, role, dealerId, passwordHash: 'x' }).returning();
      actor[key] = { userId: u!.id, role, dealerId, name: key, email: u!.email, locale: null };
    }
    await db.insert(catalogItems).values([
      item('PRF-RH70-001', 'Профіль рамний REHAU Euro-Design 70, білий', { dealer: '338.00', retail: '412.00', stock: '4820.000' }),
      item('PRF-VK82-001', 'Профіль рамний Veka Softline 82, білий', { dealer: '462.10', retail: '566.00', promo: '429.05', stock: '12.500' }),
      item('GLS-4164-001', 'Склопакет 4-16-4', { dealer: '790.00', retail: '980.00', stock: null }),
      item('HRD_50%-001', 'Ручка 50% знижки_тест', { dealer: '0.01', retail: '0.02', promo: '0.03', stock: '0.000' }),
      item('HRDX50X-002', 'Ручка звичайна', { dealer: '9999999999.99', retail: '9999999999.99' }),
    ]);
  });

  afterAll(async () => {
    await database?.dispose();
  });

  it('finds by part number and by name, in any letter case, Cyrillic included', async () => {
    expect(await parts('prf-rh70')).toEqual(['PRF-RH70-001']);
    expect(await parts('PRF')).toEqual(['PRF-RH70-001', 'PRF-VK82-001']);
    expect(await parts('профіль рамний')).toEqual(['PRF-RH70-001', 'PRF-VK82-001']);
    expect(await parts('СКЛОПАКЕТ')).toEqual(['GLS-4164-001']);
    expect(await parts('softline')).toEqual(['PRF-VK82-001']);
    expect((await parts('  ручка ')).sort()).toEqual(['HRDX50X-002', 'HRD_50%-001'].sort());
    expect(await parts('нема такого')).toEqual([]);
    expect(await parts(undefined)).toHaveLength(5);
  });

  it('takes %, _ and \\ in the search literally', async () => {
    expect(await parts('50%')).toEqual(['HRD_50%-001']);
    expect(await parts('_50')).toEqual(['HRD_50%-001']);
    expect(await parts('%')).toEqual(['HRD_50%-001']);
    expect(await parts('_')).toEqual(['HRD_50%-001']);
    expect(await parts('знижки_т')).toEqual(['HRD_50%-001']);
    expect(await parts('\\')).toEqual([]);
  });

  it('answers each item with the dealer price first and every amount exact', async () => {
    const [veka] = (await searchCatalog(database.db, actor.dealer, { q: 'PRF-VK82', page: 1 })).items;
    expect(Object.keys(veka!)[0]).toBe('dealerPrice');
    expect(Object.keys(catalogItemJson(veka!))[0]).toBe('dealerPrice');
    expect(veka).toMatchObject({ dealerPrice: '462.10', retailPrice: '566.00', promoPrice: '429.05', promoSaving: '33.05', stock: '12.5', unit: 'м.п.', currency: 'UAH' });
    const [big] = (await searchCatalog(database.db, actor.dealer, { q: 'HRDX50X', page: 1 })).items;
    expect(big).toMatchObject({ dealerPrice: '9999999999.99', retailPrice: '9999999999.99', promoPrice: null, promoSaving: null });
    // A promotional price above the dealer's saves the dealer nothing.
    const [odd] = (await searchCatalog(database.db, actor.dealer, { q: 'HRD_', page: 1 })).items;
    expect(odd).toMatchObject({ dealerPrice: '0.01', promoPrice: '0.03', promoSaving: null, stock: '0' });
    const [glass] = (await searchCatalog(database.db, actor.dealer, { q: 'GLS', page: 1 })).items;
    expect(glass!.stock).toBeNull();
  });

  it('pages by part number, each item on exactly one page', async () => {
    const all = await parts(undefined, actor.claims);
    const pages = await Promise.all([1, 2, 3].map((page) => searchCatalog(database.db, actor.claims, { page, pageSize: 2 })));
    expect(pages[0]).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap((p) => p.items.map((i) => i.partNumber))).toEqual(all);
    expect(new Set(all).size).toBe(5);
  });

  it('shows an item the accounting system sends, and its change, with the source for staff', async () => {
    const sent = await send(
      database.db,
      [
        { id: eventId('cat'), type: 'catalog.item', occurredAt: at(1), data: { partNumber: 'SIL-400-002', name: 'Підвіконня ПВХ Danke 400 мм, золотий дуб', unit: 'м.п.', retailPrice: '1120.00', dealerPrice: '910.00', promoPrice: '830.00', stock: 310, currency: 'UAH' } },
        { id: eventId('cat'), type: 'catalog.item', occurredAt: at(2), data: { partNumber: 'PRF-RH70-001', name: 'Профіль рамний REHAU Euro-Design 70, білий', unit: 'м.п.', retailPrice: '415.50', dealerPrice: '340.25', stock: '7.125', currency: 'UAH' } },
      ],
      TOKENS.accounting,
    );
    expect(sent).toMatchObject({ accepted: 2, rejected: [] });
    const [sill] = (await searchCatalog(database.db, actor.dealer, { q: 'підвіконня', page: 1 })).items;
    expect(sill).toMatchObject({ partNumber: 'SIL-400-002', dealerPrice: '910.00', promoPrice: '830.00', promoSaving: '80.00', stock: '310' });
    const [changed] = (await searchCatalogForStaff(database.db, actor.factory, { q: 'PRF-RH70', page: 1 })).items;
    expect(changed).toMatchObject({ dealerPrice: '340.25', retailPrice: '415.50', stock: '7.125', source: 'accounting' });
    expect(changed!.sourceUpdatedAt?.toISOString()).toBe(at(2));
    // An item never sent through sync has no source.
    const [manual] = (await searchCatalogForStaff(database.db, actor.factory, { q: 'GLS', page: 1 })).items;
    expect(manual!.source).toBeNull();
  });

  it('keeps the staff columns from dealers', async () => {
    await expect(searchCatalogForStaff(database.db, actor.dealer, { page: 1 })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
