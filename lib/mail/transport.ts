import nodemailer from 'nodemailer';
import { getEnv } from '@/lib/env';

// How a mail leaves: an SMTP server (SMTP_URL, sender MAIL_FROM), or, with none configured, the
// dev mailbox: the mail counts as sent (transport `mailbox`) and stays readable on the
// administrator's mail page, so nothing is silently dropped.

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Critical mails go with a high priority (X-Priority, Importance headers). */
  priority: 'high' | 'normal';
};

export type MailTransport = {
  kind: 'smtp' | 'mailbox';
  send(mail: OutgoingMail): Promise<{ messageId: string | null }>;
  close(): void;
};

/** An SMTP error that says the mail will never be taken (5xx): no retry. */
export function isPermanentFailure(err: unknown): boolean {
  const code = (err as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** What to keep of an error in mails.last_error. */
export function describeFailure(err: unknown): string {
  if (err instanceof Error) {
    const { code, responseCode } = err as Error & { code?: string; responseCode?: number };
    const prefix = [responseCode, code].filter((v) => v !== undefined && v !== '').join(' ');
    const text = `${prefix ? `${prefix}: ` : ''}${err.message}`;
    return text.length > 1000 ? `${text.slice(0, 1000)}…` : text;
  }
  return String(err);
}

export function createSmtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(url, {
    from,
    // A server that hangs must not hold a mail for long: the attempt fails and is retried.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  return {
    kind: 'smtp',
    async send(mail) {
      const info = (await transporter.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        priority: mail.priority,
      })) as { messageId?: string };
      return { messageId: info.messageId ?? null };
    },
    close() {
      transporter.close();
    },
  };
}

export function createMailboxTransport(): MailTransport {
  return {
    kind: 'mailbox',
    send: () => Promise.resolve({ messageId: null }),
    close() {},
  };
}

/** The transport the environment asks for. */
export function createMailTransport(env: { SMTP_URL?: string; MAIL_FROM: string } = getEnv()): MailTransport {
  return env.SMTP_URL ? createSmtpTransport(env.SMTP_URL, env.MAIL_FROM) : createMailboxTransport();
}

/** Whether this process sends over SMTP (else the dev mailbox keeps the mails). */
export function smtpConfigured(): boolean {
  return getEnv().SMTP_URL !== undefined;
}
