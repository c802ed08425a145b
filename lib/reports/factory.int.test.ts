import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claims, dealers, ledgerEntries, orders, orderStatusHistory, plants, shipmentOrders, shipments, users } from '@/drizzle/schema';
import type { LedgerKind, OrderStatus, PayerCategory } from '@/drizzle/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { ForbiddenError } from '@/lib/auth/scope';
import { getClaimReports } from '@/lib/claims/reports';
import { listReceivables } from '@/lib/finance/receivables';
import { DEFAULT_RECEIVABLES_FILTER } from '@/lib/finance/receivables-filter';
import { ledgerEffect } from '@/lib/sync/apply-ledger';
import { createTestDatabase } from '@/lib/testing/database';
import { factoryReportCsv, type FactoryCsvLabels } from './csv';
import { exportFactoryReport } from './export';
import { getClaimsKpis, getDeliveries, getOrdersFlow, getReceivablesSummary, listReportPlants, type FlowStatus } from './factory';
import { reportParamsFromSearchParams } from './period';

// The factory reports against a small world whose every figure is known: orders of two plants
// with status events around Kyiv midnights (winter, UTC+2: 21:59 UTC is still the same day, 23:30
// UTC is the next one), trips planned and delivered, claims with met and missed clocks, and a
// ledger; the receivables agree with the receivables page; the CSV files to the byte.

const WEEK = { from: '2026-03-01', to: '2026-03-07' };
const NOW = new Date('2026-03-10T10:00:00Z');
const TODAY = '2026-03-10';

const actorOf = (role: Actor['role'], dealerId: number | null = null): Actor => ({
  userId: '00000000-0000-4000-8000-00000000000' + ['factory', 'admin', 'claims', 'dealer_owner'].indexOf(role),
  role,
  dealerId,
  name: role,
  email: `${role}@x.test`,
  locale: null,
});
const factory = actorOf('factory');
const admin = actorOf('admin');
const specialist = actorOf('claims');

/** Column titles as their keys, so the expected files read plainly. */
const labels: FactoryCsvLabels = { column: (key) => key, payer: (category) => `payer:${category}` };

type Day = { day: string } & Partial<Record<FlowStatus, number>>;
/** Per-day counts of a report, days with nothing left out. */
function nonEmptyDays(flow: Awaited<ReturnType<typeof getOrdersFlow>>): Day[] {
  return flow.buckets
    .map(({ start, end, ...counts }) => {
      expect(start).toBe(end);
      const nonZero = Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
      return { day: start, ...nonZero };
    })
    .filter((d) => Object.keys(d).length > 1);
}

