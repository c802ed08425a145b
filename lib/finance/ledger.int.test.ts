import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dealers, ledgerEntries, plants } from '@/drizzle/schema';
import { LEDGER_KINDS, type LedgerKind } from '@/drizzle/schema/values';
import { dealerScopeOf, type DealerScope } from '@/lib/auth/scope';
import { ledgerEffect } from '@/lib/sync/apply-ledger';
import { createTestDatabase } from '@/lib/testing/database';
import { dealerEvent, ledgerEvent, prepareSyncDatabase, send, TOKENS } from '@/lib/sync/testing/fixtures';
import { getBalanceSeriesForDealer } from './charts';
import { getDealerRequisites, getLedgerForDealer, getLedgerPageForDealer } from './ledger';

// The ledger against an independent sum: random entry sets, balances recomputed here in whole
// kopiyky with BigInt (no floats), period edges, filters, and documents through the sync path.

/** A small seeded generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const kop = (amount: string): bigint => {
  const [whole, fraction = ''] = amount.replace('-', '').split('.');
  const value = BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, '0'));
  return amount.startsWith('-') ? -value : value;
};
const money = (value: bigint): string => {
  const abs = value < 0n ? -value : value;
  return `${value < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
};
const day = (offset: number) => new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

type Row = { id: number; date: string; kind: LedgerKind; effect: bigint; document: string | null; orderNumber: string | null };

describe('getLedgerForDealer', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let scopeA: DealerScope;
  let scopeB: DealerScope;
  const rowsA: Row[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    const [plant] = await db.insert(plants).values({ code: 'MAIN', name: 'Main', city: 'Vinnytsia', isMain: true }).returning();
    const [a, b] = await db
      .insert(dealers)
      .values([
        { code: 'D-A', name: 'Вікна Поділля', taxId: '11111111', address: 'вул. Соборна, 1', phone: '+380 67 000 0001' },
        { code: 'D-B', name: 'Dealer B', taxId: '22222222' },
      ])
      .returning();
    scopeA = dealerScopeOf({ userId: 'a', role: 'dealer_owner', dealerId: a!.id });
    scopeB = dealerScopeOf({ userId: 'b', role: 'dealer_staff', dealerId: b!.id });
    const random = rng(20260701);
    const values = [];
    for (let i = 0; i < 600; i += 1) {
      const dealerId = i % 5 === 4 ? b!.id : a!.id;
      const kind = LEDGER_KINDS[Math.floor(random() * LEDGER_KINDS.length)]!;
      // Up to a billion kopiyky; signed for the kinds that carry their sign.
      let amountKop = BigInt(Math.floor(random() * 1_000_000_000));
      if ((kind === 'adjustment' || kind === 'opening_balance') && random() < 0.5) amountKop = -amountKop;
      const amount = money(amountKop);
      values.push({
        source: 'accounting',
        documentId: `DOC-${i}`,
        dealerId,
        plantId: plant!.id,
        kind,
        amount,
        effect: ledgerEffect(kind, amount),
        // Several entries a day, so ties on the date are ordered by id.
        date: day(Math.floor(random() * 500)),
        dueDate: random() < 0.5 ? day(Math.floor(random() * 560)) : null,
        document: random() < 0.9 ? `${kind === 'payment' ? 'ПП' : 'РН'}-${i}${i % 7 === 0 ? '%_' : ''}` : null,
        orderNumber: random() < 0.5 ? `26-${String(i % 40).padStart(6, '0')}` : null,
      });
    }
    const inserted = await db.insert(ledgerEntries).values(values).returning();
    for (const r of inserted) {
      if (r.dealerId === a!.id) rowsA.push({ id: r.id, date: r.date, kind: r.kind, effect: kop(r.effect), document: r.document, orderNumber: r.orderNumber });
    }
  });
  afterAll(async () => {
    await database?.dispose();
  });

  /** The ledger as this test computes it on its own. */
  function expected(from: string, to: string) {
    const sorted = [...rowsA].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.id - y.id));
    let running = sorted.filter((r) => r.date < from).reduce((sum, r) => sum + r.effect, 0n);
    const opening = running;
    const lines = sorted
      .filter((r) => r.date >= from && r.date <= to)
      .map((r) => {
        running += r.effect;
        return { id: r.id, balanceAfter: money(running), effect: money(r.effect) };
      });
    const inPeriod = sorted.filter((r) => r.date >= from && r.date <= to);
    return {
      opening: money(opening),
      closing: money(running),
      lines,
      debit: money(inPeriod.filter((r) => r.effect > 0n).reduce((s, r) => s + r.effect, 0n)),
      credit: money(inPeriod.filter((r) => r.effect < 0n).reduce((s, r) => s - r.effect, 0n)),
    };
  }

  it('matches an independent BigInt sum over random periods: running, opening, closing, turnover', async () => {
    const random = rng(7);
    const periods = [{ from: day(0), to: day(499) }, { from: day(-30), to: day(-1) }, { from: day(600), to: day(700) }];
    for (let i = 0; i < 25; i += 1) {
      const a = Math.floor(random() * 520) - 10;
      const b = a + Math.floor(random() * 200);
      periods.push({ from: day(a), to: day(b) });
    }
    for (const { from, to } of periods) {
      const ledger = await getLedgerForDealer(database.db, scopeA, { from, to });
      const want = expected(from, to);
      expect(ledger.openingBalance, `${from}..${to}`).toBe(want.opening);
      expect(ledger.closingBalance, `${from}..${to}`).toBe(want.closing);
      expect(ledger.turnover).toEqual({ debit: want.debit, credit: want.credit });
      expect(ledger.entries.map((e) => ({ id: e.id, balanceAfter: e.balanceAfter, effect: e.effect }))).toEqual(want.lines);
      expect(ledger.currency).toBe('UAH');
    }
  });

  it('counts entries on the first and the last day of the period, and none outside it', async () => {
    const dated = [...new Set(rowsA.map((r) => r.date))].sort();
    const from = dated[10]!;
    const to = dated[20]!;
    const ledger = await getLedgerForDealer(database.db, scopeA, { from, to });
    const ids = new Set(ledger.entries.map((e) => e.id));
    for (const r of rowsA) expect(ids.has(r.id), `${r.date} in ${from}..${to}`).toBe(r.date >= from && r.date <= to);
    expect(ledger.entries[0]!.date).toBe(from);
    expect(ledger.entries.at(-1)!.date).toBe(to);
    // A one-day period: opening + that day's entries = closing.
    const one = await getLedgerForDealer(database.db, scopeA, { from, to: from });
    const sum = one.entries.reduce((s, e) => s + kop(e.effect), kop(one.openingBalance));
    expect(money(sum)).toBe(one.closingBalance);
    expect(one.entries.every((e) => e.date === from)).toBe(true);
  });

  it('narrows lines by kind and by document or order number (wildcards literal), balances of the whole ledger', async () => {
    const from = day(0);
    const to = day(499);
    const whole = await getLedgerForDealer(database.db, scopeA, { from, to });
    const payments = await getLedgerForDealer(database.db, scopeA, { from, to, kind: 'payment' });
    expect(payments.entries.length).toBeGreaterThan(0);
    expect(payments.entries.every((e) => e.kind === 'payment')).toBe(true);
    expect(payments.entries).toEqual(whole.entries.filter((e) => e.kind === 'payment'));
    expect([payments.openingBalance, payments.closingBalance, payments.turnover]).toEqual([whole.openingBalance, whole.closingBalance, whole.turnover]);

    const literal = await getLedgerForDealer(database.db, scopeA, { from, to, q: '%_' });
    expect(literal.entries.length).toBeGreaterThan(0);
    expect(literal.entries.every((e) => e.document?.includes('%_'))).toBe(true);
    const byOrder = await getLedgerForDealer(database.db, scopeA, { from, to, q: '26-000007' });
    expect(byOrder.entries).toEqual(whole.entries.filter((e) => e.orderNumber === '26-000007' || e.document?.includes('26-000007')));
    expect(byOrder.entries.length).toBeGreaterThan(0);
    const none = await getLedgerForDealer(database.db, scopeA, { from, to, q: 'no such document' });
    expect(none.entries).toEqual([]);
    expect(none.closingBalance).toBe(whole.closingBalance);
  });

  it('pages a long period without changing any line', async () => {
    const from = day(0);
    const to = day(499);
    const whole = await getLedgerForDealer(database.db, scopeA, { from, to });
    const pages = [];
    for (let offset = 0; offset < whole.entries.length; offset += 100) {
      const page = await getLedgerPageForDealer(database.db, scopeA, { from, to }, { offset, limit: 100 });
      expect(page.totalLines).toBe(whole.entries.length);
      pages.push(...page.entries);
    }
    expect(pages).toEqual(whole.entries);
    const past = await getLedgerPageForDealer(database.db, scopeA, { from, to, kind: 'invoice' }, { offset: 100_000 });
    expect(past.entries).toEqual([]);
    expect(past.totalLines).toBe(whole.entries.filter((e) => e.kind === 'invoice').length);
  });

  it('draws the balance chart from the same sums', async () => {
    const from = day(100);
    const to = day(180);
    const [ledger, series] = await Promise.all([getLedgerForDealer(database.db, scopeA, { from, to }), getBalanceSeriesForDealer(database.db, scopeA, { from, to })]);
    expect(series.step).toBe('day');
    expect(series.points).toHaveLength(81);
    expect(series.points.at(-1)).toEqual({ date: to, balance: ledger.closingBalance });
    for (const point of series.points) {
      const last = ledger.entries.filter((e) => e.date <= point.date).at(-1);
      expect(point.balance).toBe(last ? last.balanceAfter : ledger.openingBalance);
    }
    const weekly = await getBalanceSeriesForDealer(database.db, scopeA, { from: day(0), to: day(365) });
    expect(weekly.step).toBe('week');
    expect(weekly.points.at(-1)).toEqual({ date: day(365), balance: (await getLedgerForDealer(database.db, scopeA, { from: day(0), to: day(365) })).closingBalance });
  });

  it('shows a dealer only his own entries and his own details', async () => {
    const mine = new Set(rowsA.map((r) => r.id));
    const b = await getLedgerForDealer(database.db, scopeB, { from: day(-10), to: day(600) });
    expect(b.entries.length).toBeGreaterThan(0);
    expect(b.entries.some((e) => mine.has(e.id))).toBe(false);
    expect(await getDealerRequisites(database.db, scopeA)).toMatchObject({ name: 'Вікна Поділля', code: 'D-A', taxId: '11111111', address: 'вул. Соборна, 1' });
    expect(await getDealerRequisites(database.db, scopeB)).toMatchObject({ code: 'D-B', address: null });
  });
});

