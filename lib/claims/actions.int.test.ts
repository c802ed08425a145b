import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { attachments, auditLog, claimHistory, claims, ledgerEntries, notifications, outbox } from '@/drizzle/schema';
import type { Actor } from '@/lib/auth/actor';
import { addDays, factoryToday } from '@/lib/calendar';
import type { Db } from '@/lib/db';
import { dispatchBatch } from '@/lib/realtime/dispatch';
import type { Emission } from '@/lib/realtime/route';
import { rooms } from '@/lib/realtime/rooms';
import { createTestDatabase } from '@/lib/testing/database';
import { addClaimMessage, createClaim, reassignClaim } from './actions';
import { claimViewerOf, getClaimDetail, listClaims } from './detail';
import { appealClaim, transitionClaim, withdrawClaim } from './moves';
import { addWorkingHours } from './sla';
import { fingerprint, prepareClaimsWorld, type ClaimsWorld } from './testing/fixtures';
import type { ClaimFailure } from './write';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let w: ClaimsWorld;
let keys = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  w = await prepareClaimsWorld(db);
});
afterAll(async () => {
  await database?.dispose();
});

const newKey = () => `test-key-${(keys += 1).toString().padStart(4, '0')}`;
const defect = { orderNumber: 'A-1', itemPosition: 1, category: 'defect', description: 'Скло тріснуло по краю' };

async function file(actor: Actor = w.dealerA, input: object = defect): Promise<string> {
  const result = await createClaim(db, actor, input, newKey());
  if (!result.ok) throw new Error(`filing failed: ${result.message}`);
  return result.number;
}

const status = async (number: string) => (await db.select({ s: claims.status }).from(claims).where(eq(claims.number, number)))[0]?.s;
const row = async (number: string) => (await db.select().from(claims).where(eq(claims.number, number)))[0]!;

/** Runs a refused request and checks its answer and that nothing at all changed. */
async function refused(work: () => Promise<{ ok: boolean }>, expected: Partial<ClaimFailure>) {
  const before = await fingerprint(db);
  const result = await work();
  expect(result).toMatchObject({ ok: false, ...expected });
  expect((result as ClaimFailure).message.length).toBeGreaterThan(10);
  expect(await fingerprint(db)).toEqual(before);
  return result as ClaimFailure;
}

const move = (actor: Actor, number: string, input: object) => transitionClaim(db, actor, number, input);

