import 'server-only';
import { and, count, desc, eq, isNull, max, sql } from 'drizzle-orm';
import { NOTIFICATION_CHANNELS } from '@/drizzle/schema/values';
import { notificationPreferences, notifications } from '@/drizzle/schema';
import type { Actor } from '@/lib/auth/actor';
import { ForbiddenError } from '@/lib/auth/scope';
import { factoryToday } from '@/lib/calendar';
import type { DbOrTx } from '@/lib/db';
import { NOTIFICATIONS_PAGE_SIZE, type NotificationChannel } from './schemas';
import { isOnByDefault, notificationTypesFor, type NotificationImportance, type NotificationType } from './types';

// The signed-in person's own notifications (those shown in the portal: in_app) and preferences. Every read is scoped to
// the owner's user id: there is no way to ask for someone else's.

/** Whose notifications: the signed-in actor (only the id and the role are used). */
export type NotificationOwner = Pick<Actor, 'userId' | 'role'>;

export type NotificationItem = {
  id: number;
  type: string;
  importance: NotificationImportance;
  title: string;
  body: string | null;
  /** A path inside the portal, or null when the notification leads nowhere. */
  link: string | null;
  read: boolean;
  createdAt: Date;
};

/** Notifications of one day in the factory's time zone (YYYY-MM-DD), newest first. */
export type NotificationDay = { day: string; items: NotificationItem[] };

/** The bell: how many are unread, and the newest id the count includes. */
export type NotificationBadge = { unread: number; latestId: number };

export type NotificationPreference = { type: NotificationType; channels: Record<NotificationChannel, boolean> };

export function assertOwner(owner: NotificationOwner | null | undefined): string {
  if (!owner || typeof owner.userId !== 'string' || owner.userId.length === 0) {
    throw new ForbiddenError('Notifications are read by a signed-in user');
  }
  return owner.userId;
}

/** Links are written by the portal itself; anything but a path of this site is dropped. */
export function internalLink(link: string | null): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//') || link.startsWith('/\\')) return null;
  return link;
}

/** Consecutive notifications of the same factory day together, in the order given. */
export function groupByKyivDay(items: NotificationItem[]): NotificationDay[] {
  const days: NotificationDay[] = [];
  for (const item of items) {
    const day = factoryToday(item.createdAt);
    const last = days.at(-1);
    if (last?.day === day) last.items.push(item);
    else days.push({ day, items: [item] });
  }
  return days;
}

/**
 * The owner's notifications, newest first, grouped by day in Europe/Kyiv; `before` continues
 * after the last one of the previous page.
 */
export async function listNotificationsForUser(
  db: DbOrTx,
  owner: NotificationOwner,
  options: { before?: number; limit?: number } = {},
): Promise<{ days: NotificationDay[]; nextBefore: number | null }> {
  const userId = assertOwner(owner);
  const limit = Math.min(Math.max(options.limit ?? NOTIFICATIONS_PAGE_SIZE, 1), 200);
  const rows = await db
    .select({
      id: notifications.id,
      type: notifications.type,
      importance: notifications.importance,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        eq(notifications.inApp, true),
        // After the cursor's own row, read in the database (a timestamp keeps microseconds a Date loses).
        options.before
          ? sql`(${notifications.createdAt}, ${notifications.id}) < (select c.created_at, c.id from ${notifications} c where c.id = ${options.before} and c.user_id = ${userId})`
          : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const items = page.map(({ readAt, link, ...row }) => ({ ...row, link: internalLink(link), read: readAt !== null }));
  return { days: groupByKyivDay(items), nextBefore: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}

export async function getNotificationBadge(db: DbOrTx, owner: NotificationOwner): Promise<NotificationBadge> {
  const userId = assertOwner(owner);
  const [[unread], [latest]] = await Promise.all([
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.inApp, true), isNull(notifications.readAt))),
    db
      .select({ id: max(notifications.id) })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.inApp, true))),
  ]);
  return { unread: unread?.n ?? 0, latestId: latest?.id ?? 0 };
}

/**
 * Every type the owner's role can receive with each channel on or off: the owner's own choice,
 * else the role's default for that channel.
 */
export async function getNotificationPreferences(db: DbOrTx, owner: NotificationOwner): Promise<NotificationPreference[]> {
  const userId = assertOwner(owner);
  const rows = await db
    .select({ type: notificationPreferences.eventType, channel: notificationPreferences.channel, enabled: notificationPreferences.enabled })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  const chosen = new Map(rows.map((r) => [`${r.type}:${r.channel}`, r.enabled]));
  return notificationTypesFor(owner.role).map((type) => ({
    type,
    channels: Object.fromEntries(
      NOTIFICATION_CHANNELS.map((channel) => [channel, chosen.get(`${type}:${channel}`) ?? isOnByDefault(type, owner.role, channel)]),
    ) as Record<NotificationChannel, boolean>,
  }));
}
