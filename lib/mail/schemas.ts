import { z } from 'zod';

// What the mail page accepts (no server imports: the page and the actions share it).

export const MAIL_FILTERS = ['all', 'pending', 'failed', 'sent'] as const;
export type MailFilter = (typeof MAIL_FILTERS)[number];

export const mailFilterSchema = z.enum(MAIL_FILTERS).catch('all');

export const mailIdSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const retryMailSchema = z.object({ mailId: mailIdSchema });

/** The page of the list: mails older than this id (newest first). */
export const mailCursorSchema = mailIdSchema.optional().catch(undefined);
