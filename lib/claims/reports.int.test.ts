import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claims, dealers, orderItems, orders, plants, users } from '@/drizzle/schema';
import type { ClaimCategory, ClaimStatus, ResolutionKind } from '@/drizzle/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { ForbiddenError } from '@/lib/auth/scope';
import { createTestDatabase } from '@/lib/testing/database';
import { getClaimReports, slaOutcome } from './reports';

/** Kyiv wall-clock time in November (UTC+2). */
const kyiv = (local: string) => new Date(`${local}+02:00`);
const PERIOD = { from: '2026-11-02', to: '2026-11-15' };
const NOW = kyiv('2026-11-20T12:00');

describe('the claims desk reports', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let lead: Actor;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    const [plant] = await db.insert(plants).values({ code: 'MAIN', name: 'Main', city: 'Vinnytsia', isMain: true }).returning();
    const [a, b] = await db
      .insert(dealers)
      .values([
        { code: 'D-A', name: 'Alpha', taxId: '11111111' },
        { code: 'D-B', name: 'Beta', taxId: '22222222' },
      ])
      .returning();
    const [owner, s1, s2] = await db
      .insert(users)
      .values([
        { email: 'owner@a.test', name: 'Owner', role: 'dealer_owner', dealerId: a!.id, passwordHash: 'x' },
        { email: 's1@desk.test', name: 'Specialist One', role: 'claims', passwordHash: 'x' },
        { email: 's2@desk.test', name: 'Specialist Two', role: 'claims', passwordHash: 'x' },
      ])
      .returning();
    ids.s1 = s1!.id;
    ids.s2 = s2!.id;
    lead = { userId: s1!.id, role: 'claims', dealerId: null, name: s1!.name, email: s1!.email, locale: null };
    const base = { plantId: plant!.id, statusAt: NOW, createdAt: kyiv('2026-10-01T10:00'), total: '100.00', status: 'delivered' as const };
    const [oa, ob] = await db
      .insert(orders)
      .values([
        { ...base, number: 'A-1', dealerId: a!.id },
        { ...base, number: 'B-1', dealerId: b!.id },
      ])
      .returning();
    const item = { widthMm: 1000, heightMm: 1000, quantity: 1, price: '10.00' };
    await db.insert(orderItems).values([
      { ...item, orderId: oa!.id, position: 1, kind: 'window', name: 'Window', profile: 'Rehau' },
      { ...item, orderId: oa!.id, position: 2, kind: 'door', name: 'Door', profile: 'Rehau' },
      { ...item, orderId: ob!.id, position: 1, kind: 'window', name: 'Window', profile: 'WDS' },
      { ...item, orderId: ob!.id, position: 2, kind: 'balcony', name: 'Balcony', profile: null },
    ]);
    type Spec = {
      number: string;
      order: typeof oa;
      position: number | null;
      category: ClaimCategory;
      status: ClaimStatus;
      assignee: typeof s1 | null;
      created: string;
      firstDue?: string;
      answered?: string;
      decisionDue?: string;
      decided?: string;
      resolution?: ResolutionKind;
      amount?: string;
    };
    const when = (local?: string) => (local ? kyiv(local) : null);
    const claim = (s: Spec): typeof claims.$inferInsert => ({
      number: s.number,
      dealerId: s.order!.dealerId,
      orderId: s.order!.id,
      itemPosition: s.position,
      createdById: owner!.id,
      category: s.category,
      status: s.status,
      description: 'test',
      assigneeId: s.assignee?.id ?? null,
      createdAt: kyiv(s.created),
      firstResponseDueAt: when(s.firstDue),
      firstResponseAt: when(s.answered),
      decisionDueAt: when(s.decisionDue),
      decidedAt: when(s.decided),
      resolutionKind: s.resolution ?? null,
      resolutionAmount: s.amount ?? null,
    });
    await db.insert(claims).values([
      // Both clocks met; decided after 9 working hours (Mon 10-18, Tue 9-10) with a compensation.
      claim({ number: 'C1', order: oa, position: 1, category: 'defect', status: 'approved', assignee: s1, created: '2026-11-02T10:00', firstDue: '2026-11-02T18:00', answered: '2026-11-02T11:00', decisionDue: '2026-11-06T18:00', decided: '2026-11-03T10:00', resolution: 'compensation', amount: '1500.50' }),
      // Both clocks missed; rejected after 36 working hours.
      claim({ number: 'C2', order: oa, position: 2, category: 'hardware', status: 'rejected', assignee: s1, created: '2026-11-04T17:00', firstDue: '2026-11-05T16:00', answered: '2026-11-05T17:00', decisionDue: '2026-11-09T12:00', decided: '2026-11-10T17:00' }),
      // Answered in time, decision still running.
      claim({ number: 'C3', order: ob, position: 1, category: 'defect', status: 'in_review', assignee: s2, created: '2026-11-09T09:00', firstDue: '2026-11-09T17:00', answered: '2026-11-09T09:30', decisionDue: '2026-11-25T18:00' }),
      // Filed on a Saturday, nobody answered, both deadlines gone.
      claim({ number: 'C4', order: ob, position: 2, category: 'transit_damage', status: 'submitted', assignee: null, created: '2026-11-14T12:00', firstDue: '2026-11-16T17:00', decisionDue: '2026-11-18T17:00' }),
      // Withdrawn before anyone answered: no clock counts. Last minutes of the period in Kyiv.
      claim({ number: 'C5', order: ob, position: null, category: 'other', status: 'closed', assignee: s2, created: '2026-11-15T23:30', firstDue: '2026-11-16T17:00', decisionDue: '2026-11-20T17:00' }),
      // Outside the period by half an hour on either side (Kyiv days, not UTC days).
      claim({ number: 'C6', order: oa, position: 1, category: 'defect', status: 'submitted', assignee: null, created: '2026-11-01T23:30' }),
      claim({ number: 'C7', order: oa, position: 1, category: 'defect', status: 'submitted', assignee: null, created: '2026-11-16T00:30' }),
      // Decided in 5 working hours, no deadlines set.
      claim({ number: 'C8', order: oa, position: 1, category: 'defect', status: 'resolved', assignee: s2, created: '2026-11-10T10:00', answered: '2026-11-10T10:30', decided: '2026-11-10T15:00', resolution: 'replacement' }),
    ]);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  const group = (key: string, label: string | null, counts: Partial<Record<string, unknown>>) => ({
    key,
    label,
    claims: 0,
    decided: 0,
    approved: 0,
    rejected: 0,
    slaMet: 0,
    slaMissed: 0,
    avgDecisionHours: null,
    compensation: '0.00',
    ...counts,
  });

  it('totals the period’s claims, SLA and time to decision', async () => {
    const reports = await getClaimReports(database.db, lead, PERIOD, NOW);
    expect(reports.period).toEqual(PERIOD);
    expect(reports.totals).toEqual({
      ...group('', null, { claims: 6, decided: 3, approved: 2, rejected: 1, slaMet: 1, slaMissed: 2, avgDecisionHours: 16.7, compensation: '1500.50' }),
      firstMet: 2,
      firstMissed: 2,
      // 24 h, 144 h and 5 h of calendar time.
      avgDecisionCalendarHours: 57.7,
    });
  });

  it('counts by category (every category, in the contract’s order)', async () => {
    const { byCategory } = await getClaimReports(database.db, lead, PERIOD, NOW);
    expect(byCategory).toEqual([
      group('defect', null, { claims: 3, decided: 2, approved: 2, slaMet: 1, avgDecisionHours: 7, compensation: '1500.50' }),
      group('transit_damage', null, { claims: 1, slaMissed: 1 }),
      group('missing_part', null, {}),
      group('wrong_dimensions', null, {}),
      group('hardware', null, { claims: 1, decided: 1, rejected: 1, slaMissed: 1, avgDecisionHours: 36 }),
      group('other', null, { claims: 1 }),
    ]);
  });

  it('counts by construction kind and profile, unknown last among equals', async () => {
    const { byKind, byProfile } = await getClaimReports(database.db, lead, PERIOD, NOW);
    expect(byKind.map((g) => [g.key, g.claims])).toEqual([
      ['window', 3],
      ['balcony', 1],
      ['door', 1],
      ['', 1],
    ]);
    expect(byProfile.map((g) => [g.key, g.claims, g.slaMissed])).toEqual([
      ['Rehau', 3, 1],
      ['', 2, 1],
      ['WDS', 1, 0],
    ]);
  });

  it('counts by dealer and by specialist', async () => {
    const { byDealer, bySpecialist } = await getClaimReports(database.db, lead, PERIOD, NOW);
    expect(byDealer).toEqual([
      group('D-A', 'Alpha', { claims: 3, decided: 3, approved: 2, rejected: 1, slaMet: 1, slaMissed: 1, avgDecisionHours: 16.7, compensation: '1500.50' }),
      group('D-B', 'Beta', { claims: 3, slaMissed: 1 }),
    ]);
    expect(bySpecialist.map((g) => [g.key, g.label, g.claims, g.decided, g.avgDecisionHours])).toEqual([
      [ids.s2, 'Specialist Two', 3, 1, 5],
      [ids.s1, 'Specialist One', 2, 2, 22.5],
      ['', null, 1, 0, null],
    ]);
  });

  it('shows SLA met and missed per week of filing, every week of the period', async () => {
    const { weeks } = await getClaimReports(database.db, lead, PERIOD, NOW);
    expect(weeks).toEqual([
      { week: '2026-11-02', filed: 2, met: 1, missed: 1, running: 0, firstMet: 1, firstMissed: 1 },
      { week: '2026-11-09', filed: 4, met: 0, missed: 1, running: 1, firstMet: 1, firstMissed: 1 },
    ]);
    const longer = await getClaimReports(database.db, lead, { from: '2026-10-26', to: '2026-11-20' }, NOW);
    expect(longer.weeks.map((w) => [w.week, w.filed])).toEqual([
      ['2026-10-26', 1],
      ['2026-11-02', 2],
      ['2026-11-09', 4],
      ['2026-11-16', 1],
    ]);
  });

  it('an empty period reports zeros, not errors', async () => {
    const reports = await getClaimReports(database.db, lead, { from: '2025-01-01', to: '2025-01-07' }, NOW);
    expect(reports.totals).toMatchObject({ claims: 0, avgDecisionHours: null, avgDecisionCalendarHours: null, compensation: '0.00' });
    expect(reports.byDealer).toEqual([]);
    expect(reports.weeks).toHaveLength(2);
  });

  it('is for the claims desk only', async () => {
    const factory: Actor = { ...lead, role: 'factory' };
    const dealer: Actor = { ...lead, role: 'dealer_owner', dealerId: 1 };
    await expect(getClaimReports(database.db, factory, PERIOD, NOW)).rejects.toThrow(ForbiddenError);
    await expect(getClaimReports(database.db, dealer, PERIOD, NOW)).rejects.toThrow(ForbiddenError);
    await expect(getClaimReports(database.db, { ...lead, role: 'admin' }, PERIOD, NOW)).resolves.toBeTruthy();
  });
});

describe('slaOutcome', () => {
  const due = new Date('2026-11-10T10:00:00Z');
  const before = new Date('2026-11-10T09:00:00Z');
  const after = new Date('2026-11-10T11:00:00Z');
  it('is met or missed by when the event came, running or missed while it is awaited', () => {
    expect(slaOutcome(due, due, false, after)).toBe('met');
    expect(slaOutcome(due, after, false, after)).toBe('missed');
    expect(slaOutcome(due, null, true, before)).toBe('running');
    expect(slaOutcome(due, null, true, after)).toBe('missed');
    expect(slaOutcome(due, null, false, after)).toBe('none');
    expect(slaOutcome(null, after, true, after)).toBe('none');
  });
});
