import { and, inArray } from 'drizzle-orm';
import { notificationDeliveries, notificationPreferences, notifications, notificationSettings, outbox, pushSubscriptions } from '@/drizzle/schema';
import type { EmailMode, Role } from '@/drizzle/schema/values';
import type { Tx } from '@/lib/db';
import { enqueueMails, type MailInput } from '@/lib/mail/queue';
import { localeOf } from './render';
import { isOnByDefault, type NotificationChannelName, type NotificationImportance, type NotificationType } from './types';

// Where each notification goes. For every recipient and type, each channel (in the portal, push,
// e-mail) is on or off by the user's own choice, else by his role's default (types.ts); push
// counts as off for a user with no device subscribed. With all three off nothing is stored; else
// the notification row is (in_app says whether the centre and the bell show it), a push is a delivery for the push sender, which
// keeps quiet hours itself; an e-mail is a mail queued at once (the user's e-mail mode is
// immediate, or the notification is critical), else a delivery waiting for his digest
// (lib/notifications/digest.ts). Everything is written in the caller's transaction; after the
// commit the caller wakes the dispatcher and the channel senders.

export type StoredNotification = {
  id: number;
  userId: string;
  type: NotificationType;
  title: string;
  importance: NotificationImportance;
  /** Shown in the centre and the bell (the realtime `notification` event is for these only). */
  inApp: boolean;
};

/** One notification for one user, already worded in his language. */
export type NotificationDraft = {
  user: { id: string; role: Role; locale: string | null; email: string };
  type: NotificationType;
  importance: NotificationImportance;
  title: string;
  body: string | null;
  link: string | null;
  data: Record<string, unknown>;
};

type Channels = Record<NotificationChannelName, boolean>;

/** Rows per insert statement. */
const CHUNK = 1000;

export async function recordNotifications(
  tx: Tx,
  drafts: NotificationDraft[],
  now: Date,
  options: { viaOutbox?: boolean } = {},
): Promise<StoredNotification[]> {
  if (!drafts.length) return [];
  const userIds = [...new Set(drafts.map((d) => d.user.id))];
  const types = [...new Set(drafts.map((d) => d.type))];
  const [chosen, modes] = await Promise.all([loadChoices(tx, userIds, types), loadEmailModes(tx, userIds)]);

  const channelOn = (draft: NotificationDraft, name: NotificationChannelName) =>
    chosen.get(`${draft.user.id}|${draft.type}|${name}`) ?? isOnByDefault(draft.type, draft.user.role, name);
  // A push needs a device: for a user without a subscription push counts as off.
  const withDevice = await usersWithPushDevice(tx, [...new Set(drafts.filter((d) => channelOn(d, 'push')).map((d) => d.user.id))]);

  const wanted: { draft: NotificationDraft; channels: Channels }[] = [];
  for (const draft of drafts) {
    const channels = { in_app: channelOn(draft, 'in_app'), push: channelOn(draft, 'push') && withDevice.has(draft.user.id), email: channelOn(draft, 'email') };
    if (channels.in_app || channels.push || channels.email) wanted.push({ draft, channels });
  }
  if (!wanted.length) return [];

  const stored: StoredNotification[] = [];
  for (let i = 0; i < wanted.length; i += CHUNK) {
    const part = wanted.slice(i, i + CHUNK);
    const rows = await tx
      .insert(notifications)
      .values(
        part.map(({ draft, channels }) => ({
          userId: draft.user.id,
          type: draft.type,
          importance: draft.importance,
          title: draft.title,
          body: draft.body,
          link: draft.link,
          data: draft.data,
          inApp: channels.in_app,
          createdAt: now,
        })),
      )
      .returning({ id: notifications.id });
    if (rows.length !== part.length) throw new Error('notifications were not all stored');

    const deliveries: (typeof notificationDeliveries.$inferInsert)[] = [];
    const mailsNow: MailInput[] = [];
    for (const [k, { draft, channels }] of part.entries()) {
      const id = rows[k]!.id;
      stored.push({ id, userId: draft.user.id, type: draft.type, title: draft.title, importance: draft.importance, inApp: channels.in_app });
      if (channels.push) {
        deliveries.push({ notificationId: id, userId: draft.user.id, channel: 'push', state: 'pending', nextAttemptAt: now, createdAt: now });
      }
      if (!channels.email) continue;
      const mode = modes.get(draft.user.id) ?? 'immediate';
      if (mode === 'immediate' || draft.importance === 'critical') {
        mailsNow.push({
          kind: 'notification',
          notificationId: id,
          importance: draft.importance,
          data: { type: draft.type, title: draft.title, body: draft.body, path: draft.link },
          to: draft.user.email,
          userId: draft.user.id,
          locale: localeOf(draft.user.locale),
        });
      } else {
        deliveries.push({ notificationId: id, userId: draft.user.id, channel: 'email', state: 'digest', nextAttemptAt: now, createdAt: now });
      }
    }
    if (deliveries.length) await tx.insert(notificationDeliveries).values(deliveries);
    if (mailsNow.length) await enqueueMails(tx, mailsNow, now);
  }

  if (options.viaOutbox) {
    const shown = stored.filter((n) => n.inApp);
    for (let i = 0; i < shown.length; i += CHUNK) {
      await tx.insert(outbox).values(
        shown.slice(i, i + CHUNK).map((n) => ({
          event: 'notification',
          payload: { id: n.id, type: n.type, title: n.title, importance: n.importance },
          audience: { userId: n.userId },
        })),
      );
    }
  }
  return stored;
}

/** The users' own choices for these types, every channel: "user|type|channel" → on/off. */
async function loadChoices(tx: Tx, userIds: string[], types: string[]): Promise<Map<string, boolean>> {
  const rows = await tx
    .select({
      userId: notificationPreferences.userId,
      type: notificationPreferences.eventType,
      channel: notificationPreferences.channel,
      enabled: notificationPreferences.enabled,
    })
    .from(notificationPreferences)
    .where(and(inArray(notificationPreferences.userId, userIds), inArray(notificationPreferences.eventType, types)));
  return new Map(rows.map((r) => [`${r.userId}|${r.type}|${r.channel}`, r.enabled]));
}

/** Each user's e-mail mode (no settings row: immediate). */
async function loadEmailModes(tx: Tx, userIds: string[]): Promise<Map<string, EmailMode>> {
  const rows = await tx
    .select({ userId: notificationSettings.userId, emailMode: notificationSettings.emailMode })
    .from(notificationSettings)
    .where(inArray(notificationSettings.userId, userIds));
  return new Map(rows.map((r) => [r.userId, r.emailMode]));
}

async function usersWithPushDevice(tx: Tx, userIds: string[]): Promise<Set<string>> {
  if (!userIds.length) return new Set();
  const rows = await tx
    .selectDistinct({ userId: pushSubscriptions.userId })
    .from(pushSubscriptions)
    .where(inArray(pushSubscriptions.userId, userIds));
  return new Set(rows.map((r) => r.userId));
}
