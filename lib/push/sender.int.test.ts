import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dealers, notificationDeliveries, notifications, notificationSettings, pushSubscriptions, users } from '@/drizzle/schema';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/db';
import { recordNotifications } from '@/lib/notifications/channels';
import { createTestDatabase } from '@/lib/testing/database';
import { actorByEmail } from '@/lib/testing/users';
import { MAX_PUSH_ATTEMPTS, PUSH_TTL_SECONDS, sendDuePushes, startPushSender } from './sender';
import { subscribePush } from './subscriptions';
import { browserKeys, decryptPush, startTestPushService, verifyVapid, type BrowserKeys, type TestPushService } from './testing/push-endpoint';
import { forgetVapidKeys, getVapidKeys } from './vapid';

// The push sender against a local push service: the message arrives encrypted for the device
// (decrypted here with its keys, RFC 8291) and signed (VAPID); expired devices are removed, failing
// ones retried with backoff; quiet hours hold back normal notifications, never critical ones.

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let service: TestPushService;
let owner: Actor;
let other: Actor;

// 00:30 in Kyiv (UTC+2 in winter).
const NOW = new Date('2026-01-15T22:30:00Z');
const at = (ms = 0) => () => new Date(NOW.getTime() + ms);

beforeAll(async () => {
  forgetVapidKeys();
  database = await createTestDatabase();
  db = database.db;
  service = await startTestPushService();
  const [dealer] = await db.insert(dealers).values({ code: 'D-1', name: 'Вікна Поділля', taxId: '11111111' }).returning({ id: dealers.id });
  await db.insert(users).values([
    { email: 'owner@example.test', name: 'Owner', role: 'dealer_owner', dealerId: dealer!.id, passwordHash: 'x', locale: 'en' },
    { email: 'other@example.test', name: 'Other', role: 'dealer_staff', dealerId: dealer!.id, passwordHash: 'x', locale: 'uk' },
  ]);
  owner = await actorByEmail(db, 'owner@example.test');
  other = await actorByEmail(db, 'other@example.test');
});
afterAll(async () => {
  await service?.close();
  await database?.dispose();
});
beforeEach(async () => {
  await db.delete(notifications);
  await db.delete(pushSubscriptions);
  await db.delete(notificationSettings);
  service.received.length = 0;
});

let devices = 0;
async function device(actor: Actor): Promise<{ keys: BrowserKeys; path: string; id: number }> {
  const keys = browserKeys();
  const path = `/push/device-${(devices += 1)}`;
  const stored = await subscribePush(db, actor, { endpoint: `${service.url}${path}`, keys: { p256dh: keys.p256dh, auth: keys.auth } }, 'Mozilla/5.0 (Linux; Android 14) Chrome/131.0 Mobile Safari/537.36');
  return { keys, path, id: stored.id };
}

async function notify(actor: Actor, values: Partial<typeof notifications.$inferInsert> = {}) {
  const [n] = await db
    .insert(notifications)
    .values({ userId: actor.userId, type: 'order.status', title: 'Order 10-1 is in production', body: 'Shipment planned for Friday', link: '/dealer/orders/10-1', createdAt: NOW, ...values })
    .returning();
  const [d] = await db.insert(notificationDeliveries).values({ notificationId: n!.id, userId: actor.userId, channel: 'push', createdAt: NOW, nextAttemptAt: NOW }).returning();
  return { notification: n!, deliveryId: d!.id };
}

const deliveryOf = async (id: number) => (await db.select().from(notificationDeliveries).where(eq(notificationDeliveries.id, id)))[0]!;
const subscriptionOf = async (id: number) => (await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.id, id)))[0];

