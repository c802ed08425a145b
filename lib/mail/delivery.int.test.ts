import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dealers, mails, users } from '@/drizzle/schema';
import type { Actor } from '@/lib/auth/actor';
import { hashPassword } from '@/lib/auth/password';
import { inviteDealerUser } from '@/lib/dealer-users/actions';
import { findInvitation } from '@/lib/dealer-users/queries';
import { getEnv } from '@/lib/env';
import { createTestDatabase } from '@/lib/testing/database';
import { actorByEmail } from '@/lib/testing/users';
import { createUser, issuePasswordReset } from '@/lib/users/actions';
import { findPasswordLink, setPasswordWithLink } from '@/lib/users/links';
import { enqueueMail } from './queue';
import { sendDueMails, startMailSender } from './sender';
import { startSmtpSink, type SmtpSink } from './testing/smtp-sink';
import { createMailboxTransport, createSmtpTransport, type MailTransport } from './transport';

// Mails issued by the real actions arrive at a local SMTP server in the recipient's language,
// with a plain-text and an HTML part and an absolute link that works; over SMTP the words of a
// one-time link's mail are cleared once the server took it; the dev mailbox keeps them.

const FROM = 'Dealer portal <portal@example.test>';

describe('mail delivery (issue 10, point 2)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Awaited<ReturnType<typeof createTestDatabase>>['db'];
  let sink: SmtpSink;
  let smtp: MailTransport;
  let admin: Actor;
  let owner: Actor;

  const mailRow = async (id: number) => (await db.select().from(mails).where(eq(mails.id, id)))[0]!;
  const mailOf = async (to: string) => (await db.select().from(mails).where(eq(mails.toAddress, to)))[0]!;
  const linkIn = (text: string) => text.match(/https?:\/\/\S+/g)?.find((url) => /\/(invite|reset)\//.test(url));

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    sink = await startSmtpSink();
    smtp = createSmtpTransport(sink.url, FROM);
    const [dealer] = await db.insert(dealers).values({ code: 'D-1', name: 'Вікна Поділля', taxId: '11111111' }).returning();
    const passwordHash = await hashPassword('known-password-1');
    await db.insert(users).values([
      { email: 'admin@example.test', name: 'Адміністратор', role: 'admin', passwordHash },
      { email: 'owner@example.test', name: 'Власник', role: 'dealer_owner', dealerId: dealer!.id, passwordHash, locale: 'en' },
    ]);
    admin = await actorByEmail(db, 'admin@example.test');
    owner = await actorByEmail(db, 'owner@example.test');
  });
  afterAll(async () => {
    smtp?.close();
    await sink?.close();
    await database?.dispose();
  });
  beforeEach(() => {
    sink.received.length = 0;
    sink.rejectWith = 0;
  });

  it('sends an invitation made by the administrator in the user’s language, with both parts and a working link', async () => {
    const uk = await createUser(db, admin, { email: 'olena@example.test', name: 'Олена Коваль', role: 'factory', locale: 'uk' });
    const en = await createUser(db, admin, { email: 'john@example.test', name: 'John Smith', role: 'dealer_staff', dealerCode: 'D-1', locale: 'en' });
    expect(uk.ok && en.ok).toBe(true);
    if (!uk.ok || !en.ok) return;
    // The request only queued the mails.
    expect(uk.mail).toEqual({ to: 'olena@example.test', mailbox: true });
    expect((await mailOf('olena@example.test')).state).toBe('pending');

    expect(await sendDueMails(db, smtp)).toBe(2);
    expect(sink.received).toHaveLength(2);
    const byTo = (to: string) => sink.received.find((m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === to)!;

    const ukMail = byTo('olena@example.test');
    expect(ukMail.subject).toBe('Запрошення: Дилерський портал');
    expect(ukMail.from?.value[0]?.address).toBe('portal@example.test');
    expect(ukMail.text).toContain('Вітаємо, Олена Коваль!');
    expect(ukMail.text).toContain('Встановити пароль');
    expect(ukMail.html).toContain('lang="uk"');
    expect(ukMail.html).toContain('Встановити пароль');
    const ukLink = linkIn(ukMail.text ?? '')!;
    expect(ukLink).toBe(`${getEnv().publicUrl}${uk.path}`);
    expect(ukMail.html).toContain(`href="${ukLink}"`);
    const ukToken = ukLink.split('/').at(-1);
    expect(await findPasswordLink(db, ukToken)).toMatchObject({ state: 'valid', kind: 'setup', email: 'olena@example.test' });

    const enMail = byTo('john@example.test');
    expect(enMail.subject).toBe('Your invitation to the Dealer portal');
    expect(enMail.text).toContain('Hello, John Smith!');
    expect(enMail.text).toContain('as a user of Вікна Поділля');
    expect(enMail.html).toContain('lang="en"');
    const enLink = linkIn(enMail.text ?? '')!;
    expect(enLink).toBe(`${getEnv().publicUrl}/invite/${en.token}`);
    expect(await findInvitation(db, enLink.split('/').at(-1))).toMatchObject({ state: 'valid', email: 'john@example.test', dealerName: 'Вікна Поділля' });

    // Accepted by the server: sent, and the link is no longer readable in the database.
    for (const to of ['olena@example.test', 'john@example.test']) {
      const row = await mailOf(to);
      expect(row).toMatchObject({ state: 'sent', transport: 'smtp', attempts: 1, text: '', html: '', lastError: null, leaseUntil: null });
      expect(row.messageId).toBeTruthy();
      expect(row.sentAt).toBeInstanceOf(Date);
      expect(JSON.stringify(row)).not.toContain(to === 'olena@example.test' ? uk.token : en.token);
    }
    // The link from the mail sets the password.
    expect(await setPasswordWithLink(db, { token: ukToken, password: 'new-password-123' })).toMatchObject({ ok: true, kind: 'setup' });
  });

  it('sends a dealer owner’s invitation (in the owner’s language while the invitee has none) and a password reset, each in its language', async () => {
    const invited = await inviteDealerUser(db, owner, { email: 'petro@example.test', name: 'Петро' });
    expect(invited).toMatchObject({ ok: true, mail: { to: 'petro@example.test', mailbox: true } });
    // The user who set a password in the test before: a reset in Ukrainian.
    const [olena] = await db.select().from(users).where(eq(users.email, 'olena@example.test'));
    const reset = await issuePasswordReset(db, admin, { userId: olena!.id });
    expect(reset.ok).toBe(true);

    expect(await sendDueMails(db, smtp)).toBe(2);
    const invitation = sink.received.find((m) => m.subject?.startsWith('Your invitation'))!;
    // No language chosen yet: the inviting owner's (English), naming the dealer.
    expect(invitation.text).toContain('as a user of Вікна Поділля');
    const token = linkIn(invitation.text ?? '')!.split('/').at(-1);
    expect(await findInvitation(db, token)).toMatchObject({ state: 'valid', email: 'petro@example.test' });

    const resetMail = sink.received.find((m) => m.subject === 'Новий пароль: Дилерський портал')!;
    expect(resetMail.text).toContain('проігноруйте лист');
    const resetToken = linkIn(resetMail.text ?? '')!.split('/').at(-1);
    expect(await findPasswordLink(db, resetToken)).toMatchObject({ state: 'valid', kind: 'reset', email: 'olena@example.test' });
  });

  it('sends a critical notification with the marker in the subject, a high priority and a red banner', async () => {
    const id = await enqueueMail(db, {
      kind: 'notification',
      notificationId: 1,
      importance: 'critical',
      to: 'owner@example.test',
      locale: 'en',
      data: { type: 'payment.overdue', title: 'Payment overdue: <INV-1>', body: 'Pay 1 200,00 UAH', path: '/dealer/finance' },
    });
    await sendDueMails(db, smtp);
    const [mail] = sink.received;
    expect(mail?.subject).toBe('Important: Payment overdue: <INV-1>');
    expect(mail?.headerLines.map((h) => h.line)).toEqual(expect.arrayContaining(['X-Priority: 1 (Highest)', 'Importance: High']));
    expect(mail?.html).toContain('background:#b91c1c');
    expect(mail?.html).toContain('Payment overdue: &lt;INV-1&gt;');
    expect(mail?.text).toContain(`Open in the portal:\n${getEnv().publicUrl}/dealer/finance`);
    // Not a one-time link: the words stay.
    expect(await mailRow(id)).toMatchObject({ state: 'sent', importance: 'critical' });
    expect((await mailRow(id)).text).toContain('Pay 1 200,00 UAH');
  });

  it('keeps the mail readable in the dev mailbox when no SMTP server is configured', async () => {
    const issued = await createUser(db, admin, { email: 'dev@example.test', name: 'Dev', role: 'claims', locale: 'ru' });
    expect(issued.ok).toBe(true);
    const sender = startMailSender({ db, transport: createMailboxTransport(), pollMs: 60_000 });
    sender.wake();
    await sender.idle();
    await sender.stop();
    const row = await mailOf('dev@example.test');
    expect(row).toMatchObject({ state: 'sent', transport: 'mailbox', subject: 'Приглашение: Дилерский портал', attempts: 1 });
    expect(row.text).toContain(issued.ok ? issued.path : 'x');
    expect(sink.received).toHaveLength(0);
  });

  it('sends each mail once when several senders work at the same time', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      ids.push(
        await enqueueMail(db, { kind: 'notification', notificationId: 100 + i, importance: 'normal', to: `many${i}@example.test`, locale: 'uk', data: { type: 'order.status', title: `Замовлення ${i}`, body: null, path: null } }),
      );
    }
    const taken = await Promise.all([1, 2, 3].map(() => sendDueMails(db, smtp, { batchSize: 2 })));
    const more = await sendDueMails(db, smtp);
    expect(taken.reduce((a, b) => a + b, 0) + more).toBe(7);
    expect(sink.received.map((m) => m.subject).sort()).toEqual(ids.map((_, i) => `Замовлення ${i}`).sort());
    for (const id of ids) expect(await mailRow(id)).toMatchObject({ state: 'sent', attempts: 1 });
  });

  it('takes a mail again whose sender died in the middle (lease run out)', async () => {
    const id = await enqueueMail(db, { kind: 'password_reset', to: 'late@example.test', locale: 'en', data: { name: 'Late', path: '/reset/abc', expiresAt: new Date() } });
    await db.update(mails).set({ state: 'sending', attempts: 1, leaseUntil: new Date(Date.now() - 1000) }).where(eq(mails.id, id));
    expect(await sendDueMails(db, smtp)).toBe(1);
    expect(await mailRow(id)).toMatchObject({ state: 'sent', attempts: 2 });
    // A lease still running is left alone.
    const other = await enqueueMail(db, { kind: 'password_reset', to: 'busy@example.test', locale: 'en', data: { name: 'Busy', path: '/reset/abd', expiresAt: new Date() } });
    await db.update(mails).set({ state: 'sending', attempts: 1, leaseUntil: new Date(Date.now() + 60_000) }).where(eq(mails.id, other));
    expect(await sendDueMails(db, smtp)).toBe(0);
    expect(await mailRow(other)).toMatchObject({ state: 'sending', attempts: 1 });
  });
});
