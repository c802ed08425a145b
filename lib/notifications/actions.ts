import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { NOTIFICATION_CHANNELS } from '@/drizzle/schema/values';
import { notificationPreferences, notifications } from '@/drizzle/schema';
import type { Db } from '@/lib/db';
import { log } from '@/lib/log';
import type { NotificationOwner } from './queries';
import { notificationIdSchema, preferenceKey, savePreferencesSchema } from './schemas';
import { notificationTypesFor } from './types';

// The owner marks notifications read and chooses which types notify him. Each change touches only
// the owner's own rows: someone else's notification id changes nothing and answers exactly like a
// missing one.

export type NotificationError = 'invalid' | 'forbidden';
export type Failure = { ok: false; error: NotificationError };

const fail = (error: NotificationError): Failure => ({ ok: false, error });

function ownerId(owner: NotificationOwner | null | undefined): string | null {
  return owner && typeof owner.userId === 'string' && owner.userId.length > 0 ? owner.userId : null;
}

/** Marks one of the owner's notifications read; `changed` is false when it was read, missing or not his. */
export async function markNotificationRead(
  db: Db,
  owner: NotificationOwner | null | undefined,
  input: unknown,
  now: Date = new Date(),
): Promise<{ ok: true; changed: boolean } | Failure> {
  const userId = ownerId(owner);
  if (!userId) return fail('forbidden');
  const id = notificationIdSchema.safeParse(input);
  if (!id.success) return fail('invalid');
  const updated = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.id, id.data), eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { ok: true, changed: updated.length > 0 };
}

/** Marks every unread notification of the owner read. */
export async function markAllNotificationsRead(
  db: Db,
  owner: NotificationOwner | null | undefined,
  now: Date = new Date(),
): Promise<{ ok: true; count: number } | Failure> {
  const userId = ownerId(owner);
  if (!userId) return fail('forbidden');
  const updated = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  if (updated.length > 0) log.info('notifications marked read', { userId, count: updated.length });
  return { ok: true, count: updated.length };
}

/**
 * Stores the owner's choice for every type his role can receive and every channel: the listed
 * switches on, all others off. Types his role cannot receive are ignored.
 */
export async function saveNotificationPreferences(
  db: Db,
  owner: NotificationOwner | null | undefined,
  input: unknown,
  now: Date = new Date(),
): Promise<{ ok: true } | Failure> {
  const userId = ownerId(owner);
  if (!userId || !owner) return fail('forbidden');
  const parsed = savePreferencesSchema.safeParse(input);
  if (!parsed.success) return fail('invalid');
  const on = new Set(parsed.data.enabled.map((p) => preferenceKey(p.type, p.channel)));
  const rows = notificationTypesFor(owner.role).flatMap((type) =>
    NOTIFICATION_CHANNELS.map((channel) => ({ userId, eventType: type, channel, enabled: on.has(preferenceKey(type, channel)), updatedAt: now })),
  );
  if (rows.length === 0) return { ok: true };
  await db
    .insert(notificationPreferences)
    .values(rows)
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.eventType, notificationPreferences.channel],
      set: { enabled: sql`excluded.enabled`, updatedAt: sql`excluded.updated_at` },
    });
  log.info('notification preferences saved', { userId, on: on.size });
  return { ok: true };
}