describe('push sender', () => {
  it('sends the notification encrypted for each device, signed with the portal’s key', async () => {
    const phone = await device(owner);
    const laptop = await device(owner);
    const { notification, deliveryId } = await notify(owner);
    expect(await sendDuePushes(db, { now: at() })).toBe(1);

    expect(service.received.map((r) => r.path).sort()).toEqual([phone.path, laptop.path].sort());
    const vapid = await getVapidKeys(db);
    for (const [target, keys] of [[phone.path, phone.keys], [laptop.path, laptop.keys]] as const) {
      const request = service.received.find((r) => r.path === target)!;
      expect(request.headers['content-encoding']).toBe('aes128gcm');
      expect(request.headers.ttl).toBe(String(PUSH_TTL_SECONDS));
      expect(request.headers.urgency).toBe('normal');
      verifyVapid(request.headers.authorization, service.url, vapid.publicKey);
      expect(JSON.parse(decryptPush(request.body, keys))).toEqual({
        id: notification.id,
        type: 'order.status',
        title: 'Order 10-1 is in production',
        body: 'Shipment planned for Friday',
        link: '/dealer/orders/10-1',
        importance: 'normal',
        tag: 'portal:/dealer/orders/10-1',
      });
    }
    expect(await deliveryOf(deliveryId)).toMatchObject({ state: 'sent', attempts: 1, sentAt: NOW, leaseUntil: null, lastError: null });
    expect((await subscriptionOf(phone.id))?.lastUsedAt).toEqual(NOW);
    // Sent is done: nothing is taken again.
    expect(await sendDuePushes(db, { now: at(60 * 60_000) })).toBe(0);
  });

  it('marks a critical one in the user’s language and asks for high urgency', async () => {
    const phone = await device(other);
    await notify(other, { importance: 'critical', title: 'Оплата за рахунком 77 прострочена', body: null, link: null });
    await sendDuePushes(db, { now: at() });
    const [request] = service.received;
    expect(request?.headers.urgency).toBe('high');
    const payload = JSON.parse(decryptPush(request!.body, phone.keys)) as Record<string, unknown>;
    expect(payload).toMatchObject({ title: 'Важливо · Оплата за рахунком 77 прострочена', body: null, link: null, importance: 'critical' });
    expect(payload.tag).toMatch(/^portal:n\d+$/);
  });

  it('removes a device the push service no longer knows (410, 404) and keeps sending to the others', async () => {
    const expired = await device(owner);
    const unknown = await device(owner);
    const alive = await device(owner);
    service.answer(expired.path, 410);
    service.answer(unknown.path, 404);
    const { deliveryId } = await notify(owner);
    await sendDuePushes(db, { now: at() });
    expect(await subscriptionOf(expired.id)).toBeUndefined();
    expect(await subscriptionOf(unknown.id)).toBeUndefined();
    expect(await subscriptionOf(alive.id)).toBeDefined();
    expect((await deliveryOf(deliveryId)).state).toBe('sent');

    // With its only device gone, the next one is skipped for that reason.
    service.answer(alive.path, 410);
    const second = await notify(owner);
    await sendDuePushes(db, { now: at() });
    expect(await subscriptionOf(alive.id)).toBeUndefined();
    expect(await deliveryOf(second.deliveryId)).toMatchObject({ state: 'skipped', lastError: 'gone' });
  });

  it('retries a failing push service with backoff, keeps the device with its error, then gives up', async () => {
    const flaky = await device(owner);
    service.answer(flaky.path, 500);
    const { deliveryId } = await notify(owner);
    await sendDuePushes(db, { now: at() });
    let row = await deliveryOf(deliveryId);
    expect(row).toMatchObject({ state: 'pending', attempts: 1, leaseUntil: null, lastError: 'HTTP 500: push service says no' });
    expect(row.nextAttemptAt).toEqual(new Date(NOW.getTime() + 30_000));
    expect(await subscriptionOf(flaky.id)).toMatchObject({ lastError: 'HTTP 500: push service says no' });

    // Not before its time.
    expect(await sendDuePushes(db, { now: at(29_000) })).toBe(0);
    let clock = 30_000;
    for (let attempt = 2; attempt <= MAX_PUSH_ATTEMPTS; attempt += 1) {
      expect(await sendDuePushes(db, { now: at(clock) })).toBe(1);
      row = await deliveryOf(deliveryId);
      expect(row.attempts).toBe(attempt);
      clock = row.nextAttemptAt.getTime() - NOW.getTime();
    }
    expect(row).toMatchObject({ state: 'failed', lastError: 'HTTP 500: push service says no' });
    expect(service.received).toHaveLength(MAX_PUSH_ATTEMPTS);
    expect(await subscriptionOf(flaky.id)).toBeDefined();

    // The service recovers: the device works again for the next notification.
    service.answer(flaky.path, 201);
    const next = await notify(owner);
    await sendDuePushes(db, { now: at(clock) });
    expect((await deliveryOf(next.deliveryId)).state).toBe('sent');
    expect(await subscriptionOf(flaky.id)).toMatchObject({ lastError: null });
  });

  it('keeps quiet in the user’s quiet hours for normal notifications, never for critical ones', async () => {
    await device(owner);
    // 22:00–07:00 Kyiv; NOW is 00:30 there.
    await db.insert(notificationSettings).values({ userId: owner.userId, quietFrom: 22 * 60, quietTo: 7 * 60 });
    const normal = await notify(owner);
    const critical = await notify(owner, { importance: 'critical', title: 'Order 10-1 was cancelled' });
    await sendDuePushes(db, { now: at() });
    expect(await deliveryOf(normal.deliveryId)).toMatchObject({ state: 'skipped', lastError: 'quiet_hours' });
    expect(await deliveryOf(critical.deliveryId)).toMatchObject({ state: 'sent' });
    expect(service.received).toHaveLength(1);
    // It stays in the centre as it was.
    expect((await db.select().from(notifications).where(eq(notifications.id, normal.notification.id))).length).toBe(1);

    // After the quiet hours a new one goes out.
    const morning = await notify(owner);
    await sendDuePushes(db, { now: at(7 * 60 * 60_000) });
    expect((await deliveryOf(morning.deliveryId)).state).toBe('sent');
  });

  it('skips a user without devices, a notification past the push TTL, and takes again a row whose lease ran out', async () => {
    const none = await notify(owner);
    await sendDuePushes(db, { now: at() });
    expect(await deliveryOf(none.deliveryId)).toMatchObject({ state: 'skipped', lastError: 'no_devices' });

    await device(owner);
    const old = await notify(owner, { createdAt: new Date(NOW.getTime() - (PUSH_TTL_SECONDS + 60) * 1000) });
    await sendDuePushes(db, { now: at() });
    expect(await deliveryOf(old.deliveryId)).toMatchObject({ state: 'skipped', lastError: 'expired' });

    // A sender died while sending: its lease runs out and another pass takes the row.
    const stuck = await notify(owner);
    await db.update(notificationDeliveries).set({ state: 'sending', attempts: 1, leaseUntil: new Date(NOW.getTime() + 60_000) }).where(eq(notificationDeliveries.id, stuck.deliveryId));
    expect(await sendDuePushes(db, { now: at() })).toBe(0);
    expect(await sendDuePushes(db, { now: at(61_000) })).toBe(1);
    expect(await deliveryOf(stuck.deliveryId)).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('a notification recorded through the channels reaches the device (push on by the role’s default)', async () => {
    const phone = await device(owner);
    const [stored] = await db.transaction((tx) =>
      recordNotifications(
        tx,
        [{ user: { id: owner.userId, role: owner.role, locale: 'en', email: owner.email }, type: 'order.status', importance: 'normal', title: 'Order 10-7 shipped', body: null, link: '/dealer/orders/10-7', data: {} }],
        NOW,
      ),
    );
    expect(await sendDuePushes(db, { now: at() })).toBe(1);
    expect(JSON.parse(decryptPush(service.received[0]!.body, phone.keys))).toMatchObject({ id: stored!.id, title: 'Order 10-7 shipped', link: '/dealer/orders/10-7', importance: 'normal' });
  });

  it('two senders at once (two processes) send each delivery exactly once', async () => {
    await device(owner);
    const ids = [];
    for (let i = 0; i < 12; i += 1) ids.push((await notify(owner, { title: `Order 10-${i} shipped` })).deliveryId);
    const drain = async () => {
      while ((await sendDuePushes(db, { now: at(), batchSize: 3 })) > 0);
    };
    await Promise.all([drain(), drain()]);
    expect(service.received).toHaveLength(12);
    for (const id of ids) expect(await deliveryOf(id)).toMatchObject({ state: 'sent', attempts: 1 });
  });

  it('runs as a sender that wakes on demand and stops cleanly', async () => {
    const phone = await device(owner);
    const sender = startPushSender({ db, pollMs: 60_000, now: at() });
    await sender.idle();
    const { deliveryId } = await notify(owner);
    sender.wake();
    await sender.idle();
    expect((await deliveryOf(deliveryId)).state).toBe('sent');
    expect(service.received.map((r) => r.path)).toEqual([phone.path]);
    await sender.stop();
  });
});
