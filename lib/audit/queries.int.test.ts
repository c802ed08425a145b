import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '@/drizzle/schema';
import type { Role } from '@/drizzle/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { ForbiddenError } from '@/lib/auth/scope';
import { createClaim } from '@/lib/claims/actions';
import { transitionClaim } from '@/lib/claims/moves';
import type { Db } from '@/lib/db';
import { deactivateDealerUser } from '@/lib/dealer-users/actions';
import { savePayerRule } from '@/lib/finance/payer-category';
import { DEFAULT_PAYER_RULE } from '@/lib/finance/payer-rule';
import { dealerEvent, ledgerEvent, orderEvent, prepareSyncDatabase, send, statusEvent, TOKENS } from '@/lib/sync/testing/fixtures';
import { createTestDatabase } from '@/lib/testing/database';
import type { AuditFilter } from './filter';
import { auditFilterFromSearchParams } from './filter';
import { searchAudit, type AuditRow } from './queries';

// One change of each kind, made through the real writers (the sync API, the claims desk, a dealer
// owner, the finance settings), and each found again through the audit search by its object and
// by who made it.

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
const people = {} as Record<'owner' | 'staff' | 'specialist' | 'admin' | 'factory' | 'otherOwner', Actor>;
let claimNumber: string;

async function person(email: string, name: string, role: Role, dealerCode: string | null): Promise<Actor> {
  const dealerId = dealerCode ? (await db.query.dealers.findFirst({ where: (d, { eq: is }) => is(d.code, dealerCode) }))!.id : null;
  const [u] = await db.insert(users).values({ email, name, role, dealerId, passwordHash: 'x', createdAt: new Date(Date.UTC(2026, 0, 1)) }).returning();
  return { userId: u!.id, role: u!.role, dealerId: u!.dealerId, name: u!.name, email: u!.email, locale: null };
}

async function search(filter: AuditFilter, limit?: number): Promise<AuditRow[]> {
  const page = await searchAudit(db, people.admin, filter, { limit });
  expect(page.unresolved).toEqual([]);
  return page.rows;
}
const actions = (rows: AuditRow[]) => rows.map((r) => r.action);

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  await prepareSyncDatabase(db);
  await send(db, [dealerEvent('D-A', '31111111', 0), dealerEvent('D-B', '32222222', 0)]);
  await send(db, [
    orderEvent('26-000101', 'D-A', 1, '5000.00'),
    statusEvent('26-000101', 'delivered', 2),
    { id: 'trip-audit-1', type: 'shipment.upserted', occurredAt: '2026-11-20T08:01:30.000Z', data: { number: 'T-77', plannedDate: '2026-11-21', status: 'planned', orderNumbers: ['26-000101'] } },
  ]);
  await send(db, [ledgerEvent('INV-77', 'D-A', 'invoice', '5000.00', 3, { orderNumber: '26-000101', dueDate: '2026-12-20' })], TOKENS.accounting);
  people.owner = await person('owner.a@x.test', 'Оксана Власник', 'dealer_owner', 'D-A');
  people.staff = await person('staff.a@x.test', 'Степан Працівник', 'dealer_staff', 'D-A');
  people.otherOwner = await person('owner.b@x.test', 'Богдан Інший', 'dealer_owner', 'D-B');
  people.specialist = await person('desk@x.test', 'Марія Рекламації', 'claims', null);
  people.factory = await person('manager@x.test', 'Фабричний Менеджер', 'factory', null);
  people.admin = await person('admin@x.test', 'Адмін Порталу', 'admin', null);

  const filed = await createClaim(db, people.owner, { orderNumber: '26-000101', category: 'defect', description: 'Стулка не зачиняється' }, null);
  if (!filed.ok) throw new Error(filed.message);
  claimNumber = filed.number;
  expect((await transitionClaim(db, people.specialist, claimNumber, { to: 'in_review' })).ok).toBe(true);
  const approved = await transitionClaim(db, people.specialist, claimNumber, { to: 'approved', comment: 'Компенсуємо', resolution: { kind: 'compensation', amount: '750.00' } });
  expect(approved.ok).toBe(true);
  expect((await deactivateDealerUser(db, people.owner, { userId: people.staff.userId })).ok).toBe(true);
  expect((await savePayerRule(db, people.admin, { ...DEFAULT_PAYER_RULE, graceDays: 7 })).ok).toBe(true);
});
afterAll(async () => {
  await database?.dispose();
});

