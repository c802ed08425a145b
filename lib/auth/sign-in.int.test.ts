import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '@/drizzle/schema';
import { createTestDatabase } from '@/lib/testing/database';
import { hashPassword } from './password';
import { signInWithPassword } from './sign-in';

describe('sign-in with e-mail and password', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    const passwordHash = await hashPassword('right-password');
    await database.db.insert(users).values([
      { email: 'Claims@Example.test', name: 'Claims', role: 'claims', passwordHash },
      { email: 'off@example.test', name: 'Off', role: 'factory', passwordHash, active: false },
      { email: 'limited@example.test', name: 'Limited', role: 'factory', passwordHash },
    ]);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('signs in with the right password, whatever the e-mail case, and writes the audit log', async () => {
    const user = await signInWithPassword(database.db, { email: ' claims@example.TEST ', password: 'right-password' }, '10.0.0.1');
    expect(user).toMatchObject({ role: 'claims', dealerId: null, sessionVersion: 0 });
    const audit = await database.db.select().from(auditLog);
    expect(audit.some((row) => row.action === 'user.signed_in' && row.entityId === user.id)).toBe(true);
  });

  it('refuses a wrong password, an unknown e-mail and malformed input alike', async () => {
    for (const input of [
      { email: 'claims@example.test', password: 'wrong' },
      { email: 'nobody@example.test', password: 'right-password' },
      { email: 'not an email', password: 'x' },
      { email: 42, password: ['x'] },
      null,
    ]) {
      await expect(signInWithPassword(database.db, input, '10.0.0.2')).rejects.toMatchObject({ code: 'invalid_credentials' });
    }
  });

  it('refuses a deactivated user even with the right password', async () => {
    await expect(
      signInWithPassword(database.db, { email: 'off@example.test', password: 'right-password' }, '10.0.0.3'),
    ).rejects.toMatchObject({ code: 'inactive' });
  });

  it('locks an account after five failures, even for the right password', async () => {
    for (let i = 0; i < 5; i += 1) {
      await expect(
        signInWithPassword(database.db, { email: 'limited@example.test', password: `wrong-${i}` }, `10.1.0.${i}`),
      ).rejects.toMatchObject({ code: 'invalid_credentials' });
    }
    await expect(
      signInWithPassword(database.db, { email: 'limited@example.test', password: 'right-password' }, '10.1.0.99'),
    ).rejects.toMatchObject({ code: 'rate_limited' });
  });

  it('locks an address after too many failures across accounts', async () => {
    for (let i = 0; i < 30; i += 1) {
      await expect(
        signInWithPassword(database.db, { email: `guess-${i}@example.test`, password: 'x' }, '10.9.9.9'),
      ).rejects.toMatchObject({ code: 'invalid_credentials' });
    }
    await expect(
      signInWithPassword(database.db, { email: 'claims@example.test', password: 'right-password' }, '10.9.9.9'),
    ).rejects.toMatchObject({ code: 'rate_limited' });
    // The same account from another address still gets in.
    await expect(
      signInWithPassword(database.db, { email: 'claims@example.test', password: 'right-password' }, '10.9.9.10'),
    ).resolves.toMatchObject({ role: 'claims' });
  });
});
