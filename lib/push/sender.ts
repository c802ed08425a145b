import { and, asc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import webPush from 'web-push';
import { notificationDeliveries, notifications, notificationSettings, pushSubscriptions, users } from '@/drizzle/schema';
import type { Db } from '@/lib/db';
import { startLoop, type Loop } from '@/lib/background/loop';
import { log } from '@/lib/log';
import { pushPayload } from './payload';
import { isWithinQuietHours } from './quiet-hours';
import { getVapidKeys } from './vapid';

// The push sender: takes the pending push deliveries (notification_deliveries, channel 'push')
// and sends each notification to every device of its user through the push services.
//
// A pass claims due rows with FOR UPDATE SKIP LOCKED, marking them 'sending' with a lease, and
// commits before any network I/O (PGlite has one connection; a transaction held open across a
// slow push service would stall the portal). A process that dies mid-send leaves rows whose lease
// runs out; they are taken again, so a device may rarely get a notification twice, never none.
//
// Outcomes per delivery: sent when any device accepted it; a normal one in the user's quiet hours,
// one with no devices, or one older than the push TTL is skipped (last_error says why); a device
// the push service no longer knows (404/410) is deleted; other failures keep the device with its
// last_error and retry the delivery with backoff, then give up as failed.

/** How long a push service keeps a message for a device that is offline. */
export const PUSH_TTL_SECONDS = 24 * 60 * 60;
export const MAX_PUSH_ATTEMPTS = 5;
const LEASE_MS = 2 * 60_000;
const SEND_TIMEOUT_MS = 15_000;
const BACKOFF_BASE_MS = 30_000;

/** Before attempt n+1 (n ≥ 1): 30 s, 2 min, 8 min, 32 min. */
export function pushBackoffMs(attempts: number): number {
  return BACKOFF_BASE_MS * 4 ** Math.max(0, attempts - 1);
}

type Claimed = { id: number; notificationId: number; userId: string; attempts: number };

async function claim(db: Db, now: Date, limit: number): Promise<Claimed[]> {
  const due = db
    .select({ id: notificationDeliveries.id })
    .from(notificationDeliveries)
    .where(
      and(
        eq(notificationDeliveries.channel, 'push'),
        or(
          and(eq(notificationDeliveries.state, 'pending'), lte(notificationDeliveries.nextAttemptAt, now)),
          and(eq(notificationDeliveries.state, 'sending'), lt(notificationDeliveries.leaseUntil, now)),
        ),
      ),
    )
    .orderBy(asc(notificationDeliveries.nextAttemptAt), asc(notificationDeliveries.id))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(notificationDeliveries)
    .set({ state: 'sending', leaseUntil: new Date(now.getTime() + LEASE_MS), attempts: sql`${notificationDeliveries.attempts} + 1` })
    .where(inArray(notificationDeliveries.id, due))
    .returning({
      id: notificationDeliveries.id,
      notificationId: notificationDeliveries.notificationId,
      userId: notificationDeliveries.userId,
      attempts: notificationDeliveries.attempts,
    });
}

type Outcome =
  | { state: 'sent' }
  | { state: 'skipped'; reason: 'quiet_hours' | 'no_devices' | 'expired' | 'inactive' | 'gone' }
  | { state: 'retry'; error: string };

async function finish(db: Db, delivery: Claimed, outcome: Outcome, now: Date): Promise<void> {
  const where = and(eq(notificationDeliveries.id, delivery.id), eq(notificationDeliveries.state, 'sending'));
  if (outcome.state === 'sent') {
    await db.update(notificationDeliveries).set({ state: 'sent', sentAt: now, leaseUntil: null, lastError: null }).where(where);
  } else if (outcome.state === 'skipped') {
    await db.update(notificationDeliveries).set({ state: 'skipped', leaseUntil: null, lastError: outcome.reason }).where(where);
  } else if (delivery.attempts >= MAX_PUSH_ATTEMPTS) {
    log.warn('push delivery failed for good', { deliveryId: delivery.id, notificationId: delivery.notificationId, attempts: delivery.attempts, error: outcome.error });
    await db.update(notificationDeliveries).set({ state: 'failed', leaseUntil: null, lastError: outcome.error }).where(where);
  } else {
    const next = new Date(now.getTime() + pushBackoffMs(delivery.attempts));
    await db.update(notificationDeliveries).set({ state: 'pending', leaseUntil: null, lastError: outcome.error, nextAttemptAt: next }).where(where);
  }
}

type Device = typeof pushSubscriptions.$inferSelect;
type SendResult = { kind: 'ok' } | { kind: 'gone'; status: number } | { kind: 'error'; error: string };

async function sendToDevice(device: Device, payload: string, critical: boolean, vapid: Awaited<ReturnType<typeof getVapidKeys>>): Promise<SendResult> {
  try {
    // web-push encrypts (RFC 8291, aes128gcm) and signs (VAPID); fetch sends, with a timeout and
    // no redirects followed.
    const request = webPush.generateRequestDetails({ endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } }, payload, {
      vapidDetails: vapid,
      TTL: PUSH_TTL_SECONDS,
      urgency: critical ? 'high' : 'normal',
      contentEncoding: 'aes128gcm',
    });
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name.toLowerCase() !== 'content-length').map(([k, v]) => [k, String(v)]));
    const response = await fetch(request.endpoint, {
      method: 'POST',
      headers,
      body: new Uint8Array(request.body),
      redirect: 'manual',
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    const text = await response.text().catch(() => '');
    if (response.status >= 200 && response.status < 300) return { kind: 'ok' };
    if (response.status === 404 || response.status === 410) return { kind: 'gone', status: response.status };
    return { kind: 'error', error: `HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}` };
  } catch (err) {
    return { kind: 'error', error: err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 300) : String(err) };
  }
}

