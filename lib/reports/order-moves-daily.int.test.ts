import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dealers, orders, orderStatusHistory, plants } from '@/drizzle/schema';
import type { OrderStatus } from '@/drizzle/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { dealerEvent, orderEvent, prepareSyncDatabase, send, statusEvent } from '@/lib/sync/testing/fixtures';
import { createTestDatabase } from '@/lib/testing/database';
import { FLOW_STATUSES, getOrdersFlow, type FlowStatus } from './factory';
import { bucketsOf, granularityOf, type ReportPeriod } from './period';

// order_moves_daily (the moves per Kyiv day, plant and status the orders report reads) stays equal
// to a count over order_status_history whatever writes the history: sync batches with several
// events of one day, plant and status, events at 23:30 UTC (the next day in Kyiv), late events,
// a change of an order's plant, history rows changed or deleted by hand, a deleted order and a
// truncated history. The report over a random-ish history equals a count of the events made here
// in JavaScript, day by Intl's Europe/Kyiv calendar.

const factory: Actor = { userId: '00000000-0000-4000-8000-000000000001', role: 'factory', dealerId: null, name: 'factory', email: 'factory@x.test', locale: null };

type Count = { day: string; plant: number; status: OrderStatus; moves: number };

const kyivDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Kyiv', year: 'numeric', month: '2-digit', day: '2-digit' });

