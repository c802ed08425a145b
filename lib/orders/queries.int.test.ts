import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments, dealers, orderItems, orders, orderStatusHistory, plants, shipmentOrders, shipments } from '@/drizzle/schema';
import { ORDER_STATUSES, type OrderStatus, type Role } from '@/drizzle/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { dealerScopeOf, ForbiddenError, type DealerScope } from '@/lib/auth/scope';
import { createTestDatabase } from '@/lib/testing/database';
import { decodeCursor, encodeCursor, type OrderListFilter } from './list';
import {
  countFilteredOrdersByStatusForDealer,
  countOrdersByStatusForDealer,
  getOrderDetail,
  listLatestOrdersForDealer,
  listOrdersForDealer,
  orderViewerOf,
  type OrderRow,
  type OrderViewer,
} from './queries';

// Issue 4: a dealer never gets another dealer's order (list, counts, search, cursor, detail), the
// keyset pagination neither repeats nor skips, the filters mean what the page says, and the order
// page's money is exact.

type Seed = { number: string; at: string; status: OrderStatus; customerRef: string | null };

/** A moment with microseconds, as the database keeps it: sortable as text. */
const micro = (iso: string) => (/\.\d{6}Z$/.test(iso) ? iso : iso.replace(/(\.\d{1,5})?Z$/, (m, f?: string) => `${(f ?? '.').padEnd(7, '0')}Z`));

