import 'server-only';
import { eq } from 'drizzle-orm';
import { notificationSettings } from '@/drizzle/schema';
import type { Db, DbOrTx } from '@/lib/db';
import { log } from '@/lib/log';
import { assertOwner, type NotificationOwner } from './queries';
import { clockOfMinutes, deliveryFieldErrors, saveDeliverySettingsSchema, type DeliveryField, type DeliveryFieldError, type EmailModeChoice } from './schemas';

// The owner's delivery settings: e-mail at once or in a daily or weekly digest, and quiet hours
// for push (Kyiv time). One row per user (notification_settings); no row means e-mail at once and
// no quiet hours. The owner is always the signed-in user: an id in the input is never read.

export type DeliverySettings = {
  emailMode: EmailModeChoice;
  /** "HH:MM", or null for no quiet hours (both or neither). */
  quietFrom: string | null;
  quietTo: string | null;
};

export const DEFAULT_DELIVERY_SETTINGS: DeliverySettings = { emailMode: 'immediate', quietFrom: null, quietTo: null };

export async function getDeliverySettings(db: DbOrTx, owner: NotificationOwner): Promise<DeliverySettings> {
  const userId = assertOwner(owner);
  const [row] = await db
    .select({ emailMode: notificationSettings.emailMode, quietFrom: notificationSettings.quietFrom, quietTo: notificationSettings.quietTo })
    .from(notificationSettings)
    .where(eq(notificationSettings.userId, userId));
  if (!row) return DEFAULT_DELIVERY_SETTINGS;
  const quiet = row.quietFrom !== null && row.quietTo !== null;
  return {
    emailMode: row.emailMode,
    quietFrom: quiet ? clockOfMinutes(row.quietFrom!) : null,
    quietTo: quiet ? clockOfMinutes(row.quietTo!) : null,
  };
}

export type SaveDeliveryResult =
  | { ok: true }
  | { ok: false; error: 'forbidden' }
  | { ok: false; error: 'invalid'; fields: Partial<Record<DeliveryField, DeliveryFieldError>> };

/**
 * Stores the owner's e-mail mode and quiet hours. A bad input changes nothing and says which
 * field is wrong. The last digest's time is kept: switching between daily and weekly does not
 * send a digest early, and items waiting for a digest go out with the next run whatever the mode.
 */
export async function saveDeliverySettings(
  db: Db,
  owner: NotificationOwner | null | undefined,
  input: unknown,
  now: Date = new Date(),
): Promise<SaveDeliveryResult> {
  if (!owner || typeof owner.userId !== 'string' || owner.userId.length === 0) return { ok: false, error: 'forbidden' };
  const parsed = saveDeliverySettingsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'invalid', fields: deliveryFieldErrors(parsed.error) };
  const { emailMode, quietFrom, quietTo } = parsed.data;
  await db
    .insert(notificationSettings)
    .values({ userId: owner.userId, emailMode, quietFrom, quietTo, updatedAt: now })
    .onConflictDoUpdate({ target: notificationSettings.userId, set: { emailMode, quietFrom, quietTo, updatedAt: now } });
  log.info('notification delivery settings saved', { userId: owner.userId, emailMode, quiet: quietFrom !== null });
  return { ok: true };
}