describe('the ledger through the sync path', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    await prepareSyncDatabase(database.db);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('replaces a corrected document and never counts a resent one twice', async () => {
    const db = database.db;
    await send(db, [dealerEvent('D-S', '33333333', 0)], TOKENS.accounting);
    const [dealer] = await db.select({ id: dealers.id }).from(dealers).where(eq(dealers.code, 'D-S'));
    const scope = dealerScopeOf({ userId: 's', role: 'dealer_owner', dealerId: dealer!.id });
    const invoice = ledgerEvent('INV-1', 'D-S', 'invoice', '1000.10', 10, { date: '2026-11-01', document: 'РН-1' });
    await send(db, [invoice, ledgerEvent('PAY-1', 'D-S', 'payment', '300.05', 11, { date: '2026-11-30' })], TOKENS.accounting);
    // The same event again (a retry), the corrected invoice, then the old version late.
    await send(db, [invoice], TOKENS.accounting);
    await send(db, [ledgerEvent('INV-1', 'D-S', 'invoice', '900.00', 20, { date: '2026-11-01', document: 'РН-1' })], TOKENS.accounting);
    await send(db, [ledgerEvent('INV-1', 'D-S', 'invoice', '1000.10', 15, { date: '2026-11-01', document: 'РН-1' })], TOKENS.accounting);
    const ledger = await getLedgerForDealer(db, scope, { from: '2026-11-01', to: '2026-11-30' });
    expect(ledger.entries.map((e) => [e.kind, e.amount, e.balanceAfter])).toEqual([
      ['invoice', '900.00', '900.00'],
      ['payment', '300.05', '599.95'],
    ]);
    expect(ledger.openingBalance).toBe('0.00');
    expect(ledger.closingBalance).toBe('599.95');
  });
});
