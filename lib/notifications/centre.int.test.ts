import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dealers, notificationPreferences, notifications, users } from '@/drizzle/schema';
import type { Actor } from '@/lib/auth/actor';
import { createTestDatabase } from '@/lib/testing/database';
import { markAllNotificationsRead, markNotificationRead, saveNotificationPreferences } from './actions';
import { getNotificationBadge, getNotificationPreferences, internalLink, listNotificationsForUser } from './queries';
import { notificationTypesFor } from './types';

describe('notification centre: own notifications only', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Awaited<ReturnType<typeof createTestDatabase>>['db'];
  const actors = {} as Record<'owner' | 'staff' | 'other' | 'claims', Actor>;

  async function actorOf(email: string): Promise<Actor> {
    const [u] = await db.select().from(users).where(eq(users.email, email));
    if (!u) throw new Error(`no user ${email}`);
    return { userId: u.id, role: u.role, dealerId: u.dealerId, name: u.name, email: u.email, locale: u.locale };
  }

  async function notify(actor: Actor, title: string, createdAt: Date, extra: Partial<typeof notifications.$inferInsert> = {}) {
    const [row] = await db
      .insert(notifications)
      .values({ userId: actor.userId, type: 'order.status', title, createdAt, ...extra })
      .returning({ id: notifications.id });
    return row!.id;
  }

  async function readAtOf(id: number) {
    const [row] = await db.select({ readAt: notifications.readAt }).from(notifications).where(eq(notifications.id, id));
    return row?.readAt ?? null;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    const [a, b] = await db
      .insert(dealers)
      .values([
        { code: 'D-1', name: 'Вікна Поділля', taxId: '11111111' },
        { code: 'D-2', name: 'Двері Полісся', taxId: '22222222' },
      ])
      .returning({ id: dealers.id });
    // Nobody signs in here: any hash will do.
    const passwordHash = 'not-a-real-hash';
    await db.insert(users).values([
      { email: 'owner@example.test', name: 'Owner', role: 'dealer_owner', dealerId: a!.id, passwordHash },
      { email: 'staff@example.test', name: 'Staff', role: 'dealer_staff', dealerId: a!.id, passwordHash },
      { email: 'other@example.test', name: 'Other', role: 'dealer_owner', dealerId: b!.id, passwordHash },
      { email: 'claims@example.test', name: 'Claims', role: 'claims', passwordHash },
    ]);
    actors.owner = await actorOf('owner@example.test');
    actors.staff = await actorOf('staff@example.test');
    actors.other = await actorOf('other@example.test');
    actors.claims = await actorOf('claims@example.test');
  });
  afterAll(async () => {
    await database?.dispose();
  });
  beforeEach(async () => {
    await db.delete(notifications);
    await db.delete(notificationPreferences);
  });

  it('lists only the owner’s notifications, newest first, grouped by the day in Kyiv', async () => {
    // 21:30 UTC on 1 June is 00:30 on 2 June in Kyiv (UTC+3 in summer).
    await notify(actors.owner, 'first of 1 June', new Date('2025-06-01T08:00:00Z'));
    await notify(actors.owner, 'late on 1 June in Kyiv', new Date('2025-06-01T20:59:00Z'));
    await notify(actors.owner, 'just after midnight in Kyiv', new Date('2025-06-01T21:30:00Z'), { importance: 'critical' });
    await notify(actors.other, 'someone else’s', new Date('2025-06-01T22:00:00Z'));

    const { days, nextBefore } = await listNotificationsForUser(db, actors.owner);
    expect(nextBefore).toBeNull();
    expect(days.map((d) => [d.day, d.items.map((i) => i.title)])).toEqual([
      ['2025-06-02', ['just after midnight in Kyiv']],
      ['2025-06-01', ['late on 1 June in Kyiv', 'first of 1 June']],
    ]);
    expect(days[0]!.items[0]).toMatchObject({ importance: 'critical', read: false });
    const otherDays = await listNotificationsForUser(db, actors.other);
    expect(otherDays.days.flatMap((d) => d.items.map((i) => i.title))).toEqual(['someone else’s']);
  });

  it('orders by the time of the notification, not by when the row was written', async () => {
    await notify(actors.owner, 'written first, happened last', new Date('2025-06-03T08:00:00Z'));
    await notify(actors.owner, 'written last, happened first', new Date('2025-06-01T08:00:00Z'));
    const { days } = await listNotificationsForUser(db, actors.owner);
    expect(days.map((d) => d.day)).toEqual(['2025-06-03', '2025-06-01']);
  });

  it('pages through older notifications with a cursor', async () => {
    // Written out of time order, with microseconds a JavaScript date cannot hold.
    for (const i of [3, 0, 4, 1, 2]) {
      const id = await notify(actors.owner, `n${i}`, new Date());
      await database.query(`update notifications set created_at = '2025-06-01 08:0${i}:00.123456+00' where id = $1`, [id]);
    }
    const first = await listNotificationsForUser(db, actors.owner, { limit: 3 });
    expect(first.days.flatMap((d) => d.items.map((i) => i.title))).toEqual(['n4', 'n3', 'n2']);
    expect(first.nextBefore).not.toBeNull();
    const second = await listNotificationsForUser(db, actors.owner, { limit: 3, before: first.nextBefore! });
    expect(second.days.flatMap((d) => d.items.map((i) => i.title))).toEqual(['n1', 'n0']);
    expect(second.nextBefore).toBeNull();
    // Someone else's notification is no cursor into the owner's list.
    const theirs = await notify(actors.other, 'theirs', new Date());
    expect((await listNotificationsForUser(db, actors.owner, { before: theirs })).days).toEqual([]);
  });

  it('keeps only links inside the portal', () => {
    expect(internalLink('/dealer/orders/10-1')).toBe('/dealer/orders/10-1');
    expect(internalLink('https://evil.test/')).toBeNull();
    expect(internalLink('//evil.test/')).toBeNull();
    expect(internalLink('/\\evil.test')).toBeNull();
    expect(internalLink(null)).toBeNull();
  });

  it('counts the owner’s unread notifications and names the newest id', async () => {
    expect(await getNotificationBadge(db, actors.owner)).toEqual({ unread: 0, latestId: 0 });
    const a = await notify(actors.owner, 'a', new Date());
    const b = await notify(actors.owner, 'b', new Date(), { readAt: new Date() });
    await notify(actors.other, 'c', new Date());
    expect(await getNotificationBadge(db, actors.owner)).toEqual({ unread: 1, latestId: Math.max(a, b) });
  });

  it('marks one read; someone else’s id changes nothing and answers like a missing one', async () => {
    const mine = await notify(actors.owner, 'mine', new Date());
    const theirs = await notify(actors.other, 'theirs', new Date());

    expect(await markNotificationRead(db, actors.owner, theirs)).toEqual({ ok: true, changed: false });
    expect(await readAtOf(theirs)).toBeNull();
    expect(await markNotificationRead(db, actors.owner, 999_999)).toEqual({ ok: true, changed: false });
    // A colleague of the same dealer cannot mark it either: notifications are per person.
    expect(await markNotificationRead(db, actors.staff, mine)).toEqual({ ok: true, changed: false });
    expect(await readAtOf(mine)).toBeNull();

    expect(await markNotificationRead(db, actors.owner, mine)).toEqual({ ok: true, changed: true });
    expect(await readAtOf(mine)).not.toBeNull();
    expect(await markNotificationRead(db, actors.owner, mine)).toEqual({ ok: true, changed: false });

    expect(await markNotificationRead(db, actors.owner, 'not-an-id')).toEqual({ ok: false, error: 'invalid' });
    expect(await markNotificationRead(db, null, mine)).toEqual({ ok: false, error: 'forbidden' });
  });

  it('marks all of the owner’s notifications read and no one else’s', async () => {
    await notify(actors.owner, 'a', new Date());
    await notify(actors.owner, 'b', new Date());
    const theirs = await notify(actors.other, 'theirs', new Date());
    expect(await markAllNotificationsRead(db, actors.owner)).toEqual({ ok: true, count: 2 });
    expect((await getNotificationBadge(db, actors.owner)).unread).toBe(0);
    expect(await readAtOf(theirs)).toBeNull();
    expect((await getNotificationBadge(db, actors.other)).unread).toBe(1);
    expect(await markAllNotificationsRead(db, actors.owner)).toEqual({ ok: true, count: 0 });
    expect(await markAllNotificationsRead(db, undefined)).toEqual({ ok: false, error: 'forbidden' });
  });

  it('reads preferences with the role’s defaults until the user chooses', async () => {
    const owner = await getNotificationPreferences(db, actors.owner);
    expect(owner.map((p) => p.type)).toEqual(notificationTypesFor('dealer_owner'));
    expect(owner.find((p) => p.type === 'ledger.updated')?.channels).toEqual({ in_app: true, push: false, email: false });
    // Each channel has its own default: a payment reminder comes everywhere, an announcement only in the portal.
    expect(owner.find((p) => p.type === 'payment.reminder')?.channels).toEqual({ in_app: true, push: true, email: true });
    expect(owner.find((p) => p.type === 'announcement.published')?.channels).toEqual({ in_app: true, push: false, email: false });
    expect(owner.find((p) => p.type === 'order.status')?.channels).toEqual({ in_app: true, push: true, email: false });
    const staff = await getNotificationPreferences(db, actors.staff);
    expect(staff.find((p) => p.type === 'ledger.updated')?.channels).toEqual({ in_app: false, push: false, email: false });
    const claims = await getNotificationPreferences(db, actors.claims);
    expect(claims.map((p) => p.type)).toEqual(notificationTypesFor('claims'));
    expect(claims.some((p) => p.type === 'order.status')).toBe(false);
  });

  it('saves the owner’s own choice for his role’s types only', async () => {
    const enabled = notificationTypesFor('dealer_owner')
      .filter((type) => type !== 'order.status')
      .map((type) => `${type}:in_app`);
    const result = await saveNotificationPreferences(db, actors.owner, {
      enabled: [...enabled, 'order.status:email', 'claim.overdue:in_app', 'sync.silent:in_app', 'nonsense', 'order.status:fax'],
    });
    expect(result).toEqual({ ok: true });

    const saved = await getNotificationPreferences(db, actors.owner);
    expect(saved.find((p) => p.type === 'order.status')?.channels).toEqual({ in_app: false, push: false, email: true });
    expect(saved.find((p) => p.type === 'shipment.updated')?.channels).toEqual({ in_app: true, push: false, email: false });

    const rows = await db.select().from(notificationPreferences);
    expect(new Set(rows.map((r) => r.userId))).toEqual(new Set([actors.owner.userId]));
    // Types the role cannot receive are never stored.
    expect(rows.some((r) => r.eventType === 'claim.overdue' || r.eventType === 'sync.silent')).toBe(false);
    expect(rows).toHaveLength(notificationTypesFor('dealer_owner').length * 3);

    // A colleague's preferences stay at the defaults.
    expect((await getNotificationPreferences(db, actors.staff)).find((p) => p.type === 'order.status')?.channels.in_app).toBe(true);

    // Saving again replaces the choice.
    expect(await saveNotificationPreferences(db, actors.owner, { enabled: ['order.status:in_app'] })).toEqual({ ok: true });
    const again = await getNotificationPreferences(db, actors.owner);
    expect(again.filter((p) => p.channels.in_app).map((p) => p.type)).toEqual(['order.status']);

    expect(await saveNotificationPreferences(db, null, { enabled: [] })).toEqual({ ok: false, error: 'forbidden' });
    expect(await saveNotificationPreferences(db, actors.owner, { enabled: 'order.status:in_app' })).toEqual({ ok: false, error: 'invalid' });
  });
});
