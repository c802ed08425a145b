import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mails, notificationPreferences, notifications, outbox, syncBatches, syncSources } from '@/drizzle/schema';
import { formatDateTime } from '@/lib/i18n/format';
import { createUser, type TestUser } from '@/lib/realtime/testing/fixtures';
import { checkSyncAlerts } from '@/lib/sync/alerts';
import { prepareSyncDatabase } from '@/lib/sync/testing/fixtures';
import { createTestDatabase } from '@/lib/testing/database';

// Alerts about the sync reach each administrator in his language, on the channels he has on.

describe('sync alerts on the notification channels', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const db = () => database.db;
  const now = new Date('2026-11-23T12:00:00Z');
  let english: TestUser;
  let russian: TestUser;
  let ukrainian: TestUser;
  let muted: TestUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    await prepareSyncDatabase(db());
    english = await createUser(db(), 'admin', { locale: 'en' });
    russian = await createUser(db(), 'admin', { locale: 'ru' });
    ukrainian = await createUser(db(), 'admin', { locale: null });
    muted = await createUser(db(), 'admin', { locale: 'en' });
    await db()
      .insert(notificationPreferences)
      .values([
        ...(['in_app', 'push', 'email'] as const).map((channel) => ({ userId: muted.userId, eventType: 'sync.rejections', channel, enabled: false })),
        { userId: russian.userId, eventType: 'sync.rejections', channel: 'in_app' as const, enabled: false },
      ]);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('words a burst of rejections in each administrator’s language, in the portal and by e-mail', async () => {
    const [production] = await db().select().from(syncSources).where(eq(syncSources.code, 'production'));
    await db().update(syncSources).set({ lastEventAt: new Date(now.getTime() - 60_000) });
    await db()
      .insert(syncBatches)
      .values({ sourceId: production!.id, receivedAt: new Date(now.getTime() - 60_000), events: 40, accepted: 15, duplicates: 0, rejected: 25, ms: 5 });
    expect(await checkSyncAlerts(db(), { rejectionsPerTenMinutes: 20, silenceMinutes: 60 }, now)).toBe(1);

    const stored = await db().select().from(notifications).where(eq(notifications.type, 'sync.rejections'));
    const byUser = new Map(stored.map((n) => [n.userId, n]));
    expect(byUser.get(english.userId)).toMatchObject({ title: 'Production: 25 events rejected in 10 min', inApp: true, importance: 'critical', link: '/factory/sync' });
    expect(byUser.get(russian.userId)).toMatchObject({ title: 'Production: отклонено событий: 25 за 10 мин', inApp: false });
    expect(byUser.get(ukrainian.userId)).toMatchObject({ title: 'Production: відхилено подій: 25 за 10 хв', inApp: true });
    // Switched off everywhere: not told at all.
    expect(byUser.has(muted.userId)).toBe(false);

    // The bell rings for those who see it in the portal; every admin with e-mail on gets a mail in his language.
    const events = await db().select().from(outbox).where(eq(outbox.event, 'notification'));
    expect(events.map((e) => (e.audience as { userId: string }).userId).sort()).toEqual([english.userId, ukrainian.userId].sort());
    const sent = await db().select().from(mails);
    expect(sent.map((m) => [m.userId, m.locale, m.importance]).sort()).toEqual(
      [
        [english.userId, 'en', 'critical'],
        [russian.userId, 'ru', 'critical'],
        [ukrainian.userId, 'uk', 'critical'],
      ].sort(),
    );
  });

  it('says since when a silent source has been silent, as each reader writes a date', async () => {
    const lastEventAt = new Date(now.getTime() - 5 * 3_600_000);
    await db().update(syncSources).set({ lastEventAt });
    expect(await checkSyncAlerts(db(), { rejectionsPerTenMinutes: 1000, silenceMinutes: 60 }, now)).toBe(2);
    const silent = await db().select().from(notifications).where(eq(notifications.type, 'sync.silent'));
    const accounting = silent.filter((n) => (n.data as { source: string }).source === 'accounting');
    expect(accounting.find((n) => n.userId === english.userId)?.title).toBe(`Accounting has sent nothing since ${formatDateTime(lastEventAt, 'en')}`);
    expect(accounting.find((n) => n.userId === russian.userId)?.title).toBe(`Accounting ничего не присылает с ${formatDateTime(lastEventAt, 'ru')}`);
    // Not muted for this kind of alert: told.
    expect(accounting.some((n) => n.userId === muted.userId)).toBe(true);
  });
});