describe('filing a claim', () => {
  it('files it submitted, with SLA deadlines in working hours, assigned to the least busy specialist, in the history, audit and outbox', async () => {
    const result = await createClaim(db, w.dealerA, { ...defect, customerAddress: 'Вінниця, Соборна 1', customerContact: 'Олена, 067 000 00 00' }, newKey());
    expect(result).toMatchObject({ ok: true, status: 'submitted', created: true });
    const number = (result as { number: string }).number;
    const claim = await row(number);
    expect(claim).toMatchObject({ dealerId: w.dealerIdA, itemPosition: 1, category: 'defect', status: 'submitted', customerAddress: 'Вінниця, Соборна 1', createdById: w.dealerA.userId });
    expect(claim.firstResponseDueAt).toEqual(addWorkingHours(claim.createdAt, 8));
    expect(claim.decisionDueAt).toEqual(addWorkingHours(claim.createdAt, 40));
    // Both specialists are free: the one who joined first.
    expect(claim.assigneeId).toBe(w.specialist.userId);
    expect(await db.select().from(claimHistory).where(eq(claimHistory.claimId, claim.id))).toMatchObject([{ fromStatus: null, toStatus: 'submitted', actorId: w.dealerA.userId }]);
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.entityType, 'claim'), eq(auditLog.entityId, number))).orderBy(asc(auditLog.id));
    expect(audits.map((a) => a.action)).toEqual(['claim.created', 'claim.assigned']);
    expect(audits[1]!.data).toMatchObject({ assigneeId: w.specialist.userId, automatic: true });
    const events = await db.select().from(outbox).where(eq(outbox.event, 'claim.updated'));
    expect(events.at(-1)).toMatchObject({ payload: { number, status: 'submitted' }, audience: { dealerId: w.dealerIdA, claim: number, roles: ['claims', 'admin'] } });

    // The next claim goes to the colleague, who has less open work now.
    expect((await row(await file(w.staffA))).assigneeId).toBe(w.colleague.userId);
  });

  it('asks about the delivery document for transit damage and uses the category’s SLA', async () => {
    const number = await file(w.dealerA, { orderNumber: 'A-1', category: 'transit_damage', description: 'Подряпина на рамі', damageNotedOnDelivery: true });
    const claim = await row(number);
    expect(claim.damageNotedOnDelivery).toBe(true);
    expect(claim.itemPosition).toBeNull();
    expect(claim.firstResponseDueAt).toEqual(addWorkingHours(claim.createdAt, 4));
    // A category without a policy row still gets deadlines.
    const other = await row(await file(w.dealerA, { orderNumber: 'A-1', category: 'other', description: 'Інше' }));
    expect(other.decisionDueAt).toEqual(addWorkingHours(other.createdAt, 40));
  });

  it('answers the same claim for the same key, and refuses the key with other details', async () => {
    const key = newKey();
    const first = await createClaim(db, w.dealerA, defect, key);
    const before = await fingerprint(db);
    const again = await createClaim(db, w.dealerA, defect, key);
    expect(again).toEqual({ ok: true, number: (first as { number: string }).number, status: 'submitted', created: false });
    expect(await fingerprint(db)).toEqual(before);
    await refused(() => createClaim(db, w.dealerA, { ...defect, description: 'Інший опис' }, key), { error: 'conflict', reason: 'idempotency_key_reused' });
    // The key is the user's own: a colleague's same key files his own claim.
    const colleague = await createClaim(db, w.staffA, defect, key);
    expect(colleague).toMatchObject({ ok: true, created: true });
    expect((colleague as { number: string }).number).not.toBe((first as { number: string }).number);
  });

  it('files one claim when the same key races', async () => {
    const key = newKey();
    const results = await Promise.all(Array.from({ length: 6 }, () => createClaim(db, w.dealerA, defect, key)));
    const numbers = new Set(results.map((r) => (r.ok ? r.number : r.message)));
    expect(numbers.size).toBe(1);
    expect(results.filter((r) => r.ok && r.created)).toHaveLength(1);
    expect(await db.select({ id: claims.id }).from(claims).where(and(eq(claims.createdById, w.dealerA.userId), eq(claims.idempotencyKey, key)))).toHaveLength(1);
  });

  it('refuses bad input with a clear answer and changes nothing', async () => {
    const bad = (input: unknown, expected: Partial<ClaimFailure>, actor: Actor | null = w.dealerA, key: string | null = newKey()) =>
      refused(() => createClaim(db, actor, input, key), expected);
    await bad({ ...defect, category: 'scratched' }, { error: 'invalid', fields: { category: expect.stringContaining('category must be one of') } });
    await bad({ ...defect, itemPosition: 'one' }, { error: 'invalid', fields: { itemPosition: 'itemPosition must be a number' } });
    await bad({ ...defect, description: '' }, { error: 'invalid', fields: { description: 'description must not be empty' } });
    await bad({ ...defect, orderNumber: null }, { error: 'invalid', fields: { orderNumber: 'orderNumber must be text' } });
    await bad('a claim', { error: 'invalid' });
    await bad({ ...defect, category: 'transit_damage' }, { error: 'invalid', fields: { damageNotedOnDelivery: expect.stringContaining('required') } });
    await bad({ ...defect, itemPosition: 9 }, { error: 'invalid', fields: { itemPosition: 'itemPosition 9 is not a position of order A-1' } });
    await bad({ ...defect, orderNumber: 'Z-404' }, { error: 'not_found' });
    const foreign = await bad({ ...defect, orderNumber: 'B-1', itemPosition: undefined }, { error: 'not_found' });
    expect(foreign.message).toBe('There is no order B-1 among your orders; check the number.');
    await bad({ ...defect, orderNumber: 'A-2', itemPosition: undefined }, { error: 'conflict', reason: 'order_not_delivered' });
    await bad(defect, { error: 'invalid', fields: { 'Idempotency-Key': expect.stringContaining('8 to 200') } }, w.dealerA, 'short');
    await bad(defect, { error: 'forbidden' }, w.specialist);
    await bad(defect, { error: 'forbidden' }, w.factory);
    await bad(defect, { error: 'forbidden' }, null);
  });
});

