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
  const rendered = renderMail(mail, mail.locale, getEnv().publicUrl);
  const [row] = await db
    .insert(mails)
    .values({
      userId: mail.userId ?? null,
      kind: mail.kind,
      notificationId: mail.kind === 'notification' ? mail.notificationId : null,
      toAddress: mail.to,
      locale: mail.locale,
      importance: mail.kind === 'notification' ? mail.importance : 'normal',
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      state: 'pending',
      nextAttemptAt: now,
      createdAt: now,
    })
    .returning({ id: mails.id });
  if (!row) throw new Error('the mail was not stored');
  return row.id;
}
