import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { claimHistory, claimMessages, claims, dealers, notificationPreferences, notifications, orders, outbox, syncSources } from '@/drizzle/schema';
import { checkSyncAlerts } from '@/lib/sync/alerts';
import { at, dealerEvent, ledgerEvent, orderEvent, prepareSyncDatabase, send, statusEvent } from '@/lib/sync/testing/fixtures';
import { createTestDatabase } from '@/lib/testing/database';
import { dispatchBatch, pendingOutboxCount, startDispatcher } from './dispatch';
import type { Emission } from './route';
import { createUser, type TestUser } from './testing/fixtures';

// The outbox dispatcher on the real database: what it emits, to which rooms, once; and the
// notifications it stores (recipients, preferences, language, noise left out).

describe('outbox dispatcher', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const db = () => database.db;
  let emitted: Emission[] = [];
  const emit = (e: Emission) => {
    emitted.push(e);
  };
  const drain = async () => {
    while ((await dispatchBatch(db(), emit)) > 0);
  };
  const shipment = (number: string, status: string, orderNumbers: string[], minute: number) => ({
    id: `ship-${number}-${status}-${minute}`,
    type: 'shipment.upserted',
    occurredAt: at(minute),
    data: { number, plannedDate: '2026-11-25', status, orderNumbers },
  });
  const notificationsOf = (user: TestUser) => db().select().from(notifications).where(eq(notifications.userId, user.userId)).orderBy(notifications.id);

  let dealerA: number;
  let dealerB: number;
  let ownerA: TestUser;
  let staffA: TestUser;
  let quietStaffA: TestUser;
  let ownerB: TestUser;
  let specialist: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    await prepareSyncDatabase(db());
    await send(db(), [
      dealerEvent('RT-A', '41000001'),
      dealerEvent('RT-B', '41000002'),
      orderEvent('A-1', 'RT-A', 1),
      orderEvent('A-2', 'RT-A', 1),
      orderEvent('B-1', 'RT-B', 1),
    ]);
    const rows = await db().select({ id: dealers.id, code: dealers.code }).from(dealers);
    dealerA = rows.find((d) => d.code === 'RT-A')!.id;
    dealerB = rows.find((d) => d.code === 'RT-B')!.id;
    ownerA = await createUser(db(), 'dealer_owner', { dealerId: dealerA });
    staffA = await createUser(db(), 'dealer_staff', { dealerId: dealerA, locale: 'ru' });
    quietStaffA = await createUser(db(), 'dealer_staff', { dealerId: dealerA, locale: 'en' });
    await createUser(db(), 'dealer_staff', { dealerId: dealerA, active: false });
    ownerB = await createUser(db(), 'dealer_owner', { dealerId: dealerB, locale: 'en' });
    specialist = await createUser(db(), 'claims');
    admin = await createUser(db(), 'admin');
    await db().insert(notificationPreferences).values([
      { userId: quietStaffA.userId, eventType: 'order.status', channel: 'in_app', enabled: false },
      { userId: staffA.userId, eventType: 'ledger.updated', channel: 'in_app', enabled: true },
      // Another channel says nothing about in-app.
      { userId: quietStaffA.userId, eventType: 'shipment.updated', channel: 'email', enabled: false },
    ]);
    await drain();
  });
  afterAll(async () => {
    await database?.dispose();
  });
  beforeEach(() => {
    emitted = [];
  });

  it('emits a committed change once, with the contract payload, to its dealer only', async () => {
    await send(db(), [statusEvent('A-1', 'in_production', 10)]);
    expect(await dispatchBatch(db(), emit)).toBe(1);
    const events = emitted.filter((e) => e.event !== 'notification');
    expect(events).toEqual([
      { event: 'order.status', payload: { number: 'A-1', status: 'in_production', occurredAt: at(10) }, rooms: [`dealer:${dealerA}`] },
    ]);
    expect(await dispatchBatch(db(), emit)).toBe(0);
    expect(emitted.filter((e) => e.event === 'order.status')).toHaveLength(1);
    expect(await pendingOutboxCount(db())).toBe(0);
  });

  it('emits nothing for a change that rolled back', async () => {
    await expect(
      db().transaction(async (tx) => {
        await tx.insert(outbox).values({ event: 'order.updated', payload: { number: 'A-1' }, audience: { dealerId: dealerA } });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await dispatchBatch(db(), emit)).toBe(0);
    expect(emitted).toEqual([]);
  });

  it('stores a notification per recipient in his language, honouring preferences and roles', async () => {
    await send(db(), [statusEvent('A-2', 'shipped', 11)]);
    await drain();
    const [forOwner] = (await notificationsOf(ownerA)).filter((n) => n.data.number === 'A-2');
    const [forStaff] = (await notificationsOf(staffA)).filter((n) => n.data.number === 'A-2');
    expect(forOwner).toMatchObject({ type: 'order.status', title: 'Замовлення A-2: Відвантажено', importance: 'normal', link: '/dealer/orders/A-2' });
    expect(forStaff).toMatchObject({ title: 'Заказ A-2: Отгружен' });
    // Switched off by the user; another dealer; an inactive user: nothing.
    expect((await notificationsOf(quietStaffA)).filter((n) => n.data.number === 'A-2')).toEqual([]);
    expect(await notificationsOf(ownerB)).toEqual([]);
    // Each stored notification is announced to its user's room only.
    const announced = emitted.filter((e) => e.event === 'notification');
    expect(announced).toHaveLength(2);
    expect(announced).toContainEqual({
      event: 'notification',
      payload: { id: forOwner!.id, type: 'order.status', title: forOwner!.title, importance: 'normal' },
      rooms: [`user:${ownerA.userId}`],
    });
  });

  it('makes a cancelled order critical and leaves out progress within a stage and order.updated', async () => {
    await send(db(), [statusEvent('A-1', 'in_production', 12, { itemsDone: 3, itemsTotal: 10 })]);
    await send(db(), [orderEvent('A-1', 'RT-A', 13, '1200.00')]);
    await drain();
    expect(emitted.map((e) => e.event)).toEqual(['order.status', 'order.updated']);
    await send(db(), [statusEvent('A-1', 'cancelled', 14)]);
    await drain();
    const cancelled = (await notificationsOf(ownerA)).filter((n) => n.data.status === 'cancelled');
    expect(cancelled).toMatchObject([{ importance: 'critical', title: 'Замовлення A-1: Скасовано' }]);
  });

  it('tells each dealer of its own orders on a shared trip, once per status', async () => {
    await send(db(), [shipment('T-1', 'planned', ['A-2', 'B-1'], 20)]);
    await drain();
    const trip = emitted.filter((e) => e.event === 'shipment.updated');
    expect(trip).toHaveLength(2);
    expect(trip).toContainEqual({ event: 'shipment.updated', payload: { number: 'T-1', orderNumbers: ['A-2'] }, rooms: [`dealer:${dealerA}`] });
    expect(trip).toContainEqual({ event: 'shipment.updated', payload: { number: 'T-1', orderNumbers: ['B-1'] }, rooms: [`dealer:${dealerB}`] });
    const [toB] = await notificationsOf(ownerB);
    expect(toB).toMatchObject({ type: 'shipment.updated', title: 'Trip T-1: Planned', body: 'Orders: B-1', link: '/dealer/shipments' });
    // Same status again, then loading: the screens refresh, nobody is told again.
    await send(db(), [shipment('T-1', 'planned', ['A-2', 'B-1'], 21)]);
    await send(db(), [shipment('T-1', 'loading', ['A-2', 'B-1'], 22)]);
    await send(db(), [shipment('T-1', 'in_transit', ['A-2', 'B-1'], 23)]);
    await drain();
    const trips = (await notificationsOf(ownerB)).map((n) => n.data.status);
    expect(trips).toEqual(['planned', 'in_transit']);
    expect((await notificationsOf(quietStaffA)).filter((n) => n.type === 'shipment.updated')).toHaveLength(2);
  });

  it('tells settlements to owners by default, to staff who chose it, and not again while unread', async () => {
    await send(db(), [ledgerEvent('INV-1', 'RT-A', 'invoice', '100.00', 30), ledgerEvent('INV-2', 'RT-A', 'invoice', '50.00', 30)]);
    await drain();
    const ledger = async (user: TestUser) => (await notificationsOf(user)).filter((n) => n.type === 'ledger.updated');
    expect(await ledger(ownerA)).toHaveLength(1);
    expect(await ledger(staffA)).toMatchObject([{ title: 'Новые записи во взаиморасчётах', link: '/dealer/finance' }]);
    expect(await ledger(quietStaffA)).toHaveLength(0);
    expect(emitted.filter((e) => e.event === 'ledger.updated').length).toBeGreaterThan(0);
    await send(db(), [ledgerEvent('PAY-1', 'RT-A', 'payment', '70.00', 31)]);
    await drain();
    expect(await ledger(ownerA)).toHaveLength(1);
  });

  it('sends a sync alert as it was stored, without a second notification', async () => {
    await db().update(syncSources).set({ lastEventAt: new Date(Date.now() - 5 * 3_600_000) });
    expect(await checkSyncAlerts(db(), { rejectionsPerTenMinutes: 1000, silenceMinutes: 60 })).toBe(2);
    const stored = await notificationsOf(admin);
    expect(stored).toHaveLength(2);
    await drain();
    expect(emitted).toHaveLength(2);
    for (const n of stored) {
      expect(emitted).toContainEqual({
        event: 'notification',
        payload: { id: n.id, type: n.type, title: n.title, importance: 'critical' },
        rooms: [`user:${admin.userId}`],
      });
    }
    expect(await notificationsOf(admin)).toHaveLength(2);
  });

  it('sends claim events to the claim, its dealer and the desk, and internal notes to staff only', async () => {
    const [order] = await db().select({ id: orders.id }).from(orders).where(eq(orders.number, 'A-1'));
    const [claim] = await db()
      .insert(claims)
      .values({ dealerId: dealerA, orderId: order!.id, category: 'defect', description: 'Тріщина', createdById: ownerA.userId })
      .returning();
    await db().insert(claimHistory).values({ claimId: claim!.id, toStatus: 'submitted', actorId: ownerA.userId });
    const [publicMessage] = await db().insert(claimMessages).values({ claimId: claim!.id, authorId: specialist.userId, body: 'Надішліть фото, будь ласка' }).returning();
    const [note] = await db().insert(claimMessages).values({ claimId: claim!.id, authorId: specialist.userId, body: 'Дилер часто скаржиться', internal: true }).returning();
    await db().insert(outbox).values([
      { event: 'claim.updated', payload: { number: claim!.number, status: 'submitted' }, audience: { dealerId: dealerA } },
      { event: 'claim.message', payload: { number: claim!.number, messageId: publicMessage!.id }, audience: { dealerId: dealerA } },
      // Even addressed to the dealer by mistake, a note stays with the staff.
      { event: 'claim.message', payload: { number: claim!.number, messageId: note!.id }, audience: { dealerId: dealerA } },
    ]);
    await drain();
    const claimEvents = emitted.filter((e) => e.event.startsWith('claim.'));
    const desk = ['role:claims', 'role:admin'];
    expect(claimEvents[0]).toEqual({
      event: 'claim.updated',
      payload: { number: claim!.number, status: 'submitted' },
      rooms: [`claim:${claim!.number}`, `dealer:${dealerA}`, ...desk],
    });
    expect(claimEvents[1]!.rooms).toEqual([`claim:${claim!.number}`, `dealer:${dealerA}`, ...desk]);
    expect(claimEvents[2]).toEqual({
      event: 'claim.message',
      payload: { number: claim!.number, messageId: note!.id },
      rooms: ['role:claims', 'role:factory', 'role:admin'],
    });
    // A new claim goes to the desk (not to the owner who filed it); the public message to the
    // dealer's users; the note to nobody but staff, and never to its author.
    const forOwner = (await notificationsOf(ownerA)).filter((n) => n.type.startsWith('claim.'));
    expect(forOwner).toMatchObject([{ type: 'claim.message', title: `Нове повідомлення в рекламації ${claim!.number}`, body: 'Надішліть фото, будь ласка' }]);
    expect(forOwner[0]!.link).toBe(`/dealer/claims/${claim!.number}`);
    const forDesk = (await notificationsOf(specialist)).map((n) => n.type);
    expect(forDesk).toEqual(['claim.updated']);
    const everywhere = await db().select().from(notifications).where(eq(notifications.type, 'claim.message'));
    expect(everywhere.some((n) => n.body?.includes('скаржиться'))).toBe(false);
  });

  it('never emits a row twice when several dispatchers work at once', async () => {
    const rows = Array.from({ length: 400 }, (_, n) => ({ event: 'test.ping', payload: { n }, audience: { roles: ['admin'] } }));
    await db().insert(outbox).values(rows);
    const worker = async () => {
      while ((await dispatchBatch(db(), emit, { batchSize: 15 })) > 0);
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    const seen = emitted.filter((e) => e.event === 'test.ping').map((e) => e.payload.n as number);
    expect(seen).toHaveLength(400);
    expect(new Set(seen).size).toBe(400);
    expect(await db().select().from(outbox).where(and(isNull(outbox.dispatchedAt)))).toEqual([]);
  });

  it('wakes up on NOTIFY when another connection commits outbox rows', async () => {
    const dispatcher = await startDispatcher({ db: db(), emit, listen: database.listen, pollMs: 600_000 });
    try {
      await dispatcher.idle();
      emitted = [];
      await db().transaction(async (tx) => {
        await tx.insert(outbox).values({ event: 'order.updated', payload: { number: 'B-1' }, audience: { dealerId: dealerB } });
      });
      const deadline = Date.now() + 5_000;
      while (!emitted.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(emitted).toEqual([{ event: 'order.updated', payload: { number: 'B-1' }, rooms: [`dealer:${dealerB}`] }]);
    } finally {
      await dispatcher.stop();
    }
  });
});
