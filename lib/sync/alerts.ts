import { and, eq, gte, sql } from 'drizzle-orm';
import { notifications, syncBatches, syncSources, users } from '@/drizzle/schema';
import { rowsOf, type Db } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/format';
import { log } from '@/lib/log';
import { recordNotifications } from '@/lib/notifications/channels';
import { localeOf, notificationLink, renderNotification, type NotificationContent } from '@/lib/notifications/render';
import { wakeChannelSenders } from '@/lib/notifications/wake';
import { wakeDispatcher } from '@/lib/realtime/registry';

// Alerts about the factory's systems for administrators: a burst of rejected events, or a source
// that has gone silent, worded in each administrator's language and sent on the channels he has
// on (lib/notifications/channels.ts; in the portal with the outbox event the realtime fan-out
// sends). One alert per source and kind while the condition lasts (none again within the window).

export const ALERT_TYPES = { rejections: 'sync.rejections', silent: 'sync.silent' } as const;
const BURST_WINDOW_MINUTES = 10;
/** Several processes run the check; one takes it at a time. */
const CHECK_LOCK = 724_201_002;

export type AlertSettings = { rejectionsPerTenMinutes: number; silenceMinutes: number };

export async function checkSyncAlerts(db: Db, settings: AlertSettings, now = new Date()): Promise<number> {
  const raised = await db.transaction(async (tx) => {
    const [lock] = rowsOf<{ ok: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${CHECK_LOCK}) as ok`));
    if (!lock?.ok) return 0;
    const burstSince = new Date(now.getTime() - BURST_WINDOW_MINUTES * 60_000);
    const silentBefore = new Date(now.getTime() - settings.silenceMinutes * 60_000);
    const sources = await tx.select().from(syncSources).where(eq(syncSources.active, true));
    const rejections = await tx
      .select({ sourceId: syncBatches.sourceId, n: sql<number>`sum(${syncBatches.rejected})`.mapWith(Number) })
      .from(syncBatches)
      .where(gte(syncBatches.receivedAt, burstSince))
      .groupBy(syncBatches.sourceId);
    const admins = await tx
      .select({ id: users.id, role: users.role, locale: users.locale, email: users.email })
      .from(users)
      .where(and(eq(users.role, 'admin'), eq(users.active, true)));
    if (admins.length === 0) return 0;

    const alerts: { type: (typeof ALERT_TYPES)[keyof typeof ALERT_TYPES]; source: string; words: (locale: string | null) => NotificationContent; data: Record<string, unknown>; repeatAfter: Date }[] = [];
    for (const source of sources) {
      const rejected = rejections.find((r) => r.sourceId === source.id)?.n ?? 0;
      if (rejected >= settings.rejectionsPerTenMinutes) {
        alerts.push({
          type: ALERT_TYPES.rejections,
          source: source.code,
          words: () => ({ type: ALERT_TYPES.rejections, values: { source: source.name, count: rejected, minutes: BURST_WINDOW_MINUTES } }),
          data: { source: source.code, rejected, minutes: BURST_WINDOW_MINUTES },
          repeatAfter: burstSince,
        });
      }
      const lastEventAt = source.lastEventAt;
      if (lastEventAt && lastEventAt < silentBefore) {
        alerts.push({
          type: ALERT_TYPES.silent,
          source: source.code,
          words: (locale) => ({ type: ALERT_TYPES.silent, values: { source: source.name, since: formatDateTime(lastEventAt, localeOf(locale)) } }),
          data: { source: source.code, lastEventAt: lastEventAt.toISOString(), minutes: settings.silenceMinutes },
          // Silence is reported once per silence: until the source speaks again.
          repeatAfter: lastEventAt,
        });
      }
    }
    let raised = 0;
    for (const alert of alerts) {
      const [already] = await tx
        .select({ id: notifications.id })
        .from(notifications)
        .where(and(eq(notifications.type, alert.type), sql`${notifications.data}->>'source' = ${alert.source}`, gte(notifications.createdAt, alert.repeatAfter)))
        .limit(1);
      if (already) continue;
      const created = await recordNotifications(
        tx,
        admins.map((admin) => {
          const { title, body } = renderNotification(alert.words(admin.locale), admin.locale);
          return {
            user: admin,
            type: alert.type,
            importance: 'critical' as const,
            title,
            body,
            link: notificationLink(alert.type, admin.role, {}),
            data: alert.data,
          };
        }),
        now,
        { viaOutbox: true },
      );
      // Every administrator switched it off everywhere: nothing to tell, nothing raised.
      if (!created.length) continue;
      log.warn('sync alert raised', { type: alert.type, source: alert.source, admins: admins.length, told: created.length });
      raised += 1;
    }
    return raised;
  });
  if (raised > 0) {
    wakeDispatcher();
    wakeChannelSenders();
  }
  return raised;
}

/** The alerts raised for this user about the sync, newest first (for the monitor's banner). */
export async function listOpenSyncAlerts(db: Db, userId: string, hours = 24) {
  return db
    .select({ id: notifications.id, type: notifications.type, data: notifications.data, createdAt: notifications.createdAt })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        sql`${notifications.type} like 'sync.%'`,
        sql`${notifications.createdAt} > now() - make_interval(hours => ${hours})`,
      ),
    )
    .orderBy(sql`${notifications.createdAt} desc`)
    .limit(10);
}
