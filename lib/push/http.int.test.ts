import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dealers, pushSubscriptions, users } from '@/drizzle/schema';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/db';
import { createTestDatabase } from '@/lib/testing/database';
import { actorByEmail } from '@/lib/testing/users';
import { handleListSubscriptions, handleRemoveByEndpoint, handleRemoveSubscription, handleSubscribe } from './http';
import { MAX_SUBSCRIPTIONS_PER_USER } from './schemas';
import { browserKeys } from './testing/push-endpoint';
import { forgetVapidKeys } from './vapid';

// The push API's handlers with real Requests on a real database: a person's own devices only,
// someone else's device answered like one that does not exist, bad bodies refused with the field.

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let owner: Actor;
let other: Actor;

beforeAll(async () => {
  forgetVapidKeys();
  database = await createTestDatabase();
  db = database.db;
  const [dealer] = await db.insert(dealers).values({ code: 'D-1', name: 'Вікна Поділля', taxId: '11111111' }).returning({ id: dealers.id });
  await db.insert(users).values([
    { email: 'owner@example.test', name: 'Owner', role: 'dealer_owner', dealerId: dealer!.id, passwordHash: 'x' },
    { email: 'claims@example.test', name: 'Claims', role: 'claims', passwordHash: 'x' },
  ]);
  owner = await actorByEmail(db, 'owner@example.test');
  other = await actorByEmail(db, 'claims@example.test');
});
afterAll(async () => {
  await database?.dispose();
});

const BASE = 'http://portal.test/api/v1/push/subscriptions';
const PHONE_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
type Answer = { status: number; json: Record<string, unknown> & { error?: { code: string; message: string; details?: Record<string, string> } } };

