import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claims, dealers, orders, plants, users } from '@/drizzle/schema';
import type { ClaimStatus } from '@/drizzle/schema/values';
import { dealerScopeOf, ForbiddenError, type DealerScope } from '@/lib/auth/scope';
import { createTestDatabase } from '@/lib/testing/database';
import { listOpenClaimsForDealer } from './queries';

describe('listOpenClaimsForDealer', () => {
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
    const [ua, ub] = await db
      .insert(users)
      .values([
        { email: 'a@x.test', name: 'A', role: 'dealer_owner', dealerId: a!.id, passwordHash: 'x' },
        { email: 'b@x.test', name: 'B', role: 'dealer_owner', dealerId: b!.id, passwordHash: 'x' },
      ])
      .returning();
    scopeA = dealerScopeOf({ userId: ua!.id, role: 'dealer_owner', dealerId: a!.id });
    scopeB = dealerScopeOf({ userId: ub!.id, role: 'dealer_owner', dealerId: b!.id });
    scopeC = dealerScopeOf({ userId: ua!.id, role: 'dealer_owner', dealerId: c!.id });
    const at = new Date('2026-10-01T10:00:00Z');
    const [oa, ob] = await db
      .insert(orders)
      .values([
        { number: 'A-1', dealerId: a!.id, plantId: plant!.id, statusAt: at, createdAt: at, total: '100.00', status: 'delivered' },
        { number: 'B-1', dealerId: b!.id, plantId: plant!.id, statusAt: at, createdAt: at, total: '100.00', status: 'delivered' },
      ])
      .returning();
    const claim = (number: string, dealer: 'a' | 'b', status: ClaimStatus, day: number) => ({
      number,
      dealerId: dealer === 'a' ? a!.id : b!.id,
      orderId: dealer === 'a' ? oa!.id : ob!.id,
      createdById: dealer === 'a' ? ua!.id : ub!.id,
      category: 'transit_damage' as const,
      status,
      description: 'Скло тріснуло',
      createdAt: new Date(Date.UTC(2026, 10, day, 9)),
    });
    await db.insert(claims).values([
      claim('10001', 'a', 'submitted', 1),
      claim('10002', 'a', 'in_review', 3),
      claim('10003', 'a', 'info_requested', 2),
      claim('10004', 'a', 'approved', 4),
      claim('10005', 'a', 'rejected', 5),
      claim('10006', 'a', 'resolved', 6),
      claim('10007', 'a', 'closed', 7),
      claim('10008', 'b', 'submitted', 8),
    ]);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('lists the dealer’s claims still in work, newest first, and counts them all', async () => {
    const { total, claims: open } = await listOpenClaimsForDealer(database.db, scopeA, 3);
    expect(total).toBe(4);
    expect(open.map((c) => [c.number, c.status])).toEqual([
      ['10004', 'approved'],
      ['10002', 'in_review'],
      ['10003', 'info_requested'],
    ]);
    expect(open[0]).toEqual({
      number: '10004',
      orderNumber: 'A-1',
      category: 'transit_damage',
      status: 'approved',
      createdAt: new Date(Date.UTC(2026, 10, 4, 9)),
    });
  });

  it('never shows another dealer’s claims', async () => {
    const forB = await listOpenClaimsForDealer(database.db, scopeB, 10);
    expect(forB.total).toBe(1);
    expect(forB.claims.map((c) => [c.number, c.orderNumber])).toEqual([['10008', 'B-1']]);
    const forA = await listOpenClaimsForDealer(database.db, scopeA, 10);
    expect(forA.claims.map((c) => c.number)).not.toContain('10008');
    expect(await listOpenClaimsForDealer(database.db, scopeC, 10)).toEqual({ total: 0, claims: [] });
  });

  it('refuses a call without a dealer', async () => {
    await expect(listOpenClaimsForDealer(database.db, undefined as unknown as DealerScope)).rejects.toThrow(ForbiddenError);
  });
});
