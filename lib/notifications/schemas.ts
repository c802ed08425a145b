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

/** How e-mail notifications arrive (the same list as EMAIL_MODES in the schema). */
export const EMAIL_MODE_CHOICES = ['immediate', 'daily', 'weekly'] as const;
export type EmailModeChoice = (typeof EMAIL_MODE_CHOICES)[number];

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "HH:MM" → minutes after midnight (null for anything else). */
export function minutesOfClock(value: string): number | null {
  const match = CLOCK.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** Minutes after midnight → "HH:MM". */
export function clockOfMinutes(minutes: number): string {
  const m = ((Math.trunc(minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/**
 * The "E-mail and quiet hours" form. Quiet hours are off, or on with both ends (HH:MM, Kyiv time,
 * different; 22:00–07:00 wraps midnight). Each message is a key under
 * `notifications.settings.delivery.fieldErrors`, shown next to its field.
 */
export const saveDeliverySettingsSchema = z
  .object({
    emailMode: z.enum(EMAIL_MODE_CHOICES, { message: 'emailMode' }),
    quiet: z.boolean().default(false),
    quietFrom: z.string().trim().max(10).default(''),
    quietTo: z.string().trim().max(10).default(''),
  })
  .superRefine((value, ctx) => {
    if (!value.quiet) return;
    const from = minutesOfClock(value.quietFrom);
    const to = minutesOfClock(value.quietTo);
    if (!value.quietFrom) ctx.addIssue({ code: 'custom', path: ['quietFrom'], message: 'required' });
    else if (from === null) ctx.addIssue({ code: 'custom', path: ['quietFrom'], message: 'time' });
    if (!value.quietTo) ctx.addIssue({ code: 'custom', path: ['quietTo'], message: 'required' });
    else if (to === null) ctx.addIssue({ code: 'custom', path: ['quietTo'], message: 'time' });
    if (from !== null && to !== null && from === to) ctx.addIssue({ code: 'custom', path: ['quietTo'], message: 'same' });
  })
  .transform((value) => ({
    emailMode: value.emailMode,
    quietFrom: value.quiet ? minutesOfClock(value.quietFrom) : null,
    quietTo: value.quiet ? minutesOfClock(value.quietTo) : null,
  }));
export type SaveDeliverySettingsInput = z.input<typeof saveDeliverySettingsSchema>;

export type DeliveryField = 'emailMode' | 'quietFrom' | 'quietTo';
export type DeliveryFieldError = 'emailMode' | 'required' | 'time' | 'same';

/** The first problem of each field, as a message key. */
export function deliveryFieldErrors(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }) {
  const out: Partial<Record<DeliveryField, DeliveryFieldError>> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '') as DeliveryField;
    const message = issue.message as DeliveryFieldError;
    // Anything else (a field sent wrongly by a hand-made request) is told by the form's general error.
    if (['emailMode', 'quietFrom', 'quietTo'].includes(field) && ['emailMode', 'required', 'time', 'same'].includes(message)) out[field] ??= message;
  }
  return out;
}