export type PushPassOptions = { now?: () => Date; batchSize?: number };

/** Claims and sends one batch; answers how many deliveries it took. */
export async function sendDuePushes(db: Db, options: PushPassOptions = {}): Promise<number> {
  const now = options.now?.() ?? new Date();
  const claimed = await claim(db, now, options.batchSize ?? 50);
  if (!claimed.length) return 0;

  const notificationIds = [...new Set(claimed.map((d) => d.notificationId))];
  const userIds = [...new Set(claimed.map((d) => d.userId))];
  const [notes, people, devices] = await Promise.all([
    db.select().from(notifications).where(inArray(notifications.id, notificationIds)),
    db
      .select({ id: users.id, locale: users.locale, active: users.active, quietFrom: notificationSettings.quietFrom, quietTo: notificationSettings.quietTo })
      .from(users)
      .leftJoin(notificationSettings, eq(notificationSettings.userId, users.id))
      .where(inArray(users.id, userIds)),
    db.select().from(pushSubscriptions).where(inArray(pushSubscriptions.userId, userIds)),
  ]);
  const noteOf = new Map(notes.map((n) => [n.id, n]));
  const personOf = new Map(people.map((p) => [p.id, p]));
  const vapid = await getVapidKeys(db);
  const gone = new Set<number>();

  for (const delivery of claimed) {
    const note = noteOf.get(delivery.notificationId);
    const person = personOf.get(delivery.userId);
    let outcome: Outcome;
    if (!note || !person?.active) outcome = { state: 'skipped', reason: 'inactive' };
    else if (now.getTime() - note.createdAt.getTime() > PUSH_TTL_SECONDS * 1000) outcome = { state: 'skipped', reason: 'expired' };
    else if (note.importance !== 'critical' && isWithinQuietHours(now, person.quietFrom, person.quietTo)) outcome = { state: 'skipped', reason: 'quiet_hours' };
    else {
      const targets = devices.filter((d) => d.userId === delivery.userId && !gone.has(d.id));
      if (!targets.length) outcome = { state: 'skipped', reason: 'no_devices' };
      else {
        const payload = JSON.stringify(pushPayload(note, person.locale));
        const results = await Promise.all(targets.map((device) => sendToDevice(device, payload, note.importance === 'critical', vapid)));
        const errors: string[] = [];
        for (const [i, result] of results.entries()) {
          const device = targets[i]!;
          if (result.kind === 'ok') {
            await db.update(pushSubscriptions).set({ lastUsedAt: now, lastError: null }).where(eq(pushSubscriptions.id, device.id));
          } else if (result.kind === 'gone') {
            gone.add(device.id);
            log.info('push subscription expired; removed', { subscriptionId: device.id, userId: device.userId, status: result.status });
            await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, device.id));
          } else {
            errors.push(result.error);
            log.warn('push send failed', { deliveryId: delivery.id, notificationId: note.id, subscriptionId: device.id, attempt: delivery.attempts, error: result.error });
            await db.update(pushSubscriptions).set({ lastError: result.error }).where(eq(pushSubscriptions.id, device.id));
          }
        }
        if (results.some((r) => r.kind === 'ok')) outcome = { state: 'sent' };
        else if (errors.length) outcome = { state: 'retry', error: errors[0]! };
        else outcome = { state: 'skipped', reason: 'gone' };
      }
    }
    await finish(db, delivery, outcome, now);
  }
  return claimed.length;
}

export type PushSender = Loop;

export function startPushSender(options: PushPassOptions & { db: Db; pollMs?: number }): PushSender {
  const { db, pollMs = 3_000 } = options;
  const batchSize = options.batchSize ?? 50;
  return startLoop({ name: 'push sending', pollMs, batch: async () => (await sendDuePushes(db, { ...options, batchSize })) === batchSize });
}
