import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dealers, ledgerEntries, orders, plants } from '@/drizzle/schema';
import type { LedgerKind } from '@/drizzle/schema/values';
import { dealerScopeOf, ForbiddenError, type DealerScope } from '@/lib/auth/scope';
import { ledgerEffect } from '@/lib/sync/apply-ledger';
import { createTestDatabase } from '@/lib/testing/database';
import { AGEING_BUCKETS, getDebtPositionForDealer, listOpenDebtsForDealer } from './ageing';
import { getBalanceSeriesForDealer, getPaymentsByMonthForDealer } from './charts';
import { getLedgerForDealer, getLedgerPageForDealer, getDealerRequisites } from './ledger';
import { getOrderSettlementsForDealer } from './orders';
import { getBalanceForDealer } from './queries';
import { getFinanceSummaryForDealer } from './summary';

// Ageing buckets on a known set, the one rule (credits pay the oldest-due debt first) against an
// independent FIFO in BigInt kopiyky, per-order settlements, and a dealer who never sees another's.

const TODAY = '2026-06-30';

const kop = (amount: string): bigint => {
  const [whole, fraction = ''] = amount.replace('-', '').split('.');
  const value = BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, '0'));
  return amount.startsWith('-') ? -value : value;
};
const money = (value: bigint): string => {
  const abs = value < 0n ? -value : value;
  return `${value < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
};
const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('ageing and the dealer’s finances', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let plantId: number;
  let scopeA: DealerScope;
  let scopeB: DealerScope;
  let scopeC: DealerScope;
  let n = 0;

  const entry = (dealerId: number, kind: LedgerKind, amount: string, date: string, extra: { dueDate?: string; orderNumber?: string; orderId?: number; document?: string } = {}) => ({
    source: 'accounting',
    documentId: `D-${(n += 1)}`,
    dealerId,
    plantId,
    kind,
    amount,
    effect: ledgerEffect(kind, amount),
    date,
    dueDate: extra.dueDate ?? null,
    orderNumber: extra.orderNumber ?? null,
    orderId: extra.orderId ?? null,
    document: extra.document ?? `DOC-${n}`,
  });

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    const [plant] = await db.insert(plants).values({ code: 'MAIN', name: 'Main', city: 'Vinnytsia', isMain: true }).returning();
    plantId = plant!.id;
    const [a, b, c] = await db
      .insert(dealers)
      .values([
        { code: 'D-A', name: 'Dealer A', taxId: '11111111', payerCategory: 'hesitant' },
        { code: 'D-B', name: 'Dealer B', taxId: '22222222' },
        { code: 'D-C', name: 'Dealer C', taxId: '33333333' },
      ])
      .returning();
    scopeA = dealerScopeOf({ userId: 'a', role: 'dealer_owner', dealerId: a!.id });
    scopeB = dealerScopeOf({ userId: 'b', role: 'dealer_owner', dealerId: b!.id });
    scopeC = dealerScopeOf({ userId: 'c', role: 'dealer_owner', dealerId: c!.id });
    const at = new Date('2026-05-01T10:00:00Z');
    const [orderA, orderB] = await db
      .insert(orders)
      .values([
        { number: '26-000001', dealerId: a!.id, plantId, statusAt: at, createdAt: at, total: '5000.00' },
        { number: '26-000002', dealerId: b!.id, plantId, statusAt: at, createdAt: at, total: '7000.00' },
      ])
      .returning();
    await db.insert(ledgerEntries).values([
      // Dealer A, a known set as of 2026-06-30.
      entry(a!.id, 'invoice', '100.00', '2025-12-01', { dueDate: '2026-01-01' }), // 180 days overdue
      entry(a!.id, 'invoice', '200.00', '2026-04-15'), // no due date: due on its date, 76 days
      entry(a!.id, 'invoice', '300.00', '2026-05-01', { dueDate: '2026-05-20' }), // 41 days
      entry(a!.id, 'invoice', '400.00', '2026-06-01', { dueDate: '2026-06-29', orderNumber: '26-000001', orderId: orderA!.id }), // 1 day
      entry(a!.id, 'invoice', '500.00', '2026-06-01', { dueDate: '2026-06-30' }), // due today
      entry(a!.id, 'delivery_charge', '600.00', '2026-06-01', { dueDate: '2026-07-07', orderNumber: '26-000001' }), // in 7 days
      entry(a!.id, 'invoice', '700.00', '2026-06-01', { dueDate: '2026-07-30' }), // in 30 days
      entry(a!.id, 'invoice', '800.00', '2026-06-01', { dueDate: '2026-08-15' }), // later
      // Credits 275.50 pay the 100 and 175.50 of the 200.
      entry(a!.id, 'payment', '250.00', '2026-06-10', { orderNumber: '26-000001' }),
      entry(a!.id, 'compensation', '25.50', '2026-06-20', { orderNumber: '26-000001' }),
      entry(a!.id, 'adjustment', '25.50', '2026-06-21'), // a debt due on its date: 9 days overdue
      // Dealer B: names A's order number, which must not show on A's order (nor B see A's order).
      entry(b!.id, 'invoice', '7000.00', '2026-05-02', { dueDate: '2026-05-30', orderNumber: '26-000002', orderId: orderB!.id }),
      entry(b!.id, 'payment', '9999.99', '2026-05-03', { orderNumber: '26-000001' }),
    ]);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('puts a known set into the right buckets, credits paying the oldest-due debt first', async () => {
    const p = await getDebtPositionForDealer(database.db, scopeA, TODAY);
    expect(p.balance).toBe('3350.00');
    expect(p.buckets).toEqual({ notDue: '2600.00', days1to30: '425.50', days31to60: '300.00', days61to90: '24.50', over90: '0.00' });
    expect(p.overdue).toBe('750.00');
    expect(p.dueIn7Days).toBe('1100.00');
    expect(p.dueIn30Days).toBe('1800.00');
    expect(p.updatedAt).toBeInstanceOf(Date);
    // The home's balance card uses the same rule.
    expect(await getBalanceForDealer(database.db, scopeA, TODAY)).toMatchObject({ balance: '3350.00', overdue: '750.00', dueSoon: '1100.00' });

    const open = await listOpenDebtsForDealer(database.db, scopeA, { today: TODAY });
    expect(open.map((d) => [d.dueOn, d.open, d.daysOverdue])).toEqual([
      ['2026-04-15', '24.50', 76],
      ['2026-05-20', '300.00', 41],
      ['2026-06-21', '25.50', 9],
      ['2026-06-29', '400.00', 1],
      ['2026-06-30', '500.00', 0],
      ['2026-07-07', '600.00', -7],
      ['2026-07-30', '700.00', -30],
      ['2026-08-15', '800.00', -46],
    ]);
  });

  it('answers the same buckets as an independent FIFO, and as the per-document list, on random ledgers', async () => {
    const { db } = database;
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const [d] = await db.insert(dealers).values({ code: 'D-R', name: 'Random', taxId: '44444444' }).returning();
    const scope = dealerScopeOf({ userId: 'r', role: 'dealer_owner', dealerId: d!.id });
    for (let round = 0; round < 6; round += 1) {
      const rows = Array.from({ length: 60 }, () => {
        const kind = (['invoice', 'delivery_charge', 'payment', 'compensation', 'adjustment'] as const)[Math.floor(random() * 5)]!;
        const amountKop = BigInt(Math.floor(random() * 5_000_000)) * (kind === 'adjustment' && random() < 0.5 ? -1n : 1n);
        const date = shift(TODAY, -Math.floor(random() * 200));
        return entry(d!.id, kind, money(amountKop), date, random() < 0.7 ? { dueDate: shift(date, Math.floor(random() * 60)) } : {});
      });
      await db.insert(ledgerEntries).values(rows);
      const all = await db.select().from(ledgerEntries).where(eq(ledgerEntries.dealerId, d!.id));
      // FIFO here: debts by due day then id, credits fill them in that order.
      let credits = all.reduce((s, r) => s + (kop(r.effect) < 0n ? -kop(r.effect) : 0n), 0n);
      const debts = all
        .filter((r) => kop(r.effect) > 0n)
        .map((r) => ({ id: r.id, dueOn: r.dueDate ?? r.date, effect: kop(r.effect) }))
        .sort((x, y) => (x.dueOn < y.dueOn ? -1 : x.dueOn > y.dueOn ? 1 : x.id - y.id));
      const want = { notDue: 0n, days1to30: 0n, days31to60: 0n, days61to90: 0n, over90: 0n };
      let overdue = 0n;
      let due7 = 0n;
      const openWant: [number, string][] = [];
      for (const debt of debts) {
        const paid = credits >= debt.effect ? debt.effect : credits;
        credits -= paid;
        const open = debt.effect - paid;
        if (open === 0n) continue;
        openWant.push([debt.id, money(open)]);
        const late = (Date.parse(TODAY) - Date.parse(debt.dueOn)) / 86_400_000;
        const bucket = late <= 0 ? 'notDue' : late <= 30 ? 'days1to30' : late <= 60 ? 'days31to60' : late <= 90 ? 'days61to90' : 'over90';
        want[bucket] += open;
        if (late > 0) overdue += open;
        if (late <= 0 && late >= -7) due7 += open;
      }
      const p = await getDebtPositionForDealer(db, scope, TODAY);
      expect(p.buckets).toEqual(Object.fromEntries(AGEING_BUCKETS.map((b) => [b, money(want[b])])));
      expect([p.overdue, p.dueIn7Days]).toEqual([money(overdue), money(due7)]);
      const balance = all.reduce((s, r) => s + kop(r.effect), 0n);
      expect(p.balance).toBe(money(balance));
      const sum = AGEING_BUCKETS.reduce((s, b) => s + kop(p.buckets[b]), 0n);
      expect(money(sum)).toBe(money(balance > 0n ? balance : 0n));
      const list = await listOpenDebtsForDealer(db, scope, { today: TODAY, limit: 1000 });
      expect(list.map((o) => [o.id, o.open])).toEqual(openWant);
    }
  });

  it('sums one order’s settlements, scoped by the dealer', async () => {
    const s = await getOrderSettlementsForDealer(database.db, scopeA, '26-000001');
    expect(s).toMatchObject({ invoiced: '400.00', deliveryCharged: '600.00', paid: '250.00', compensated: '25.50', adjusted: '0.00', balance: '724.50' });
    expect(s!.entries.map((e) => e.kind)).toEqual(['invoice', 'delivery_charge', 'payment', 'compensation']);
    // B's payment that names A's order number is not A's, and A's order is not B's.
    expect(await getOrderSettlementsForDealer(database.db, scopeB, '26-000001')).toBeNull();
    expect(await getOrderSettlementsForDealer(database.db, scopeA, '26-000002')).toBeNull();
    expect(await getOrderSettlementsForDealer(database.db, scopeA, 'no-such')).toBeNull();
    const none = await getOrderSettlementsForDealer(database.db, scopeB, '26-000002');
    expect(none).toMatchObject({ invoiced: '7000.00', paid: '0.00', balance: '7000.00' });
  });

  it('summarises with the payer category and counts payments by month', async () => {
    const s = await getFinanceSummaryForDealer(database.db, scopeA, TODAY);
    expect(s).toMatchObject({ currency: 'UAH', balance: '3350.00', overdue: '750.00', dueIn7Days: '1100.00', payerCategory: 'hesitant', today: TODAY });
    const months = await getPaymentsByMonthForDealer(database.db, scopeA, { from: '2026-04-01', to: TODAY });
    expect(months).toEqual([
      { month: '2026-04', paid: '0.00' },
      { month: '2026-05', paid: '0.00' },
      { month: '2026-06', paid: '250.00' },
    ]);
  });

  it('never shows a dealer another dealer’s entries, through any function', async () => {
    const period = { from: '2025-01-01', to: '2026-12-31' };
    const [a, b] = await Promise.all([getLedgerForDealer(database.db, scopeA, period), getLedgerForDealer(database.db, scopeB, period)]);
    const idsA = new Set(a.entries.map((e) => e.id));
    expect(b.entries.map((e) => e.amount).sort()).toEqual(['7000.00', '9999.99']);
    expect(b.entries.some((e) => idsA.has(e.id))).toBe(false);
    expect((await getLedgerPageForDealer(database.db, scopeB, period, { offset: 0 })).totalLines).toBe(2);
    expect((await getLedgerForDealer(database.db, scopeB, { ...period, q: '26-000001' })).entries.map((e) => e.amount)).toEqual(['9999.99']);
    const open = await listOpenDebtsForDealer(database.db, scopeB, { today: TODAY });
    expect(open.every((d) => !idsA.has(d.id))).toBe(true);
    // C has no entries at all: zeros everywhere, not someone else's.
    const c = await getFinanceSummaryForDealer(database.db, scopeC, TODAY);
    expect([c.balance, c.overdue, c.dueIn7Days, c.dueIn30Days, c.updatedAt]).toEqual(['0.00', '0.00', '0.00', '0.00', null]);
    expect(await listOpenDebtsForDealer(database.db, scopeC, { today: TODAY })).toEqual([]);
    expect((await getLedgerForDealer(database.db, scopeC, period)).entries).toEqual([]);
    expect((await getBalanceSeriesForDealer(database.db, scopeC, { from: '2026-06-01', to: TODAY })).points.every((p) => p.balance === '0.00')).toBe(true);
    expect(await getPaymentsByMonthForDealer(database.db, scopeC, { from: '2026-06-01', to: TODAY })).toEqual([{ month: '2026-06', paid: '0.00' }]);
  });

  it('refuses to run without a dealer scope', async () => {
    const period = { from: '2026-01-01', to: '2026-01-31' };
    const calls = [
      (s: DealerScope) => getLedgerForDealer(database.db, s, period),
      (s: DealerScope) => getLedgerPageForDealer(database.db, s, period, { offset: 0 }),
      (s: DealerScope) => getDealerRequisites(database.db, s),
      (s: DealerScope) => getDebtPositionForDealer(database.db, s),
      (s: DealerScope) => listOpenDebtsForDealer(database.db, s),
      (s: DealerScope) => getFinanceSummaryForDealer(database.db, s),
      (s: DealerScope) => getOrderSettlementsForDealer(database.db, s, '26-000001'),
      (s: DealerScope) => getBalanceSeriesForDealer(database.db, s, period),
      (s: DealerScope) => getPaymentsByMonthForDealer(database.db, s, period),
    ];
    for (const call of calls) {
      await expect(call(undefined as unknown as DealerScope)).rejects.toThrow(ForbiddenError);
      await expect(call({ dealerId: 1 } as unknown as DealerScope)).rejects.toThrow(ForbiddenError);
    }
  });
});
