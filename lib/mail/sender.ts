import { and, asc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import { mails } from '@/drizzle/schema';
import type { Db } from '@/lib/db';
import { startLoop, type Loop } from '@/lib/background/loop';
import { log } from '@/lib/log';
import { ONE_TIME_LINK_KINDS } from './queue';
import { createMailTransport, describeFailure, isPermanentFailure, type MailTransport } from './transport';

// The mail sender: takes due mails, sends them, records the outcome.
//
// A pass takes a few rows in one statement (state sending, a lease, attempts + 1, chosen with FOR
// UPDATE SKIP LOCKED so several processes never take the same row) and sends them outside any
// transaction: the database (PGlite has one connection) is never held while an SMTP server
// answers. A sender that dies leaves its rows in state sending; once the lease has run out they
// are taken again. The outcome is written only while the row is still this sender's take.
//
// A 5xx reply is permanent (failed at once); anything else (4xx, a refused connection, a timeout)
// is tried again after the next step of the backoff, and after the last step the mail fails. The
// administrator sees failed mails on the mail page and may send them again. A mail with a one-time
// link that an SMTP server accepted loses its words: the link must not stay readable in the
// database. The dev mailbox keeps them; reading them there is its purpose.

const MINUTE = 60_000;
/** Waits before the 2nd, 3rd, … attempt; after the last one the mail fails. */
export const DEFAULT_BACKOFF_MS = [1, 5, 15, 60, 180, 360].map((m) => m * MINUTE);

export type MailSenderOptions = {
  db: Db;
  pollMs?: number;
  transport?: MailTransport;
  backoff?: readonly number[];
  batchSize?: number;
  /** How long a taken mail stays this sender's before another may take it. */
  leaseMs?: number;
  clock?: () => Date;
};

export type MailSender = Loop;

type Taken = { id: number; kind: string; toAddress: string; subject: string; text: string; html: string; importance: 'critical' | 'normal'; attempts: number };

async function takeDue(db: Db, now: Date, limit: number, leaseMs: number): Promise<Taken[]> {
  const due = db
    .select({ id: mails.id })
    .from(mails)
    .where(or(and(eq(mails.state, 'pending'), lte(mails.nextAttemptAt, now)), and(eq(mails.state, 'sending'), lt(mails.leaseUntil, now))))
    .orderBy(asc(mails.nextAttemptAt), asc(mails.id))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(mails)
    .set({ state: 'sending', leaseUntil: new Date(now.getTime() + leaseMs), attempts: sql`${mails.attempts} + 1` })
    .where(inArray(mails.id, due))
    .returning({
      id: mails.id,
      kind: mails.kind,
      toAddress: mails.toAddress,
      subject: mails.subject,
      text: mails.text,
      html: mails.html,
      importance: mails.importance,
      attempts: mails.attempts,
    });
}

function stillOurs(mail: Taken) {
  return and(eq(mails.id, mail.id), eq(mails.state, 'sending'), eq(mails.attempts, mail.attempts));
}

async function sendOne(db: Db, transport: MailTransport, mail: Taken, backoff: readonly number[], clock: () => Date): Promise<void> {
  const context = { mailId: mail.id, kind: mail.kind, attempt: mail.attempts, transport: transport.kind };
  try {
    const { messageId } = await transport.send({
      to: mail.toAddress,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      priority: mail.importance === 'critical' ? 'high' : 'normal',
    });
    const clear = transport.kind === 'smtp' && ONE_TIME_LINK_KINDS.includes(mail.kind);
    await db
      .update(mails)
      .set({
        state: 'sent',
        transport: transport.kind,
        messageId,
        sentAt: clock(),
        leaseUntil: null,
        lastError: null,
        ...(clear ? { text: '', html: '' } : {}),
      })
      .where(stillOurs(mail));
    log.info('mail sent', { ...context, messageId });
  } catch (err) {
    const lastError = describeFailure(err);
    const permanent = isPermanentFailure(err);
    const wait = backoff[mail.attempts - 1];
    if (permanent || wait === undefined) {
      await db.update(mails).set({ state: 'failed', leaseUntil: null, lastError }).where(stillOurs(mail));
      log.error('mail failed; it is not tried again', { ...context, permanent, err });
      return;
    }
    const nextAttemptAt = new Date(clock().getTime() + wait);
    await db.update(mails).set({ state: 'pending', leaseUntil: null, lastError, nextAttemptAt }).where(stillOurs(mail));
    log.warn('mail not sent; it is tried again later', { ...context, nextAttemptAt: nextAttemptAt.toISOString(), err });
  }
}

/** Takes and sends one batch of due mails; answers how many it took. */
export async function sendDueMails(
  db: Db,
  transport: MailTransport,
  options: { backoff?: readonly number[]; batchSize?: number; leaseMs?: number; clock?: () => Date } = {},
): Promise<number> {
  const clock = options.clock ?? (() => new Date());
  const taken = await takeDue(db, clock(), options.batchSize ?? 10, options.leaseMs ?? 5 * MINUTE);
  for (const mail of taken) await sendOne(db, transport, mail, options.backoff ?? DEFAULT_BACKOFF_MS, clock);
  return taken.length;
}

export function startMailSender(options: MailSenderOptions): MailSender {
  const { db, pollMs = 5_000, batchSize = 10 } = options;
  const transport = options.transport ?? createMailTransport();
  const loop = startLoop({ name: 'mail sending', pollMs, batch: async () => (await sendDueMails(db, transport, { ...options, batchSize })) === batchSize });
  log.info('mail sender started', { transport: transport.kind, pollMs });
  return {
    wake: loop.wake,
    idle: loop.idle,
    async stop() {
      await loop.stop();
      transport.close();
    },
  };
}
