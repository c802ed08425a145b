import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, dealers, ledgerEntries, notificationPreferences, notifications, outbox, paymentReminders, users } from '@/drizzle/schema';
import type { Locale, Role } from '@/drizzle/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { ForbiddenError } from '@/lib/auth/scope';
import { factoryToday } from '@/lib/calendar';
import { getEnv } from '@/lib/env';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { getNotificationBadge, listNotificationsForUser } from '@/lib/notifications/queries';
import { dispatchBatch } from '@/lib/realtime/dispatch';
import type { Emission } from '@/lib/realtime/route';
import { createTestDatabase } from '@/lib/testing/database';
import { listReceivables } from './receivables';
import { DEFAULT_RECEIVABLES_FILTER } from './receivables-filter';
import { previewReminders, sendReminders } from './reminders';

// Payment reminders: the preview in the owner's language, what a send stores (the reminder, the
// owner's notification with its outbox row, the audit row), who is told and who is not, the
// 24-hour confirmation, access, and the realtime dispatcher ringing the owner's bell.

describe('payment reminders', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const people = new Map<string, Actor>();
  const dealerIds = new Map<string, number>();
  const now = new Date();
  const today = factoryToday(now);
  const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

  async function person(key: string, role: Role, dealerCode: string | null, locale: Locale | null = null, active = true) {
    const [user] = await database.db
      .insert(users)
      .values({ email: `${key}@x.test`, name: `Name ${key}`, role, dealerId: dealerCode ? dealerIds.get(dealerCode)! : null, locale, passwordHash: 'x', active })
      .returning();
    const actor: Actor = { userId: user!.id, role, dealerId: user!.dealerId, name: user!.name, email: user!.email, locale };
    people.set(key, actor);
    return actor;
  }
  const who = (key: string) => people.get(key)!;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    const rows = await db
      .insert(dealers)
      .values([
        { code: 'D-A', name: 'Вікна «Поділля»', taxId: '11111111' },
        { code: 'D-B', name: 'Paid up', taxId: '22222222' },
        { code: 'D-C', name: 'No owner', taxId: '33333333' },
        { code: 'D-D', name: 'Muted', taxId: '44444444' },
      ])
      .returning();
    for (const d of rows) dealerIds.set(d.code, d.id);
    await person('factory', 'factory', null);
    await person('claims', 'claims', null);
    await person('ownerA', 'dealer_owner', 'D-A', 'ru');
    await person('staffA', 'dealer_staff', 'D-A', 'uk');
    await person('formerOwnerA', 'dealer_owner', 'D-A', 'en', false);
    await person('ownerB', 'dealer_owner', 'D-B');
    await person('staffC', 'dealer_staff', 'D-C');
    await person('ownerD', 'dealer_owner', 'D-D', 'en');
    // D-D's owner switched payment reminders off on every channel.
    await db.insert(notificationPreferences).values(
      (['in_app', 'push', 'email'] as const).map((channel) => ({ userId: who('ownerD').userId, eventType: 'payment.reminder', channel, enabled: false })),
    );
    const entry = (code: string, n: number, kind: 'invoice' | 'payment', amount: string, date: string, dueDate: string | null) => ({
      source: 'accounting',
      documentId: `${code}-${n}`,
      dealerId: dealerIds.get(code)!,
      kind,
      amount,
      effect: kind === 'payment' ? `-${amount}` : amount,
      date,
      dueDate,
    });
    await db.insert(ledgerEntries).values([
      // D-A: 1000.00 due 40 days ago, half paid; 2234.56 due 10 days ago; 5000 not due yet → overdue 2734.56 since 40 days ago.
      entry('D-A', 1, 'invoice', '1000.00', day(-50), day(-40)),
      entry('D-A', 2, 'payment', '500.00', day(-30), null),
      entry('D-A', 3, 'invoice', '2234.56', day(-20), day(-10)),
      entry('D-A', 4, 'invoice', '5000.00', day(-1), day(20)),
      entry('D-B', 1, 'invoice', '100.00', day(-30), day(-20)),
      entry('D-B', 2, 'payment', '100.00', day(-19), null),
      entry('D-C', 1, 'invoice', '10.00', day(-30), day(-20)),
      entry('D-D', 1, 'invoice', '99.99', day(-30), day(-5)),
    ]);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('previews each reminder in the owner’s language, and says why some will not be sent', async () => {
    const previews = await previewReminders(database.db, who('factory'), ['D-A', 'D-B', 'D-C', 'D-D', 'D-NONE'], now);
    expect(previews.map((p) => [p.code, p.status])).toEqual([
      ['D-A', 'ready'],
      ['D-B', 'not_overdue'],
      ['D-C', 'no_owner'],
      ['D-D', 'ready'],
    ]);
    const a = previews[0]!;
    expect(a).toMatchObject({ overdue: '2734.56', oldestDueDate: day(-40), owner: { name: 'Name ownerA', locale: 'ru' }, owners: 1, recent: false });
    // Russian, with the dealer's name, the amount and the date as a Russian reader writes them, and the link.
    expect(a.title).toBe(`Напоминание об оплате: просрочено ${formatMoney('2734.56', 'UAH', 'ru')}`);
    expect(a.text).toContain('Вікна «Поділля», ваш просроченный долг');
    expect(a.text).toContain(formatMoney('2734.56', 'UAH', 'ru'));
    expect(a.text).toContain(formatDate(day(-40), 'ru'));
    expect(a.text).toContain(`${getEnv().publicUrl}/dealer/finance`);
    expect(previews[3]!.title).toBe(`Payment reminder: ${formatMoney('99.99', 'UAH', 'en')} overdue`);
  });

  it('records each reminder and tells the owner only, through a stored notification and its outbox row', async () => {
    const result = await sendReminders(database.db, who('factory'), { dealerCodes: ['D-A', 'D-B', 'D-C', 'D-D'] }, now);
    expect(result).toEqual({
      ok: true,
      sent: [
        { code: 'D-A', reminderId: expect.any(Number), notified: 1, owners: 1 },
        { code: 'D-D', reminderId: expect.any(Number), notified: 0, owners: 1 },
      ],
      skipped: [
        { code: 'D-B', reason: 'not_overdue' },
        { code: 'D-C', reason: 'no_owner' },
      ],
    });
    const [preview] = await previewReminders(database.db, who('factory'), ['D-A'], now);
    const stored = await database.db.select().from(paymentReminders).where(eq(paymentReminders.dealerId, dealerIds.get('D-A')!));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      sentById: who('factory').userId,
      overdue: '2734.56',
      currency: 'UAH',
      oldestDueDate: day(-40),
      recipients: 1,
      notified: 1,
      locale: 'ru',
      title: preview!.title,
      text: preview!.text,
    });
    expect(stored[0]!.sentAt.getTime()).toBe(now.getTime());

    const told = await database.db.select().from(notifications).where(eq(notifications.type, 'payment.reminder'));
    expect(told.map((n) => n.userId)).toEqual([who('ownerA').userId]);
    expect(told[0]).toMatchObject({ importance: 'critical', title: preview!.title, body: preview!.text, link: '/dealer/finance', readAt: null });
    const events = await database.db.select().from(outbox).where(eq(outbox.event, 'notification'));
    expect(events).toEqual([
      expect.objectContaining({ payload: { id: told[0]!.id, type: 'payment.reminder', title: preview!.title, importance: 'critical' }, audience: { userId: who('ownerA').userId } }),
    ]);
    // D-D's owner switched reminders off: recorded, not told.
    const [muted] = await database.db.select().from(paymentReminders).where(eq(paymentReminders.dealerId, dealerIds.get('D-D')!));
    expect(muted).toMatchObject({ recipients: 1, notified: 0, locale: 'en' });
    const audits = await database.db.select().from(auditLog).where(eq(auditLog.action, 'dealer.payment_reminder'));
    expect(audits.map((a) => a.entityId).sort()).toEqual(['D-A', 'D-D']);
    // The list shows when each was last reminded.
    const list = await listReceivables(database.db, who('factory'), { ...DEFAULT_RECEIVABLES_FILTER, sort: 'name', dir: 'asc' });
    expect(list.rows.map((r) => [r.code, r.lastReminderAt?.getTime() ?? null]).sort()).toEqual([
      ['D-A', now.getTime()],
      ['D-B', null],
      ['D-C', null],
      ['D-D', now.getTime()],
    ]);
  });

  it('rings the owner’s bell: the dispatcher emits it to his room, and it is his unread notification', async () => {
    const emitted: Emission[] = [];
    await dispatchBatch(database.db, (e) => emitted.push(e));
    expect(emitted.filter((e) => e.event === 'notification')).toEqual([
      expect.objectContaining({ rooms: [`user:${who('ownerA').userId}`], payload: expect.objectContaining({ type: 'payment.reminder' }) }),
    ]);
    const owner = await listNotificationsForUser(database.db, who('ownerA'));
    expect(owner.days.flatMap((d) => d.items).map((i) => i.type)).toEqual(['payment.reminder']);
    expect((await getNotificationBadge(database.db, who('ownerA'))).unread).toBe(1);
    for (const key of ['staffA', 'formerOwnerA', 'ownerB', 'ownerD']) {
      expect((await getNotificationBadge(database.db, who(key))).unread, key).toBe(0);
    }
  });

  it('does not remind a dealer twice within 24 hours unless the sender confirms it', async () => {
    const later = new Date(now.getTime() + 23 * 3_600_000);
    expect(await sendReminders(database.db, who('factory'), { dealerCodes: ['D-A', 'D-B'] }, later)).toEqual({
      ok: false,
      error: 'recent',
      recent: [{ code: 'D-A', name: 'Вікна «Поділля»', lastReminderAt: now }],
    });
    const count = async () => (await database.db.select().from(paymentReminders).where(eq(paymentReminders.dealerId, dealerIds.get('D-A')!))).length;
    expect(await count()).toBe(1);
    const again = await sendReminders(database.db, who('factory'), { dealerCodes: ['D-A'], confirmRepeat: true }, later);
    expect(again.ok && again.sent.map((s) => s.code)).toEqual(['D-A']);
    expect(await count()).toBe(2);
    const audits = await database.db.select().from(auditLog).where(and(eq(auditLog.action, 'dealer.payment_reminder'), eq(auditLog.entityId, 'D-A')));
    expect(audits.map((a) => (a.data as { repeat: boolean }).repeat)).toEqual([false, true]);
    // A day and an hour after the last one, no confirmation is needed.
    const next = await sendReminders(database.db, who('factory'), { dealerCodes: ['D-A'] }, new Date(later.getTime() + 25 * 3_600_000));
    expect(next.ok).toBe(true);
  });

  it('is for the factory’s finance staff only, and refuses empty or malformed input', async () => {
    for (const key of ['claims', 'ownerA', 'staffA']) {
      await expect(sendReminders(database.db, who(key), { dealerCodes: ['D-A'] })).rejects.toThrow(ForbiddenError);
      await expect(previewReminders(database.db, who(key), ['D-A'])).rejects.toThrow(ForbiddenError);
    }
    await expect(sendReminders(database.db, null, { dealerCodes: ['D-A'] })).rejects.toThrow(ForbiddenError);
    expect(await sendReminders(database.db, who('factory'), { dealerCodes: [] })).toEqual({ ok: false, error: 'invalid' });
    expect(await sendReminders(database.db, who('factory'), { dealerCodes: ["D-A'; drop table dealers"] })).toEqual({ ok: false, error: 'invalid' });
    expect(await sendReminders(database.db, { ...who('factory'), role: 'admin' }, { dealerCodes: ['D-NONE'] })).toEqual({ ok: true, sent: [], skipped: [] });
  });
});