describe('the workflow', () => {
  it('takes a claim through review, a question, the answer, a compensation, resolution and closing', async () => {
    const number = await file();
    // The colleague takes it from the specialist it was given to: a new claim is anyone's to take.
    const taken = await move(w.colleague, number, { to: 'in_review' });
    expect(taken).toEqual({ ok: true, number, status: 'in_review' });
    let claim = await row(number);
    expect(claim.assigneeId).toBe(w.colleague.userId);
    expect(claim.firstResponseAt).not.toBeNull();
    const firstResponseAt = claim.firstResponseAt;

    // Now it is the colleague's: the specialist may not decide it.
    await refused(() => move(w.specialist, number, { to: 'approved', resolution: { kind: 'refund' } }), { error: 'conflict', reason: 'not_assignee' });
    await refused(() => move(w.colleague, number, { to: 'info_requested' }), { error: 'invalid', fields: { comment: expect.stringContaining('comment is required') } });
    expect(await move(w.colleague, number, { to: 'info_requested', comment: 'Надішліть фото маркування склопакета' })).toMatchObject({ ok: true, status: 'info_requested' });

    // The dealer's answer sends it back to the desk.
    const answer = await addClaimMessage(db, w.staffA, number, { body: 'Фото додано' });
    expect(answer).toMatchObject({ ok: true, status: 'in_review', internal: false });
    expect(await status(number)).toBe('in_review');

    await refused(() => move(w.colleague, number, { to: 'approved', resolution: { kind: 'compensation' } }), { error: 'invalid', fields: { 'resolution.amount': expect.any(String) } });
    await refused(() => move(w.colleague, number, { to: 'approved', resolution: { kind: 'compensation', amount: '10.005' } }), { error: 'invalid' });
    await refused(() => move(w.colleague, number, { to: 'approved', resolution: { kind: 'compensation', amount: '0' } }), { error: 'invalid' });
    await refused(() => move(w.colleague, number, { to: 'approved', resolution: { kind: 'compensation', amount: 1500 } }), { error: 'invalid' });
    await refused(() => move(w.colleague, number, { to: 'resolved' }), { error: 'conflict', reason: 'wrong_status' });
    const approved = await move(w.colleague, number, { to: 'approved', comment: 'Компенсуємо заміну склопакета', resolution: { kind: 'compensation', amount: '1500.50', partial: true } });
    expect(approved).toMatchObject({ ok: true, status: 'approved' });
    claim = await row(number);
    expect(claim).toMatchObject({ resolutionKind: 'compensation', resolutionAmount: '1500.50', resolutionPartial: true, resolutionComment: 'Компенсуємо заміну склопакета' });
    expect(claim.decidedAt).not.toBeNull();
    expect(claim.firstResponseAt).toEqual(firstResponseAt);

    const ledger = await db.select().from(ledgerEntries).where(eq(ledgerEntries.documentId, `claim-${number}`));
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ source: 'portal', kind: 'compensation', amount: '1500.50', effect: '-1500.50', dealerId: w.dealerIdA, orderNumber: 'A-1', currency: 'UAH', date: factoryToday() });
    expect(await db.select().from(outbox).where(eq(outbox.event, 'ledger.updated'))).toMatchObject([{ payload: { dealerCode: 'D-A' }, audience: { dealerId: w.dealerIdA } }]);

    // A decided claim: the dealer may no longer withdraw it, and nothing approves it twice.
    await refused(() => withdrawClaim(db, w.dealerA, number, { reason: 'Передумали' }), { error: 'conflict', reason: 'wrong_status' });
    await refused(() => move(w.colleague, number, { to: 'approved', resolution: { kind: 'compensation', amount: '10.00' } }), { error: 'conflict' });
    expect(await move(w.colleague, number, { to: 'resolved' })).toMatchObject({ ok: true, status: 'resolved' });
    await refused(() => appealClaim(db, w.dealerA, number, { reason: 'Мало' }), { error: 'conflict', reason: 'wrong_status' });
    expect(await move(w.colleague, number, { to: 'closed' })).toMatchObject({ ok: true, status: 'closed' });
    for (const to of ['submitted', 'in_review', 'info_requested', 'approved', 'rejected', 'resolved', 'closed']) {
      await refused(() => move(w.lead, number, { to, comment: 'x', ...(to === 'approved' ? { resolution: { kind: 'refund' } } : {}) }), { error: 'conflict', reason: 'wrong_status' });
    }
    await refused(() => addClaimMessage(db, w.dealerA, number, { body: 'Ще питання' }), { error: 'conflict', reason: 'claim_closed' });
    expect(await db.select().from(ledgerEntries).where(eq(ledgerEntries.documentId, `claim-${number}`))).toHaveLength(1);

    const history = await db.select().from(claimHistory).where(eq(claimHistory.claimId, claim.id)).orderBy(asc(claimHistory.id));
    expect(history.map((h) => [h.fromStatus, h.toStatus])).toEqual([
      [null, 'submitted'],
      ['submitted', 'in_review'],
      ['in_review', 'info_requested'],
      ['info_requested', 'in_review'],
      ['in_review', 'approved'],
      ['approved', 'resolved'],
      ['resolved', 'closed'],
    ]);
    expect(history[2]!.comment).toBe('Надішліть фото маркування склопакета');
    // The question and the decision are said in the thread the dealer reads.
    const thread = await getClaimDetail(db, claimViewerOf(w.dealerA), number);
    expect(thread!.messages.map((m) => [m.body, m.author?.side])).toEqual([
      ['Надішліть фото маркування склопакета', 'factory'],
      ['Фото додано', 'dealer'],
      ['Компенсуємо заміну склопакета', 'factory'],
    ]);
    expect(thread!.moves).toEqual([]);
    expect(history[3]!.actorId).toBe(w.staffA.userId);
  });

  it('refuses moves the workflow does not allow from each status, and moves by the wrong role', async () => {
    const number = await file();
    await refused(() => move(w.specialist, number, { to: 'approved', resolution: { kind: 'refund' } }), { error: 'conflict', reason: 'wrong_status' });
    await refused(() => move(w.specialist, number, { to: 'info_requested', comment: 'Фото?' }), { error: 'conflict', reason: 'wrong_status' });
    await refused(() => move(w.specialist, number, { to: 'closed', comment: 'x' }), { error: 'conflict', reason: 'wrong_status' });
    await refused(() => move(w.specialist, number, { to: 'submitted' }), { error: 'conflict', reason: 'wrong_status' });
    await refused(() => move(w.dealerA, number, { to: 'in_review' }), { error: 'forbidden' });
    await refused(() => move(w.factory, number, { to: 'in_review' }), { error: 'forbidden' });
    await refused(() => move(w.specialist, number, { to: 'in_review', colour: 'red' }), { error: 'invalid', fields: { colour: expect.any(String) } });
    await refused(() => move(w.specialist, number, { to: 'in_review', resolution: { kind: 'refund' } }), { error: 'invalid', fields: { resolution: expect.any(String) } });
    await refused(() => move(w.specialist, number, 'in_review' as unknown as object), { error: 'invalid' });
    await refused(() => move(w.specialist, '99999', { to: 'in_review' }), { error: 'not_found' });
    await refused(() => appealClaim(db, w.dealerA, number, { reason: 'Не згодні' }), { error: 'conflict', reason: 'wrong_status' });
    await refused(() => withdrawClaim(db, w.dealerA, number, {}), { error: 'invalid', fields: { reason: expect.any(String) } });
    await refused(() => withdrawClaim(db, w.specialist, number, { reason: 'x' }), { error: 'forbidden' });
  });

  it('rejects with a reason, lets the dealer appeal once, and decides again against a new deadline', async () => {
    const number = await file();
    await move(w.specialist, number, { to: 'in_review' });
    await refused(() => move(w.specialist, number, { to: 'rejected' }), { error: 'invalid', fields: { comment: expect.any(String) } });
    expect(await move(w.specialist, number, { to: 'rejected', comment: 'Пошкодження під час монтажу' })).toMatchObject({ ok: true, status: 'rejected' });
    const rejected = await row(number);
    expect(rejected).toMatchObject({ resolutionKind: null, resolutionComment: 'Пошкодження під час монтажу' });
    expect(rejected.decidedAt).not.toBeNull();

    await refused(() => appealClaim(db, w.dealerB, number, { reason: 'x' }), { error: 'not_found' });
    await refused(() => appealClaim(db, w.dealerA, number, { reason: ' ' }), { error: 'invalid', fields: { reason: 'reason must not be empty' } });
    expect(await appealClaim(db, w.staffA, number, { reason: 'Монтаж робив сертифікований монтажник, є акт' })).toMatchObject({ ok: true, status: 'in_review' });
    const appealed = await row(number);
    expect(appealed).toMatchObject({ appealReason: 'Монтаж робив сертифікований монтажник, є акт', decidedAt: null, resolutionComment: null });
    expect(appealed.decisionDueAt).toEqual(addWorkingHours(appealed.appealedAt!, 40));

    await move(w.specialist, number, { to: 'rejected', comment: 'Залишаємо рішення' });
    await refused(() => appealClaim(db, w.dealerA, number, { reason: 'Ще раз' }), { error: 'conflict', reason: 'appeal_used' });
    expect(await move(w.specialist, number, { to: 'closed' })).toMatchObject({ ok: true, status: 'closed' });
  });

  it('lets the dealer withdraw a claim not yet decided', async () => {
    for (const reach of [[], ['in_review'], ['in_review', 'info_requested']]) {
      const number = await file();
      for (const to of reach) await move(w.specialist, number, { to, comment: 'Питання' });
      expect(await withdrawClaim(db, w.dealerA, number, { reason: 'Клієнт сам усе полагодив' })).toMatchObject({ ok: true, status: 'closed' });
      const history = await db.select().from(claimHistory).where(eq(claimHistory.claimId, (await row(number)).id)).orderBy(asc(claimHistory.id));
      expect(history.at(-1)).toMatchObject({ toStatus: 'closed', actorId: w.dealerA.userId, comment: 'Клієнт сам усе полагодив' });
    }
  });

  it('records each resolution kind with what it needs', async () => {
    const visitDate = addDays(factoryToday(), 5);
    const cases = [
      [{ kind: 'repair', visitDate }, { resolutionKind: 'repair', resolutionVisitDate: visitDate, resolutionAmount: null }],
      [{ kind: 'replacement', scope: 'whole' }, { resolutionKind: 'replacement', resolutionScope: 'whole', resolutionPartial: false }],
      [{ kind: 'refund' }, { resolutionKind: 'refund', resolutionAmount: null, resolutionScope: null }],
    ] as const;
    const ledgerBefore = (await db.select().from(ledgerEntries)).length;
    for (const [resolution, expected] of cases) {
      const number = await file();
      await move(w.lead, number, { to: 'in_review' });
      expect(await move(w.lead, number, { to: 'approved', resolution })).toMatchObject({ ok: true });
      expect(await row(number)).toMatchObject(expected);
    }
    expect(await db.select().from(ledgerEntries)).toHaveLength(ledgerBefore);
  });
});

