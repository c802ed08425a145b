import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, dealers, mails, users } from '@/drizzle/schema';
import type { Actor } from '@/lib/auth/actor';
import { hashPassword } from '@/lib/auth/password';
import { ForbiddenError } from '@/lib/auth/scope';
import { createTestDatabase } from '@/lib/testing/database';
import { actorByEmail } from '@/lib/testing/users';
import { createUser } from '@/lib/users/actions';
import { retryMail } from './actions';
import { getMail, listMails } from './queries';
import { sendDueMails } from './sender';
import { refusedSmtpUrl, startSmtpSink, type SmtpSink } from './testing/smtp-sink';
import { createSmtpTransport, type MailTransport } from './transport';

// A failing SMTP server never loses the request that caused a mail, nor the mail: a temporary
// failure (451, a refused connection) is tried again with a growing wait, and after the last
// attempt the mail is failed, which the administrator sees and may send again. A permanent
// failure (550) fails at once. Only an administrator reads the mails or sends one again.

const FROM = 'Dealer portal <portal@example.test>';
const MINUTE = 60_000;
const BACKOFF = [1 * MINUTE, 5 * MINUTE];

describe('mail failures and the administrator’s mail page (issue 10, point 2)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Awaited<ReturnType<typeof createTestDatabase>>['db'];
  let sink: SmtpSink;
  let smtp: MailTransport;
  let refused: MailTransport;
  const actors = {} as Record<'admin' | 'factory' | 'owner', Actor>;
  let now = new Date();
  const clock = () => now;
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };
  const send = (transport: MailTransport) => sendDueMails(db, transport, { backoff: BACKOFF, clock });
  const mailRow = async (id: number) => (await db.select().from(mails).where(eq(mails.id, id)))[0]!;
  const mailTo = async (to: string) => (await db.select().from(mails).where(eq(mails.toAddress, to)))[0]!;
  let seq = 0;
  /** A new user by the administrator: the request succeeds whatever the mail server does. */
  async function invite() {
    seq += 1;
    const issued = await createUser(db, actors.admin, { email: `person${seq}@example.test`, name: `Person ${seq}`, role: 'factory', locale: 'en' });
    expect(issued).toMatchObject({ ok: true, mail: { to: `person${seq}@example.test` } });
    // The mail is due from the moment it was queued: the test's clock starts there.
    now = new Date();
    return mailTo(`person${seq}@example.test`);
  }
  const snapshot = async () => {
    const [row] = await database.query<{ mails: string; audit: number }>(
      `select (select coalesce(json_agg(m order by m.id)::text, '[]') from mails m) as mails, (select count(*)::int from audit_log) as audit`,
    );
    return row;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    sink = await startSmtpSink();
    smtp = createSmtpTransport(sink.url, FROM);
    refused = createSmtpTransport(await refusedSmtpUrl(), FROM);
    const [dealer] = await db.insert(dealers).values({ code: 'D-1', name: 'Вікна Поділля', taxId: '11111111' }).returning();
    const passwordHash = await hashPassword('known-password-1');
    await db.insert(users).values([
      { email: 'admin@example.test', name: 'Адміністратор', role: 'admin', passwordHash },
      { email: 'factory@example.test', name: 'Менеджер', role: 'factory', passwordHash },
      { email: 'owner@example.test', name: 'Власник', role: 'dealer_owner', dealerId: dealer!.id, passwordHash },
    ]);
    actors.admin = await actorByEmail(db, 'admin@example.test');
    actors.factory = await actorByEmail(db, 'factory@example.test');
    actors.owner = await actorByEmail(db, 'owner@example.test');
  });
  afterAll(async () => {
    smtp?.close();
    refused?.close();
    await sink?.close();
    await database?.dispose();
  });
  beforeEach(() => {
    now = new Date();
    sink.rejectWith = 0;
    sink.received.length = 0;
  });

  it('tries a mail the server answers 451 again with a growing wait, then fails it for the administrator to see', async () => {
    sink.rejectWith = 451;
    const queued = await invite();
    expect(queued).toMatchObject({ state: 'pending', attempts: 0 });

    expect(await send(smtp)).toBe(1);
    const first = await mailRow(queued.id);
    expect(first).toMatchObject({ state: 'pending', attempts: 1, leaseUntil: null, transport: null });
    expect(first.lastError).toContain('451');
    expect(first.nextAttemptAt.getTime()).toBe(now.getTime() + 1 * MINUTE);
    // Not due yet: nothing is taken.
    expect(await send(smtp)).toBe(0);

    advance(1 * MINUTE);
    expect(await send(smtp)).toBe(1);
    const second = await mailRow(queued.id);
    expect(second).toMatchObject({ state: 'pending', attempts: 2 });
    expect(second.nextAttemptAt.getTime()).toBe(now.getTime() + 5 * MINUTE);
    expect(second.nextAttemptAt.getTime() - first.nextAttemptAt.getTime()).toBeGreaterThan(first.nextAttemptAt.getTime() - queued.nextAttemptAt.getTime());

    advance(5 * MINUTE);
    expect(await send(smtp)).toBe(1);
    const last = await mailRow(queued.id);
    expect(last).toMatchObject({ state: 'failed', attempts: 3, leaseUntil: null, sentAt: null });
    expect(last.lastError).toContain('451');
    // Nothing arrived, and the words are kept for sending it again.
    expect(sink.received).toHaveLength(0);
    expect(last.text).toContain('/reset/');
    advance(60 * MINUTE);
    expect(await send(smtp)).toBe(0);

    const page = await listMails(db, actors.admin, { filter: 'failed' });
    expect(page.rows.map((r) => r.id)).toEqual([queued.id]);
    expect(page.rows[0]).toMatchObject({ state: 'failed', attempts: 3, toAddress: queued.toAddress, kind: 'invitation' });
    expect(page.counts.failed).toBe(1);
    expect(await getMail(db, actors.admin, queued.id)).toMatchObject({ state: 'failed', cleared: false, lastError: last.lastError });
  });

  it('tries again when the connection is refused, and fails after the last attempt', async () => {
    const queued = await invite();
    expect(await send(refused)).toBe(1);
    const first = await mailRow(queued.id);
    expect(first).toMatchObject({ state: 'pending', attempts: 1 });
    expect(first.lastError).toMatch(/ECONNREFUSED|ECONNECTION/);
    advance(1 * MINUTE);
    expect(await send(refused)).toBe(1);
    expect((await mailRow(queued.id)).nextAttemptAt.getTime()).toBe(now.getTime() + 5 * MINUTE);
    advance(5 * MINUTE);
    expect(await send(refused)).toBe(1);
    expect(await mailRow(queued.id)).toMatchObject({ state: 'failed', attempts: 3 });
  });

  it('fails a mail at once when the server answers 550', async () => {
    sink.rejectWith = 550;
    const queued = await invite();
    expect(await send(smtp)).toBe(1);
    const row = await mailRow(queued.id);
    expect(row).toMatchObject({ state: 'failed', attempts: 1 });
    expect(row.lastError).toContain('550');
    expect((await listMails(db, actors.admin, { filter: 'failed' })).counts.failed).toBe(3);
  });

  it('refuses the mail page and "send again" to anyone but an administrator, and changes nothing', async () => {
    const [failed] = (await listMails(db, actors.admin, { filter: 'failed' })).rows;
    const before = await snapshot();
    for (const actor of [actors.factory, actors.owner, null]) {
      await expect(listMails(db, actor, { filter: 'all' })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getMail(db, actor, failed!.id)).rejects.toBeInstanceOf(ForbiddenError);
      expect(await retryMail(db, actor, { mailId: failed!.id })).toEqual({ ok: false, error: 'forbidden' });
    }
    // Bad input from the administrator: a clear answer, nothing changed.
    expect(await retryMail(db, actors.admin, { mailId: 'abc' })).toEqual({ ok: false, error: 'invalid' });
    expect(await retryMail(db, actors.admin, {})).toEqual({ ok: false, error: 'invalid' });
    expect(await retryMail(db, actors.admin, { mailId: 999_999 })).toEqual({ ok: false, error: 'not_found' });
    expect(await getMail(db, actors.admin, 999_999)).toBeNull();
    expect(await snapshot()).toEqual(before);
  });

  it('sends a failed mail again when the administrator asks, and then clears its link', async () => {
    const page = await listMails(db, actors.admin, { filter: 'failed' });
    const target = page.rows.at(-1)!;
    expect(await retryMail(db, actors.admin, { mailId: target.id })).toEqual({ ok: true, mailId: target.id });
    const row = await mailRow(target.id);
    expect(row).toMatchObject({ state: 'pending', attempts: 0, leaseUntil: null });
    expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, 'mail.retried'));
    expect(audit).toMatchObject({ actorKind: 'user', actorId: actors.admin.userId, entityType: 'mail', entityId: String(target.id) });
    // A mail that is not failed (any more) is not sent again twice.
    expect(await retryMail(db, actors.admin, { mailId: target.id })).toEqual({ ok: false, error: 'not_failed' });

    now = new Date();
    expect(await send(smtp)).toBe(1);
    expect(sink.received).toHaveLength(1);
    expect(await mailRow(target.id)).toMatchObject({ state: 'sent', transport: 'smtp', attempts: 1, text: '', html: '', lastError: null });
    expect(await getMail(db, actors.admin, target.id)).toMatchObject({ cleared: true });
    expect((await listMails(db, actors.admin, { filter: 'sent' })).rows.map((r) => r.id)).toEqual([target.id]);
    expect((await listMails(db, actors.admin, { filter: 'all' })).rows).toHaveLength(3);
  });
});
