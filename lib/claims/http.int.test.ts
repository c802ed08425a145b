import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/db';
import { createTestDatabase } from '@/lib/testing/database';
import { handleAddMessage, handleCreateClaim, handleDealerMove, handleGetClaim, handleListClaims, handleTransition } from './http';
import { fingerprint, prepareClaimsWorld, type ClaimsWorld } from './testing/fixtures';

// The client API's handlers with real Requests on a real database: the contract's codes and
// error shape, and another dealer's claim answered exactly like one that does not exist.

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

const BASE = 'http://portal.test/api/v1/claims';
type Answer = { status: number; headers: Headers; json: Record<string, unknown> & { error?: { code: string; message: string; details?: Record<string, string> } } };

async function read(response: Response): Promise<Answer> {
  return { status: response.status, headers: response.headers, json: (await response.json()) as Answer['json'] };
}
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  new Request(`${BASE}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

let keys = 0;
const file = async (actor: Actor, body: object, key = `http-key-${(keys += 1)}`) => read(await handleCreateClaim(post('', body, { 'idempotency-key': key }), db, actor));
const get = async (actor: Actor | null, number: string) => read(await handleGetClaim(db, actor, number));
const message = async (actor: Actor | null, number: string, body: unknown) => read(await handleAddMessage(post(`/${number}/messages`, body), db, actor, number));
const transition = async (actor: Actor | null, number: string, body: unknown) => read(await handleTransition(post(`/${number}/transitions`, body), db, actor, number));
const dealerMove = async (actor: Actor | null, number: string, move: 'withdraw' | 'appeal', body: unknown) =>
  read(await handleDealerMove(post(`/${number}/${move}`, body), db, actor, number, move));

function expectError(answer: Answer, status: number, code: string) {
  expect(answer.status, JSON.stringify(answer.json)).toBe(status);
  expect(Object.keys(answer.json)).toEqual(['error']);
  expect(answer.json.error).toMatchObject({ code, message: expect.any(String) });
  expect(answer.json.error!.message.length).toBeGreaterThan(10);
  return answer.json.error!;
}

const claim = { orderNumber: 'A-1', itemPosition: 2, category: 'defect', description: 'Не зачиняється стулка' };

describe('client API: claims', () => {
  let number: string;

  it('files a claim: 201 with the claim, and the same claim again for the same key', async () => {
    const first = await file(w.dealerA, claim, 'same-key-0001');
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ orderNumber: 'A-1', itemPosition: 2, status: 'submitted', category: 'defect', description: claim.description, currency: 'UAH', moves: ['withdraw'] });
    expect(first.json.item).toMatchObject({ position: 2, name: 'Window 2' });
    expect(first.json.history).toEqual([{ from: null, to: 'submitted', at: expect.any(String), comment: null, actor: { name: w.dealerA.name, side: 'dealer' } }]);
    // The desk's clocks and dealer details are for staff.
    expect(first.json).not.toHaveProperty('sla');
    expect(first.json).not.toHaveProperty('dealerCode');
    number = first.json.number as string;
    expect(number).toMatch(/^\d+$/);

    const again = await file(w.dealerA, claim, 'same-key-0001');
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json.number).toBe(number);
  });

  it('answers 400, 401, 403, 409, 413 and 415 in the one error shape, changing nothing', async () => {
    const before = await fingerprint(db);
    expectError(await read(await handleCreateClaim(post('', claim), db, null)), 401, 'unauthorized');
    const noKey = expectError(await read(await handleCreateClaim(post('', claim), db, w.dealerA)), 400, 'bad_request');
    expect(noKey.details).toEqual({ 'Idempotency-Key': expect.stringContaining('required') });
    expectError(await read(await handleCreateClaim(post('', '{"orderNumber":', { 'idempotency-key': 'k-json-01' }), db, w.dealerA)), 400, 'bad_request');
    expectError(
      await read(await handleCreateClaim(new Request(BASE, { method: 'POST', headers: { 'content-type': 'text/plain', 'idempotency-key': 'k-text-01' }, body: 'hi' }), db, w.dealerA)),
      415,
      'unsupported_media_type',
    );
    expectError(await read(await handleCreateClaim(post('', { ...claim, description: 'x'.repeat(70_000) }, { 'idempotency-key': 'k-big-001' }), db, w.dealerA)), 413, 'payload_too_large');
    const fields = expectError(await file(w.dealerA, { ...claim, category: 'broken', itemPosition: '2' }), 400, 'bad_request');
    expect(fields.details).toEqual({ category: expect.stringContaining('category'), itemPosition: expect.stringContaining('itemPosition') });
    expectError(await file(w.dealerA, { ...claim, orderNumber: 'A-2', itemPosition: undefined }), 409, 'conflict');
    expectError(await file(w.specialist, claim), 403, 'forbidden');
    expectError(await transition(w.dealerA, number, { to: 'in_review' }), 403, 'forbidden');
    expectError(await transition(w.factory, number, { to: 'in_review' }), 403, 'forbidden');
    expectError(await transition(w.specialist, number, { to: 'approved', resolution: { kind: 'refund' } }), 409, 'conflict');
    const noAmount = expectError(await transition(w.specialist, number, { to: 'approved', resolution: { kind: 'compensation' } }), 400, 'bad_request');
    expect(noAmount.details).toEqual({ 'resolution.amount': expect.stringContaining('amount') });
    expectError(await message(w.dealerA, number, { body: 'секрет', internal: true }), 403, 'forbidden');
    expectError(await message(w.dealerA, number, { text: 'hi' }), 400, 'bad_request');
    expectError(await dealerMove(w.dealerA, number, 'appeal', { reason: 'Не згодні' }), 409, 'conflict');
    expectError(await dealerMove(w.specialist, number, 'withdraw', { reason: 'x' }), 403, 'forbidden');
    expect(await fingerprint(db)).toEqual(before);
  });

  it('answers 404 for another dealer’s claim on every route, exactly as for a claim that does not exist', async () => {
    const before = await fingerprint(db);
    for (const target of [number, '99999999', 'abc']) {
      const answers = [
        await get(w.dealerB, target),
        await message(w.dealerB, target, { body: 'Привіт' }),
        await dealerMove(w.dealerB, target, 'withdraw', { reason: 'x' }),
        await dealerMove(w.dealerB, target, 'appeal', { reason: 'x' }),
      ];
      for (const answer of answers) {
        const error = expectError(answer, 404, 'not_found');
        expect(error.message).toBe(`There is no claim ${target} among the claims you may see; check the number.`);
      }
    }
    const list = await read(await handleListClaims(new Request(BASE), db, w.dealerB));
    expect((list.json.items as { number: string }[]).map((c) => c.number)).not.toContain(number);
    expect(await fingerprint(db)).toEqual(before);
  });

  it('moves the claim for the desk and never shows an internal note to the dealer', async () => {
    const taken = await transition(w.specialist, number, { to: 'in_review', comment: 'Беру в роботу' });
    expect(taken.status).toBe(200);
    expect(taken.json).toMatchObject({ status: 'in_review', assignee: { id: w.specialist.userId, name: w.specialist.name }, moves: ['request_info', 'approve', 'reject'] });
    expect(taken.json.sla).toMatchObject({ firstResponseAt: expect.any(String), decidedAt: null });

    const note = await message(w.specialist, number, { body: 'Внутрішня нотатка: перевірити партію', internal: true });
    expect(note.status).toBe(201);
    expect(note.json).toMatchObject({ id: expect.any(Number), internal: true, number });
    const reply = await message(w.specialist, number, { body: 'Надішліть, будь ласка, фото' });
    expect(reply.json).toMatchObject({ internal: false });

    const dealerView = await get(w.staffA, number);
    expect(dealerView.status).toBe(200);
    expect(JSON.stringify(dealerView.json)).not.toContain('Внутрішня');
    expect(dealerView.json.messages).toEqual([{ id: reply.json.id, body: 'Надішліть, будь ласка, фото', internal: false, createdAt: expect.any(String), author: { name: w.specialist.name, side: 'factory' } }]);
    expect(dealerView.json.assignee).toEqual({ name: w.specialist.name });
    const deskView = await get(w.factory, number);
    expect((deskView.json.messages as unknown[]).length).toBe(2);

    const approved = await transition(w.specialist, number, { to: 'approved', resolution: { kind: 'compensation', amount: '980.00' } });
    expect(approved.status).toBe(200);
    expect(approved.json.resolution).toEqual({ kind: 'compensation', amount: '980.00', visitDate: null, scope: null, partial: false, comment: null });
    const list = await read(await handleListClaims(new Request(`${BASE}?status=approved`), db, w.dealerA));
    expect(list.json.items).toEqual([{ number, orderNumber: 'A-1', itemPosition: 2, status: 'approved', category: 'defect', createdAt: expect.any(String), updatedAt: expect.any(String) }]);
    expect(list.json.nextCursor).toBeNull();
  });

  it('refuses bad list filters naming the field', async () => {
    const cases: [string, string][] = [
      ['status=lost', 'status'],
      ['limit=0', 'limit'],
      ['limit=abc', 'limit'],
      ['cursor=junk', 'cursor'],
      ['colour=red', 'colour'],
    ];
    for (const [query, field] of cases) {
      const error = expectError(await read(await handleListClaims(new Request(`${BASE}?${query}`), db, w.dealerA)), 400, 'bad_request');
      expect(error.details).toEqual({ [field]: expect.stringContaining(field) });
    }
    expectError(await read(await handleListClaims(new Request(BASE), db, null)), 401, 'unauthorized');
  });
});
