import type { DbOrTx } from '@/lib/db';
import { localeOf } from '@/lib/notifications/render';
import { enqueueMail } from './queue';
import { smtpConfigured } from './transport';

// The mail of a one-time link (an invitation, a password reset), queued in the transaction that
// issues the link. The screen that shows the link says where the mail went.

export type LinkMailed = {
  to: string;
  /** No SMTP server is configured: the mail waits in the dev mailbox on the administrator's mail page. */
  mailbox: boolean;
};

export type LinkMail = {
  kind: 'invitation' | 'password_reset';
  user: { id: string; email: string; name: string; locale: string | null };
  path: string;
  expiresAt: Date;
  dealerName?: string | null;
};

export async function enqueueLinkMail(db: DbOrTx, mail: LinkMail, now: Date): Promise<LinkMailed> {
  const { user, path, expiresAt } = mail;
  const base = { to: user.email, userId: user.id, locale: localeOf(user.locale) };
  await enqueueMail(
    db,
    mail.kind === 'invitation'
      ? { ...base, kind: 'invitation', data: { name: user.name, path, expiresAt, dealerName: mail.dealerName ?? null } }
      : { ...base, kind: 'password_reset', data: { name: user.name, path, expiresAt } },
    now,
  );
  return { to: user.email, mailbox: !smtpConfigured() };
}
