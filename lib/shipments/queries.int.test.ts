import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dealers, orderItems, orders, plants, shipmentOrders, shipments } from '@/drizzle/schema';
import { dealerScopeOf, ForbiddenError, type DealerScope } from '@/lib/auth/scope';
import { createTestDatabase } from '@/lib/testing/database';
import { listTripsForDealerBetween } from './queries';

// The deliveries page: a trip carries several dealers' orders, and each dealer sees only his own.

describe('listTripsForDealerBetween', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let scopeA: DealerScope;
  let scopeB: DealerScope;
  let scopeC: DealerScope;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    const [plant] = await db.insert(plants).values({ code: 'MAIN', name: 'Main', city: 'Vinnytsia', isMain: true }).returning();
    const [a, b, c] = await db
      .insert(dealers)
      .values([
        { code: 'D-A', name: 'Dealer A', taxId: '11111111' },
        { code: 'D-B', name: 'Dealer B', taxId: '22222222' },
        { code: 'D-C', name: 'Dealer C', taxId: '33333333' },
      ])
      .returning();
    scopeA = dealerScopeOf({ userId: 'ua', role: 'dealer_owner', dealerId: a!.id });
    scopeB = dealerScopeOf({ userId: 'ub', role: 'dealer_staff', dealerId: b!.id });
    scopeC = dealerScopeOf({ userId: 'uc', role: 'dealer_owner', dealerId: c!.id });
    const at = new Date('2026-11-01T10:00:00Z');
    const order = (number: string, dealerId: number, extra: Partial<typeof orders.$inferInsert> = {}) => ({
      number,
      dealerId,
      plantId: plant!.id,
      statusAt: at,
      createdAt: at,
      total: '100.00',
      status: 'manufactured' as const,
      ...extra,
    });
    const o = await db
      .insert(orders)
      .values([
        order('A-1', a!.id, { customerRef: 'Коваль, кв. 12' }),
        order('A-2', a!.id, { status: 'shipped' }),
        order('A-3', a!.id),
        order('A-4', a!.id),
        order('A-5', a!.id),
        order('B-1', b!.id, { customerRef: 'Secret customer of B' }),
        order('B-2', b!.id),
      ])
      .returning({ id: orders.id, number: orders.number });
    const id = (n: string) => o.find((r) => r.number === n)!.id;
    await db.insert(orderItems).values([
      ...[1, 2, 3].map((position) => ({ orderId: id('A-1'), position, kind: 'window' as const, name: 'Вікно', widthMm: 1000, heightMm: 1200, quantity: 1, price: '10.00' })),
      { orderId: id('B-1'), position: 1, kind: 'door', name: 'Двері', widthMm: 900, heightMm: 2100, quantity: 1, price: '10.00' },
    ]);
    const trip = (number: string, plannedDate: string, extra: Partial<typeof shipments.$inferInsert> = {}) => ({
      number,
      plannedDate,
      plantId: plant!.id,
      driverName: `Driver ${number}`,
      driverPhone: '+380 67 123 45 67',
      vehicle: 'MAN AA 1234 BB',
      ...extra,
    });
    const s = await db
      .insert(shipments)
      .values([
        trip('T-1', '2026-11-09', { status: 'delivered', departedAt: new Date('2026-11-09T04:00:00Z'), deliveredAt: new Date('2026-11-09T12:00:00Z') }),
        trip('T-3', '2026-11-12', { status: 'in_transit', departedAt: new Date('2026-11-12T04:30:00Z') }),
        trip('T-2', '2026-11-12'),
        trip('T-4', '2026-11-22'),
        trip('T-0', '2026-11-08', { status: 'delivered' }),
        trip('T-L', '2026-11-06', { status: 'in_transit' }),
        trip('T-5', '2026-11-23'),
        trip('T-B', '2026-11-15'),
      ])
      .returning({ id: shipments.id, number: shipments.number });
    const sid = (n: string) => s.find((r) => r.number === n)!.id;
    await db.insert(shipmentOrders).values([
      { shipmentId: sid('T-1'), orderId: id('A-5') },
      // A shared trip: dealer A's two orders and one of dealer B.
      { shipmentId: sid('T-3'), orderId: id('A-2') },
      { shipmentId: sid('T-3'), orderId: id('A-1') },
      { shipmentId: sid('T-3'), orderId: id('B-1') },
      { shipmentId: sid('T-2'), orderId: id('A-3') },
      { shipmentId: sid('T-4'), orderId: id('A-4') },
      // Outside the range on both sides.
      { shipmentId: sid('T-0'), orderId: id('A-4') },
      // Planned before the range but still on the road: it is shown.
      { shipmentId: sid('T-L'), orderId: id('A-4') },
      { shipmentId: sid('T-5'), orderId: id('A-4') },
      // Only dealer B's orders.
      { shipmentId: sid('T-B'), orderId: id('B-2') },
    ]);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('lists the dealer’s trips in the range, by date and then trip number, with the trip’s details', async () => {
    const trips = await listTripsForDealerBetween(database.db, scopeA, '2026-11-09', '2026-11-22');
    expect(trips.map((t) => [t.plannedDate, t.number])).toEqual([
      ['2026-11-06', 'T-L'],
      ['2026-11-09', 'T-1'],
      ['2026-11-12', 'T-2'],
      ['2026-11-12', 'T-3'],
      ['2026-11-22', 'T-4'],
    ]);
    const delivered = trips[1]!;
    expect(delivered).toMatchObject({
      status: 'delivered',
      vehicle: 'MAN AA 1234 BB',
      driverName: 'Driver T-1',
      driverPhone: '+380 67 123 45 67',
      departedAt: new Date('2026-11-09T04:00:00Z'),
      deliveredAt: new Date('2026-11-09T12:00:00Z'),
    });
    expect(trips[2]).toMatchObject({ status: 'planned', departedAt: null, deliveredAt: null });
  });

  it('shows only the dealer’s own orders on a trip shared with another dealer', async () => {
    const trips = await listTripsForDealerBetween(database.db, scopeA, '2026-11-12', '2026-11-12');
    const shared = trips.find((t) => t.number === 'T-3');
    expect(shared?.orders).toEqual([
      { number: 'A-1', customerRef: 'Коваль, кв. 12', status: 'manufactured', itemsCount: 3 },
      { number: 'A-2', customerRef: null, status: 'shipped', itemsCount: 0 },
    ]);
    const forB = await listTripsForDealerBetween(database.db, scopeB, '2026-11-09', '2026-11-22');
    expect(forB.map((t) => t.number)).toEqual(['T-3', 'T-B']);
    expect(forB[0]!.orders).toEqual([{ number: 'B-1', customerRef: 'Secret customer of B', status: 'manufactured', itemsCount: 1 }]);
    expect(JSON.stringify(forB)).not.toMatch(/A-\d/);
  });

  it('never shows another dealer’s trips, and nothing to a dealer without any', async () => {
    const forA = await listTripsForDealerBetween(database.db, scopeA, '2026-11-01', '2026-11-30');
    expect(forA.map((t) => t.number)).not.toContain('T-B');
    expect(JSON.stringify(forA)).not.toMatch(/B-\d|Secret/);
    expect(await listTripsForDealerBetween(database.db, scopeC, '2026-11-01', '2026-11-30')).toEqual([]);
  });

  it('refuses a call without a dealer, and dates that are not dates', async () => {
    await expect(listTripsForDealerBetween(database.db, undefined as unknown as DealerScope, '2026-11-09', '2026-11-22')).rejects.toThrow(ForbiddenError);
    await expect(listTripsForDealerBetween(database.db, scopeA, '2026-11-09; drop table orders', '2026-11-22')).rejects.toThrow(/Not a date range/);
  });
});
