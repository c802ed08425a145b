import { mails } from '@/drizzle/schema';
import type { Locale } from '@/drizzle/schema/values';
import type { DbOrTx } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { renderMail } from './templates/render';

// Outgoing e-mail is written in the transaction of whatever caused it (an invitation, a
// notification) and sent afterwards by the mail sender (lib/mail/sender.ts): the request never
// waits for an SMTP server, and a mail is never lost because one was down. The words are put
// together here, at once, in the recipient's language; links become absolute with the portal's
// public address. Whoever commits a mail may call wakeChannelSenders('mail') after the commit.

export type MailContent =
  | { kind: 'invitation'; data: { name: string; path: string; expiresAt: Date; dealerName?: string | null } }
  | { kind: 'password_reset'; data: { name: string; path: string; expiresAt: Date } }
  | {
      kind: 'notification';
      notificationId: number;
      importance: 'critical' | 'normal';
      data: { type: string; title: string; body: string | null; path: string | null };
    }
  | {
      kind: 'digest';
      data: {
        period: 'daily' | 'weekly';
        /** How many notices the digest covers when the list is cut short (its last line says how many more). */
        total?: number;
        items: { title: string; body: string | null; path: string | null; importance: 'critical' | 'normal'; createdAt: Date }[];
      };
    };

export type MailInput = MailContent & { to: string; userId?: string | null; locale: Locale };

export type MailKind = MailContent['kind'];

/** Mails whose link signs someone in once: their words are cleared after an SMTP server took them. */
export const ONE_TIME_LINK_KINDS: readonly string[] = ['invitation', 'password_reset'];

/** Queues one mail (state pending, due now) and answers its id. */
export async function enqueueMail(db: DbOrTx, mail: MailInput, now: Date = new Date()): Promise<number> {
  const [id] = await enqueueMails(db, [mail], now);
  if (id === undefined) throw new Error('the mail was not stored');
  return id;
}

/** Rows per insert statement. */
const CHUNK = 500;

/** Queues many mails in few statements (a notice to thousands of users); answers their ids in order. */
export async function enqueueMails(db: DbOrTx, list: MailInput[], now: Date = new Date()): Promise<number[]> {
  const publicUrl = getEnv().publicUrl;
  const ids: number[] = [];
  for (let i = 0; i < list.length; i += CHUNK) {
    const rows = await db
      .insert(mails)
      .values(
        list.slice(i, i + CHUNK).map((mail) => {
          const rendered = renderMail(mail, mail.locale, publicUrl);
          return {
            userId: mail.userId ?? null,
            kind: mail.kind,
            notificationId: mail.kind === 'notification' ? mail.notificationId : null,
            toAddress: mail.to,
            locale: mail.locale,
            importance: mail.kind === 'notification' ? mail.importance : ('normal' as const),
            subject: rendered.subject,
            text: rendered.text,
            html: rendered.html,
            state: 'pending' as const,
            nextAttemptAt: now,
            createdAt: now,
          };
        }),
      )
      .returning({ id: mails.id });
    if (rows.length !== Math.min(CHUNK, list.length - i)) throw new Error('the mails were not all stored');
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}
