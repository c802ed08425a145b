import { z } from 'zod';
import { NOTIFICATION_CHANNELS } from '@/drizzle/schema/values';

// Shared by the notification centre's forms, its server actions and the domain functions.

export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** How many notifications one page of the list shows. */
export const NOTIFICATIONS_PAGE_SIZE = 50;

export const notificationIdSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** "Older than" cursor of the list: the id of the last notification shown. */
export const notificationCursorSchema = notificationIdSchema.optional().catch(undefined);

/** One switch of the preferences form: `<type>:<channel>`, e.g. `order.status:in_app`. */
export function preferenceKey(type: string, channel: NotificationChannel): string {
  return `${type}:${channel}`;
}

/** The switches that are on; every switch of the user's role not listed is off. */
export const savePreferencesSchema = z.object({
  enabled: z
    .array(z.string().max(100))
    .max(200)
    .transform((keys) =>
      keys.flatMap((key) => {
        const at = key.lastIndexOf(':');
        const channel = key.slice(at + 1);
        if (at <= 0 || !(NOTIFICATION_CHANNELS as readonly string[]).includes(channel)) return [];
        return [{ type: key.slice(0, at), channel: channel as NotificationChannel }];
      }),
    ),
});
export type SavePreferencesInput = z.input<typeof savePreferencesSchema>;
