import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimMessages } from '@/drizzle/schema';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/db';
import { createTestDatabase } from '@/lib/testing/database';
import { handleAddMessage, handleCreateClaim, handleTransition } from './http';
import { fingerprint, prepareClaimsWorld, type ClaimsWorld } from './testing/fixtures';

// A message sent again with the same Idempotency-Key (the offline outbox resending after a lost
// answer) is stored once and answered the same; a key reused for something else is refused; the
// key never opens another dealer's claim.

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
  new Request(`${BASE}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

let claimKeys = 0;
async function fileClaim(): Promise<string> {
  const answer = await read(
    await handleCreateClaim(post('', { orderNumber: 'A-1', itemPosition: 1, category: 'defect', description: 'Продуває з-під стулки' }, { 'idempotency-key': `msg-claim-${(claimKeys += 1)}` }), db, w.dealerA),
  );
  expect(answer.status).toBe(201);
  return answer.json.number as string;
}
const send = async (actor: Actor, number: string, body: unknown, key?: string) =>
  read(await handleAddMessage(post(`/${number}/messages`, body, key === undefined ? {} : { 'idempotency-key': key }), db, actor, number));
const stored = (actor: Actor, key: string) =>
  db
    .select()
    .from(claimMessages)
    .where(and(eq(claimMessages.authorId, actor.userId), eq(claimMessages.idempotencyKey, key)));

function expectError(answer: Answer, status: number, code: string) {
  expect(answer.status, JSON.stringify(answer.json)).toBe(status);
  expect(answer.json.error).toMatchObject({ code, message: expect.any(String) });
  return answer.json.error!;
}

describe('client API: a message sent again with its Idempotency-Key', () => {
  it('answers the stored message again, with Idempotent-Replayed, storing and announcing nothing twice', async () => {
    const number = await fileClaim();
    // The dealer's answer moves the claim: a resend must not move it, audit it or announce it again.
    expect((await read(await handleTransition(post(`/${number}/transitions`, { to: 'in_review' }), db, w.specialist, number))).status).toBe(200);
    expect((await read(await handleTransition(post(`/${number}/transitions`, { to: 'info_requested', comment: 'Надішліть фото' }), db, w.specialist, number))).status).toBe(200);

    const first = await send(w.dealerA, number, { body: 'Фото надіслали' }, 'outbox-msg-0001');
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(first.json).toEqual({ id: expect.any(Number), number, internal: false, createdAt: expect.any(String), status: 'in_review' });
    const after = await fingerprint(db);

    const again = await send(w.dealerA, number, { body: 'Фото надіслали' }, 'outbox-msg-0001');
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json).toEqual(first.json);
    expect(await fingerprint(db)).toEqual(after);
    expect(await stored(w.dealerA, 'outbox-msg-0001')).toHaveLength(1);

    // Keys are the author's own: a colleague's same key is his own new message.
    const colleague = await send(w.staffA, number, { body: 'Фото надіслали' }, 'outbox-msg-0001');
    expect(colleague.status).toBe(201);
    expect(colleague.headers.get('idempotent-replayed')).toBeNull();
    expect(colleague.json.id).not.toBe(first.json.id);
  });

  it('refuses the same key with another text or on another claim: 409 idempotency_key_reused, nothing stored', async () => {
    const number = await fileClaim();
    const other = await fileClaim();
    const first = await send(w.dealerA, number, { body: 'Перше повідомлення' }, 'outbox-msg-0002');
    expect(first.status).toBe(201);
    const before = await fingerprint(db);

    const otherText = expectError(await send(w.dealerA, number, { body: 'Зовсім інше' }, 'outbox-msg-0002'), 409, 'conflict');
    expect(otherText.details).toEqual({ conflict: 'idempotency_key_reused' });
    expect(otherText.message).toBe(`This Idempotency-Key was already used for message ${first.json.id} on claim ${number} with another text; send a new key for a new message.`);
    const otherClaim = expectError(await send(w.dealerA, other, { body: 'Перше повідомлення' }, 'outbox-msg-0002'), 409, 'conflict');
    expect(otherClaim.details).toEqual({ conflict: 'idempotency_key_reused' });
    expect(await fingerprint(db)).toEqual(before);
  });

  it('refuses a malformed key with 400 naming the header, storing nothing', async () => {
    const number = await fileClaim();
    const before = await fingerprint(db);
    for (const key of ['short', 'has space inside', 'café-key-0001', 'x'.repeat(201)]) {
      const error = expectError(await send(w.dealerA, number, { body: 'Привіт' }, key), 400, 'bad_request');
      expect(error.details).toEqual({ 'Idempotency-Key': 'Idempotency-Key must be 8 to 200 visible ASCII characters, e.g. a UUID' });
    }
    // A bad body and a bad key are named together.
    const both = expectError(await send(w.dealerA, number, { body: '' }, 'short'), 400, 'bad_request');
    expect(Object.keys(both.details!).sort()).toEqual(['Idempotency-Key', 'body']);
    expect(await fingerprint(db)).toEqual(before);
  });

  it('answers 404 to another dealer’s user, whatever the key, even the key the claim’s dealer used', async () => {
    const number = await fileClaim();
    expect((await send(w.dealerA, number, { body: 'Наше' }, 'outbox-msg-0003')).status).toBe(201);
    const before = await fingerprint(db);
    for (const key of ['outbox-msg-0003', 'outbox-msg-b-01']) {
      const error = expectError(await send(w.dealerB, number, { body: 'Наше' }, key), 404, 'not_found');
      expect(error.message).toBe(`There is no claim ${number} among the claims you may see; check the number.`);
    }
    expect(await fingerprint(db)).toEqual(before);
  });

  it('stores one message when two requests with the same key arrive at once', async () => {
    const number = await fileClaim();
    const answers = await Promise.all([
      send(w.dealerA, number, { body: 'Двічі з черги' }, 'outbox-msg-0004'),
      send(w.dealerA, number, { body: 'Двічі з черги' }, 'outbox-msg-0004'),
    ]);
    expect(answers.map((a) => a.status)).toEqual([201, 201]);
    expect(answers.map((a) => a.headers.get('idempotent-replayed')).sort()).toEqual(['true', null].sort());
    expect(answers[0]!.json).toEqual(answers[1]!.json);
    expect(await stored(w.dealerA, 'outbox-msg-0004')).toHaveLength(1);
  });

  it('lets only one of two claims take a key sent to both at once', async () => {
    const [one, two] = [await fileClaim(), await fileClaim()];
    const answers = await Promise.all([send(w.dealerA, one, { body: 'Куди?' }, 'outbox-msg-0005'), send(w.dealerA, two, { body: 'Куди?' }, 'outbox-msg-0005')]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.status === 409)!.json.error!.details).toEqual({ conflict: 'idempotency_key_reused' });
    expect(await stored(w.dealerA, 'outbox-msg-0005')).toHaveLength(1);
  });

  it('keeps messages without a key as they were: each one stored', async () => {
    const number = await fileClaim();
    expect((await send(w.dealerA, number, { body: 'Без ключа' })).status).toBe(201);
    expect((await send(w.dealerA, number, { body: 'Без ключа' })).status).toBe(201);
    const rows = await db.select().from(claimMessages).where(eq(claimMessages.body, 'Без ключа'));
    expect(rows).toHaveLength(2);
  });
});
