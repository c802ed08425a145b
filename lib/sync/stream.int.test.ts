import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '@/lib/demo/random';
import type { DatabaseHandle } from '@/lib/db';
import { createTestDatabase } from '@/lib/testing/database';
import { at, dealerEvent, ledgerEvent, orderEvent, prepareSyncDatabase, send, statusEvent, TOKENS } from './testing/fixtures';

// Property: however a stream of events is shuffled, repeated, split into batches and salted with
// malformed events, the portal ends in exactly the state of applying the valid events once each,
// in time order.

type Event = { id: string; type: string; occurredAt: string; data: Record<string, unknown> };
type Sent = { event: Event; token: string };

const STATUSES = ['in_production', 'manufactured', 'shipped', 'delivered', 'cancelled'];

/** A realistic stream: dealers, orders (with corrections), statuses, trips, ledger documents. */
function generateStream(rng: Rng): Sent[] {
  const stream: Sent[] = [];
  const minutes = rng.shuffle(Array.from({ length: 4000 }, (_, i) => i + 10));
  let next = 0;
  const minute = () => minutes[next++]!; // every event its own time: no ties to argue about
  const production = (event: Event) => stream.push({ event, token: TOKENS.production });
  const accounting = (event: Event) => stream.push({ event, token: TOKENS.accounting });
  const dealerCodes = Array.from({ length: 4 }, (_, i) => `P-${i + 1}`);
  dealerCodes.forEach((code, i) => {
    production(dealerEvent(code, String(30000000 + i * 7), minute(), `Dealer ${code}`));
    production(dealerEvent(code, String(30000000 + i * 7), minute(), `Dealer ${code}, renamed`));
  });
  const orderNumbers: string[] = [];
  for (let i = 0; i < 24; i += 1) {
    const number = `27-${String(i + 1).padStart(6, '0')}`;
    const dealer = rng.pick(dealerCodes);
    orderNumbers.push(number);
    for (let v = 0; v < rng.int(1, 3); v += 1) production(orderEvent(number, dealer, minute(), `${rng.int(100, 99999)}.${rng.int(10, 99)}`));
    for (let s = 0; s < rng.int(0, 4); s += 1) {
      const status = rng.pick(STATUSES);
      production(statusEvent(number, status, minute(), status === 'manufactured' ? { itemsDone: rng.int(0, 3), itemsTotal: 3 } : {}));
    }
    for (let d = 0; d < rng.int(0, 2); d += 1) {
      accounting(ledgerEvent(`INV-${number}`, dealer, 'invoice', `${rng.int(1, 5000)}.${rng.int(10, 99)}`, minute(), { orderNumber: number }));
    }
    if (rng.chance(0.5)) accounting(ledgerEvent(`PAY-${number}`, dealer, 'payment', `${rng.int(1, 900)}.00`, minute()));
  }
  for (let t = 0; t < 5; t += 1) {
    const orders = rng.shuffle(orderNumbers).slice(0, rng.int(1, 3));
    for (let v = 0; v < rng.int(1, 2); v += 1) {
      production({
        id: `trip-${t}-${v}`,
        type: 'shipment.upserted',
        occurredAt: at(minute()),
        data: { number: `T-${t}`, plannedDate: '2026-11-26', status: rng.pick(['planned', 'loading', 'in_transit']), orderNumbers: orders, driverName: `Водій ${t}`, vehicle: `AB ${1000 + t} CT` },
      });
    }
  }
  return stream;
}

function malformed(rng: Rng, i: number): Sent {
  const variants: Event[] = [
    { ...statusEvent('27-000001', 'teleported', 5), id: `bad-${i}` },
    { ...ledgerEvent(`BAD-${i}`, 'P-1', 'invoice', '12.345', 5), id: `bad-${i}` },
    { id: `bad-${i}`, type: 'order.upserted', occurredAt: at(5), data: { number: '27-000002' } },
  ];
  return { event: rng.pick(variants), token: TOKENS.production };
}

async function snapshot(database: DatabaseHandle) {
  const q = (text: string) => database.query(text);
  return {
    dealers: await q('select code, name, tax_id, source_updated_at from dealers order by code'),
    orders: await q(`select o.number, d.code as dealer, o.status, o.status_at, o.status_event_at, o.total, o.items_done, o.items_total,
      o.accepted_at, o.in_production_at, o.manufactured_at, o.shipped_at, o.delivered_at, o.cancelled_at, o.planned_delivery, o.source_updated_at
      from orders o join dealers d on d.id = o.dealer_id order by o.number`),
    items: await q('select o.number, i.position, i.price, i.sashes from order_items i join orders o on o.id = i.order_id order by o.number, i.position'),
    // Whether an event was current when it arrived depends on arrival; what happened does not.
    history: await q('select o.number, h.status, h.occurred_at from order_status_history h join orders o on o.id = h.order_id order by o.number, h.occurred_at'),
    ledger: await q(`select l.source, l.document_id, d.code, l.kind, l.amount, l.effect, o.number as order_number
      from ledger_entries l join dealers d on d.id = l.dealer_id left join orders o on o.id = l.order_id order by l.source, l.document_id`),
    shipments: await q(`select s.number, s.status, s.planned_date, array(select o.number from shipment_orders so join orders o on o.id = so.order_id
      where so.shipment_id = s.id order by o.number) as orders from shipments s order by s.number`),
    parked: await q("select count(*)::int as n from sync_events where state = 'parked'"),
  };
}

describe('a shuffled, repeated, partly malformed stream', () => {
  let shuffled: Awaited<ReturnType<typeof createTestDatabase>>;
  let ordered: Awaited<ReturnType<typeof createTestDatabase>>;

  beforeAll(async () => {
    [shuffled, ordered] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    await Promise.all([prepareSyncDatabase(shuffled.db), prepareSyncDatabase(ordered.db)]);
  });
  afterAll(async () => {
    await Promise.all([shuffled?.dispose(), ordered?.dispose()]);
  });

  for (const seed of [1, 2, 3]) {
    it(`ends in the state of its valid events applied in time order (seed ${seed})`, async () => {
      const rng = new Rng(seed * 7919);
      const stream = generateStream(rng).map((s) => ({ ...s, event: { ...s.event, id: `${seed}-${s.event.id}` } }));

      // Reference: each valid event once, oldest first, one at a time.
      const inTimeOrder = [...stream].sort((a, b) => a.event.occurredAt.localeCompare(b.event.occurredAt));
      for (const { event, token } of inTimeOrder) {
        const result = await send(ordered.db, [event], token);
        expect(result.rejected).toEqual([]);
      }

      // Under test: shuffled, a third of it repeated, malformed events mixed in, random batches.
      const noisy = rng.shuffle([
        ...stream,
        ...rng.shuffle(stream).slice(0, Math.floor(stream.length / 3)),
        ...Array.from({ length: 6 }, (_, i) => malformed(rng, seed * 100 + i)),
      ]);
      let sent = 0;
      let accepted = 0;
      while (sent < noisy.length) {
        const token = noisy[sent]!.token;
        const batch: Event[] = [];
        while (sent < noisy.length && noisy[sent]!.token === token && batch.length < rng.int(1, 40)) batch.push(noisy[sent++]!.event);
        accepted += (await send(shuffled.db, batch, token)).accepted;
      }
      expect(accepted).toBe(stream.length);

      const [expected, actual] = await Promise.all([snapshot(ordered), snapshot(shuffled)]);
      expect(actual).toEqual(expected);
      expect(actual.orders.length).toBeGreaterThan(0);
    });
  }
});
