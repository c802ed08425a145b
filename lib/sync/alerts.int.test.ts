import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, outbox, syncBatches, syncSources, users } from '@/drizzle/schema';
import { createTestDatabase } from '@/lib/testing/database';
import { ALERT_TYPES, checkSyncAlerts } from './alerts';
import { prepareSyncDatabase } from './testing/fixtures';

const settings = { rejectionsPerTenMinutes: 20, silenceMinutes: 60 };

describe('sync alerts', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const now = new Date('2026-11-23T12:00:00Z');

  beforeAll(async () => {
    database = await createTestDatabase();
    await prepareSyncDatabase(database.db);
    await database.db.insert(users).values([
      { email: 'a1@x.test', name: 'Admin 1', role: 'admin', passwordHash: 'x' },
      { email: 'a2@x.test', name: 'Admin 2', role: 'admin', passwordHash: 'x' },
      { email: 'f@x.test', name: 'Factory', role: 'factory', passwordHash: 'x' },
    ]);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('alerts every administrator once about a burst of rejections', async () => {
    const [production] = await database.db.select().from(syncSources).where(eq(syncSources.code, 'production'));
    await database.db.update(syncSources).set({ lastEventAt: new Date(now.getTime() - 60_000) });
    await database.db.insert(syncBatches).values([
      { sourceId: production!.id, receivedAt: new Date(now.getTime() - 5 * 60_000), events: 30, accepted: 15, duplicates: 0, rejected: 15, ms: 5 },
      { sourceId: production!.id, receivedAt: new Date(now.getTime() - 2 * 60_000), events: 10, accepted: 2, duplicates: 0, rejected: 8, ms: 5 },
    ]);
    expect(await checkSyncAlerts(database.db, settings, now)).toBe(1);
    expect(await checkSyncAlerts(database.db, settings, new Date(now.getTime() + 60_000))).toBe(0);
    const raised = await database.db.select().from(notifications).where(eq(notifications.type, ALERT_TYPES.rejections));
    expect(raised).toHaveLength(2);
    expect(raised.every((n) => n.importance === 'critical' && n.link === '/factory/sync')).toBe(true);
    const events = await database.db.select().from(outbox).where(eq(outbox.event, 'notification'));
    expect(events).toHaveLength(2);
  });

  it('alerts once when a source goes silent, and not before the configured time', async () => {
    const later = new Date(now.getTime() + 30 * 60_000);
    expect(await checkSyncAlerts(database.db, settings, later)).toBe(0);
    const muchLater = new Date(now.getTime() + 3 * 3_600_000);
    expect(await checkSyncAlerts(database.db, settings, muchLater)).toBe(2);
    expect(await checkSyncAlerts(database.db, settings, new Date(muchLater.getTime() + 60_000))).toBe(0);
    const silent = await database.db.select().from(notifications).where(eq(notifications.type, ALERT_TYPES.silent));
    expect(silent.map((n) => (n.data as { source: string }).source).sort()).toEqual(['accounting', 'accounting', 'production', 'production']);
  });
});