/** A deterministic pseudo-random sequence (mulberry32), so a failure can be run again. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('order_moves_daily', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let main: number;
  let west: number;

  /** The kept counts, zeros left out, in key order. */
  async function kept(): Promise<Count[]> {
    const rows = await database.query<{ day: string; plant: number | string; status: OrderStatus; moves: number | string }>(
      'select kyiv_day::text as day, plant_id as plant, status::text as status, moves from order_moves_daily where moves <> 0 order by 1, 2, 3',
    );
    return rows.map((r) => ({ day: r.day, plant: Number(r.plant), status: r.status, moves: Number(r.moves) }));
  }

  /** The same counted over the history now, by its orders' plants. */
  async function counted(): Promise<Count[]> {
    const rows = await database.query<{ day: string; plant: number | string; status: OrderStatus; moves: number | string }>(
      `select (h.occurred_at at time zone 'Europe/Kyiv')::date::text as day, o.plant_id as plant, h.status::text as status, count(*) as moves
       from order_status_history h join orders o on o.id = h.order_id group by 1, 2, 3 order by 1, 2, 3`,
    );
    return rows.map((r) => ({ day: r.day, plant: Number(r.plant), status: r.status, moves: Number(r.moves) }));
  }

  const movesOf = (counts: Count[], day: string, plant: number, status: OrderStatus) =>
    counts.find((c) => c.day === day && c.plant === plant && c.status === status)?.moves ?? 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    await prepareSyncDatabase(database.db);
    const all = await database.db.select().from(plants);
    main = all.find((p) => p.code === 'MAIN')!.id;
    west = all.find((p) => p.code === 'WEST')!.id;
  });

  afterAll(async () => {
    await database?.dispose();
  });

  it('counts the events the sync writes per Kyiv day, plant and status, in batches and one by one', async () => {
    // Minute 0 is 20 November 2026, 08:00 UTC (10:00 in Kyiv, UTC+2); minute 930 is 23:30 UTC,
    // 21 November in Kyiv; minute 839 is 21:59 UTC, still 20 November.
    await send(database.db, [dealerEvent('D-1', '11111111')]);
    await send(database.db, [
      orderEvent('26-M-1', 'D-1', 1),
      orderEvent('26-M-2', 'D-1', 1),
      orderEvent('26-M-3', 'D-1', 1),
      orderEvent('26-W-1', 'D-1', 1, '1000.00', { plant: 'WEST' }),
    ]);
    // One batch: three orders of the main plant made the same day, one of them shipped at 23:30
    // UTC and one at 21:59 UTC, the western order made at 23:30 UTC.
    const batch = await send(database.db, [
      statusEvent('26-M-1', 'manufactured', 100),
      statusEvent('26-M-2', 'manufactured', 200),
      statusEvent('26-M-3', 'manufactured', 300),
      statusEvent('26-M-1', 'shipped', 930),
      statusEvent('26-M-2', 'shipped', 839),
      statusEvent('26-W-1', 'manufactured', 930),
    ]);
    expect(batch.accepted).toBe(6);
    // One by one: a delivery, then a late event older than the current status (recorded only).
    await send(database.db, [statusEvent('26-M-1', 'delivered', 930 + 24 * 60)]);
    await send(database.db, [statusEvent('26-M-1', 'in_production', 50)]);

    const counts = await kept();
    expect(movesOf(counts, '2026-11-20', main, 'manufactured')).toBe(3);
    expect(movesOf(counts, '2026-11-20', main, 'shipped')).toBe(1);
    expect(movesOf(counts, '2026-11-21', main, 'shipped')).toBe(1);
    expect(movesOf(counts, '2026-11-21', west, 'manufactured')).toBe(1);
    expect(movesOf(counts, '2026-11-20', west, 'manufactured')).toBe(0);
    expect(movesOf(counts, '2026-11-22', main, 'delivered')).toBe(1);
    expect(movesOf(counts, '2026-11-20', main, 'in_production')).toBe(1);
    expect(counts).toEqual(await counted());

    const flow = await getOrdersFlow(database.db, factory, { from: '2026-11-20', to: '2026-11-22' }, main);
    expect(flow.buckets.map(({ start, manufactured, shipped, delivered }) => ({ start, manufactured, shipped, delivered }))).toEqual([
      { start: '2026-11-20', manufactured: 3, shipped: 1, delivered: 0 },
      { start: '2026-11-21', manufactured: 0, shipped: 1, delivered: 0 },
      { start: '2026-11-22', manufactured: 0, shipped: 0, delivered: 1 },
    ]);
  });

  it('moves an order’s counts along when it changes plant, and takes them away when it is deleted', async () => {
    const before = await kept();
    await send(database.db, [orderEvent('26-M-1', 'D-1', 2000, '1000.00', { plant: 'WEST' })]);
    const after = await kept();
    expect(after).toEqual(await counted());
    expect(movesOf(after, '2026-11-20', main, 'manufactured')).toBe(movesOf(before, '2026-11-20', main, 'manufactured') - 1);
    expect(movesOf(after, '2026-11-20', west, 'manufactured')).toBe(movesOf(before, '2026-11-20', west, 'manufactured') + 1);
    expect(movesOf(after, '2026-11-22', west, 'delivered')).toBe(1);
    expect(movesOf(after, '2026-11-22', main, 'delivered')).toBe(0);
    // An older upsert of the same order does not apply: nothing moves.
    await send(database.db, [orderEvent('26-M-1', 'D-1', 1500)]);
    expect(await kept()).toEqual(after);

    await database.query("delete from orders where number = '26-M-3'");
    const deleted = await kept();
    expect(deleted).toEqual(await counted());
    expect(movesOf(deleted, '2026-11-20', main, 'manufactured')).toBe(1);
  });

  it('follows history rows changed or deleted by hand', async () => {
    await database.query(
      "update order_status_history set occurred_at = occurred_at + interval '3 days' where status = 'manufactured' and order_id = (select id from orders where number = '26-M-2')",
    );
    await database.query("update order_status_history set status = 'accepted' where status = 'in_production'");
    await database.query("delete from order_status_history where status = 'shipped' and order_id in (select id from orders where number in ('26-W-1', '26-M-2'))");
    const counts = await kept();
    expect(counts).toEqual(await counted());
    expect(movesOf(counts, '2026-11-23', main, 'manufactured')).toBe(1);
    expect(movesOf(counts, '2026-11-20', main, 'manufactured')).toBe(0);
    expect(movesOf(counts, '2026-11-20', main, 'shipped')).toBe(0);
  });

  it('gives the orders report the counts of the events, per day and per week, for all plants and each', async () => {
    const next = random(20261130);
    const [dealer] = await database.db.insert(dealers).values({ code: 'D-R', name: 'Random dealer', taxId: '22222222' }).returning();
    // 60 orders with up to six events each over 120 days around the winter-summer clock change,
    // many of them at 21:00-23:59 UTC (the next Kyiv day in summer or in winter or not at all),
    // written in statements of a few orders, and once one by one.
    const start = Date.UTC(2026, 1, 1);
    const made: { plant: number; status: OrderStatus; at: Date }[] = [];
    const plan = Array.from({ length: 60 }, (_, i) => {
      const plant = next() < 0.3 ? west : main;
      const events = Array.from({ length: 1 + Math.floor(next() * 6) }, () => {
        const day = Math.floor(next() * 120);
        const minute = next() < 0.5 ? 21 * 60 + Math.floor(next() * 180) : Math.floor(next() * 1440);
        const status = (['accepted', 'in_production', 'manufactured', 'shipped', 'delivered', 'cancelled'] as const)[Math.floor(next() * 6)]!;
        return { status, at: new Date(start + day * 86_400_000 + minute * 60_000) };
      });
      return { number: `26-R-${i}`, plant, events };
    });
    for (let i = 0; i < plan.length; i += 7) {
      const group = plan.slice(i, i + 7);
      const ids = await database.db
        .insert(orders)
        .values(group.map((o) => ({ number: o.number, dealerId: dealer!.id, plantId: o.plant, statusAt: new Date(start), createdAt: new Date(start), total: '100.00' })))
        .returning({ id: orders.id, number: orders.number });
      const rows = group.flatMap((o) => o.events.map((e) => ({ orderId: ids.find((r) => r.number === o.number)!.id, status: e.status, occurredAt: e.at })));
      if (i === 0) for (const row of rows) await database.db.insert(orderStatusHistory).values(row);
      else await database.db.insert(orderStatusHistory).values(rows);
      for (const o of group) for (const e of o.events) made.push({ plant: o.plant, status: e.status, at: e.at });
    }
    expect(await kept()).toEqual(await counted());

    // The report counts every event of the database: those made above and the sync's of November.
    const history = await database.query<{ plant: number | string; status: OrderStatus; at: string | Date }>(
      'select o.plant_id as plant, h.status::text as status, h.occurred_at as at from order_status_history h join orders o on o.id = h.order_id',
    );
    expect(history.length).toBeGreaterThan(made.length);
    const events = history.map((h) => ({ plant: Number(h.plant), status: h.status, day: kyivDay.format(new Date(h.at)) }));
    expect(events.filter((e) => e.day >= '2026-02-01' && e.day <= '2026-06-30').length).toBe(
      made.filter((e) => kyivDay.format(e.at) >= '2026-02-01' && kyivDay.format(e.at) <= '2026-06-30').length,
    );

    const periods: ReportPeriod[] = [
      { from: '2026-03-20', to: '2026-04-05' },
      { from: '2026-02-03', to: '2026-05-31' },
      { from: '2026-01-01', to: '2026-12-31' },
    ];
    for (const period of periods) {
      for (const plantId of [null, main, west]) {
        const flow = await getOrdersFlow(database.db, factory, period, plantId);
        const expected = bucketsOf(period, granularityOf(period)).map((b) => {
          const inBar = events.filter((e) => e.day >= b.start && e.day <= b.end && (plantId === null || e.plant === plantId));
          return { ...b, ...Object.fromEntries(FLOW_STATUSES.map((s) => [s, inBar.filter((e) => e.status === s).length])) };
        });
        expect(flow.buckets).toEqual(expected);
        const totals = Object.fromEntries(FLOW_STATUSES.map((s) => [s, expected.reduce((n, b) => n + (b as unknown as Record<FlowStatus, number>)[s], 0)]));
        expect(flow.totals).toEqual(totals);
      }
    }
  });

  it('is emptied with the history it counts', async () => {
    expect((await kept()).length).toBeGreaterThan(0);
    await database.query('truncate order_status_history');
    expect(await kept()).toEqual([]);
    expect(await database.query('select * from order_moves_daily')).toEqual([]);
  });
});