describe('the thread', () => {
  it('keeps internal notes and their files out of the dealer’s view', async () => {
    const number = await file();
    const before = (await row(number)).updatedAt;
    const note = await addClaimMessage(db, w.specialist, number, { body: 'Партія склопакетів 12/10 — вже третя скарга', internal: true });
    expect(note).toMatchObject({ ok: true, internal: true, status: 'submitted' });
    const factoryNote = await addClaimMessage(db, w.factory, number, { body: 'Перевірити постачальника', internal: true });
    expect(factoryNote.ok).toBe(true);
    const reply = await addClaimMessage(db, w.specialist, number, { body: 'Дякуємо, розглядаємо' });
    expect(reply.ok).toBe(true);
    const claim = await row(number);
    expect(claim.firstResponseAt).not.toBeNull();
    expect(claim.updatedAt.getTime()).toBeGreaterThanOrEqual(before.getTime());

    const noteId = (note as { messageId: number }).messageId;
    const replyId = (reply as { messageId: number }).messageId;
    const file_ = (ownerType: 'claim' | 'claim_message', ownerId: number, name: string) => ({
      ownerType,
      ownerId,
      dealerId: w.dealerIdA,
      fileName: name,
      mimeType: 'image/jpeg',
      sizeBytes: 10,
      sha256: name,
      storageKey: name,
    });
    await db.insert(attachments).values([file_('claim', claim.id, 'claim.jpg'), file_('claim_message', noteId, 'note.jpg'), file_('claim_message', replyId, 'reply.jpg')]);

    const dealerView = await getClaimDetail(db, claimViewerOf(w.staffA), number);
    expect(dealerView!.messages.map((m) => m.body)).toEqual(['Дякуємо, розглядаємо']);
    expect(dealerView!.messages.every((m) => !m.internal)).toBe(true);
    expect(dealerView!.attachments.map((a) => a.fileName).sort()).toEqual(['claim.jpg', 'reply.jpg']);
    expect(JSON.stringify(dealerView)).not.toContain('Партія');
    expect(dealerView!.sla).toBeNull();
    expect(dealerView!.assignments).toEqual([]);
    expect(dealerView!.moves).toEqual(['withdraw']);

    const deskView = await getClaimDetail(db, claimViewerOf(w.specialist), number);
    expect(deskView!.messages.map((m) => [m.internal, m.author?.side])).toEqual([
      [true, 'factory'],
      [true, 'factory'],
      [false, 'factory'],
    ]);
    expect(deskView!.attachments.map((a) => a.fileName).sort()).toEqual(['claim.jpg', 'note.jpg', 'reply.jpg']);
    expect(deskView!.attachments.find((a) => a.fileName === 'note.jpg')).toMatchObject({ messageId: noteId, url: expect.stringMatching(/^\/api\/v1\/attachments\/[0-9a-f-]{36}$/) });
    expect(deskView!.moves).toEqual(['take']);
    expect(deskView!.sla?.firstResponseAt).toEqual(claim.firstResponseAt);

    // The note's event goes to the desk's roles only; the reply's to the dealer too.
    const events = await db.select().from(outbox).where(eq(outbox.event, 'claim.message')).orderBy(asc(outbox.id));
    expect(events.find((e) => e.payload.messageId === noteId)?.audience).toEqual({ roles: ['claims', 'factory', 'admin'] });
    expect(events.find((e) => e.payload.messageId === replyId)?.audience).toMatchObject({ dealerId: w.dealerIdA, claim: number });
    const noteAudit = await db.select().from(auditLog).where(and(eq(auditLog.action, 'claim.message'), eq(auditLog.entityId, number))).orderBy(asc(auditLog.id));
    expect(noteAudit[0]).toMatchObject({ dealerId: null, data: { messageId: noteId, internal: true } });
  });

  it('refuses messages that are not allowed, changing nothing', async () => {
    const number = await file();
    await refused(() => addClaimMessage(db, w.dealerA, number, { body: 'Секрет', internal: true }), { error: 'forbidden' });
    await refused(() => addClaimMessage(db, w.factory, number, { body: 'Публічно' }), { error: 'forbidden' });
    await refused(() => addClaimMessage(db, w.dealerB, number, { body: 'Чуже' }), { error: 'not_found' });
    await refused(() => addClaimMessage(db, w.dealerA, number, { body: '' }), { error: 'invalid', fields: { body: 'body must not be empty' } });
    await refused(() => addClaimMessage(db, w.dealerA, number, { body: 42 }), { error: 'invalid', fields: { body: 'body must be text' } });
    await refused(() => addClaimMessage(db, w.dealerA, number, { body: 'x', internal: 'no' }), { error: 'invalid', fields: { internal: expect.any(String) } });
    await refused(() => addClaimMessage(db, null, number, { body: 'x' }), { error: 'forbidden' });
  });
});

