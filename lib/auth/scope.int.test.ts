import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dealers, orders, plants } from '@/drizzle/schema';
import { getBalanceForDealer } from '@/lib/finance/queries';
import { countOrdersByStatusForDealer, countOrdersByStatus, listLatestOrdersForDealer } from '@/lib/orders/queries';
import { listActiveTripsForDealer } from '@/lib/shipments/queries';
import { createTestDatabase } from '@/lib/testing/database';
import { dealerScopeOf, ForbiddenError, type DealerScope } from './scope';

describe('dealer scope', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dealerA: number;
  let dealerB: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    const [plant] = await db.insert(plants).values({ code: 'MAIN', name: 'Main', city: 'Vinnytsia', isMain: true }).returning();
    const rows = await db
      .insert(dealers)
      .values([
        { code: 'D-A', name: 'Dealer A', taxId: '11111111' },
        { code: 'D-B', name: 'Dealer B', taxId: '22222222' },
      ])
      .returning();
    dealerA = rows[0]!.id;
    dealerB = rows[1]!.id;
    const at = new Date('2026-11-01T10:00:00Z');
    await db.insert(orders).values([
      { number: 'A-1', dealerId: dealerA, plantId: plant!.id, statusAt: at, createdAt: at, total: '100.00' },
      { number: 'B-1', dealerId: dealerB, plantId: plant!.id, statusAt: at, createdAt: at, total: '200.00', status: 'shipped' },
    ]);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('returns only the signed-in dealer’s rows', async () => {
    const scope = dealerScopeOf({ userId: 'u', role: 'dealer_owner', dealerId: dealerA });
    const rows = await listLatestOrdersForDealer(database.db, scope);
    expect(rows.map((r) => r.number)).toEqual(['A-1']);
    const counts = await countOrdersByStatusForDealer(database.db, scope);
    expect(counts.accepted).toBe(1);
    expect(counts.shipped).toBe(0);
  });

  it('cannot be called without a dealer', async () => {
    const queries = [
      (s: DealerScope) => listLatestOrdersForDealer(database.db, s),
      (s: DealerScope) => countOrdersByStatusForDealer(database.db, s),
      (s: DealerScope) => getBalanceForDealer(database.db, s),
      (s: DealerScope) => listActiveTripsForDealer(database.db, s),
    ];
    for (const query of queries) {
      await expect(query(undefined as unknown as DealerScope)).rejects.toThrow(ForbiddenError);
      await expect(query({ dealerId: dealerB } as unknown as DealerScope)).rejects.toThrow(ForbiddenError);
      await expect(query({ dealerId: Number.NaN, userId: 'u', __brand: 'DealerScope' } as DealerScope)).rejects.toThrow(ForbiddenError);
    }
    // @ts-expect-error the scope is a required argument
    await expect(listLatestOrdersForDealer(database.db)).rejects.toThrow(ForbiddenError);
  });

  it('is only made for a dealer’s users', () => {
    expect(() => dealerScopeOf({ userId: 'u', role: 'claims', dealerId: null })).toThrow(ForbiddenError);
    expect(() => dealerScopeOf({ userId: 'u', role: 'factory', dealerId: dealerA })).toThrow(ForbiddenError);
    expect(() => dealerScopeOf({ userId: 'u', role: 'dealer_staff', dealerId: null })).toThrow(ForbiddenError);
  });

  it('keeps factory-wide queries to the roles that may read them', async () => {
    const dealerActor = { userId: 'u', role: 'dealer_owner' as const, dealerId: dealerA, name: 'D', email: 'd@x', locale: null };
    await expect(countOrdersByStatus(database.db, dealerActor)).rejects.toThrow(ForbiddenError);
    const factoryActor = { ...dealerActor, role: 'factory' as const, dealerId: null };
    const counts = await countOrdersByStatus(database.db, factoryActor);
    expect(counts.accepted + counts.shipped).toBe(2);
  });
});
