import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { ForbiddenError } from '@/lib/auth/scope';
import type { Db } from '@/lib/db';
import { createTestDatabase } from '@/lib/testing/database';
import { createClaim } from './actions';
import { listAssignees } from './assign';
import { handleReassign } from './http';
import { withdrawClaim } from './moves';
import { fingerprint, prepareClaimsWorld, type ClaimsWorld } from './testing/fixtures';

// The claim page's hand-over: PUT /api/v1/claims/{number}/assignee for the desk's lead, and the
// list of people it may go to with their open work.

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let w: ClaimsWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  w = await prepareClaimsWorld(db);
});
afterAll(async () => {
  await database?.dispose();
});

let keys = 0;
async function fileClaim(): Promise<string> {
  const filed = await createClaim(db, w.dealerA, { orderNumber: w.orders.delivered, itemPosition: 1, category: 'defect', description: 'Продуває з-під стулки' }, `reassign-${(keys += 1)}`);
  if (!filed.ok) throw new Error(filed.message);
  return filed.number;
}

const put = (number: string, body: unknown, contentType = 'application/json') =>
  new Request(`http://portal.test/api/v1/claims/${number}/assignee`, { method: 'PUT', headers: { 'content-type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body) });

async function reassign(actor: Actor | null, number: string, body: unknown, contentType?: string) {
  const response = await handleReassign(put(number, body, contentType), db, actor, number);
  return { status: response.status, json: (await response.json()) as Record<string, unknown> & { error?: { code: string; details?: Record<string, string> } } };
}

describe('reassigning a claim', () => {
  it('lists the desk with open work, the least busy first, for the lead only', async () => {
    const before = await listAssignees(db, w.lead);
    expect(before.map((a) => a.id).sort()).toEqual([w.specialist.userId, w.colleague.userId, w.lead.userId].sort());
    expect(before.every((a) => a.openClaims === 0)).toBe(true);
    await fileClaim();
    const after = await listAssignees(db, w.lead);
    const counts = Object.fromEntries(after.map((a) => [a.id, a.openClaims]));
    // A new claim lands on the first specialist (least work, joined first).
    expect(counts[w.specialist.userId]).toBe(1);
    expect(after.at(-1)!.id).toBe(w.specialist.userId);
    await expect(listAssignees(db, w.specialist)).rejects.toThrow(ForbiddenError);
    await expect(listAssignees(db, w.dealerA)).rejects.toThrow(ForbiddenError);
  });

  it('hands the claim over and answers the claim; refuses everyone else in the one error shape', async () => {
    const number = await fileClaim();
    const before = await fingerprint(db);
    expect((await reassign(null, number, { assigneeId: w.colleague.userId })).status).toBe(401);
    expect((await reassign(w.specialist, number, { assigneeId: w.colleague.userId })).json.error?.code).toBe('forbidden');
    expect((await reassign(w.dealerA, number, { assigneeId: w.colleague.userId })).status).toBe(403);
    const notDesk = await reassign(w.lead, number, { assigneeId: w.factory.userId });
    expect(notDesk.status).toBe(400);
    expect(Object.keys(notDesk.json.error?.details ?? {})).toEqual(['assigneeId']);
    expect((await reassign(w.lead, number, { assigneeId: 'someone' })).status).toBe(400);
    expect((await reassign(w.lead, number, 'assigneeId=1', 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await reassign(w.lead, '999999999', { assigneeId: w.colleague.userId })).status).toBe(404);
    expect(await fingerprint(db)).toEqual(before);

    // The lead hands it to himself (whoever had it automatically).
    const done = await reassign(w.lead, number, { assigneeId: w.lead.userId });
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ number, assignee: { id: w.lead.userId, name: w.lead.name } });
    expect(done.json.assignments).toEqual([
      expect.objectContaining({ automatic: true }),
      expect.objectContaining({ assigneeName: w.lead.name, byName: w.lead.name, automatic: false }),
    ]);
  });

  it('answers 409 for a closed claim', async () => {
    const number = await fileClaim();
    const withdrawn = await withdrawClaim(db, w.dealerA, number, { reason: 'Сам полагодив' });
    expect(withdrawn.ok).toBe(true);
    const closed = await reassign(w.lead, number, { assigneeId: w.colleague.userId });
    expect(closed.status).toBe(409);
    expect(closed.json.error?.code).toBe('conflict');
  });
});
