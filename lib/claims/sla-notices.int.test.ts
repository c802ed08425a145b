import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claims, notifications, outbox, users } from '@/drizzle/schema';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/format';
import { createTestDatabase } from '@/lib/testing/database';
import { addClaimMessage, createClaim } from './actions';
import { transitionClaim, withdrawClaim } from './moves';
import { notifyClaimsPastSla } from './sla-notices';
import { prepareClaimsWorld, type ClaimsWorld } from './testing/fixtures';

// The desk is told of claims past an SLA deadline: the assignee (or the whole desk when the claim
// has no active assignee), critical, in each recipient's language, once per claim and deadline;
// met deadlines, decided or closed claims and claims not yet due are left alone.

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let w: ClaimsWorld;
let keys = 0;
const number: Record<'untouched' | 'answered' | 'rejected' | 'withdrawn' | 'orphaned', string> = {
  untouched: '',
  answered: '',
  rejected: '',
  withdrawn: '',
  orphaned: '',
};
let gone: Actor;
/** Just before the first first-response deadline; just after the last; just after the last decision deadline. */
let beforeAnyDue: Date;
let afterFirstResponses: Date;
let afterDecisions: Date;

async function file(actor: Actor = w.dealerA): Promise<string> {
  const result = await createClaim(db, actor, { orderNumber: 'A-1', itemPosition: 1, category: 'defect', description: 'Скло тріснуло по краю' }, `sla-key-${(keys += 1)}`);
  if (!result.ok) throw new Error(`filing failed: ${result.message}`);
  return result.number;
}

async function ok(result: Promise<{ ok: boolean }>) {
  const r = await result;
  if (!r.ok) throw new Error(`write refused: ${JSON.stringify(r)}`);
}

const overdue = () =>
  db
    .select({ userId: notifications.userId, title: notifications.title, body: notifications.body, importance: notifications.importance, link: notifications.link, data: notifications.data })
    .from(notifications)
    .where(eq(notifications.type, 'claim.overdue'))
    .orderBy(asc(notifications.id));

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  w = await prepareClaimsWorld(db);
  await db.update(users).set({ locale: 'en' }).where(eq(users.id, w.specialist.userId));
  await db.update(users).set({ locale: 'ru' }).where(eq(users.id, w.colleague.userId));

  // Each new claim goes to the least busy specialist (the one who joined first on a tie).
  number.untouched = await file(); // specialist
  number.answered = await file(); // colleague, who replies at once
  await ok(addClaimMessage(db, w.colleague, number.answered, { body: 'Дякуємо, розглядаємо' }));
  number.rejected = await file(w.staffA); // specialist, who takes and rejects it
  await ok(transitionClaim(db, w.specialist, number.rejected, { to: 'in_review' }));
  await ok(transitionClaim(db, w.specialist, number.rejected, { to: 'rejected', comment: 'Не гарантійний випадок' }));
  number.withdrawn = await file(); // colleague; the dealer withdraws it
  await ok(withdrawClaim(db, w.dealerA, number.withdrawn, { reason: 'Передумали' }));
  // A specialist who joins, gets the next claim and leaves the desk: the claim falls to everyone.
  const [temp] = await db.insert(users).values({ email: 'temp@x.test', name: 'Temp', role: 'claims', passwordHash: 'x' }).returning();
  gone = { userId: temp!.id, role: 'claims', dealerId: null, name: temp!.name, email: temp!.email, locale: null };
  number.orphaned = await file();
  await db.update(users).set({ active: false }).where(eq(users.id, gone.userId));

  const rows = await db.select().from(claims);
  const ms = (pick: (r: (typeof rows)[number]) => Date | null) => rows.map((r) => pick(r)!.getTime());
  beforeAnyDue = new Date(Math.min(...ms((r) => r.firstResponseDueAt)) - 60_000);
  afterFirstResponses = new Date(Math.max(...ms((r) => r.firstResponseDueAt)) + 60_000);
  afterDecisions = new Date(Math.max(...ms((r) => r.decisionDueAt)) + 60_000);
  expect(afterFirstResponses.getTime()).toBeLessThan(Math.min(...ms((r) => r.decisionDueAt)));
});
afterAll(async () => {
  await database?.dispose();
});