describe('reading and reassigning', () => {
  let mine: string;
  let theirs: string;
  beforeEach(async () => {
    mine = await file();
    theirs = await file(w.dealerB, { orderNumber: 'B-1', category: 'hardware', description: 'Ручка не повертається' });
  });

  it('shows a dealer only his dealer’s claims, and staff all', async () => {
    expect(await getClaimDetail(db, claimViewerOf(w.dealerA), theirs)).toBeNull();
    expect(await getClaimDetail(db, claimViewerOf(w.dealerA), 'not-a-number')).toBeNull();
    expect((await getClaimDetail(db, claimViewerOf(w.dealerB), theirs))?.order.number).toBe('B-1');
    expect((await getClaimDetail(db, claimViewerOf(w.factory), theirs))?.dealer.code).toBe('D-B');
    const listA = await listClaims(db, claimViewerOf(w.dealerA), { limit: 200 });
    expect(listA.items.map((c) => c.number)).toContain(mine);
    expect(listA.items.map((c) => c.number)).not.toContain(theirs);
    expect(listA.items.every((c) => c.orderNumber.startsWith('A-'))).toBe(true);
    const listB = await listClaims(db, claimViewerOf(w.dealerB));
    expect(listB.items.map((c) => c.orderNumber).every((n) => n === 'B-1')).toBe(true);
    const desk = await listClaims(db, claimViewerOf(w.specialist), { limit: 200 });
    expect(desk.items.map((c) => c.number)).toEqual(expect.arrayContaining([mine, theirs]));
  });

  it('pages the list by cursor without repeating or skipping', async () => {
    const viewer = claimViewerOf(w.dealerA);
    const all = (await listClaims(db, viewer, { limit: 200 })).items.map((c) => c.number);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listClaims(db, viewer, { limit: 3, cursor });
      seen.push(...page.items.map((c) => c.number));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all);
    await expect(listClaims(db, viewer, { cursor: 'junk' })).rejects.toThrow(RangeError);
  });

  it('lets a lead hand a claim to another specialist, and nobody else', async () => {
    const before = (await row(mine)).assigneeId;
    const to = before === w.specialist.userId ? w.colleague : w.specialist;
    await refused(() => reassignClaim(db, w.specialist, mine, { assigneeId: to.userId }), { error: 'forbidden' });
    await refused(() => reassignClaim(db, w.lead, mine, { assigneeId: w.factory.userId }), { error: 'invalid', fields: { assigneeId: expect.any(String) } });
    await refused(() => reassignClaim(db, w.lead, mine, { assigneeId: 'me' }), { error: 'invalid' });
    expect(await reassignClaim(db, w.lead, mine, { assigneeId: to.userId })).toMatchObject({ ok: true, changed: true });
    expect((await row(mine)).assigneeId).toBe(to.userId);
    expect(await reassignClaim(db, w.lead, mine, { assigneeId: to.userId })).toMatchObject({ ok: true, changed: false });
    const [event] = await db.select().from(outbox).where(eq(outbox.event, 'claim.assigned')).orderBy(asc(outbox.id));
    expect(event).toMatchObject({ payload: { number: mine, assigneeId: to.userId }, audience: { roles: ['claims', 'admin'] } });
    const view = await getClaimDetail(db, claimViewerOf(w.lead), mine);
    expect(view!.assignments.at(-1)).toMatchObject({ assigneeName: to.name, byName: w.lead.name, automatic: false });
  });
});

