import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claims, dealers, orders, plants, users } from '@/drizzle/schema';
import type { ClaimCategory, ClaimStatus } from '@/drizzle/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { ForbiddenError } from '@/lib/auth/scope';
import { createTestDatabase } from '@/lib/testing/database';
import { deskFilterFromSearchParams, type DeskQueueFilter } from './desk-filter';
import { countOpenClaimsForDesk, listDeskFilterOptions, listDeskQueue, listOpenClaimsForDesk } from './queries';

// Tuesday 10 November 2026, 12:00 in Kyiv.
const NOW = new Date('2026-11-10T10:00:00Z');
const HOUR = 3_600_000;
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);

describe('the claims desk queue', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let specialist: Actor;
  let colleague: Actor;
  let dealerUser: Actor;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    const [main, second] = await db
      .insert(plants)
      .values([
        { code: 'MAIN', name: 'Main plant', city: 'Vinnytsia', isMain: true },
        { code: 'WEST', name: 'West plant', city: 'Lviv' },
      ])
      .returning();
    const [a, b, c] = await db
      .insert(dealers)
      .values([
        { code: 'D-A', name: 'Dealer A', taxId: '11111111', payerCategory: 'hesitant' },
        { code: 'D-B', name: 'Dealer B', taxId: '22222222' },
        { code: 'D-C', name: 'Dealer C (no open claims)', taxId: '33333333' },
      ])
      .returning();
    const [owner, s1, s2] = await db
      .insert(users)
      .values([
        { email: 'owner@a.test', name: 'Owner A', role: 'dealer_owner', dealerId: a!.id, passwordHash: 'x' },
        { email: 's1@desk.test', name: 'Specialist One', role: 'claims', passwordHash: 'x' },
        { email: 's2@desk.test', name: 'Specialist Two', role: 'claims', passwordHash: 'x' },
      ])
      .returning();
    const actor = (u: typeof owner): Actor => ({ userId: u!.id, role: u!.role, dealerId: u!.dealerId, name: u!.name, email: u!.email, locale: null });
    specialist = actor(s1);
    colleague = actor(s2);
    dealerUser = actor(owner);
    const base = { statusAt: NOW, createdAt: at(-24 * 30), total: '100.00', status: 'delivered' as const };
    const [aMain, aWest, bMain, bWest, cMain] = await db
      .insert(orders)
      .values([
        { ...base, number: 'A-MAIN', dealerId: a!.id, plantId: main!.id },
        { ...base, number: 'A-WEST', dealerId: a!.id, plantId: second!.id },
        { ...base, number: 'B-MAIN', dealerId: b!.id, plantId: main!.id },
        { ...base, number: 'B-WEST', dealerId: b!.id, plantId: second!.id },
        { ...base, number: 'C-MAIN', dealerId: c!.id, plantId: main!.id },
      ])
      .returning();
    type Spec = {
      number: string;
      order: typeof aMain;
      category: ClaimCategory;
      status: ClaimStatus;
      assignee?: typeof s1;
      createdAt: number;
      firstDue?: number;
      answered?: number;
      decisionDue?: number;
      decided?: number;
    };
    const claim = (s: Spec): typeof claims.$inferInsert => ({
      number: s.number,
      dealerId: s.order!.dealerId,
      orderId: s.order!.id,
      itemPosition: 1,
      createdById: owner!.id,
      category: s.category,
      status: s.status,
      description: 'test',
      assigneeId: s.assignee?.id ?? null,
      createdAt: at(s.createdAt),
      firstResponseDueAt: s.firstDue === undefined ? null : at(s.firstDue),
      firstResponseAt: s.answered === undefined ? null : at(s.answered),
      decisionDueAt: s.decisionDue === undefined ? null : at(s.decisionDue),
      decidedAt: s.decided === undefined ? null : at(s.decided),
    });
    await db.insert(claims).values([
      // Not answered, first response past due.
      claim({ number: 'Q1', order: aMain, category: 'defect', status: 'submitted', createdAt: -26, firstDue: -1, decisionDue: 30 }),
      // Answered, one working hour to the decision deadline.
      claim({ number: 'Q2', order: aMain, category: 'hardware', status: 'in_review', assignee: s1, createdAt: -48, firstDue: -40, answered: -44, decisionDue: 1 }),
      claim({ number: 'Q3', order: bWest, category: 'transit_damage', status: 'info_requested', assignee: s2, createdAt: -10, firstDue: -2, answered: -9, decisionDue: 72 }),
      // Decided, waiting to be carried out: no clock runs although its decision deadline is gone.
      claim({ number: 'Q4', order: bMain, category: 'defect', status: 'approved', assignee: s1, createdAt: -200, firstDue: -190, answered: -199, decisionDue: -100, decided: -120 }),
      // No deadlines at all (filed before the desk had SLA policies).
      claim({ number: 'Q5', order: aWest, category: 'other', status: 'submitted', createdAt: -300 }),
      claim({ number: 'Q6', order: aMain, category: 'defect', status: 'closed', assignee: s1, createdAt: -500, firstDue: -490, decisionDue: -400 }),
      claim({ number: 'Q7', order: bMain, category: 'hardware', status: 'rejected', assignee: s1, createdAt: -500, firstDue: -490, decisionDue: -400, decided: -450 }),
      // Answered, decision two hours overdue.
      claim({ number: 'Q8', order: bWest, category: 'hardware', status: 'in_review', assignee: s1, createdAt: -60, firstDue: -50, answered: -55, decisionDue: -2 }),
      claim({ number: 'Q9', order: cMain, category: 'missing_part', status: 'resolved', assignee: s2, createdAt: -600, decided: -550 }),
    ]);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  const numbers = async (filter: DeskQueueFilter, who: Actor = specialist) =>
    (await listDeskQueue(database.db, who, filter, { now: NOW })).claims.map((c) => c.number);

  it('lists every open claim, nearest running deadline first, claims without a running clock last', async () => {
    expect(await numbers({})).toEqual(['Q8', 'Q1', 'Q2', 'Q3', 'Q5', 'Q4']);
  });

  it('filters: mine, unassigned, past SLA, category, dealer, plant, and together', async () => {
    expect(await numbers({ assignee: 'mine' })).toEqual(['Q8', 'Q2', 'Q4']);
    expect(await numbers({ assignee: 'mine' }, colleague)).toEqual(['Q3']);
    expect(await numbers({ assignee: 'none' })).toEqual(['Q1', 'Q5']);
    expect(await numbers({ pastSla: true })).toEqual(['Q8', 'Q1']);
    expect(await numbers({ category: 'defect' })).toEqual(['Q1', 'Q4']);
    expect(await numbers({ dealer: 'D-B' })).toEqual(['Q8', 'Q3', 'Q4']);
    expect(await numbers({ plant: 'WEST' })).toEqual(['Q8', 'Q3', 'Q5']);
    expect(await numbers({ assignee: 'mine', pastSla: true })).toEqual(['Q8']);
    expect(await numbers({ dealer: 'D-A', plant: 'MAIN', category: 'hardware' })).toEqual(['Q2']);
    expect(await numbers({ dealer: 'D-C' })).toEqual([]);
    expect(await numbers({ plant: 'NOWHERE' })).toEqual([]);
  });

  it('reads the filters from the URL and ignores what it does not understand', async () => {
    const filter = deskFilterFromSearchParams({ assignee: 'mine', sla: 'past', category: 'bogus', dealer: "d-b'; drop", plant: 'WEST' });
    expect(filter).toEqual({ assignee: 'mine', pastSla: true, plant: 'WEST' });
    expect(await numbers(filter)).toEqual(['Q8']);
    expect(deskFilterFromSearchParams(new URLSearchParams('dealer=d-b&category=defect'))).toEqual({ dealer: 'D-B', category: 'defect' });
  });

  it('gives each claim its SLA clocks in working hours', async () => {
    const { claims: rows, total } = await listDeskQueue(database.db, specialist, {}, { now: NOW });
    expect(total).toBe(6);
    const byNumber = Object.fromEntries(rows.map((r) => [r.number, r]));
    expect(byNumber.Q1).toMatchObject({
      dealerCode: 'D-A',
      payerCategory: 'hesitant',
      orderNumber: 'A-MAIN',
      plantCode: 'MAIN',
      assigneeName: null,
      mine: false,
      deadline: 'past',
      firstResponse: { state: 'past', dueAt: at(-1), workingHoursLeft: -1 },
      decision: { state: 'ok', dueAt: at(30) },
    });
    expect(byNumber.Q2).toMatchObject({ mine: true, assigneeName: 'Specialist One', firstResponse: null, decision: { state: 'near', workingHoursLeft: 1 }, deadline: 'near' });
    expect(byNumber.Q3).toMatchObject({ firstResponse: null, decision: { state: 'ok' }, deadline: 'ok' });
    expect(byNumber.Q4).toMatchObject({ firstResponse: null, decision: null, deadline: 'ok' });
    expect(byNumber.Q5).toMatchObject({ firstResponse: null, decision: null, deadline: 'ok' });
    expect(byNumber.Q8).toMatchObject({ decision: { state: 'past', workingHoursLeft: -2 }, deadline: 'past' });
  });

  it('pages with a limit and still counts every match', async () => {
    const page = await listDeskQueue(database.db, specialist, {}, { now: NOW, limit: 2 });
    expect(page.claims.map((c) => c.number)).toEqual(['Q8', 'Q1']);
    expect(page.total).toBe(6);
    expect((await listOpenClaimsForDesk(database.db, specialist, 3)).length).toBe(3);
  });

  it('counts the header tiles with the same rules as the filters', async () => {
    expect(await countOpenClaimsForDesk(database.db, specialist, NOW)).toEqual({ open: 6, mine: 3, unassigned: 2, pastDue: 2 });
  });

  it('offers dealers with open claims and every plant as filters', async () => {
    expect(await listDeskFilterOptions(database.db, specialist)).toEqual({
      dealers: [
        { code: 'D-A', name: 'Dealer A' },
        { code: 'D-B', name: 'Dealer B' },
      ],
      plants: [
        { code: 'MAIN', name: 'Main plant' },
        { code: 'WEST', name: 'West plant' },
      ],
    });
  });

  it('is the desk’s: a dealer’s user is refused', async () => {
    await expect(listDeskQueue(database.db, dealerUser, {})).rejects.toThrow(ForbiddenError);
    await expect(countOpenClaimsForDesk(database.db, dealerUser)).rejects.toThrow(ForbiddenError);
    await expect(listDeskFilterOptions(database.db, dealerUser)).rejects.toThrow(ForbiddenError);
  });
});
