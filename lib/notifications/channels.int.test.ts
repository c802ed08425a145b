import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  mails,
  notificationDeliveries,
  notificationPreferences,
  notifications,
  notificationSettings,
  outbox,
  pushSubscriptions,
} from '@/drizzle/schema';
import { dispatchBatch } from '@/lib/realtime/dispatch';
import type { Emission } from '@/lib/realtime/route';
import { createDealer, createUser, type TestUser } from '@/lib/realtime/testing/fixtures';
import { createTestDatabase } from '@/lib/testing/database';
import { recordNotifications, type NotificationDraft } from './channels';
import { getNotificationBadge, listNotificationsForUser } from './queries';
import type { NotificationChannelName, NotificationType } from './types';

// Each channel on and off by the user's choice, else his role's default; what is stored, pushed
// and mailed; e-mail at once or waiting for the digest; the centre shows only in-app notices.

describe('notification channels', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const db = () => database.db;
  const now = new Date('2026-11-30T10:00:00Z');
  let dealerId: number;
  let owner: TestUser;
  let staff: TestUser;
  let desk: TestUser;

  const draft = (user: TestUser, type: NotificationType, extra: Partial<NotificationDraft> = {}): NotificationDraft => ({
    user: { id: user.userId, role: user.role, locale: user.locale, email: user.email },
    type,
    importance: 'normal',
    title: `${type} for ${user.name}`,
    body: 'Body line',
    link: '/dealer/orders/10-1',
    data: { test: true },
    ...extra,
  });
  const record = (drafts: NotificationDraft[], options?: { viaOutbox?: boolean }) => db().transaction((tx) => recordNotifications(tx, drafts, now, options));
  const choose = (user: TestUser, type: NotificationType, channels: Partial<Record<NotificationChannelName, boolean>>) =>
    db()
      .insert(notificationPreferences)
      .values(Object.entries(channels).map(([channel, enabled]) => ({ userId: user.userId, eventType: type, channel: channel as NotificationChannelName, enabled })));
  const subscribe = (user: TestUser) =>
    db().insert(pushSubscriptions).values({ userId: user.userId, endpoint: `https://push.test/${user.userId}`, p256dh: 'key', auth: 'auth' });
  const deliveriesOf = (user: TestUser) => db().select().from(notificationDeliveries).where(eq(notificationDeliveries.userId, user.userId));
  const mailsOf = (user: TestUser) => db().select().from(mails).where(eq(mails.userId, user.userId));
  const notificationsOf = (user: TestUser) => db().select().from(notifications).where(eq(notifications.userId, user.userId));

  beforeAll(async () => {
    database = await createTestDatabase();
    dealerId = await createDealer(db(), 'CH-1');
    owner = await createUser(db(), 'dealer_owner', { dealerId, locale: 'ru' });
    staff = await createUser(db(), 'dealer_staff', { dealerId, locale: 'en' });
    desk = await createUser(db(), 'claims', { locale: 'uk' });
  });
  afterAll(async () => {
    await database?.dispose();
  });
  beforeEach(async () => {
    await db().delete(mails);
    await db().delete(notificationDeliveries);
    await db().delete(outbox);
    await db().delete(notifications);
    await db().delete(notificationPreferences);
    await db().delete(notificationSettings);
    await db().delete(pushSubscriptions);
  });

  it('follows the role’s default per channel until the user chooses', async () => {
    await subscribe(owner);
    await subscribe(staff);
    const stored = await record([draft(owner, 'payment.reminder', { importance: 'critical' }), draft(staff, 'ledger.updated'), draft(owner, 'announcement.published')]);
    // A payment reminder: everywhere for the owner; settlements: nowhere for staff; an announcement: in the portal only.
    expect(stored.map((s) => [s.type, s.inApp])).toEqual([
      ['payment.reminder', true],
      ['announcement.published', true],
    ]);
    const pushes = await deliveriesOf(owner);
    expect(pushes.map((d) => [d.notificationId, d.channel, d.state])).toEqual([[stored[0]!.id, 'push', 'pending']]);
    const [mail] = await mailsOf(owner);
    expect(mail).toMatchObject({ kind: 'notification', notificationId: stored[0]!.id, locale: 'ru', importance: 'critical', toAddress: owner.email, state: 'pending' });
    expect(await notificationsOf(staff)).toEqual([]);
    expect(await deliveriesOf(staff)).toEqual([]);
  });

  it('switches each channel on and off', async () => {
    await subscribe(owner);
    // In the portal off, push on: not in the centre, but pushed.
    await choose(owner, 'order.status', { in_app: false, push: true, email: false });
    const [pushedOnly] = await record([draft(owner, 'order.status')], { viaOutbox: true });
    expect(pushedOnly).toMatchObject({ inApp: false });
    expect(await deliveriesOf(owner)).toMatchObject([{ notificationId: pushedOnly!.id, channel: 'push', state: 'pending' }]);
    expect(await mailsOf(owner)).toEqual([]);
    const list = await listNotificationsForUser(db(), owner);
    expect(list.days).toEqual([]);
    expect(await getNotificationBadge(db(), owner)).toEqual({ unread: 0, latestId: 0 });
    // No realtime event for a notification the centre does not show.
    expect(await db().select().from(outbox)).toEqual([]);

    // E-mail on, the rest off: one mail in the user's language, stored out of the centre.
    await choose(staff, 'order.status', { in_app: false, push: false, email: true });
    const [mailedOnly] = await record([draft(staff, 'order.status', { title: 'Order 10-1: Shipped' })]);
    expect(mailedOnly).toMatchObject({ inApp: false });
    const [mail] = await mailsOf(staff);
    expect(mail).toMatchObject({ kind: 'notification', locale: 'en', importance: 'normal', toAddress: staff.email });
    expect(mail!.text).toContain('Order 10-1: Shipped');
    expect(mail!.text).toContain('/dealer/orders/10-1');
    expect(await deliveriesOf(staff)).toEqual([]);

    // Everything off: nothing at all.
    await choose(desk, 'claim.message', { in_app: false, push: false, email: false });
    expect(await record([draft(desk, 'claim.message')])).toEqual([]);
    expect(await notificationsOf(desk)).toEqual([]);
    expect(await mailsOf(desk)).toEqual([]);
  });

  it('pushes only to a user with a device: push alone without one stores nothing', async () => {
    await choose(staff, 'shipment.updated', { in_app: false, push: true, email: false });
    expect(await record([draft(staff, 'shipment.updated')])).toEqual([]);
    expect(await notificationsOf(staff)).toEqual([]);
    await subscribe(staff);
    expect(await record([draft(staff, 'shipment.updated')])).toHaveLength(1);
    expect(await deliveriesOf(staff)).toHaveLength(1);
  });

  it('keeps normal e-mails for the digest, but mails critical ones at once', async () => {
    await db().insert(notificationSettings).values({ userId: owner.userId, emailMode: 'daily' });
    await choose(owner, 'order.status', { email: true });
    const stored = await record([
      draft(owner, 'order.status'),
      draft(owner, 'order.status', { importance: 'critical', title: 'Order 10-2: Cancelled' }),
    ]);
    const deliveries = await deliveriesOf(owner);
    expect(deliveries.filter((d) => d.channel === 'email').map((d) => [d.notificationId, d.state])).toEqual([[stored[0]!.id, 'digest']]);
    const sent = await mailsOf(owner);
    expect(sent.map((m) => [m.notificationId, m.importance])).toEqual([[stored[1]!.id, 'critical']]);
  });

  it('writes the outbox rows of the in-app notifications when asked', async () => {
    await choose(staff, 'payment.overdue', { in_app: false, email: true });
    const stored = await record([draft(owner, 'payment.overdue', { importance: 'critical' }), draft(staff, 'payment.overdue', { importance: 'critical' })], {
      viaOutbox: true,
    });
    expect(stored.map((s) => s.inApp)).toEqual([true, false]);
    const rows = await db().select().from(outbox);
    expect(rows).toEqual([
      expect.objectContaining({
        event: 'notification',
        payload: { id: stored[0]!.id, type: 'payment.overdue', title: stored[0]!.title, importance: 'critical' },
        audience: { userId: owner.userId },
      }),
    ]);
  });

  it('the dispatcher rings the bell only for notifications shown in the portal', async () => {
    await subscribe(staff);
    await choose(staff, 'announcement.published', { in_app: false, push: true });
    await db().insert(outbox).values({ event: 'announcement.published', payload: { id: 7, title: 'Winter prices' }, audience: { dealerIds: [dealerId] } });
    const emitted: Emission[] = [];
    await dispatchBatch(db(), (e) => emitted.push(e));
    const told = emitted.filter((e) => e.event === 'notification');
    expect(told.map((e) => e.rooms)).toEqual([[`user:${owner.userId}`]]);
    const [staffNotice] = await notificationsOf(staff);
    expect(staffNotice).toMatchObject({ type: 'announcement.published', inApp: false, title: 'Announcement: Winter prices' });
    expect(await deliveriesOf(staff)).toMatchObject([{ notificationId: staffNotice!.id, channel: 'push', state: 'pending' }]);
  });
});
