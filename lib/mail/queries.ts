import { and, count, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import { mails } from '@/drizzle/schema';
import type { MailState } from '@/drizzle/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/assert';
import type { DbOrTx } from '@/lib/db';
import { ONE_TIME_LINK_KINDS } from './queue';
import type { MailFilter } from './schemas';

// The administrator's mail page: every outgoing mail, newest first, with the failed ones counted;
// without an SMTP server it is the dev mailbox where the mails are read. Only for mail.view.

export type MailRow = {
  id: number;
  kind: string;
  toAddress: string;
  subject: string;
  state: MailState;
  importance: 'critical' | 'normal';
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  transport: string | null;
  sentAt: Date | null;
  createdAt: Date;
};

export type MailDetail = MailRow & {
  locale: string;
  text: string;
  html: string;
  messageId: string | null;
  /** Sent over SMTP with a one-time link: the words were removed once the server took them. */
  cleared: boolean;
};

export type MailCounts = Record<MailState, number>;

export const MAIL_PAGE_SIZE = 50;

const ROW = {
  id: mails.id,
  kind: mails.kind,
  toAddress: mails.toAddress,
  subject: mails.subject,
  state: mails.state,
  importance: mails.importance,
  attempts: mails.attempts,
  nextAttemptAt: mails.nextAttemptAt,
  lastError: mails.lastError,
  transport: mails.transport,
  sentAt: mails.sentAt,
  createdAt: mails.createdAt,
};

/** The states a filter shows: "pending" includes the mails being sent right now. */
function statesOf(filter: MailFilter): MailState[] | null {
  if (filter === 'pending') return ['pending', 'sending'];
  if (filter === 'failed') return ['failed'];
  if (filter === 'sent') return ['sent'];
  return null;
}

/** How many mails are in each state (no actor: the health check reads it too). */
export async function countMails(db: DbOrTx): Promise<MailCounts> {
  const rows = await db.select({ state: mails.state, n: count() }).from(mails).groupBy(mails.state);
  const counts: MailCounts = { pending: 0, sending: 0, sent: 0, failed: 0 };
  for (const row of rows) counts[row.state] = Number(row.n);
  return counts;
}

export async function listMails(
  db: DbOrTx,
  actor: Actor | null,
  options: { filter: MailFilter; before?: number; limit?: number },
): Promise<{ rows: MailRow[]; counts: MailCounts; nextCursor: number | null }> {
  assertCan(actor, 'mail.view');
  const limit = options.limit ?? MAIL_PAGE_SIZE;
  const states = statesOf(options.filter);
  const where: (SQL | undefined)[] = [states ? inArray(mails.state, states) : undefined, options.before ? lt(mails.id, options.before) : undefined];
  const [rows, counts] = await Promise.all([
    db
      .select(ROW)
      .from(mails)
      .where(and(...where))
      .orderBy(desc(mails.id))
      .limit(limit + 1),
    countMails(db),
  ]);
  const page = rows.slice(0, limit);
  return { rows: page, counts, nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}

/** One mail with its words; null for an unknown id. */
export async function getMail(db: DbOrTx, actor: Actor | null, id: number): Promise<MailDetail | null> {
  assertCan(actor, 'mail.view');
  const [row] = await db
    .select({ ...ROW, locale: mails.locale, text: mails.text, html: mails.html, messageId: mails.messageId })
    .from(mails)
    .where(eq(mails.id, id));
  if (!row) return null;
  const cleared = row.state === 'sent' && row.transport === 'smtp' && ONE_TIME_LINK_KINDS.includes(row.kind) && row.text === '';
  return { ...row, cleared };
}
