import { bigint, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './dealers';
import { importanceEnum, localeEnum, mailStateEnum } from './enums';

/**
 * Outgoing e-mail (lib/mail): written in the transaction of whatever caused it, sent afterwards by
 * the mail sender with retries and backoff. With no SMTP server configured a mail is delivered to
 * the dev mailbox instead (transport `mailbox`) and read on the admin's mail page.
 */
export const mails = pgTable(
  'mails',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** The user it is for, when it is for a user of the portal. */
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** What made it: invitation, password_reset, notification, digest, … (lib/mail/templates). */
    kind: text().notNull(),
    /** The notification it tells of (kind `notification`). */
    notificationId: bigint({ mode: 'number' }),
    toAddress: text().notNull(),
    locale: localeEnum().notNull(),
    importance: importanceEnum().notNull().default('normal'),
    subject: text().notNull(),
    text: text().notNull(),
    html: text().notNull(),
    state: mailStateEnum().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Taken by a sender until then (a sender that died leaves it to be taken again). */
    leaseUntil: timestamp({ withTimezone: true }),
    lastError: text(),
    /** smtp, or mailbox (no SMTP server configured: kept for the admin's mail page). */
    transport: text(),
    messageId: text(),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mails_state_idx').on(t.state, t.nextAttemptAt), index('mails_created_idx').on(t.createdAt), index('mails_user_idx').on(t.userId)],
);