describe('orders data layer', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Awaited<ReturnType<typeof createTestDatabase>>['db'];
  let plantId: number;
  const ids = {} as Record<'a' | 'b' | 'f', number>;
  const actors = {} as Record<'ownerA' | 'staffA' | 'ownerB' | 'ownerF' | 'factory' | 'claims' | 'admin', Actor>;
  const scope = {} as Record<'a' | 'b' | 'f', DealerScope>;
  /** Dealer A's orders, newest first, as the list must show them. */
  let expectedA: string[] = [];

  const actor = (role: Role, dealerId: number | null, name: string): Actor => ({
    userId: `00000000-0000-4000-8000-${String(Object.keys(actors).length + 1).padStart(12, '0')}`,
    role,
    dealerId,
    name,
    email: `${name}@example.test`,
    locale: null,
  });

  /** Inserts orders keeping microseconds, and returns them with their ids in insertion order. */
  async function insertOrders(dealerId: number, seeds: Seed[]) {
    const rows = await db
      .insert(orders)
      .values(
        seeds.map((s) => ({
          number: s.number,
          dealerId,
          plantId,
          customerRef: s.customerRef,
          status: s.status,
          statusAt: new Date(s.at),
          createdAt: sql`${s.at}::timestamptz` as unknown as Date,
          total: '1000.00',
        })),
      )
      .returning({ id: orders.id, number: orders.number });
    return seeds.map((s) => ({ ...s, id: rows.find((r) => r.number === s.number)!.id }));
  }

  /** Newest first, ties by id: the list's order, computed here independently of the query. */
  const newestFirst = (rows: (Seed & { id: number })[]) =>
    [...rows].sort((x, y) => (micro(x.at) === micro(y.at) ? y.id - x.id : micro(x.at) < micro(y.at) ? 1 : -1)).map((r) => r.number);

  /** Every page of a dealer's list under a filter, followed by cursor. */
  async function allPages(s: DealerScope, filter: OrderListFilter & { limit?: number } = {}) {
    const pages: OrderRow[][] = [];
    let cursor: string | null = null;
    do {
      const decoded = cursor ? decodeCursor(cursor) : undefined;
      expect(cursor === null || decoded !== null, 'a cursor the list handed out decodes').toBe(true);
      const page = await listOrdersForDealer(db, s, { ...filter, cursor: decoded ?? undefined });
      pages.push(page.items);
      cursor = page.nextCursor;
      if (pages.length > 200) throw new Error('the list never ends');
    } while (cursor);
    return pages;
  }
  const numbersOf = (pages: OrderRow[][]) => pages.flat().map((r) => r.number);

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    const [plant] = await db.insert(plants).values({ code: 'MAIN', name: 'Main', city: 'Vinnytsia', isMain: true }).returning();
    plantId = plant!.id;
    const [a, b, f] = await db
      .insert(dealers)
      .values([
        { code: 'D-A', name: 'Вікна Поділля', taxId: '11111111' },
        { code: 'D-B', name: 'Двері Полісся', taxId: '22222222' },
        { code: 'D-F', name: 'Фільтри', taxId: '33333333' },
      ])
      .returning({ id: dealers.id });
    ids.a = a!.id;
    ids.b = b!.id;
    ids.f = f!.id;
    actors.ownerA = actor('dealer_owner', ids.a, 'owner-a');
    actors.staffA = actor('dealer_staff', ids.a, 'staff-a');
    actors.ownerB = actor('dealer_owner', ids.b, 'owner-b');
    actors.ownerF = actor('dealer_owner', ids.f, 'owner-f');
    actors.factory = actor('factory', null, 'factory');
    actors.claims = actor('claims', null, 'claims');
    actors.admin = actor('admin', null, 'admin');
    scope.a = dealerScopeOf(actors.ownerA);
    scope.b = dealerScopeOf(actors.ownerB);
    scope.f = dealerScopeOf(actors.ownerF);

    // Dealer A: 60 orders, four to an hour (ties broken by id), and a run of six created within
    // the same millisecond that only microseconds tell apart (the sync API keeps them).
    const seedsA: Seed[] = Array.from({ length: 60 }, (_, i) => {
      const hour = new Date(Date.UTC(2026, 0, 5, 9) + Math.floor(i / 4) * 3_600_000).toISOString();
      const sameMillisecond = ['.123456', '.123001', '.123999', '.123456', '.123500', '.123456'];
      const at = i >= 40 && i < 46 ? `2026-01-20T08:00:00${sameMillisecond[i - 40]}Z` : hour;
      return { number: `26-A-${String(i + 1).padStart(3, '0')}`, at, status: ORDER_STATUSES[i % ORDER_STATUSES.length]!, customerRef: `Flat ${i + 1}` };
    });
    // Inserted out of time order, so ids and times disagree.
    const insertedA = await insertOrders(ids.a, [...seedsA.slice(30), ...seedsA.slice(0, 30)]);
    expectedA = newestFirst(insertedA);

    // Dealer B: orders at the very same moments, with the same customer references.
    await insertOrders(
      ids.b,
      seedsA.slice(0, 12).map((s, i) => ({ ...s, number: `26-B-${String(i + 1).padStart(3, '0')}`, status: 'shipped' })),
    );
  });
  afterAll(async () => {
    await database?.dispose();
  });

  describe('scoping', () => {
    it('lists only the dealer’s own orders, on every page', async () => {
      const a = numbersOf(await allPages(scope.a, { limit: 7 }));
      expect(a).toHaveLength(60);
      expect(a.every((n) => n.startsWith('26-A-'))).toBe(true);
      const b = numbersOf(await allPages(scope.b, { limit: 5 }));
      expect(b).toHaveLength(12);
      expect(b.every((n) => n.startsWith('26-B-'))).toBe(true);
      expect((await listLatestOrdersForDealer(db, scope.b, 50)).map((r) => r.number).sort()).toEqual([...b].sort());
    });

    it('never finds another dealer’s order by search', async () => {
      expect((await listOrdersForDealer(db, scope.a, { q: '26-B' })).items).toEqual([]);
      expect((await listOrdersForDealer(db, scope.a, { q: '26-B-001' })).items).toEqual([]);
      const byRef = await listOrdersForDealer(db, scope.a, { q: 'Flat 1', limit: 100 });
      expect(byRef.items.map((r) => r.number).sort()).toEqual(['26-A-001', ...Array.from({ length: 10 }, (_, i) => `26-A-0${10 + i}`)].sort());
      expect((await listOrdersForDealer(db, scope.b, { q: '26-A' })).items).toEqual([]);
    });

    it('counts only the dealer’s own orders', async () => {
      const a = await countOrdersByStatusForDealer(db, scope.a);
      expect(a).toEqual(Object.fromEntries(ORDER_STATUSES.map((s) => [s, 10])));
      expect(await countOrdersByStatusForDealer(db, scope.b)).toEqual({ ...Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])), shipped: 12 });
      expect(await countFilteredOrdersByStatusForDealer(db, scope.a, { q: '26-B' })).toEqual(Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])));
      expect((await countFilteredOrdersByStatusForDealer(db, scope.b, { q: 'Flat' })).shipped).toBe(12);
    });

    it('does not leak through another dealer’s cursor', async () => {
      const pageA = await listOrdersForDealer(db, scope.a, { limit: 3 });
      const rest = await listOrdersForDealer(db, scope.b, { cursor: decodeCursor(pageA.nextCursor!)!, limit: 100 });
      expect(rest.items.every((r) => r.number.startsWith('26-B-'))).toBe(true);
      // A forged cursor far in the future is just "from the top", still the dealer's own.
      const forged = encodeCursor({ createdAt: '2999-01-01T00:00:00.000Z', id: 999_999_999 });
      const all = await listOrdersForDealer(db, scope.b, { cursor: decodeCursor(forged)!, limit: 100 });
      expect(all.items).toHaveLength(12);
    });

    it('answers another dealer’s order number exactly like an unknown one', async () => {
      const dealerA: OrderViewer = { kind: 'dealer', scope: scope.a };
      expect(await getOrderDetail(db, dealerA, '26-B-001')).toBeNull();
      expect(await getOrderDetail(db, dealerA, '26-B-001')).toEqual(await getOrderDetail(db, dealerA, '26-X-404'));
      expect((await getOrderDetail(db, { kind: 'dealer', scope: scope.b }, '26-B-001'))?.dealer).toEqual({ code: 'D-B', name: 'Двері Полісся', payerCategory: 'punctual' });
      for (const garbage of ['', 'x'.repeat(65), '%', '26-A-%', "26-A-001' or '1'='1"]) {
        expect(await getOrderDetail(db, dealerA, garbage), garbage).toBeNull();
      }
    });

    it('lets a dealer’s staff see the dealer’s orders, and factory-side roles see any order with its dealer', async () => {
      const staff = orderViewerOf(actors.staffA);
      expect(staff).toMatchObject({ kind: 'dealer', scope: { dealerId: ids.a } });
      expect((await getOrderDetail(db, staff, '26-A-001'))?.number).toBe('26-A-001');
      expect(await getOrderDetail(db, staff, '26-B-001')).toBeNull();
      for (const role of ['factory', 'claims', 'admin'] as const) {
        const viewer = orderViewerOf(actors[role]);
        expect(viewer.kind).toBe('staff');
        expect((await getOrderDetail(db, viewer, '26-B-001'))?.dealer.code).toBe('D-B');
        expect((await getOrderDetail(db, viewer, '26-A-001'))?.dealer.code).toBe('D-A');
        expect(await getOrderDetail(db, viewer, '26-X-404')).toBeNull();
      }
    });

    it('refuses a dealer viewer for staff, a staff viewer for a dealer, and a forged scope', async () => {
      expect(() => dealerScopeOf(actors.factory)).toThrow(ForbiddenError);
      await expect(getOrderDetail(db, { kind: 'staff', actor: actors.ownerA }, '26-B-001')).rejects.toThrow(ForbiddenError);
      const forged = { dealerId: ids.b } as unknown as DealerScope;
      await expect(getOrderDetail(db, { kind: 'dealer', scope: forged }, '26-B-001')).rejects.toThrow(ForbiddenError);
      await expect(listOrdersForDealer(db, forged)).rejects.toThrow(ForbiddenError);
      await expect(countFilteredOrdersByStatusForDealer(db, forged, {})).rejects.toThrow(ForbiddenError);
    });
  });

  describe('keyset pagination', () => {
    it('gives every order exactly once, newest first, ties by id, whatever the page size', async () => {
      for (const limit of [1, 4, 6, 7, 25, 59, 60, 100]) {
        const pages = await allPages(scope.a, { limit });
        expect(numbersOf(pages), `limit ${limit}`).toEqual(expectedA);
        expect(pages.length, `limit ${limit}`).toBe(Math.max(1, Math.ceil(60 / limit)));
        expect(pages.slice(0, -1).every((p) => p.length === limit)).toBe(true);
      }
    });

    it('says there is no next page when the last one is exactly full', async () => {
      const page = await listOrdersForDealer(db, scope.a, { limit: 60 });
      expect(page.items).toHaveLength(60);
      expect(page.nextCursor).toBeNull();
    });

    it('keeps the page size between 1 and 100', async () => {
      expect((await listOrdersForDealer(db, scope.a, { limit: 0 })).items).toHaveLength(1);
      expect((await listOrdersForDealer(db, scope.a, { limit: -5 })).items).toHaveLength(1);
      expect((await listOrdersForDealer(db, scope.a, { limit: 2.9 })).items).toHaveLength(2);
      expect((await listOrdersForDealer(db, scope.a)).items).toHaveLength(25);
      const many = await insertOrders(
        ids.f,
        Array.from({ length: 101 }, (_, i) => ({ number: `26-M-${i}`, at: '2025-06-01T10:00:00.000Z', status: 'delivered' as const, customerRef: null })),
      );
      try {
        expect((await listOrdersForDealer(db, scope.f, { limit: 1000 })).items).toHaveLength(100);
      } finally {
        await db.delete(orders).where(sql`${orders.number} like '26-M-%'`);
      }
      expect(many).toHaveLength(101);
    });

    it('neither repeats nor skips when a newer order arrives between pages', async () => {
      const first = await listOrdersForDealer(db, scope.a, { limit: 10 });
      const [fresh] = await insertOrders(ids.a, [{ number: '26-A-NEW', at: '2026-02-01T00:00:00.000Z', status: 'accepted', customerRef: 'Flat 1' }]);
      try {
        const seen = first.items.map((r) => r.number);
        let cursor = first.nextCursor;
        while (cursor) {
          const page = await listOrdersForDealer(db, scope.a, { limit: 10, cursor: decodeCursor(cursor)! });
          seen.push(...page.items.map((r) => r.number));
          cursor = page.nextCursor;
        }
        expect(seen).toEqual(expectedA);
        expect((await listOrdersForDealer(db, scope.a, { limit: 1 })).items[0]?.number).toBe(fresh!.number);
      } finally {
        await db.delete(orders).where(eq(orders.number, '26-A-NEW'));
      }
    });

    it('pages a filtered list the same way', async () => {
      const shipped = numbersOf(await allPages(scope.a, { status: 'shipped', limit: 3 }));
      expect(shipped).toEqual(expectedA.filter((n) => (Number(n.slice(5)) - 1) % ORDER_STATUSES.length === 3));
      expect(shipped).toHaveLength(10);
    });
  });

  describe('filters', () => {
    beforeAll(async () => {
      await insertOrders(ids.f, [
        { number: 'ZK-2026-0042', at: '2026-03-01T22:30:00.000Z', status: 'accepted', customerRef: 'Кравець, кв. 12' },
        { number: 'ZK-2026-0043', at: '2026-03-01T21:59:59.999Z', status: 'in_production', customerRef: 'Знижка 50%' },
        { number: 'ZK-2026-0044', at: '2026-03-01T21:00:00.000Z', status: 'in_production', customerRef: 'Знижка 500' },
        { number: 'ZK-2026-0045', at: '2026-02-28T22:00:00.000Z', status: 'shipped', customerRef: 'kv_12' },
        { number: 'ZK-2026-0046', at: '2026-02-28T21:59:59.000Z', status: 'delivered', customerRef: 'kvX12' },
        { number: 'ZK-2026-0047', at: '2026-07-31T21:00:00.000Z', status: 'cancelled', customerRef: 'back\\slash' },
        { number: 'ZK-2026-0048', at: '2026-07-31T20:59:59.999Z', status: 'manufactured', customerRef: null },
        { number: 'zk-2026-0049', at: '2026-03-15T10:00:00.000Z', status: 'shipped', customerRef: 'КРАВЕЦЬ О. П.' },
      ]);
    });
    const numbers = async (filter: OrderListFilter) => (await listOrdersForDealer(db, scope.f, { ...filter, limit: 100 })).items.map((r) => r.number).sort();

    it('filters by status', async () => {
      expect(await numbers({ status: 'in_production' })).toEqual(['ZK-2026-0043', 'ZK-2026-0044']);
      expect(await numbers({ status: 'delivered' })).toEqual(['ZK-2026-0046']);
    });

    it('finds part of the number or of the customer reference, in any case', async () => {
      expect(await numbers({ q: 'zk-2026-004' })).toHaveLength(8);
      expect(await numbers({ q: '0042' })).toEqual(['ZK-2026-0042']);
      expect(await numbers({ q: 'ZK-2026-0049' })).toEqual(['zk-2026-0049']);
      expect(await numbers({ q: 'кравець' })).toEqual(['ZK-2026-0042', 'zk-2026-0049']);
      expect(await numbers({ q: 'КВ. 12' })).toEqual(['ZK-2026-0042']);
      expect(await numbers({ q: 'nothing like it' })).toEqual([]);
    });

    it('takes % and _ and \\ in the search literally', async () => {
      expect(await numbers({ q: '50%' })).toEqual(['ZK-2026-0043']);
      expect(await numbers({ q: '%' })).toEqual(['ZK-2026-0043']);
      expect(await numbers({ q: 'kv_12' })).toEqual(['ZK-2026-0045']);
      expect(await numbers({ q: '_' })).toEqual(['ZK-2026-0045']);
      expect(await numbers({ q: 'x\\s' })).toEqual([]);
      expect(await numbers({ q: 'back\\slash' })).toEqual(['ZK-2026-0047']);
      expect(await numbers({ q: '\\' })).toEqual(['ZK-2026-0047']);
    });

    it('reads the period as days in Kyiv', async () => {
      // 2026-03-01T22:30Z is 00:30 on 2 March in Kyiv (UTC+2); 21:59:59.999Z is still 1 March.
      expect(await numbers({ from: '2026-03-02', to: '2026-03-02' })).toEqual(['ZK-2026-0042']);
      expect(await numbers({ from: '2026-03-01', to: '2026-03-01' })).toEqual(['ZK-2026-0043', 'ZK-2026-0044', 'ZK-2026-0045']);
      expect(await numbers({ to: '2026-02-28' })).toEqual(['ZK-2026-0046']);
      // Summer time (UTC+3): 21:00Z on 31 July is midnight of 1 August.
      expect(await numbers({ from: '2026-08-01' })).toEqual(['ZK-2026-0047']);
      expect(await numbers({ from: '2026-07-31', to: '2026-07-31' })).toEqual(['ZK-2026-0048']);
      expect(await numbers({ from: '2026-03-02', to: '2026-07-31' })).toEqual(['ZK-2026-0042', 'ZK-2026-0048', 'zk-2026-0049']);
      expect(await numbers({ from: '2026-04-01', to: '2026-03-01' })).toEqual([]);
    });

    it('combines the filters', async () => {
      expect(await numbers({ q: 'кравець', status: 'shipped' })).toEqual(['zk-2026-0049']);
      expect(await numbers({ q: 'Знижка', from: '2026-03-01', to: '2026-03-01', status: 'in_production' })).toEqual(['ZK-2026-0043', 'ZK-2026-0044']);
    });

    it('counts per status under the other filters, whatever status is chosen', async () => {
      const zero = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0]));
      expect(await countFilteredOrdersByStatusForDealer(db, scope.f, {})).toEqual({
        accepted: 1,
        in_production: 2,
        manufactured: 1,
        shipped: 2,
        delivered: 1,
        cancelled: 1,
      });
      expect(await countFilteredOrdersByStatusForDealer(db, scope.f, { q: 'кравець', status: 'accepted' })).toEqual({ ...zero, accepted: 1, shipped: 1 });
      expect(await countFilteredOrdersByStatusForDealer(db, scope.f, { from: '2026-03-01', to: '2026-03-01' })).toEqual({
        ...zero,
        in_production: 2,
        shipped: 1,
      });
      expect(await countFilteredOrdersByStatusForDealer(db, scope.f, { q: '%' })).toEqual({ ...zero, in_production: 1 });
    });
  });

  describe('the order page', () => {
    const t = (iso: string) => new Date(iso);
    let itemIds: number[] = [];
    let photoIds: string[] = [];

    beforeAll(async () => {
      const [order] = await db
        .insert(orders)
        .values({
          number: '26-A-DETAIL',
          dealerId: ids.a,
          plantId,
          customerRef: 'Кравець, кв. 12',
          status: 'manufactured',
          statusAt: t('2026-03-05T12:00:00Z'),
          statusEventAt: t('2026-03-05T12:00:00Z'),
          total: '370374070.81',
          itemsDone: 5,
          itemsTotal: 5,
          plannedDelivery: '2026-03-12',
          createdAt: t('2025-12-01T08:00:00Z'),
          acceptedAt: t('2026-03-01T09:00:00Z'),
          inProductionAt: t('2026-03-02T09:00:00Z'),
          manufacturedAt: t('2026-03-04T15:00:00Z'),
        })
        .returning({ id: orders.id });
      const orderId = order!.id;
      const items = await db
        .insert(orderItems)
        .values([
          {
            orderId,
            position: 2,
            kind: 'door',
            name: 'Двері вхідні',
            widthMm: 900,
            heightMm: 2100,
            quantity: 1,
            price: '0.10',
            sashes: [{ widthMm: 900, opening: 'turn_right' }],
          },
          {
            orderId,
            position: 1,
            kind: 'window',
            name: 'Вікно тристулкове',
            widthMm: 2100,
            heightMm: 1400,
            quantity: 3,
            price: '1234.57',
            profile: 'WDS 7S',
            glazing: '4-16-4-16-4',
            color: 'білий',
            hardware: 'Maco',
            sashes: [
              { widthMm: 620, opening: 'tilt_turn_left' },
              { widthMm: 860, opening: 'fixed' },
              { widthMm: 620, opening: 'tilt_turn_right' },
            ],
            extras: ['москітна сітка'],
          },
          { orderId, position: 3, kind: 'other', name: 'Підвіконня', widthMm: 2100, heightMm: 300, quantity: 7, price: '0.01' },
          { orderId, position: 4, kind: 'balcony', name: 'Балконний блок', widthMm: 2000, heightMm: 2200, quantity: 3, price: '123456789.01' },
        ])
        .returning({ id: orderItems.id, position: orderItems.position });
      itemIds = [1, 2, 3, 4].map((p) => items.find((i) => i.position === p)!.id);

      await db.insert(orderStatusHistory).values([
        { orderId, status: 'accepted', occurredAt: t('2026-03-01T09:00:00Z') },
        { orderId, status: 'in_production', occurredAt: t('2026-03-02T09:00:00Z') },
        { orderId, status: 'manufactured', occurredAt: t('2026-03-04T15:00:00Z'), itemsDone: 3, itemsTotal: 5, note: 'Частково' },
        { orderId, status: 'manufactured', occurredAt: t('2026-03-05T12:00:00Z'), itemsDone: 5, itemsTotal: 5 },
        // Arrived late: recorded, not applied.
        { orderId, status: 'in_production', occurredAt: t('2026-03-03T09:00:00Z'), applied: false },
      ]);

      const trips = await db
        .insert(shipments)
        .values([
          { number: 'T-0310', plantId, plannedDate: '2026-03-10', status: 'planned', driverName: 'Іван', driverPhone: '+380501111111', vehicle: 'AB 1111 AA' },
          { number: 'T-0312', plantId, plannedDate: '2026-03-12', status: 'loading', driverName: 'Петро Сидоренко', driverPhone: '+380672223344', vehicle: 'Mercedes Sprinter AB 1234 CE' },
          { number: 'T-0311', plantId, plannedDate: '2026-03-11', status: 'planned' },
        ])
        .returning({ id: shipments.id });
      await db.insert(shipmentOrders).values(trips.map((trip) => ({ shipmentId: trip.id, orderId })));

      const file = (ownerType: 'order_item' | 'claim', ownerId: number, fileName: string, createdAt: string) => ({
        ownerType,
        ownerId,
        dealerId: ids.a,
        fileName,
        mimeType: 'image/jpeg',
        sizeBytes: 1000,
        sha256: 'a'.repeat(64),
        storageKey: `k/${fileName}`,
        widthPx: 1200,
        heightPx: 900,
        createdAt: t(createdAt),
      });
      const photos = await db
        .insert(attachments)
        .values([
          file('order_item', itemIds[0]!, 'second.jpg', '2026-03-06T10:00:00Z'),
          file('order_item', itemIds[0]!, 'first.jpg', '2026-03-05T10:00:00Z'),
          file('order_item', itemIds[1]!, 'door.jpg', '2026-03-05T11:00:00Z'),
          // Another kind of owner with the same id: not a photo of the item.
          file('claim', itemIds[0]!, 'claim.jpg', '2026-03-05T09:00:00Z'),
        ])
        .returning({ id: attachments.id, fileName: attachments.fileName });
      photoIds = ['first.jpg', 'second.jpg', 'door.jpg'].map((name) => photos.find((p) => p.fileName === name)!.id);
    });

    it('shows the order with its dealer, stages and history, the current entry marked', async () => {
      const detail = await getOrderDetail(db, { kind: 'dealer', scope: scope.a }, '26-A-DETAIL');
      expect(detail).toMatchObject({
        number: '26-A-DETAIL',
        dealer: { code: 'D-A', name: 'Вікна Поділля' },
        status: 'manufactured',
        statusAt: t('2026-03-05T12:00:00Z'),
        customerRef: 'Кравець, кв. 12',
        currency: 'UAH',
        total: '370374070.81',
        createdAt: t('2025-12-01T08:00:00Z'),
        plannedDelivery: '2026-03-12',
        itemsDone: 5,
        itemsTotal: 5,
      });
      expect(detail!.stages).toEqual({
        accepted: t('2026-03-01T09:00:00Z'),
        in_production: t('2026-03-02T09:00:00Z'),
        manufactured: t('2026-03-04T15:00:00Z'),
        shipped: null,
        delivered: null,
        cancelled: null,
      });
      expect(detail!.history).toEqual([
        { status: 'accepted', at: t('2026-03-01T09:00:00Z'), itemsDone: null, itemsTotal: null, note: null, applied: true, current: false },
        { status: 'in_production', at: t('2026-03-02T09:00:00Z'), itemsDone: null, itemsTotal: null, note: null, applied: true, current: false },
        { status: 'in_production', at: t('2026-03-03T09:00:00Z'), itemsDone: null, itemsTotal: null, note: null, applied: false, current: false },
        { status: 'manufactured', at: t('2026-03-04T15:00:00Z'), itemsDone: 3, itemsTotal: 5, note: 'Частково', applied: true, current: false },
        { status: 'manufactured', at: t('2026-03-05T12:00:00Z'), itemsDone: 5, itemsTotal: 5, note: null, applied: true, current: true },
      ]);
    });

    it('gives each construction in position order with exact line totals and its photos', async () => {
      const detail = (await getOrderDetail(db, orderViewerOf(actors.factory), '26-A-DETAIL'))!;
      expect(detail.items.map((i) => [i.position, i.kind, i.price, i.quantity, i.lineTotal])).toEqual([
        [1, 'window', '1234.57', 3, '3703.71'],
        [2, 'door', '0.10', 1, '0.10'],
        [3, 'other', '0.01', 7, '0.07'],
        [4, 'balcony', '123456789.01', 3, '370370367.03'],
      ]);
      expect(detail.itemsSum).toBe('370374070.91');
      expect(detail.items[0]).toMatchObject({
        id: itemIds[0],
        name: 'Вікно тристулкове',
        widthMm: 2100,
        heightMm: 1400,
        profile: 'WDS 7S',
        glazing: '4-16-4-16-4',
        color: 'білий',
        hardware: 'Maco',
        sashes: [
          { widthMm: 620, opening: 'tilt_turn_left' },
          { widthMm: 860, opening: 'fixed' },
          { widthMm: 620, opening: 'tilt_turn_right' },
        ],
        extras: ['москітна сітка'],
      });
      expect(detail.items[2]).toMatchObject({ profile: null, sashes: [], extras: [] });
      expect(detail.items[0]!.photos).toEqual([
        { id: photoIds[0], fileName: 'first.jpg', widthPx: 1200, heightPx: 900 },
        { id: photoIds[1], fileName: 'second.jpg', widthPx: 1200, heightPx: 900 },
      ]);
      expect(detail.items[1]!.photos.map((p) => p.id)).toEqual([photoIds[2]]);
      expect(detail.items[2]!.photos).toEqual([]);
    });

    it('shows the latest planned trip that carries the order', async () => {
      const detail = (await getOrderDetail(db, { kind: 'dealer', scope: scope.a }, '26-A-DETAIL'))!;
      expect(detail.shipment).toEqual({
        number: 'T-0312',
        plannedDate: '2026-03-12',
        status: 'loading',
        driverName: 'Петро Сидоренко',
        driverPhone: '+380672223344',
        vehicle: 'Mercedes Sprinter AB 1234 CE',
        departedAt: null,
        deliveredAt: null,
      });
    });

    it('shows an order with no constructions, history or trip as such', async () => {
      const detail = (await getOrderDetail(db, { kind: 'dealer', scope: scope.a }, '26-A-001'))!;
      expect(detail).toMatchObject({ items: [], itemsSum: '0.00', history: [], shipment: null });
    });

    it('counts its constructions in the list rows, each order its own', async () => {
      const rows = [...(await listOrdersForDealer(db, scope.a, { limit: 100 })).items, ...(await listLatestOrdersForDealer(db, scope.a, 50))];
      const counts = new Map(rows.map((r) => [r.number, r.itemsCount]));
      expect(counts.get('26-A-DETAIL')).toBe(4);
      expect(counts.get('26-A-001')).toBe(0);
      expect(rows.filter((r) => r.number !== '26-A-DETAIL').every((r) => r.itemsCount === 0)).toBe(true);
    });

    it('is not shown to another dealer', async () => {
      expect(await getOrderDetail(db, { kind: 'dealer', scope: scope.b }, '26-A-DETAIL')).toBeNull();
    });
  });
});