describe('the events', () => {
  it('reach the dealer and the desk after commit, and an internal note never a dealer’s room or notification', async () => {
    const emitted: Emission[] = [];
    const drain = async () => {
      while ((await dispatchBatch(db, (e) => emitted.push(e))) > 0);
    };
    await drain();
    emitted.length = 0;
    // The dispatcher runs right after each commit.
    const number = await file();
    await drain();
    await move(w.specialist, number, { to: 'in_review' });
    await drain();
    const note = await addClaimMessage(db, w.specialist, number, { body: 'Нотатка для відділу', internal: true });
    await drain();
    await move(w.specialist, number, { to: 'info_requested', comment: 'Яка дата монтажу?' });
    await drain();
    await addClaimMessage(db, w.dealerA, number, { body: 'Монтаж 12.11' });
    await drain();
    await reassignClaim(db, w.lead, number, { assigneeId: w.colleague.userId });
    await drain();

    const dealerRoom = rooms.dealer(w.dealerIdA);
    const noteEvents = emitted.filter((e) => e.event === 'claim.message' && e.payload.messageId === (note as { messageId: number }).messageId);
    expect(noteEvents).toHaveLength(1);
    expect(noteEvents[0]!.rooms.sort()).toEqual(['role:admin', 'role:claims', 'role:factory']);
    expect(emitted.filter((e) => e.event === 'claim.updated').map((e) => e.payload)).toEqual([
      { number, status: 'submitted' },
      { number, status: 'in_review' },
      { number, status: 'info_requested' },
      { number, status: 'in_review' },
    ]);
    expect(emitted.filter((e) => e.event === 'claim.updated').every((e) => e.rooms.includes(dealerRoom) && e.rooms.includes(rooms.claim(number)))).toBe(true);
    expect(emitted.find((e) => e.event === 'claim.assigned')?.rooms.sort()).toEqual(['role:admin', 'role:claims']);

    const told = await db.select().from(notifications).where(eq(notifications.userId, w.staffA.userId));
    expect(told.map((n) => n.data)).toEqual(
      expect.arrayContaining([
        { number, status: 'in_review' },
        { number, status: 'info_requested' },
      ]),
    );
    expect(JSON.stringify(told)).not.toContain('Нотатка');
    // The specialist hears of the dealer's answer, not of his own moves.
    const desk = await db.select().from(notifications).where(eq(notifications.userId, w.specialist.userId));
    const heard = desk.filter((n) => n.type === 'claim.updated' && (n.data as { number: string }).number === number).map((n) => n.data);
    expect(heard).toContainEqual({ number, status: 'in_review' });
    expect(heard).not.toContainEqual({ number, status: 'info_requested' });
  });
});
