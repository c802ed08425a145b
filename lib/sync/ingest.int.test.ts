import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, dealers, ledgerEntries, orderItems, orders, orderStatusHistory, outbox, shipmentOrders, shipments, syncEvents } from '@/drizzle/schema';
import { createTestDatabase } from '@/lib/testing/database';
import { leave, tryEnter } from './load';
import {
  at,
  dealerEvent,
  eventId,
  ledgerEvent,
  orderEvent,
  post,
  prepareSyncDatabase,
  send,
  statusEvent,
  TOKENS,
} from './testing/fixtures';

describe('sync API v1', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const db = () => database.db;

  beforeAll(async () => {
    database = await createTestDatabase();
    await prepareSyncDatabase(database.db);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  describe('whole-request errors', () => {
    it('answers 415 for anything but JSON', async () => {
      const r = await post(db(), { events: [] }, { contentType: 'text/plain' });
      expect(r.status).toBe(415);
      expect(r.json).toMatchObject({ error: { code: 'unsupported_media_type' } });
    });

    it('answers 401 without a token, with a wrong one, and with a revoked one', async () => {
      expect((await post(db(), { events: [] }, { token: null })).status).toBe(401);
      const wrong = await post(db(), { events: [] }, { token: 'not-a-token' });
      expect(wrong.status).toBe(401);
      expect(wrong.json).toMatchObject({ error: { code: 'unauthorized', message: expect.stringContaining('token') } });
    });

    it('answers 400 for a body that is not JSON or not the envelope, and for no events', async () => {
      expect((await post(db(), null, { raw: '{"events": [' })).json).toMatchObject({ error: { code: 'bad_request' } });
      for (const body of [[], { event: [] }, { events: {} }, 'text', { events: [] }]) {
        const r = await post(db(), body);
        expect(r.status, JSON.stringify(body)).toBe(400);
      }
    });

    it('answers 413 for more than 1,000 events or more than 5 MiB', async () => {
      const many = Array.from({ length: 1001 }, (_, i) => dealerEvent(`X-${i}`, String(10000000 + i)));
      expect((await post(db(), { events: many })).status).toBe(413);
      const big = { events: [{ ...dealerEvent('BIG', '99999999'), data: { pad: 'x'.repeat(5 * 1024 * 1024) } }] };
      expect((await post(db(), big)).status).toBe(413);
      expect(await db().select().from(dealers).where(eq(dealers.code, 'X-0'))).toHaveLength(0);
    });

    it('answers 429 with Retry-After when too many batches are in flight, and changes nothing', async () => {
      let entered = 0;
      while (tryEnter(4)) entered += 1;
      try {
        const r = await post(db(), { events: [dealerEvent('SHED-1', '88888881')] });
        expect(r.status).toBe(429);
        expect(r.headers.get('retry-after')).toBe('1');
      } finally {
        for (let i = 0; i < entered; i += 1) leave();
      }
      expect(await db().select().from(dealers).where(eq(dealers.code, 'SHED-1'))).toHaveLength(0);
    });
  });

  it('applies a dealer, an order and its statuses, with audit and outbox rows', async () => {
    const result = await send(db(), [
      dealerEvent('D-1', '11111118', 0),
      orderEvent('26-000001', 'D-1', 1, '1250.50'),
      statusEvent('26-000001', 'in_production', 2),
      statusEvent('26-000001', 'manufactured', 3, { itemsDone: 3, itemsTotal: 5 }),
    ]);
    expect(result).toEqual({ accepted: 4, duplicates: 0, rejected: [] });
    const [order] = await db().select().from(orders).where(eq(orders.number, '26-000001'));
    expect(order).toMatchObject({ status: 'manufactured', total: '1250.50', itemsDone: 3, itemsTotal: 5 });
    expect(order?.acceptedAt?.toISOString()).toBe(at(1));
    expect(order?.inProductionAt?.toISOString()).toBe(at(2));
    expect(order?.manufacturedAt?.toISOString()).toBe(at(3));
    const items = await db().select().from(orderItems).where(eq(orderItems.orderId, order!.id));
    expect(items[0]?.sashes).toEqual([
      { widthMm: 700, opening: 'fixed' },
      { widthMm: 700, opening: 'tilt_turn_right' },
    ]);
    const audit = await db().select().from(auditLog).where(eq(auditLog.entityId, '26-000001'));
    expect(audit.map((a) => a.action).sort()).toEqual(['order.status', 'order.status', 'order.upserted']);
    const events = await db().select().from(outbox).where(sql`${outbox.payload}->>'number' = '26-000001'`);
    expect(events.map((e) => e.event).sort()).toEqual(['order.status', 'order.status', 'order.updated']);
    expect(events.every((e) => (e.audience as { dealerId?: number }).dealerId === order?.dealerId)).toBe(true);
  });

  it('counts the same id again as a duplicate, in the same batch and at any later time', async () => {
    const event = statusEvent('26-000001', 'shipped', 10);
    expect(await send(db(), [event, event])).toEqual({ accepted: 1, duplicates: 1, rejected: [] });
    expect(await send(db(), [event])).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
    const history = await db().select().from(orderStatusHistory).where(eq(orderStatusHistory.status, 'shipped'));
    expect(history).toHaveLength(1);
    // The same id from the other source is a different event.
    const other = await send(db(), [{ ...event, type: 'order.status' }], TOKENS.accounting);
    expect(other.accepted).toBe(1);
  });

  it('keeps an older status in the history without changing the current one', async () => {
    await send(db(), [dealerEvent('D-2', '22222226', 0), orderEvent('26-000002', 'D-2', 1)]);
    await send(db(), [statusEvent('26-000002', 'delivered', 50)]);
    await send(db(), [statusEvent('26-000002', 'in_production', 20), statusEvent('26-000002', 'shipped', 40)]);
    const [order] = await db().select().from(orders).where(eq(orders.number, '26-000002'));
    expect(order?.status).toBe('delivered');
    expect(order?.statusAt.toISOString()).toBe(at(50));
    expect(order?.inProductionAt?.toISOString()).toBe(at(20));
    expect(order?.shippedAt?.toISOString()).toBe(at(40));
    const history = await db().select().from(orderStatusHistory).where(eq(orderStatusHistory.orderId, order!.id));
    expect(history.map((h) => [h.status, h.applied]).sort()).toEqual([
      ['delivered', true],
      ['in_production', false],
      ['shipped', false],
    ]);
  });

  it('lets the newest upsert win whatever order they arrive in', async () => {
    await send(db(), [orderEvent('26-000003', 'D-2', 30, '3000.00')]);
    await send(db(), [orderEvent('26-000003', 'D-2', 10, '1000.00')]);
    const [order] = await db().select().from(orders).where(eq(orders.number, '26-000003'));
    expect(order?.total).toBe('3000.00');
    expect(order?.acceptedAt?.toISOString()).toBe(at(10));
  });

  it('parks events about an unknown order or dealer and applies them, oldest first, when it arrives', async () => {
    const early = await send(db(), [
      statusEvent('26-000004', 'manufactured', 30),
      statusEvent('26-000004', 'in_production', 20),
      ledgerEvent('INV-4', 'D-4', 'invoice', '4000.00', 5, { orderNumber: '26-000004' }),
      orderEvent('26-000004', 'D-4', 10, '4000.00'),
    ]);
    expect(early).toEqual({ accepted: 4, duplicates: 0, rejected: [] });
    expect(await db().select().from(orders).where(eq(orders.number, '26-000004'))).toHaveLength(0);
    const parked = await db().select().from(syncEvents).where(eq(syncEvents.state, 'parked'));
    expect(parked.map((p) => p.waitingFor).sort()).toEqual(['dealer:D-4', 'dealer:D-4', 'order:26-000004', 'order:26-000004']);

    await send(db(), [dealerEvent('D-4', '44444440', 1)]);
    const [order] = await db().select().from(orders).where(eq(orders.number, '26-000004'));
    expect(order).toMatchObject({ status: 'manufactured' });
    expect(order?.inProductionAt?.toISOString()).toBe(at(20));
    const [entry] = await db().select().from(ledgerEntries).where(eq(ledgerEntries.documentId, 'INV-4'));
    expect(entry).toMatchObject({ amount: '4000.00', effect: '4000.00', orderId: order!.id });
    expect(await db().select().from(syncEvents).where(eq(syncEvents.state, 'parked'))).toHaveLength(0);
  });

  it('rejects what is wrong with reasons, applies what is right, in one batch', async () => {
    const good = dealerEvent('D-5', '55555554', 0);
    const result = await send(db(), [
      good,
      { id: eventId(), type: 'order.teleported', occurredAt: at(1), data: {} },
      { ...statusEvent('26-000001', 'lost', 60) },
      { ...orderEvent('26-000005', 'D-5', 2), data: { ...orderEvent('26-000005', 'D-5', 2).data, total: 12.5 } },
      { id: eventId(), type: 'order.status', occurredAt: 'yesterday', data: { number: '26-000001', status: 'delivered' } },
      { type: 'order.status', occurredAt: at(1), data: {} },
      ledgerEvent('PAY-X', 'D-5', 'payment', '-10.00', 3),
      statusEvent('26-000001', 'manufactured', 61, { itemsDone: 6, itemsTotal: 5 }),
    ]);
    expect(result.accepted).toBe(1);
    expect(result.rejected.map((r) => r.index)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const reasons = Object.fromEntries(result.rejected.map((r) => [r.index, r.error]));
    expect(reasons[1]).toMatch(/type "order.teleported" is not known/);
    expect(reasons[2]).toMatch(/data.status: status must be one of: accepted/);
    expect(reasons[3]).toMatch(/data.total: total must be a decimal string/);
    expect(reasons[4]).toMatch(/occurredAt: occurredAt must be an RFC 3339 time/);
    expect(reasons[5]).toMatch(/id/);
    expect(result.rejected[4]?.id).toBeNull();
    expect(reasons[6]).toMatch(/amount must be positive/);
    expect(reasons[7]).toMatch(/itemsDone must not be greater than itemsTotal/);
    const [order] = await db().select().from(orders).where(eq(orders.number, '26-000001'));
    expect(order?.status).toBe('shipped');
    expect(await db().select().from(orders).where(eq(orders.number, '26-000005'))).toHaveLength(0);
    const rejected = await db().select().from(syncEvents).where(eq(syncEvents.state, 'rejected'));
    expect(rejected.length).toBeGreaterThanOrEqual(6);
    expect(rejected.find((r) => r.type === 'order.teleported')?.payload).toMatchObject({ type: 'order.teleported' });
  });

  it('rejects an event with a NUL character in a text, stores it for the monitor, and applies the rest', async () => {
    const withNul = { ...dealerEvent('D-NUL', '12121216', 0), data: { ...dealerEvent('D-NUL', '12121216', 0).data, name: 'Вікна\u0000Плюс' } };
    const result = await send(db(), [withNul, dealerEvent('D-60', '66666662', 0)]);
    expect(result.accepted).toBe(1);
    expect(result.rejected).toEqual([{ index: 0, id: withNul.id, error: expect.stringContaining('NUL character') }]);
    const [stored] = await db().select().from(syncEvents).where(eq(syncEvents.eventId, withNul.id));
    expect(stored).toMatchObject({ state: 'rejected', payload: { data: { name: 'ВікнаПлюс' } } });
    expect(await db().select().from(dealers).where(eq(dealers.code, 'D-NUL'))).toHaveLength(0);
  });

  it('applies several versions and statuses of one order sent in the same batch as if one by one in time order', async () => {
    const result = await send(db(), [
      statusEvent('26-000010', 'shipped', 40),
      orderEvent('26-000010', 'D-60', 12, '1200.00'),
      statusEvent('26-000010', 'in_production', 20),
      orderEvent('26-000010', 'D-60', 10, '1000.00'),
      statusEvent('26-000010', 'manufactured', 30, { itemsDone: 2, itemsTotal: 2 }),
    ]);
    expect(result).toEqual({ accepted: 5, duplicates: 0, rejected: [] });
    const [order] = await db().select().from(orders).where(eq(orders.number, '26-000010'));
    expect(order).toMatchObject({ status: 'shipped', total: '1200.00', itemsDone: null, itemsTotal: null });
    expect(order?.acceptedAt?.toISOString()).toBe(at(10));
    expect(order?.inProductionAt?.toISOString()).toBe(at(20));
    expect(order?.manufacturedAt?.toISOString()).toBe(at(30));
    expect(order?.shippedAt?.toISOString()).toBe(at(40));
    const history = await db().select().from(orderStatusHistory).where(eq(orderStatusHistory.orderId, order!.id));
    expect(history.map((h) => h.status).sort()).toEqual(['in_production', 'manufactured', 'shipped']);
    const announced = await db().select().from(outbox).where(sql`${outbox.payload}->>'number' = '26-000010' and ${outbox.event} = 'order.status'`).orderBy(outbox.id);
    expect(announced.map((e) => (e.payload as { status: string }).status)).toEqual(['in_production', 'manufactured', 'shipped']);
    const states = await database.query<{ state: string; n: number }>(
      "select state::text, count(*)::int as n from sync_events where payload->'data'->>'number' = '26-000010' group by state order by state",
    );
    expect(states).toEqual([
      { state: 'applied', n: 4 },
      { state: 'superseded', n: 1 },
    ]);
  });

  it('takes a rejected event again under the same id once it is corrected', async () => {
    const bad = ledgerEvent('INV-R', 'D-5', 'invoice', '10,00', 4);
    expect((await send(db(), [bad])).rejected).toHaveLength(1);
    const fixed = { ...bad, data: { ...bad.data, amount: '10.00' } };
    expect(await send(db(), [fixed])).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    expect(await send(db(), [fixed])).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
  });

  it('replaces a corrected ledger document and never counts a resent one twice', async () => {
    await send(db(), [ledgerEvent('INV-7', 'D-5', 'invoice', '700.00', 10)], TOKENS.accounting);
    await send(db(), [ledgerEvent('INV-7', 'D-5', 'invoice', '650.00', 20)], TOKENS.accounting);
    await send(db(), [ledgerEvent('INV-7', 'D-5', 'invoice', '700.00', 10)], TOKENS.accounting);
    await send(db(), [ledgerEvent('PAY-7', 'D-5', 'payment', '150.00', 21)], TOKENS.accounting);
    const rows = await db().select().from(ledgerEntries).where(sql`${ledgerEntries.documentId} in ('INV-7', 'PAY-7')`);
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.documentId === 'INV-7')).toMatchObject({ amount: '650.00', effect: '650.00', source: 'accounting' });
    expect(rows.find((r) => r.documentId === 'PAY-7')).toMatchObject({ amount: '150.00', effect: '-150.00' });
  });

  it('refuses a second dealer with a tax id that already belongs to another', async () => {
    const result = await send(db(), [dealerEvent('D-6', '11111118', 5, 'Copy of D-1')]);
    expect(result.rejected[0]?.error).toMatch(/tax id 11111118 already belongs to dealer D-1/);
    expect(await db().select().from(dealers).where(eq(dealers.code, 'D-6'))).toHaveLength(0);
    // The same dealer under its own code is an update, not a duplicate.
    expect((await send(db(), [dealerEvent('D-1', '11111118', 5, 'First dealer, renamed')])).accepted).toBe(1);
  });

  it('links a trip to its orders and parks it while one of them is unknown', async () => {
    const trip = {
      id: eventId('trip'),
      type: 'shipment.upserted',
      occurredAt: at(70),
      data: { number: 'T-1', plannedDate: '2026-11-25', status: 'in_transit', orderNumbers: ['26-000002', '26-000008'], driverName: 'Іван', driverPhone: '+380671234567' },
    };
    await send(db(), [trip]);
    expect(await db().select().from(shipments).where(eq(shipments.number, 'T-1'))).toHaveLength(0);
    await send(db(), [orderEvent('26-000008', 'D-2', 60)]);
    const [row] = await db().select().from(shipments).where(eq(shipments.number, 'T-1'));
    expect(row).toMatchObject({ status: 'in_transit', driverPhone: '+380671234567' });
    expect(await db().select().from(shipmentOrders).where(eq(shipmentOrders.shipmentId, row!.id))).toHaveLength(2);
  });

  it('rejects alone an event the database refuses, and applies the rest of its batch', async () => {
    // A database rule the portal does not check itself stands in for any unforeseen failure.
    await database.query(`create function refuse_part() returns trigger language plpgsql as $$
      begin if new.part_number = 'REFUSED' then raise exception 'refused by a database rule'; end if; return new; end $$`);
    await database.query('create trigger refuse_part before insert on catalog_items for each row execute function refuse_part()');
    const item = (partNumber: string) => ({
      id: eventId('item'),
      type: 'catalog.item',
      occurredAt: at(90),
      data: { partNumber, name: 'Підвіконня 300 мм', unit: 'м.п.', retailPrice: '420.00', dealerPrice: '350.00', currency: 'UAH' },
    });
    const result = await send(db(), [item('SILL-300'), item('REFUSED'), item('SILL-400')], TOKENS.accounting);
    expect(result.accepted).toBe(2);
    expect(result.rejected).toEqual([{ index: 1, id: expect.any(String), error: expect.stringContaining('could not store this event') }]);
    const stored = await database.query<{ part_number: string }>('select part_number from catalog_items order by part_number');
    expect(stored.map((r) => r.part_number)).toEqual(['SILL-300', 'SILL-400']);
    await database.query('drop trigger refuse_part on catalog_items');
  });

  it('applies concurrent batches touching the same order without losing or doubling anything', async () => {
    await send(db(), [orderEvent('26-000009', 'D-2', 1)]);
    const statuses = ['in_production', 'manufactured', 'shipped', 'delivered'];
    const batches = Array.from({ length: 8 }, (_, i) => [
      statusEvent('26-000009', statuses[i % 4]!, 10 + i),
      ledgerEvent(`INV-C-${i}`, 'D-2', 'invoice', '1.00', 10 + i),
    ]);
    const results = await Promise.all(batches.map((b) => send(db(), b)));
    expect(results.reduce((n, r) => n + r.accepted, 0)).toBe(16);
    const [order] = await db().select().from(orders).where(eq(orders.number, '26-000009'));
    expect(order?.status).toBe('delivered');
    expect(order?.statusAt.toISOString()).toBe(at(17));
    const history = await db().select().from(orderStatusHistory).where(eq(orderStatusHistory.orderId, order!.id));
    expect(history).toHaveLength(8);
    const [sum] = await database.query<{ total: string }>("select sum(effect)::text as total from ledger_entries where document_id like 'INV-C-%'");
    expect(sum?.total).toBe('8.00');
  });
});