describe('audit search: every kind of change is found by its object and by who made it', () => {
  it('a sync order event: by the order number, by the source, and by the dealer', async () => {
    const byOrder = await search({ type: 'order', object: '26-000101' });
    expect(actions(byOrder)).toEqual(expect.arrayContaining(['order.upserted', 'order.status', 'shipment.upserted']));
    // The trip that set its planned delivery is in the order's history too.
    expect(byOrder.find((r) => r.action === 'shipment.upserted')!.data).toMatchObject({ shipment: 'T-77', plannedDelivery: '2026-11-21' });
    expect(byOrder.every((r) => r.entityType === 'order' && r.entityId === '26-000101')).toBe(true);
    expect(byOrder[0]!.who).toEqual({ kind: 'sync', source: 'production' });
    expect(byOrder.find((r) => r.action === 'order.status')!.data).toMatchObject({ status: 'delivered' });
    expect(byOrder[0]!.dealer).toEqual({ code: 'D-A', name: 'Dealer D-A' });

    const bySource = await search({ who: 'production', whoKind: 'sync' });
    expect(bySource.map((r) => r.entityId)).toEqual(expect.arrayContaining(['26-000101', 'D-A']));
    expect(bySource.every((r) => r.who.kind === 'sync')).toBe(true);
    // A source's code without saying what it is finds it too.
    expect((await search({ who: 'production' })).length).toBe(bySource.length);
  });

  it('a sync ledger event: by the document id people know, and by the accounting source', async () => {
    const byDocument = await search({ type: 'ledger_entry', object: 'INV-77' });
    expect(byDocument).toHaveLength(1);
    expect(byDocument[0]).toMatchObject({ action: 'ledger.entry', entityId: 'accounting:INV-77', who: { kind: 'sync', source: 'accounting' } });
    expect(byDocument[0]!.data).toMatchObject({ kind: 'invoice', amount: '5000.00' });
    expect(actions(await search({ who: 'accounting', whoKind: 'sync' }))).toEqual(['ledger.entry']);
  });

  it('a claim transition: by the claim number and by the specialist (e-mail or part of the name)', async () => {
    const byClaim = await search({ type: 'claim', object: claimNumber });
    expect(actions(byClaim)).toEqual(expect.arrayContaining(['claim.created', 'claim.assigned', 'claim.moved']));
    const moves = byClaim.filter((r) => r.action === 'claim.moved').map((r) => r.data);
    expect(moves).toEqual(expect.arrayContaining([expect.objectContaining({ from: 'in_review', to: 'approved' })]));

    const bySpecialist = await search({ who: 'desk@x.test' });
    expect(bySpecialist.filter((r) => r.action === 'claim.moved')).toHaveLength(2);
    expect(bySpecialist[0]!.who).toMatchObject({ kind: 'user', name: 'Марія Рекламації', email: 'desk@x.test', role: 'claims' });
    expect((await search({ who: 'рекламац', whoKind: 'user' })).map((r) => r.id)).toEqual(bySpecialist.map((r) => r.id));
  });

  it('a compensation booked into the ledger: by its document and by the specialist who approved it', async () => {
    const byDocument = await search({ type: 'ledger_entry', object: `claim-${claimNumber}` });
    expect(byDocument).toHaveLength(1);
    expect(byDocument[0]).toMatchObject({ action: 'ledger_entry.created', entityId: `portal:claim-${claimNumber}`, dealer: { code: 'D-A' } });
    expect(byDocument[0]!.data).toMatchObject({ kind: 'compensation', amount: '750.00', claim: claimNumber });
    expect(byDocument[0]!.who).toMatchObject({ kind: 'user', id: people.specialist.userId });
    expect(actions(await search({ who: 'desk@x.test', action: 'ledger_entry.' }))).toEqual(['ledger_entry.created']);
  });

  it('a dealer user deactivated: by the employee’s e-mail and by the owner who did it', async () => {
    const byUser = await search({ type: 'user', object: 'STAFF.A@x.test' });
    expect(actions(byUser)).toEqual(['dealer_user.deactivated']);
    expect(byUser[0]).toMatchObject({ entityId: people.staff.userId, entityLabel: 'Степан Працівник <staff.a@x.test>', who: { kind: 'user', id: people.owner.userId } });
    expect(actions(await search({ who: 'Оксана', action: 'dealer_user.deactivated' }))).toEqual(['dealer_user.deactivated']);
  });

  it('a finance settings change: by the settings object and by the administrator', async () => {
    const bySettings = await search({ type: 'finance_settings', object: '1' });
    expect(actions(bySettings)).toEqual(['finance.payer_rule']);
    expect(bySettings[0]!.data).toMatchObject({ after: { graceDays: 7 } });
    expect(actions(await search({ who: 'admin@x.test' }))).toContain('finance.payer_rule');
  });

  it('by dealer: every change that concerns the dealer, whoever made it, and nothing of another dealer', async () => {
    const rows = await search({ dealer: 'd-a' });
    expect(new Set(rows.map((r) => r.entityType))).toEqual(new Set(['dealer', 'order', 'ledger_entry', 'claim', 'user']));
    expect(rows.every((r) => r.dealer?.code === 'D-A')).toBe(true);
    expect((await search({ dealer: 'D-B' })).map((r) => r.entityId)).toEqual(['D-B']);
  });

  it('by action: one action, or a kind of actions', async () => {
    expect(new Set(actions(await search({ action: 'claim.' })))).toEqual(new Set(['claim.created', 'claim.assigned', 'claim.moved']));
    expect(actions(await search({ action: 'claim.moved' }))).toEqual(['claim.moved', 'claim.moved']);
  });

  it('by Kyiv days: a change late in the evening belongs to that day in Kyiv, not to the UTC one', async () => {
    await db.insert(auditLog).values([
      { at: new Date('2026-03-01T21:30:00Z'), actorKind: 'system', actorId: 'test-job', action: 'test.evening', entityType: 'settings', entityId: 'x' },
      { at: new Date('2026-03-01T22:30:00Z'), actorKind: 'system', actorId: 'test-job', action: 'test.midnight', entityType: 'settings', entityId: 'x' },
    ]);
    expect(actions(await search({ who: 'test-job', from: '2026-03-01', to: '2026-03-01' }))).toEqual(['test.evening']);
    expect(actions(await search({ who: 'test-job', from: '2026-03-02', to: '2026-03-02' }))).toEqual(['test.midnight']);
    expect(actions(await search({ who: 'test-job', whoKind: 'system', from: '2026-02-28' }))).toEqual(['test.midnight', 'test.evening']);
    expect(await search({ who: 'test-job', to: '2026-02-28' })).toEqual([]);
  });

  it('pages newest first with a cursor: every row once, in the order of the whole list', async () => {
    const all = await search({}, 200);
    expect(all.length).toBeGreaterThan(12);
    for (let i = 1; i < all.length; i++) expect(all[i - 1]!.at.getTime()).toBeGreaterThanOrEqual(all[i]!.at.getTime());
    const paged: AuditRow[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 100; guard++) {
      const params = new URLSearchParams(cursor ? { cursor } : {});
      const page = await searchAudit(db, people.admin, {}, { cursor: auditFilterFromSearchParams(params).cursor, limit: 5 });
      expect(page.rows.length).toBeLessThanOrEqual(5);
      paged.push(...page.rows);
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(paged.map((r) => r.id)).toEqual(all.map((r) => r.id));
  });

  it('says which key matched nothing instead of listing everything', async () => {
    expect(await searchAudit(db, people.admin, { dealer: 'D-NONE' })).toEqual({ rows: [], nextCursor: null, unresolved: ['dealer'] });
    expect((await searchAudit(db, people.admin, { type: 'user', object: 'nobody@x.test' })).unresolved).toEqual(['object']);
    expect((await searchAudit(db, people.admin, { who: 'nobody@x.test', whoKind: 'user' })).unresolved).toEqual(['who']);
    expect(await search({ type: 'order', object: '26-999999' })).toEqual([]);
  });

  it('reads a search from a URL, and leaves out what it does not understand', () => {
    const parsed = auditFilterFromSearchParams({ type: 'order', object: ' 26-000101 ', from: '2026-02-30', to: '2026-01-01', action: 'DROP TABLE', cursor: 'nonsense!' });
    expect(parsed.filter).toEqual({ type: 'order', object: '26-000101', to: '2026-01-01' });
    expect(parsed.invalid.sort()).toEqual(['action', 'cursor', 'from']);
    expect(auditFilterFromSearchParams({ from: '2026-03-02', to: '2026-03-01' }).invalid).toEqual(['to']);
  });

  it('is for administrators only: a factory manager, the claims desk and dealers are refused', async () => {
    for (const actor of [people.factory, people.specialist, people.owner, null]) {
      await expect(searchAudit(db, actor, {})).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it('stays append-only: the database refuses to change or delete a row', async () => {
    const [row] = await db.select({ id: auditLog.id }).from(auditLog).limit(1);
    await expect(db.update(auditLog).set({ action: 'forged' }).where(eq(auditLog.id, row!.id))).rejects.toThrow();
    await expect(db.delete(auditLog).where(eq(auditLog.id, row!.id))).rejects.toThrow();
  });
});
