import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, mails, users } from '@/drizzle/schema';
import { hashPassword } from '@/lib/auth/password';
import { createTestDatabase } from '@/lib/testing/database';
import { findPasswordLink } from './links';
import { requestPasswordReset } from './reset-request';

// "Forgot your password?": a reset link is mailed to an active account; the answer is the same
// for an address without one (and nothing is written then); requests are limited per client
// address and reset mails per account.

describe('password reset requested from the sign-in page', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Awaited<ReturnType<typeof createTestDatabase>>['db'];
  const snapshot = async () =>
    (
      await database.query<{ mails: number; tokens: number; audit: number }>(
        `select (select count(*)::int from mails) as mails, (select count(*)::int from user_tokens) as tokens, (select count(*)::int from audit_log) as audit`,
      )
    )[0];

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    const passwordHash = await hashPassword('known-password-1');
    await db.insert(users).values([
      { email: 'anna@example.test', name: 'Анна', role: 'factory', passwordHash, locale: 'ru' },
      { email: 'off@example.test', name: 'Off', role: 'claims', passwordHash, active: false },
      { email: 'new@example.test', name: 'New', role: 'claims', passwordHash, active: false, invitedAt: new Date() },
    ]);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('mails a working reset link to an active account, in its language', async () => {
    expect(await requestPasswordReset(db, { email: ' Anna@Example.TEST ' }, '10.1.0.1')).toEqual({ ok: true });
    const [mail] = await db.select().from(mails).where(eq(mails.toAddress, 'anna@example.test'));
    expect(mail).toMatchObject({ kind: 'password_reset', locale: 'ru', state: 'pending', subject: 'Новый пароль: Дилерский портал' });
    const token = mail!.text.match(/\/reset\/([A-Za-z0-9_-]+)/)?.[1];
    expect(await findPasswordLink(db, token)).toMatchObject({ state: 'valid', kind: 'reset', email: 'anna@example.test' });
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, 'user.password_reset_requested'));
    expect(audit).toMatchObject({ actorKind: 'user', actorId: mail!.userId, entityId: mail!.userId });
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('answers the same for an unknown, a switched-off or a not yet set-up account, and writes nothing', async () => {
    const before = await snapshot();
    for (const email of ['nobody@example.test', 'off@example.test', 'new@example.test']) {
      expect(await requestPasswordReset(db, { email }, '10.1.0.2')).toEqual({ ok: true });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a malformed address and changes nothing', async () => {
    const before = await snapshot();
    for (const input of [{ email: 'not-an-address' }, { email: '' }, {}, null, { email: `${'a'.repeat(260)}@example.test` }]) {
      expect(await requestPasswordReset(db, input, '10.1.0.3')).toEqual({ ok: false, error: 'invalid' });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('sends at most three reset mails an hour to one account, with the same answer', async () => {
    for (let i = 0; i < 4; i += 1) expect(await requestPasswordReset(db, { email: 'anna@example.test' }, `10.1.1.${i}`)).toEqual({ ok: true });
    const sent = await db.select().from(mails).where(eq(mails.toAddress, 'anna@example.test'));
    expect(sent).toHaveLength(3);
    // Only the newest link works.
    const tokens = sent.map((m) => m.text.match(/\/reset\/([A-Za-z0-9_-]+)/)?.[1]);
    const states = await Promise.all(tokens.map((t) => findPasswordLink(db, t).then((l) => l.state)));
    expect(states.filter((s) => s === 'valid')).toHaveLength(1);
  });

  it('limits the requests of one client address', async () => {
    const answers = [];
    for (let i = 0; i < 6; i += 1) answers.push(await requestPasswordReset(db, { email: `someone${i}@example.test` }, '10.1.2.1'));
    expect(answers.slice(0, 5)).toEqual(Array(5).fill({ ok: true }));
    expect(answers[5]).toEqual({ ok: false, error: 'rate_limited' });
    // Another address is not held up.
    expect(await requestPasswordReset(db, { email: 'someone@example.test' }, '10.1.2.2')).toEqual({ ok: true });
  });
});
