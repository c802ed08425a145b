import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claims, dealers, orders, outbox } from '@/drizzle/schema';
import { getAuthOptions } from '@/lib/auth/options';
import { deactivateDealerUser } from '@/lib/dealer-users/actions';
import { dealerEvent, orderEvent, post, prepareSyncDatabase, send, statusEvent, at } from '@/lib/sync/testing/fixtures';
import { createTestDatabase } from '@/lib/testing/database';
import { startDispatcher, type Dispatcher } from './dispatch';
import { registerRealtime } from './registry';
import { connect, createUser, sessionCookie, settle, startRealtime, type TestClient, type TestRealtime, type TestUser } from './testing/fixtures';

// The realtime server end to end in one process: a real Socket.IO server on a free port, clients
// with real session cookies, changes through the sync API, the outbox dispatcher in between.

describe('realtime server', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const db = () => database.db;
  let realtime: TestRealtime;
  let dispatcher: Dispatcher;
  const clients: TestClient[] = [];
  const open = async (user: TestUser, extra: { sid?: string } = {}) => {
    const client = await connect(realtime.url, await sessionCookie(db(), user, extra));
    clients.push(client);
    return client;
  };

  let dealerA: number;
  let ownerA: TestUser;
  let staffA: TestUser;
  let ownerB: TestUser;
  let specialist: TestUser;
  let factory: TestUser;
  let claimA: string;
  let claimB: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    await prepareSyncDatabase(db());
    await send(db(), [dealerEvent('WS-A', '42000001'), dealerEvent('WS-B', '42000002'), orderEvent('WA-1', 'WS-A', 1), orderEvent('WB-1', 'WS-B', 1)]);
    const rows = await db().select({ id: dealers.id, code: dealers.code }).from(dealers);
    dealerA = rows.find((d) => d.code === 'WS-A')!.id;
    const dealerB = rows.find((d) => d.code === 'WS-B')!.id;
    ownerA = await createUser(db(), 'dealer_owner', { dealerId: dealerA });
    staffA = await createUser(db(), 'dealer_staff', { dealerId: dealerA, locale: 'en' });
    ownerB = await createUser(db(), 'dealer_owner', { dealerId: dealerB });
    specialist = await createUser(db(), 'claims');
    factory = await createUser(db(), 'factory');
    const orderIds = await db().select({ id: orders.id, number: orders.number }).from(orders);
    const [a, b] = await db()
      .insert(claims)
      .values([
        { dealerId: dealerA, orderId: orderIds.find((o) => o.number === 'WA-1')!.id, category: 'defect', description: 'A', createdById: ownerA.userId },
        { dealerId: dealerB, orderId: orderIds.find((o) => o.number === 'WB-1')!.id, category: 'defect', description: 'B', createdById: ownerB.userId },
      ])
      .returning({ number: claims.number });
    claimA = a!.number;
    claimB = b!.number;

    realtime = await startRealtime(db());
    dispatcher = await startDispatcher({ db: db(), emit: realtime.emit, listen: database.listen, pollMs: 60_000 });
    registerRealtime({ io: realtime.io, wake: dispatcher.wake });
    await dispatcher.idle();
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    registerRealtime(undefined);
    await dispatcher?.stop();
    await realtime?.close();
    await database?.dispose();
  });

  it('refuses a socket without a valid session, of an inactive user or of an ended session', async () => {
    await expect(connect(realtime.url)).rejects.toThrow('unauthorized');
    await expect(connect(realtime.url, 'next-auth.session-token=forged')).rejects.toThrow('unauthorized');
    const inactive = await createUser(db(), 'dealer_staff', { dealerId: dealerA, active: false });
    await expect(connect(realtime.url, await sessionCookie(db(), inactive))).rejects.toThrow('unauthorized');
    await expect(connect(realtime.url, await sessionCookie(db(), ownerA, { sessionVersion: 7 }))).rejects.toThrow('unauthorized');
  });

  it('brings a sync event to the dealer’s sockets, with its notification, and to no one else', async () => {
    const owner = await open(ownerA);
    const staff = await open(staffA);
    const other = await open(ownerB);
    const desk = await open(specialist);
    const response = await post(db(), { events: [statusEvent('WA-1', 'in_production', 10)] });
    expect(response.status).toBe(200);
    // The sync handler woke the dispatcher through the registry; no manual wake here.
    const expected = { number: 'WA-1', status: 'in_production', occurredAt: at(10) };
    expect(await owner.waitFor('order.status')).toEqual(expected);
    expect(await staff.waitFor('order.status')).toEqual(expected);
    expect(await staff.waitFor('notification')).toMatchObject({ type: 'order.status', title: 'Order WA-1: In production', importance: 'normal' });
    await settle();
    expect(other.heard).toEqual([{ event: 'ready', payload: expect.anything() }]);
    expect(desk.heard.map((h) => h.event)).toEqual(['ready']);
    expect(owner.of('order.status')).toHaveLength(1);
  });

  it('lets a socket follow a claim it may see, and no other', async () => {
    const owner = await open(ownerA);
    const other = await open(ownerB);
    const staff = await open(factory);
    const ask = (client: TestClient, input: unknown) => client.socket.timeout(5_000).emitWithAck('subscribe', input);
    expect(await ask(owner, { claim: claimA })).toEqual({ ok: true, room: `claim:${claimA}` });
    expect(await ask(owner, { claim: claimB })).toEqual({ ok: false, error: 'not_found' });
    expect(await ask(other, { claim: claimA })).toEqual({ ok: false, error: 'not_found' });
    expect(await ask(other, { claim: 'DROP TABLE' })).toEqual({ ok: false, error: 'invalid' });
    expect(await ask(staff, { claim: Number(claimB) })).toEqual({ ok: true, room: `claim:${claimB}` });
    await db().insert(outbox).values({ event: 'claim.updated', payload: { number: claimB, status: 'in_review' }, audience: {} });
    expect(await staff.waitFor('claim.updated')).toEqual({ number: claimB, status: 'in_review' });
    expect(await other.waitFor('claim.updated')).toEqual({ number: claimB, status: 'in_review' });
    await settle();
    expect(owner.of('claim.updated')).toEqual([]);
  });

  it('drops the sockets of a deactivated user and refuses them again', async () => {
    const staff = await open(staffA);
    const cookie = await sessionCookie(db(), staffA);
    const dropped = new Promise((resolve) => staff.socket.once('disconnect', resolve));
    const result = await deactivateDealerUser(db(), ownerA, { userId: staffA.userId });
    expect(result).toMatchObject({ ok: true, changed: true });
    expect(await dropped).toBe('io server disconnect');
    await expect(connect(realtime.url, cookie)).rejects.toThrow('unauthorized');
  });

  it('drops the sockets of the browser that signs out and leaves the user’s other devices be', async () => {
    const phoneSid = randomUUID();
    const phone = await open(ownerA, { sid: phoneSid });
    const laptop = await open(ownerA);
    const dropped = new Promise((resolve) => phone.socket.once('disconnect', resolve));
    await getAuthOptions().events!.signOut!({ token: { sub: ownerA.userId, sid: phoneSid } } as never);
    expect(await dropped).toBe('io server disconnect');
    await settle();
    expect(laptop.socket.connected).toBe(true);
  });
});