async function read(response: Response): Promise<Answer> {
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Answer['json']) : {} };
}
const post = (body: unknown, headers: Record<string, string> = {}) =>
  new Request(BASE, { method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': PHONE_UA, ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const subscription = (endpoint: string, keys = browserKeys()) => ({ endpoint, expirationTime: null, keys: { p256dh: keys.p256dh, auth: keys.auth } });
const subscribe = async (actor: Actor | null, body: unknown) => read(await handleSubscribe(post(body), db, actor));
const list = async (actor: Actor | null) => read(await handleListSubscriptions(db, actor));
const snapshot = () => db.select().from(pushSubscriptions).orderBy(pushSubscriptions.id);

function expectError(answer: Answer, status: number, code: string) {
  expect(answer.status, JSON.stringify(answer.json)).toBe(status);
  expect(Object.keys(answer.json)).toEqual(['error']);
  expect(answer.json.error).toMatchObject({ code, message: expect.any(String) });
  return answer.json.error!;
}

describe('push subscriptions API', () => {
  let phoneId: number;

  it('subscribes this device, lists it with its name and gives the key to subscribe with', async () => {
    const created = await subscribe(owner, subscription('https://push.example.test/send/phone-1'));
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ endpoint: 'https://push.example.test/send/phone-1', browser: 'Safari', os: 'iPhone', lastUsedAt: null, lastError: null });
    phoneId = created.json.id as number;

    const listed = await list(owner);
    expect(listed.status).toBe(200);
    expect(listed.json.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    expect(listed.json.items).toEqual([expect.objectContaining({ id: phoneId, browser: 'Safari', os: 'iPhone' })]);
    expect((await list(other)).json.items).toEqual([]);
    // The same key on every call: generated once and kept.
    expect((await list(other)).json.publicKey).toBe(listed.json.publicKey);
  });

  it('subscribing the same endpoint again updates its keys; another person on the same browser takes it over', async () => {
    const again = await subscribe(owner, subscription('https://push.example.test/send/phone-1'));
    expect(again.json.id).toBe(phoneId);
    expect(await snapshot()).toHaveLength(1);

    const takenOver = await subscribe(other, subscription('https://push.example.test/send/phone-1'));
    expect(takenOver.status).toBe(201);
    expect(takenOver.json.id).toBe(phoneId);
    expect((await list(owner)).json.items).toEqual([]);
    expect((await list(other)).json.items).toEqual([expect.objectContaining({ id: phoneId })]);
    // And back, for the next tests.
    await subscribe(owner, subscription('https://push.example.test/send/phone-1'));
  });

  it('answers 404 for someone else’s device, exactly as for none, and changes nothing', async () => {
    const before = await snapshot();
    for (const id of [String(phoneId), '99999999', 'abc', '-1', '1e3']) {
      const error = expectError(await read(await handleRemoveSubscription(db, other, id)), 404, 'not_found');
      expect(error.message).toBe('There is no such device among your push subscriptions.');
    }
    expectError(await read(await handleRemoveByEndpoint(new Request(`${BASE}?endpoint=${encodeURIComponent('https://push.example.test/send/phone-1')}`, { method: 'DELETE' }), db, other)), 404, 'not_found');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses bad bodies with the field at fault, 401 without a session, and changes nothing', async () => {
    const before = await snapshot();
    expectError(await subscribe(null, subscription('https://push.example.test/send/x')), 401, 'unauthorized');
    expectError(await list(null), 401, 'unauthorized');
    expectError(await read(await handleRemoveSubscription(db, null, String(phoneId))), 401, 'unauthorized');

    const good = subscription('https://push.example.test/send/x');
    const cases: [unknown, string][] = [
      [{ ...good, endpoint: 'ftp://push.example.test/x' }, 'endpoint'],
      [{ ...good, endpoint: 'not a url' }, 'endpoint'],
      [{ ...good, endpoint: 'http://push.example.test/x' }, 'endpoint'],
      [{ ...good, endpoint: `https://push.example.test/${'x'.repeat(1100)}` }, 'endpoint'],
      [{ ...good, keys: { ...good.keys, p256dh: 'short' } }, 'keys.p256dh'],
      [{ ...good, keys: { ...good.keys, auth: 'a'.repeat(40) } }, 'keys.auth'],
      [{ ...good, keys: { ...good.keys, auth: '!!!!!!!!!!!!!!!!!!!!!!' } }, 'keys.auth'],
      [{ endpoint: good.endpoint }, 'keys'],
      [{ ...good, extra: 1 }, '_'],
    ];
    for (const [body, field] of cases) {
      const error = expectError(await subscribe(owner, body), 400, 'bad_request');
      expect(Object.keys(error.details ?? {}), JSON.stringify(body).slice(0, 80)).toContain(field);
    }
    expectError(await subscribe(owner, '{"endpoint":'), 400, 'bad_request');
    expectError(await read(await handleSubscribe(new Request(BASE, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' }), db, owner)), 415, 'unsupported_media_type');
    expectError(await subscribe(owner, { ...good, endpoint: `https://push.example.test/${'x'.repeat(9000)}` }), 413, 'payload_too_large');
    expectError(await read(await handleRemoveByEndpoint(new Request(BASE, { method: 'DELETE' }), db, owner)), 400, 'bad_request');
    expect(await snapshot()).toEqual(before);
  });

  it('keeps at most the newest devices of a person, dropping the oldest', async () => {
    for (let i = 0; i < MAX_SUBSCRIPTIONS_PER_USER + 2; i += 1) {
      expect((await subscribe(owner, subscription(`https://push.example.test/send/many-${i}`))).status).toBe(201);
    }
    const items = (await list(owner)).json.items as { endpoint: string }[];
    expect(items).toHaveLength(MAX_SUBSCRIPTIONS_PER_USER);
    expect(items[0]!.endpoint).toBe(`https://push.example.test/send/many-${MAX_SUBSCRIPTIONS_PER_USER + 1}`);
    expect(items.map((d) => d.endpoint)).not.toContain('https://push.example.test/send/phone-1');
    expect(items.map((d) => d.endpoint)).not.toContain('https://push.example.test/send/many-0');
  });

  it('removes one of the person’s devices by id, and this device by its endpoint (sign-out)', async () => {
    const mine = (await list(owner)).json.items as { id: number; endpoint: string }[];
    expect((await handleRemoveSubscription(db, owner, String(mine[0]!.id))).status).toBe(204);
    expect((await handleRemoveSubscription(db, owner, String(mine[0]!.id))).status).toBe(404);
    const byEndpoint = await handleRemoveByEndpoint(new Request(`${BASE}?endpoint=${encodeURIComponent(mine[1]!.endpoint)}`, { method: 'DELETE' }), db, owner);
    expect(byEndpoint.status).toBe(204);
    const left = (await list(owner)).json.items as { id: number }[];
    expect(left.map((d) => d.id)).toEqual(mine.slice(2).map((d) => d.id));
  });

  it('a renewed subscription (the worker’s pushsubscriptionchange) replaces the old one of the same person only', async () => {
    await subscribe(other, subscription('https://push.example.test/send/others'));
    const renewed = await subscribe(owner, { ...subscription('https://push.example.test/send/renewed'), replaces: 'https://push.example.test/send/others' });
    expect(renewed.status).toBe(201);
    // Not his to replace: the other person's device stays.
    expect(((await list(other)).json.items as { endpoint: string }[]).map((d) => d.endpoint)).toContain('https://push.example.test/send/others');

    const mine = (await list(owner)).json.items as { endpoint: string }[];
    const old = mine.find((d) => d.endpoint.includes('/many-'))!.endpoint;
    await subscribe(owner, { ...subscription('https://push.example.test/send/renewed-2'), replaces: old });
    const after = ((await list(owner)).json.items as { endpoint: string }[]).map((d) => d.endpoint);
    expect(after).toContain('https://push.example.test/send/renewed-2');
    expect(after).not.toContain(old);
  });
});