describe('claims past their SLA deadline', () => {
  it('sets up the claims as the desk left them', async () => {
    const rows = await db.select({ number: claims.number, assigneeId: claims.assigneeId, status: claims.status }).from(claims);
    const of = (n: string) => rows.find((r) => r.number === n)!;
    expect(of(number.untouched)).toMatchObject({ assigneeId: w.specialist.userId, status: 'submitted' });
    expect(of(number.answered)).toMatchObject({ assigneeId: w.colleague.userId, status: 'submitted' });
    expect(of(number.rejected)).toMatchObject({ status: 'rejected' });
    expect(of(number.withdrawn)).toMatchObject({ status: 'closed' });
    expect(of(number.orphaned)).toMatchObject({ assigneeId: gone.userId, status: 'submitted' });
  });

  it('tells nobody while no deadline has passed', async () => {
    expect(await notifyClaimsPastSla(db, beforeAnyDue)).toBe(0);
    expect(await overdue()).toEqual([]);
  });

  it('tells the assignee of a missed first response, the whole desk when the assignee is gone; critical, in their language, once', async () => {
    expect(await notifyClaimsPastSla(db, afterFirstResponses)).toBe(4);
    const told = await overdue();
    const [untouched] = await db.select().from(claims).where(eq(claims.number, number.untouched));
    const [orphaned] = await db.select().from(claims).where(eq(claims.number, number.orphaned));

    const mine = told.filter((n) => n.data.number === number.untouched);
    expect(mine).toEqual([
      {
        userId: w.specialist.userId,
        title: `Claim ${number.untouched} is past its deadline`,
        body: `The first response was due on ${formatDateTime(untouched!.firstResponseDueAt!, 'en')}`,
        importance: 'critical',
        link: `/claims/${number.untouched}`,
        data: { number: number.untouched, deadline: 'first_response', dueAt: untouched!.firstResponseDueAt!.toISOString() },
      },
    ]);

    const desk = told.filter((n) => n.data.number === number.orphaned);
    expect(desk.map((n) => n.userId).sort()).toEqual([w.specialist.userId, w.colleague.userId, w.lead.userId].sort());
    const title = (userId: string) => desk.find((n) => n.userId === userId)!.title;
    expect(title(w.specialist.userId)).toBe(`Claim ${number.orphaned} is past its deadline`);
    expect(title(w.colleague.userId)).toBe(`Рекламация ${number.orphaned} просрочена`);
    expect(title(w.lead.userId)).toBe(`Рекламація ${number.orphaned} прострочена`);
    expect(desk.find((n) => n.userId === w.lead.userId)!.body).toBe(`Першу відповідь треба було дати до ${formatDateTime(orphaned!.firstResponseDueAt!, 'uk')}`);
    expect(desk.every((n) => n.importance === 'critical' && n.data.deadline === 'first_response')).toBe(true);

    // The answered, rejected and withdrawn claims, the departed specialist and the dealers: nothing.
    expect(told.some((n) => [number.answered, number.rejected, number.withdrawn].includes(n.data.number as string))).toBe(false);
    expect(told.some((n) => [gone.userId, w.dealerA.userId, w.staffA.userId, w.dealerB.userId, w.factory.userId].includes(n.userId))).toBe(false);

    // The realtime fan-out rings the bell of each one told.
    const events = await db.select({ audience: outbox.audience, payload: outbox.payload }).from(outbox).where(eq(outbox.event, 'notification'));
    const rung = events.filter((e) => (e.payload as { type?: string }).type === 'claim.overdue').map((e) => (e.audience as { userId: string }).userId);
    expect(rung.sort()).toEqual(told.map((n) => n.userId).sort());

    // Once: the same moment again, or later before any decision deadline, tells nobody anew.
    expect(await notifyClaimsPastSla(db, afterFirstResponses)).toBe(0);
    expect(await notifyClaimsPastSla(db, new Date(afterFirstResponses.getTime() + 3_600_000))).toBe(0);
    expect(await overdue()).toHaveLength(4);
  });

  it('tells of missed decisions once, even when two checks run at the same time', async () => {
    const runs = await Promise.all([notifyClaimsPastSla(db, afterDecisions), notifyClaimsPastSla(db, afterDecisions)]);
    // The untouched claim (its specialist), the answered one (its specialist) and the orphaned one (the desk of three).
    expect(runs[0] + runs[1]).toBe(5);
    const decisions = (await overdue()).filter((n) => n.data.deadline === 'decision');
    const of = (n: string) => decisions.filter((d) => d.data.number === n).map((d) => d.userId).sort();
    expect(of(number.untouched)).toEqual([w.specialist.userId]);
    expect(of(number.answered)).toEqual([w.colleague.userId]);
    expect(of(number.orphaned)).toEqual([w.specialist.userId, w.colleague.userId, w.lead.userId].sort());
    expect(of(number.rejected)).toEqual([]);
    expect(decisions.find((d) => d.data.number === number.answered)!.title).toBe(`Рекламация ${number.answered} просрочена`);
    expect(await notifyClaimsPastSla(db, new Date(afterDecisions.getTime() + 86_400_000))).toBe(0);
    const firstResponses = (await overdue()).filter((n) => n.data.deadline === 'first_response');
    expect(firstResponses).toHaveLength(4);
  });

  it('leaves a claim alone once the desk has decided it', async () => {
    const before = (await overdue()).length;
    await ok(transitionClaim(db, w.specialist, number.untouched, { to: 'in_review' }));
    await ok(transitionClaim(db, w.specialist, number.untouched, { to: 'approved', resolution: { kind: 'refund' } }));
    expect(await notifyClaimsPastSla(db, new Date(afterDecisions.getTime() + 2 * 86_400_000))).toBe(0);
    expect(await overdue()).toHaveLength(before);
  });
});
