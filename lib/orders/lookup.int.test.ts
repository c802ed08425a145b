import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dealers, orders, orderStatusHistory, plants } from '@/drizzle/schema';
import type { Role } from '@/drizzle/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { ForbiddenError } from '@/lib/auth/scope';
import { createTestDatabase } from '@/lib/testing/database';
import { getOrderDetail, orderNumberExists, orderViewerOf } from './queries';

// Issue 4, point 8: the staff's lookup finds any dealer's order by its exact number and nothing
// else; dealers cannot use it. And the order page's history tells a late status event apart.

const actor = (role: Role, dealerId: number | null, n: number): Actor => ({
  userId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  role,
  dealerId,
  name: role,
  email: `${role}@example.test`,
  locale: null,
});

describe('order lookup and history', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dealerId: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    const [plant] = await db.insert(plants).values({ code: 'MAIN', name: 'Main', city: 'Vinnytsia', isMain: true }).returning();
    const [dealer] = await db.insert(dealers).values({ code: 'D-L', name: 'Вікна Lookup', taxId: '44444444' }).returning({ id: dealers.id });
    dealerId = dealer!.id;
    const [order] = await db
      .insert(orders)
      .values({
        number: '26-000777',
        dealerId,
        plantId: plant!.id,
        status: 'manufactured',
        statusAt: new Date('2026-02-05T10:00:00Z'),
        createdAt: new Date('2026-02-01T09:00:00Z'),
        total: '1000.00',
      })
      .returning({ id: orders.id });
    await db.insert(orderStatusHistory).values([
      { orderId: order!.id, status: 'accepted', occurredAt: new Date('2026-02-01T10:00:00Z') },
      { orderId: order!.id, status: 'manufactured', occurredAt: new Date('2026-02-05T10:00:00Z') },
      // Arrived after "manufactured" although it happened before: recorded only.
      { orderId: order!.id, status: 'in_production', occurredAt: new Date('2026-02-03T10:00:00Z'), applied: false },
    ]);
  });

  afterAll(async () => {
    await database?.dispose();
  });

  it('finds an order by its exact number for factory, claims and admin', async () => {
    for (const [i, role] of (['factory', 'claims', 'admin'] as const).entries()) {
      const staff = actor(role, null, i + 1);
      expect(await orderNumberExists(database.db, staff, '26-000777')).toBe(true);
      expect(await orderNumberExists(database.db, staff, '26-00077')).toBe(false);
      expect(await orderNumberExists(database.db, staff, '26-000777 ')).toBe(false);
      expect(await orderNumberExists(database.db, staff, '')).toBe(false);
      expect(await orderNumberExists(database.db, staff, 'x'.repeat(65))).toBe(false);
    }
  });

  it('is not for dealers', async () => {
    await expect(orderNumberExists(database.db, actor('dealer_owner', dealerId, 9), '26-000777')).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('marks the current history entry and the late one that did not change the status', async () => {
    const order = await getOrderDetail(database.db, orderViewerOf(actor('factory', null, 1)), '26-000777');
    expect(order?.history.map((h) => [h.status, h.applied, h.current])).toEqual([
      ['accepted', true, false],
      ['in_production', false, false],
      ['manufactured', true, true],
    ]);
  });
});
