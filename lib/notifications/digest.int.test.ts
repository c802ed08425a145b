import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mails, notificationDeliveries, notificationPreferences, notifications, notificationSettings, users } from '@/drizzle/schema';
import { createDealer, createUser, type TestUser } from '@/lib/realtime/testing/fixtures';
import { createTestDatabase } from '@/lib/testing/database';
import { recordNotifications } from './channels';
import { DIGEST_MAX_ITEMS, digestSlot, kyivInstant, runDigests } from './digest';

// Daily and weekly digests at 07:00 Kyiv time: once per slot, the waiting items in one mail
// (newest first), none when nothing waits, and items of a user back on immediate e-mail not lost.

describe('e-mail digests', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const db = () => database.db;
  let daily: TestUser;
  let weekly: TestUser;
  let idle: TestUser;

  // Wednesday 2 December 2026; Kyiv is UTC+2 in winter, so 07:00 Kyiv is 05:00 UTC.
  const wednesday = (hhmm: string) => new Date(`2026-12-02T${hhmm}:00+02:00`);

  async function notify(user: TestUser, title: string, at: Date, importance: 'critical' | 'normal' = 'normal') {
    return db().transaction((tx) =>
      recordNotifications(
        tx,
        [
          {
            user: { id: user.userId, role: user.role, locale: user.locale, email: user.email },
            type: 'order.status',
            importance,
            title,
            body: null,
            link: '/dealer/orders/1',
            data: {},
          },
        ],
        at,
      ),
    );
  }
  const mailsOf = (user: TestUser) => db().select().from(mails).where(eq(mails.userId, user.userId)).orderBy(mails.id);
  const waitingOf = (user: TestUser) =>
    db()
      .select()
      .from(notificationDeliveries)
      .where(eq(notificationDeliveries.userId, user.userId))
      .then((rows) => rows.filter((r) => r.channel === 'email'));

  beforeAll(async () => {
    database = await createTestDatabase();
    const dealerId = await createDealer(db(), 'DG-1');
    daily = await createUser(db(), 'dealer_owner', { dealerId, locale: 'en' });
    weekly = await createUser(db(), 'dealer_staff', { dealerId, locale: 'uk' });
    idle = await createUser(db(), 'dealer_staff', { dealerId, locale: 'ru' });
    await db()
      .insert(notificationPreferences)
      .values([daily, weekly, idle].map((u) => ({ userId: u.userId, eventType: 'order.status', channel: 'email' as const, enabled: true })));
  });
  afterAll(async () => {
    await database?.dispose();
  });
  beforeEach(async () => {
    await db().delete(mails);
    await db().delete(notificationDeliveries);
    await db().delete(notifications);
    await db().delete(notificationSettings);
    await db()
      .insert(notificationSettings)
      .values([
        { userId: daily.userId, emailMode: 'daily' },
        { userId: weekly.userId, emailMode: 'weekly' },
        { userId: idle.userId, emailMode: 'daily' },
      ]);
  });

  it('finds the digest time in Kyiv, summer and winter', () => {
    expect(kyivInstant('2026-12-02', 7 * 60).toISOString()).toBe('2026-12-02T05:00:00.000Z');
    expect(kyivInstant('2026-07-01', 7 * 60).toISOString()).toBe('2026-07-01T04:00:00.000Z');
    // The day of the change to summer time (29 March 2026): 07:00 is already UTC+3.
    expect(kyivInstant('2026-03-29', 7 * 60).toISOString()).toBe('2026-03-29T04:00:00.000Z');
    expect(digestSlot('daily', wednesday('06:59')).toISOString()).toBe('2026-12-01T05:00:00.000Z');
    expect(digestSlot('daily', wednesday('07:00')).toISOString()).toBe('2026-12-02T05:00:00.000Z');
    // The Monday of that week; on a Monday before 07:00, the Monday before.
    expect(digestSlot('weekly', wednesday('12:00')).toISOString()).toBe('2026-11-30T05:00:00.000Z');
    expect(digestSlot('weekly', new Date('2026-11-30T06:30:00+02:00')).toISOString()).toBe('2026-11-23T05:00:00.000Z');
  });

  it('gathers a daily user’s items into one mail at 07:00, not before and not twice', async () => {
    // The users were handled at their last slots (Tuesday 07:00, Monday 07:00).
    await db().update(notificationSettings).set({ lastDigestAt: new Date('2026-12-01T07:01:00+02:00') });
    await notify(daily, 'Order 1: In production', new Date('2026-12-01T15:00:00+02:00'));
    await notify(daily, 'Order 2: Shipped', new Date('2026-12-01T18:00:00+02:00'));
    expect(await mailsOf(daily)).toEqual([]);

    expect(await runDigests(db(), wednesday('06:55'))).toBe(0);
    expect(await mailsOf(daily)).toEqual([]);

    expect(await runDigests(db(), wednesday('07:03'))).toBe(1);
    const [mail] = await mailsOf(daily);
    expect(mail).toMatchObject({ kind: 'digest', locale: 'en', toAddress: daily.email, state: 'pending' });
    expect(mail!.text.indexOf('Order 2: Shipped')).toBeGreaterThan(-1);
    expect(mail!.text.indexOf('Order 2: Shipped')).toBeLessThan(mail!.text.indexOf('Order 1: In production'));
    const waiting = await waitingOf(daily);
    expect(waiting.map((w) => [w.state, w.mailId])).toEqual([
      ['sent', mail!.id],
      ['sent', mail!.id],
    ]);
    // The user with nothing waiting got no mail, but his slot is handled.
    expect(await mailsOf(idle)).toEqual([]);
    const [idleSettings] = await db().select().from(notificationSettings).where(eq(notificationSettings.userId, idle.userId));
    expect(idleSettings!.lastDigestAt?.getTime()).toBe(wednesday('07:03').getTime());

    // Later the same day: not again; what comes now waits for tomorrow.
    await notify(daily, 'Order 3: Delivered', wednesday('09:00'));
    expect(await runDigests(db(), wednesday('09:05'))).toBe(0);
    expect(await runDigests(db(), wednesday('23:55'))).toBe(0);
    expect(await mailsOf(daily)).toHaveLength(1);
    expect(await runDigests(db(), new Date('2026-12-03T07:00:00+02:00'))).toBe(1);
    const next = await mailsOf(daily);
    expect(next).toHaveLength(2);
    expect(next[1]!.text).toContain('Order 3: Delivered');
    expect(next[1]!.text).not.toContain('Order 2: Shipped');
  });

  it('sends a weekly digest on Monday at 07:00 only', async () => {
    await db().update(notificationSettings).set({ lastDigestAt: new Date('2026-11-30T07:00:00+02:00') });
    await notify(weekly, 'Замовлення 5: Відвантажено', wednesday('10:00'));
    expect(await runDigests(db(), new Date('2026-12-03T07:00:00+02:00'))).toBe(0);
    expect(await runDigests(db(), new Date('2026-12-07T06:59:00+02:00'))).toBe(0);
    expect(await runDigests(db(), new Date('2026-12-07T07:00:00+02:00'))).toBe(1);
    const [mail] = await mailsOf(weekly);
    expect(mail).toMatchObject({ kind: 'digest', locale: 'uk' });
    expect(mail!.text).toContain('Замовлення 5: Відвантажено');
  });

  it('does not lose waiting items when the user goes back to immediate e-mail', async () => {
    await db().update(notificationSettings).set({ lastDigestAt: new Date('2026-12-02T07:00:00+02:00') });
    await notify(daily, 'Order 7: Shipped', wednesday('10:00'));
    await db().update(notificationSettings).set({ emailMode: 'immediate' }).where(eq(notificationSettings.userId, daily.userId));
    expect(await runDigests(db(), wednesday('10:05'))).toBe(1);
    const [mail] = await mailsOf(daily);
    expect(mail!.text).toContain('Order 7: Shipped');
    expect(await runDigests(db(), wednesday('10:10'))).toBe(0);
    // From now on each e-mail goes at once.
    await notify(daily, 'Order 8: Delivered', wednesday('11:00'));
    expect((await mailsOf(daily)).map((m) => m.kind)).toEqual(['digest', 'notification']);
  });

  it('lists at most the cap and says how many more', async () => {
    await db().update(notificationSettings).set({ lastDigestAt: new Date('2026-12-01T07:00:00+02:00') });
    const base = new Date('2026-12-01T12:00:00+02:00').getTime();
    for (let i = 0; i < DIGEST_MAX_ITEMS + 3; i += 1) await notify(daily, `Order N${i}: Shipped`, new Date(base + i * 60_000));
    expect(await runDigests(db(), wednesday('07:00'))).toBe(1);
    const [mail] = await mailsOf(daily);
    expect(mail!.text).toContain(`Order N${DIGEST_MAX_ITEMS + 2}: Shipped`);
    expect(mail!.text).not.toContain('Order N2: Shipped');
    expect(mail!.text).toContain('…and 3 more notifications');
    expect(mail!.subject).toContain(`(${DIGEST_MAX_ITEMS + 3})`);
    expect((await waitingOf(daily)).every((w) => w.state === 'sent' && w.mailId === mail!.id)).toBe(true);
  });

  it('runs once when two runs meet, and skips an inactive user’s items', async () => {
    await db().update(notificationSettings).set({ lastDigestAt: new Date('2026-12-01T07:00:00+02:00') });
    await notify(daily, 'Order 9: Shipped', new Date('2026-12-01T20:00:00+02:00'));
    await notify(idle, 'Заказ 9: Отгружен', new Date('2026-12-01T20:00:00+02:00'));
    await db().update(users).set({ active: false }).where(eq(users.id, idle.userId));
    const runs = await Promise.all([runDigests(db(), wednesday('07:01')), runDigests(db(), wednesday('07:01'))]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await mailsOf(daily)).toHaveLength(1);
    expect(await mailsOf(idle)).toEqual([]);
    expect((await waitingOf(idle)).map((w) => w.state)).toEqual(['skipped']);
    await db().update(users).set({ active: true }).where(eq(users.id, idle.userId));
  });
});