describe('factory reports', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let main: number;
  let west: number;
  let dealer: Actor;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    const [m, w] = await db
      .insert(plants)
      .values([
        { code: 'MAIN', name: 'Main plant', city: 'Vinnytsia', isMain: true },
        { code: 'WEST', name: 'West plant', city: 'Lviv' },
      ])
      .returning();
    main = m!.id;
    west = w!.id;
    const [a, b, c] = await db
      .insert(dealers)
      .values([
        { code: 'D-A', name: 'Dealer A', taxId: '11111111', payerCategory: 'punctual' },
        { code: 'D-B', name: 'Dealer B', taxId: '22222222', payerCategory: 'hesitant' },
        { code: 'D-C', name: 'Dealer C', taxId: '33333333', payerCategory: 'hesitant' },
      ])
      .returning();
    const [owner] = await db.insert(users).values({ email: 'owner@x.test', name: 'Owner', role: 'dealer_owner', dealerId: a!.id, passwordHash: 'x' }).returning();
    dealer = actorOf('dealer_owner', a!.id);

    // Orders: number, plant, current status, and its events (UTC).
    const plan: [string, number, OrderStatus, [OrderStatus, string, boolean?][]][] = [
      ['M-1', main, 'delivered', [['accepted', '2026-03-01T08:00:00Z'], ['manufactured', '2026-03-02T23:30:00Z'], ['shipped', '2026-03-04T10:00:00Z'], ['delivered', '2026-03-05T12:00:00Z']]],
      ['M-2', main, 'manufactured', [['accepted', '2026-02-28T22:00:00Z'], ['in_production', '2026-03-02T09:00:00Z'], ['manufactured', '2026-03-07T22:00:00Z']]],
      ['M-3', main, 'cancelled', [['accepted', '2026-02-28T21:59:59Z'], ['cancelled', '2026-03-01T10:00:00Z']]],
      // W-1's acceptance arrived after it was already shipped: recorded only, and still counted.
      ['W-1', west, 'shipped', [['manufactured', '2026-03-03T10:00:00Z'], ['shipped', '2026-03-03T11:00:00Z'], ['accepted', '2026-03-02T21:59:00Z', false]]],
      ['W-2', west, 'accepted', [['accepted', '2026-03-06T05:00:00Z']]],
    ];
    const ids = new Map<string, number>();
    for (const [number, plantId, status, events] of plan) {
      const at = new Date(events.at(-1)![1]);
      const [order] = await db
        .insert(orders)
        .values({ number, dealerId: a!.id, plantId, status, statusAt: at, createdAt: new Date('2026-02-20T10:00:00Z'), total: '1000.00' })
        .returning();
      ids.set(number, order!.id);
      await db.insert(orderStatusHistory).values(events.map(([s, time, applied]) => ({ orderId: order!.id, status: s, occurredAt: new Date(time), applied: applied ?? true })));
    }

    // Trips: planned day, delivered moment, orders on them.
    const trips: [string, number, string, string | null, string[]][] = [
      ['T-1', main, '2026-03-04', '2026-03-05T12:00:00Z', ['M-1']],
      ['T-2', west, '2026-03-03', '2026-03-03T22:30:00Z', ['W-1', 'W-2']],
      ['T-3', main, '2026-03-08', null, ['M-2']],
      ['T-4', main, '2026-03-07', null, ['M-2', 'M-3']],
      ['T-5', main, '2026-02-28', '2026-02-28T21:59:00Z', ['M-3']],
    ];
    for (const [number, plantId, plannedDate, deliveredAt, numbers] of trips) {
      const [trip] = await db
        .insert(shipments)
        .values({ number, plantId, plannedDate, status: deliveredAt ? 'delivered' : 'planned', deliveredAt: deliveredAt ? new Date(deliveredAt) : null })
        .returning();
      await db.insert(shipmentOrders).values(numbers.map((n) => ({ shipmentId: trip!.id, orderId: ids.get(n)! })));
    }

    // Claims: filed, first answer, its deadline, decision, its deadline, status.
    const claim = (created: string, firstDue: string, firstAt: string | null, decisionDue: string, decidedAt: string | null, status: 'rejected' | 'in_review' | 'submitted') => ({
      dealerId: a!.id,
      orderId: ids.get('M-1')!,
      category: 'defect' as const,
      status,
      description: 'Скол на рамі',
      createdById: owner!.id,
      createdAt: new Date(created),
      firstResponseDueAt: new Date(firstDue),
      firstResponseAt: firstAt ? new Date(firstAt) : null,
      decisionDueAt: new Date(decisionDue),
      decidedAt: decidedAt ? new Date(decidedAt) : null,
    });
    await db.insert(claims).values([
      // Answered in 2 h (in time), decided in 48 h (in time).
      claim('2026-03-02T08:00:00Z', '2026-03-02T16:00:00Z', '2026-03-02T10:00:00Z', '2026-03-05T16:00:00Z', '2026-03-04T08:00:00Z', 'rejected'),
      // Answered in 6 h (late); undecided past its deadline (late).
      claim('2026-03-03T08:00:00Z', '2026-03-03T12:00:00Z', '2026-03-03T14:00:00Z', '2026-03-04T08:00:00Z', null, 'in_review'),
      // Unanswered past its deadline (late); the decision still within its deadline.
      claim('2026-03-05T08:00:00Z', '2026-03-05T16:00:00Z', null, '2026-03-20T16:00:00Z', null, 'submitted'),
      // Filed 23:30 UTC on 7 March: 8 March in Kyiv, after the period.
      claim('2026-03-07T23:30:00Z', '2026-03-09T16:00:00Z', null, '2026-03-20T16:00:00Z', null, 'submitted'),
    ]);

    // The ledger as of 10 March: A owes 700.00 due 1 Feb (37 days late) and 500.50 due 20 March;
    // B owes 2000.00 due 20 November (110 days late); C has paid more than it owes.
    let n = 0;
    const entry = (dealerId: number, kind: LedgerKind, amount: string, date: string, dueDate: string | null) => ({
      source: 'accounting',
      documentId: `DOC-${++n}`,
      dealerId,
      plantId: main,
      kind,
      amount,
      effect: ledgerEffect(kind, amount),
      date,
      dueDate,
    });
    await db
      .insert(ledgerEntries)
      .values([
        entry(a!.id, 'invoice', '1000.00', '2026-01-15', '2026-02-01'),
        entry(a!.id, 'invoice', '500.50', '2026-03-05', '2026-03-20'),
        entry(a!.id, 'payment', '300.00', '2026-02-10', null),
        entry(b!.id, 'invoice', '2000.00', '2025-11-01', '2025-11-20'),
        entry(c!.id, 'invoice', '100.00', '2026-01-10', '2026-01-20'),
        entry(c!.id, 'payment', '150.25', '2026-01-25', null),
      ]);
  });

  afterAll(async () => {
    await database?.dispose();
  });

  it('counts the moves of orders per Kyiv day: 23:30 UTC is the next day, 21:59 UTC the same one', async () => {
    const flow = await getOrdersFlow(database.db, factory, WEEK, null);
    expect(flow.granularity).toBe('day');
    expect(flow.buckets).toHaveLength(7);
    expect(nonEmptyDays(flow)).toEqual([
      { day: '2026-03-01', accepted: 2 },
      { day: '2026-03-02', accepted: 1 },
      { day: '2026-03-03', manufactured: 2, shipped: 1 },
      { day: '2026-03-04', shipped: 1 },
      { day: '2026-03-05', delivered: 1 },
      { day: '2026-03-06', accepted: 1 },
    ]);
    expect(flow.totals).toEqual({ accepted: 4, manufactured: 2, shipped: 2, delivered: 1 });
    expect(flow.current).toEqual({ accepted: 1, in_production: 0, manufactured: 1, shipped: 1 });
  });

  it('keeps the plants apart: the main plant (others left out) and the second plant (looked up) add up to all', async () => {
    const mainFlow = await getOrdersFlow(database.db, factory, WEEK, main);
    expect(nonEmptyDays(mainFlow)).toEqual([
      { day: '2026-03-01', accepted: 2 },
      { day: '2026-03-03', manufactured: 1 },
      { day: '2026-03-04', shipped: 1 },
      { day: '2026-03-05', delivered: 1 },
    ]);
    expect(mainFlow.current).toEqual({ accepted: 0, in_production: 0, manufactured: 1, shipped: 0 });
    const westFlow = await getOrdersFlow(database.db, factory, WEEK, west);
    expect(nonEmptyDays(westFlow)).toEqual([
      { day: '2026-03-02', accepted: 1 },
      { day: '2026-03-03', manufactured: 1, shipped: 1 },
      { day: '2026-03-06', accepted: 1 },
    ]);
    expect(westFlow.current).toEqual({ accepted: 1, in_production: 0, manufactured: 0, shipped: 1 });
    // A plant with no orders shows nothing, rather than everything.
    const [empty] = await database.db.insert(plants).values({ code: 'EAST', name: 'East plant', city: 'Kharkiv' }).returning();
    const none = await getOrdersFlow(database.db, factory, WEEK, empty!.id);
    expect(none.totals).toEqual({ accepted: 0, manufactured: 0, shipped: 0, delivered: 0 });
    expect(Object.values(none.current).every((v) => v === 0)).toBe(true);
    // The main plant's figures are still all minus the others, with the third plant there.
    expect((await getOrdersFlow(database.db, factory, WEEK, main)).totals).toEqual(mainFlow.totals);
    expect((await listReportPlants(database.db, factory)).map((p) => p.code)).toEqual(['MAIN', 'EAST', 'WEST']);
  });

  it('has a bar per week (Monday to Sunday, cut to the period) for periods over 62 days', async () => {
    const flow = await getOrdersFlow(database.db, factory, { from: '2026-01-01', to: '2026-03-07' }, null);
    expect(flow.granularity).toBe('week');
    expect(flow.buckets[0]).toMatchObject({ start: '2026-01-01', end: '2026-01-04' });
    expect(flow.buckets.at(-2)).toEqual({ start: '2026-02-23', end: '2026-03-01', accepted: 3, manufactured: 0, shipped: 0, delivered: 0 });
    expect(flow.buckets.at(-1)).toEqual({ start: '2026-03-02', end: '2026-03-07', accepted: 2, manufactured: 2, shipped: 2, delivered: 1 });
    expect(flow.buckets).toHaveLength(10);
  });

  it('adds up a long period counted in two halves, also the week the halves cut (Wednesday 4 March)', async () => {
    const flow = await getOrdersFlow(database.db, factory, { from: '2025-11-28', to: '2026-06-07' }, west);
    const week = (start: string) => flow.buckets.find((b) => b.start === start);
    expect(week('2026-03-02')).toEqual({ start: '2026-03-02', end: '2026-03-08', accepted: 2, manufactured: 1, shipped: 1, delivered: 0 });
    const all = await getOrdersFlow(database.db, factory, { from: '2025-11-28', to: '2026-06-07' }, null);
    expect(all.buckets.find((b) => b.start === '2026-03-02')).toEqual({ start: '2026-03-02', end: '2026-03-08', accepted: 2, manufactured: 3, shipped: 2, delivered: 1 });
    expect(all.buckets.find((b) => b.start === '2026-02-23')).toMatchObject({ accepted: 3 });
    expect(all.totals).toEqual({ accepted: 5, manufactured: 3, shipped: 2, delivered: 1 });
  });

  it('counts trips planned for a day against trips delivered that day, with their orders, per plant', async () => {
    const days = (d: Awaited<ReturnType<typeof getDeliveries>>) =>
      d.buckets
        .filter((b) => b.plannedTrips || b.deliveredTrips)
        .map((b) => [b.start, b.plannedTrips, b.plannedOrders, b.deliveredTrips, b.deliveredOrders]);
    const all = await getDeliveries(database.db, factory, WEEK, null);
    expect(days(all)).toEqual([
      ['2026-03-03', 1, 2, 0, 0],
      // T-2 delivered 22:30 UTC on the 3rd: the 4th in Kyiv.
      ['2026-03-04', 1, 1, 1, 2],
      ['2026-03-05', 0, 0, 1, 1],
      ['2026-03-07', 1, 2, 0, 0],
    ]);
    expect(all.totals).toEqual({ plannedTrips: 3, plannedOrders: 5, deliveredTrips: 2, deliveredOrders: 3 });
    expect(days(await getDeliveries(database.db, factory, WEEK, main))).toEqual([
      ['2026-03-04', 1, 1, 0, 0],
      ['2026-03-05', 0, 0, 1, 1],
      ['2026-03-07', 1, 2, 0, 0],
    ]);
    expect(days(await getDeliveries(database.db, factory, WEEK, west))).toEqual([
      ['2026-03-03', 1, 2, 0, 0],
      ['2026-03-04', 0, 0, 1, 2],
    ]);
  });

  it('sums up the claims desk by the rules (and to the totals) of its own reports', async () => {
    const kpis = await getClaimsKpis(database.db, factory, WEEK, NOW);
    expect(kpis).toMatchObject({
      filed: 3,
      resolved: 1,
      medianFirstResponseHours: '4.0',
      medianDecisionHours: '48.0',
      firstResponse: { met: 1, missed: 2 },
      decision: { met: 1, missed: 1 },
      firstResponseMetPercent: '33.3',
      decisionMetPercent: '50.0',
      canOpenClaimsReports: false,
    });
    const desk = await getClaimReports(database.db, admin, WEEK, NOW);
    expect([desk.totals.claims, desk.totals.decided, desk.totals.slaMet, desk.totals.slaMissed, desk.totals.firstMet, desk.totals.firstMissed]).toEqual([
      kpis.filed,
      kpis.resolved,
      kpis.decision.met,
      kpis.decision.missed,
      kpis.firstResponse.met,
      kpis.firstResponse.missed,
    ]);
    expect((await getClaimsKpis(database.db, admin, WEEK, NOW)).canOpenClaimsReports).toBe(true);
    const empty = await getClaimsKpis(database.db, factory, { from: '2025-01-01', to: '2025-01-31' }, NOW);
    expect(empty).toMatchObject({ filed: 0, resolved: 0, medianFirstResponseHours: null, decisionMetPercent: null });
  });

  it('totals the receivables by the receivables page’s rule, per payer category', async () => {
    const summary = await getReceivablesSummary(database.db, factory, TODAY);
    expect(summary.currencies).toHaveLength(1);
    const [uah] = summary.currencies;
    expect(uah).toMatchObject({
      currency: 'UAH',
      debtors: 2,
      balance: '3150.25',
      overdue: '2700.00',
      buckets: { notDue: '500.50', days1to30: '0.00', days31to60: '700.00', days61to90: '0.00', over90: '2000.00' },
    });
    const page = await listReceivables(database.db, factory, DEFAULT_RECEIVABLES_FILTER, { today: TODAY, pageSize: null });
    expect(page.totals).toEqual({ balance: uah!.balance, overdue: uah!.overdue, buckets: uah!.buckets });
    for (const group of uah!.byCategory) {
      const filtered = await listReceivables(database.db, factory, { ...DEFAULT_RECEIVABLES_FILTER, category: group.category }, { today: TODAY, pageSize: null });
      const expected = filtered.totals ?? { balance: '0.00', overdue: '0.00', buckets: { notDue: '0.00', days1to30: '0.00', days31to60: '0.00', days61to90: '0.00', over90: '0.00' } };
      expect({ balance: group.balance, overdue: group.overdue, buckets: group.buckets }).toEqual(expected);
    }
    expect(uah!.byCategory.map((g) => [g.category, g.debtors, g.balance])).toEqual<[PayerCategory, number, string][]>([
      ['punctual', 1, '1200.50'],
      ['hesitant', 1, '1949.75'],
      ['unreliable', 0, '0.00'],
    ]);
  });

  it('writes each report as CSV: byte order mark, `;`, CRLF, decimal commas from decimal strings', async () => {
    const orders = await exportFactoryReport(database.db, factory, new URLSearchParams({ report: 'orders', from: WEEK.from, to: WEEK.to, plant: String(west) }), {
      now: NOW,
      today: TODAY,
      labels,
    });
    expect(orders).toEqual({
      ok: true,
      fileName: 'factory-orders-2026-03-01-2026-03-07-WEST.csv',
      csv:
        '\uFEFFfrom;to;accepted;manufactured;shipped;delivered\r\n' +
        '2026-03-01;2026-03-01;0;0;0;0\r\n' +
        '2026-03-02;2026-03-02;1;0;0;0\r\n' +
        '2026-03-03;2026-03-03;0;1;1;0\r\n' +
        '2026-03-04;2026-03-04;0;0;0;0\r\n' +
        '2026-03-05;2026-03-05;0;0;0;0\r\n' +
        '2026-03-06;2026-03-06;1;0;0;0\r\n' +
        '2026-03-07;2026-03-07;0;0;0;0\r\n' +
        'total;;2;1;1;0\r\n',
    });
    const receivables = await exportFactoryReport(database.db, factory, new URLSearchParams({ report: 'receivables' }), { now: NOW, today: TODAY, labels });
    expect(receivables).toEqual({
      ok: true,
      fileName: 'factory-receivables-2026-03-10.csv',
      csv:
        '\uFEFFcurrency;category;debtors;balance;overdue;notDue;days1to30;days31to60;days61to90;over90\r\n' +
        'UAH;payer:punctual;1;1200,50;700,00;500,50;0,00;700,00;0,00;0,00\r\n' +
        'UAH;payer:hesitant;1;1949,75;2000,00;0,00;0,00;0,00;0,00;2000,00\r\n' +
        'UAH;payer:unreliable;0;0,00;0,00;0,00;0,00;0,00;0,00;0,00\r\n' +
        'UAH;allCategories;2;3150,25;2700,00;500,50;0,00;700,00;0,00;2000,00\r\n',
    });
    const kpis = await getClaimsKpis(database.db, factory, WEEK, NOW);
    expect(factoryReportCsv({ kind: 'claims', data: kpis }, labels).split('\r\n')).toEqual([
      '\uFEFFfigure;value',
      'filed;3',
      'resolved;1',
      'medianFirstResponseHours;4,0',
      'medianDecisionHours;48,0',
      'firstResponseMet;1',
      'firstResponseMissed;2',
      'firstResponseMetPercent;33,3',
      'decisionMet;1',
      'decisionMissed;1',
      'decisionMetPercent;50,0',
      '',
    ]);
    const deliveries = await exportFactoryReport(database.db, factory, new URLSearchParams({ report: 'deliveries', from: '2026-03-03', to: '2026-03-04' }), {
      now: NOW,
      today: TODAY,
      labels: { ...labels, column: (key) => (key === 'from' ? '=cmd|"x"' : key) },
    });
    expect(deliveries.ok && deliveries.csv).toBe(
      '\uFEFF"\'=cmd|""x""";to;plannedTrips;plannedOrders;deliveredTrips;deliveredOrders\r\n' +
        '2026-03-03;2026-03-03;1;2;0;0\r\n' +
        '2026-03-04;2026-03-04;1;1;1;2\r\n' +
        'total;;2;3;1;2\r\n',
    );
  });

  it('refuses an export link it cannot read, with the reason, and changes the period only as it says', async () => {
    const exportWith = (params: Record<string, string>) => exportFactoryReport(database.db, factory, new URLSearchParams(params), { now: NOW, today: TODAY, labels });
    expect(await exportWith({ report: 'everything' })).toEqual({ ok: false, problem: 'badReport', field: 'report' });
    expect(await exportWith({})).toEqual({ ok: false, problem: 'badReport', field: 'report' });
    expect(await exportWith({ report: 'orders', from: '2026-13-01' })).toEqual({ ok: false, problem: 'badPeriod', field: 'from' });
    expect(await exportWith({ report: 'orders', from: '2026-02-30', to: '2026-03-01' })).toEqual({ ok: false, problem: 'badPeriod', field: 'from' });
    expect(await exportWith({ report: 'orders', to: "1' or 1=1" })).toEqual({ ok: false, problem: 'badPeriod', field: 'from' });
    expect(await exportWith({ report: 'orders', plant: 'west' })).toEqual({ ok: false, problem: 'badPlant', field: 'plant' });
    expect(await exportWith({ report: 'deliveries', plant: '999999' })).toEqual({ ok: false, problem: 'badPlant', field: 'plant' });
    const backwards = await exportWith({ report: 'orders', from: '2026-03-07', to: '2026-03-01' });
    expect(backwards.ok && backwards.fileName).toBe('factory-orders-2026-03-01-2026-03-07.csv');

    // The page: the default (the last 30 days, all plants) and the problem named, never an error.
    expect(reportParamsFromSearchParams({ from: 'yesterday', plant: 'x' }, NOW)).toEqual({
      period: { from: '2026-02-09', to: '2026-03-10' },
      plantId: null,
      problems: ['badPeriod', 'badPlant'],
    });
    expect(reportParamsFromSearchParams({ from: '2024-01-01', to: '2026-03-07', plant: String(west) }, NOW)).toEqual({
      period: { from: '2025-03-07', to: '2026-03-07' },
      plantId: west,
      problems: ['periodCut'],
    });
    expect(reportParamsFromSearchParams({ from: ['2026-03-01', '2026-01-01'], plant: 'all' }, NOW)).toEqual({
      period: { from: '2026-03-01', to: '2026-03-10' },
      plantId: null,
      problems: [],
    });
  });

  it('is for the factory’s staff: a dealer and a claims specialist are refused by every report', async () => {
    for (const actor of [dealer, specialist, null]) {
      await expect(getOrdersFlow(database.db, actor, WEEK, null)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getDeliveries(database.db, actor, WEEK, main)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getClaimsKpis(database.db, actor, WEEK, NOW)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getReceivablesSummary(database.db, actor, TODAY)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listReportPlants(database.db, actor)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(exportFactoryReport(database.db, actor, new URLSearchParams({ report: 'orders' }), { now: NOW, today: TODAY, labels })).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(getOrdersFlow(database.db, admin, WEEK, null)).resolves.toMatchObject({ totals: { accepted: 4 } });
  });
});
