import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, dealers, users, userTokens } from '@/drizzle/schema';
import type { Actor } from '@/lib/auth/actor';
import { hashPassword } from '@/lib/auth/password';
import { dealerScopeOf } from '@/lib/auth/scope';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { createTestDatabase } from '@/lib/testing/database';
import { actorByEmail, findUserRow, ipSequence, usersSnapshot } from '@/lib/testing/users';
import {
  acceptInvitation,
  deactivateDealerUser,
  inviteDealerUser,
  reactivateDealerUser,
  reissueInvitation,
  revokeInvitation,
} from './actions';
import { findInvitation, listDealerUsers } from './queries';

const PASSWORD = 'known-password-1';

describe('dealer sub-users: invitations and deactivation', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Awaited<ReturnType<typeof createTestDatabase>>['db'];
  const actors = {} as Record<'ownerA' | 'ownerB' | 'coOwnerA' | 'staffA' | 'factory', Actor>;
  const nextIp = ipSequence(20);
  const actorOf = (email: string) => actorByEmail(db, email);
  /** Everything the actions may write, to prove a refused call changed nothing. */
  const snapshot = () => usersSnapshot(database);
  const userRow = (id: string) => findUserRow(db, id);

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    const [a, b] = await db
      .insert(dealers)
      .values([
        { code: 'D-1', name: 'Вікна Поділля', taxId: '11111111' },
        { code: 'D-2', name: 'Двері Полісся', taxId: '22222222' },
      ])
      .returning({ id: dealers.id });
    const passwordHash = await hashPassword(PASSWORD);
    await db.insert(users).values([
      { email: 'owner-a@example.test', name: 'Owner A', role: 'dealer_owner', dealerId: a!.id, passwordHash },
      { email: 'co-owner-a@example.test', name: 'Co-owner A', role: 'dealer_owner', dealerId: a!.id, passwordHash },
      { email: 'staff-a@example.test', name: 'Staff A', role: 'dealer_staff', dealerId: a!.id, passwordHash },
      { email: 'owner-b@example.test', name: 'Owner B', role: 'dealer_owner', dealerId: b!.id, passwordHash },
      { email: 'factory@example.test', name: 'Factory', role: 'factory', passwordHash },
    ]);
    actors.ownerA = await actorOf('owner-a@example.test');
    actors.coOwnerA = await actorOf('co-owner-a@example.test');
    actors.staffA = await actorOf('staff-a@example.test');
    actors.ownerB = await actorOf('owner-b@example.test');
    actors.factory = await actorOf('factory@example.test');
  });
  afterAll(async () => {
    await database?.dispose();
  });

  async function invite(email: string, name = 'Новий Працівник') {
    const result = await inviteDealerUser(db, actors.ownerA, { email, name });
    if (!result.ok) throw new Error(`invite failed: ${result.error}`);
    return result;
  }

  it('invites an employee, who accepts with the link and then signs in', async () => {
    const issued = await inviteDealerUser(db, actors.ownerA, { email: '  New.Person@Example.TEST ', name: ' Олена Коваль ' });
    expect(issued).toMatchObject({ ok: true, email: 'new.person@example.test', name: 'Олена Коваль' });
    if (!issued.ok) return;
    expect(issued.token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const user = await userRow(issued.userId);
    expect(user).toMatchObject({ role: 'dealer_staff', dealerId: actors.ownerA.dealerId, active: false, invitedById: actors.ownerA.userId });
    const tokens = await db.select().from(userTokens).where(eq(userTokens.userId, issued.userId));
    expect(tokens).toHaveLength(1);
    // Only the sha256 of the token is stored, valid for 7 days.
    expect(tokens[0]).toMatchObject({ purpose: 'invitation', usedAt: null, tokenHash: createHash('sha256').update(issued.token).digest('hex') });
    expect(JSON.stringify(tokens)).not.toContain(issued.token);
    const ttl = tokens[0]!.expiresAt.getTime() - Date.now();
    expect(ttl).toBeGreaterThan(7 * 86_400_000 - 60_000);
    expect(ttl).toBeLessThanOrEqual(7 * 86_400_000);
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, issued.userId));
    expect(audit.map((row) => row.action)).toEqual(['dealer_user.invited']);
    expect(audit[0]).toMatchObject({ actorKind: 'user', actorId: actors.ownerA.userId, entityType: 'user', dealerId: actors.ownerA.dealerId });
    expect(JSON.stringify(audit)).not.toContain(issued.token);

    // The owner sees the pending invitation; it cannot sign in yet.
    const listed = await listDealerUsers(db, dealerScopeOf(actors.ownerA));
    expect(listed.find((u) => u.id === issued.userId)).toMatchObject({ status: 'invited', lastSignInAt: null, invitationLinkWorks: true });
    expect(listed.find((u) => u.id === issued.userId)?.invitationExpiresAt?.getTime()).toBe(tokens[0]!.expiresAt.getTime());
    await expect(signInWithPassword(db, { email: 'new.person@example.test', password: PASSWORD }, nextIp())).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    expect(await findInvitation(db, issued.token)).toMatchObject({ state: 'valid', email: 'new.person@example.test', dealerName: 'Вікна Поділля' });

    const accepted = await acceptInvitation(db, { token: issued.token, name: 'Олена Коваль-Петренко', password: 'a new secret 1' });
    expect(accepted).toEqual({ ok: true, userId: issued.userId, email: 'new.person@example.test' });
    expect(await userRow(issued.userId)).toMatchObject({ active: true, name: 'Олена Коваль-Петренко' });
    expect((await userRow(issued.userId))?.invitationAcceptedAt).toBeInstanceOf(Date);

    const signedIn = await signInWithPassword(db, { email: 'New.Person@example.test', password: 'a new secret 1' }, nextIp());
    expect(signedIn).toMatchObject({ id: issued.userId, role: 'dealer_staff', dealerId: actors.ownerA.dealerId });
    const after = (await listDealerUsers(db, dealerScopeOf(actors.ownerA))).find((u) => u.id === issued.userId);
    expect(after).toMatchObject({ status: 'active', invitationExpiresAt: null });
    expect(after?.lastSignInAt).toBeInstanceOf(Date);
  });

  it('lists only the dealer’s own users, owners first', async () => {
    const listA = await listDealerUsers(db, dealerScopeOf(actors.ownerA));
    expect(listA.every((u) => u.email !== 'owner-b@example.test' && u.email !== 'factory@example.test')).toBe(true);
    expect(listA.slice(0, 2).map((u) => u.role)).toEqual(['dealer_owner', 'dealer_owner']);
    const listB = await listDealerUsers(db, dealerScopeOf(actors.ownerB));
    expect(listB.map((u) => u.email)).toEqual(['owner-b@example.test']);
  });

  it('refuses every change from an employee, a factory user and no one', async () => {
    const { userId } = await invite('pending.staff-test@example.test');
    const before = await snapshot();
    for (const actor of [actors.staffA, actors.factory, null]) {
      expect(await inviteDealerUser(db, actor, { email: 'by-staff@example.test', name: 'X' })).toEqual({ ok: false, error: 'forbidden' });
      expect(await reissueInvitation(db, actor, { userId })).toEqual({ ok: false, error: 'forbidden' });
      expect(await revokeInvitation(db, actor, { userId })).toEqual({ ok: false, error: 'forbidden' });
      expect(await deactivateDealerUser(db, actor, { userId: actors.staffA.userId })).toEqual({ ok: false, error: 'forbidden' });
      expect(await reactivateDealerUser(db, actor, { userId: actors.staffA.userId })).toEqual({ ok: false, error: 'forbidden' });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('answers "not found" for a user of another dealer, a factory user and an unknown id, changing nothing', async () => {
    const { userId: pendingA } = await invite('pending.cross-test@example.test');
    const before = await snapshot();
    const targets = [actors.staffA.userId, pendingA, actors.ownerA.userId, actors.factory.userId, '00000000-0000-4000-8000-000000000000'];
    for (const userId of targets) {
      for (const action of [deactivateDealerUser, reactivateDealerUser, reissueInvitation, revokeInvitation]) {
        expect(await action(db, actors.ownerB, { userId })).toEqual({ ok: false, error: 'not_found' });
      }
    }
    for (const action of [deactivateDealerUser, reactivateDealerUser, reissueInvitation, revokeInvitation]) {
      expect(await action(db, actors.ownerA, { userId: actors.factory.userId })).toEqual({ ok: false, error: 'not_found' });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an e-mail that already has an account, whatever its case', async () => {
    const { email } = await invite('pending.duplicate@example.test');
    const before = await snapshot();
    for (const taken of ['OWNER-B@example.test', 'factory@EXAMPLE.test', ' staff-a@example.test', email.toUpperCase()]) {
      expect(await inviteDealerUser(db, actors.ownerA, { email: taken, name: 'Somebody' })).toEqual({
        ok: false,
        error: 'email_taken',
        fields: { email: 'emailTaken' },
      });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses malformed input of every action and changes nothing', async () => {
    const { token } = await invite('pending.bad-input@example.test');
    const before = await snapshot();
    const badInvites: unknown[] = [
      null,
      undefined,
      'email=x',
      [],
      {},
      { email: 42, name: 'Name' },
      { email: ['a@example.test'], name: 'Name' },
      { email: 'not-an-email', name: 'Name' },
      { email: 'two@@example.test', name: 'Name' },
      { email: `${'a'.repeat(250)}@example.test`, name: 'Name' },
      { email: 'fine@example.test', name: '   ' },
      { email: 'fine@example.test', name: 'x'.repeat(101) },
      { email: 'fine@example.test', name: { first: 'x' } },
      { email: 'fine@example.test' },
    ];
    for (const input of badInvites) {
      const result = await inviteDealerUser(db, actors.ownerA, input);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: 'invalid' });
    }
    expect(await inviteDealerUser(db, actors.ownerA, { email: 'not-an-email', name: 'x'.repeat(101) })).toEqual({
      ok: false,
      error: 'invalid',
      fields: { email: 'emailInvalid', name: 'nameTooLong' },
    });

    for (const input of [null, {}, { userId: 'not-a-uuid' }, { userId: 42 }, { userId: "1' or '1'='1" }, { userId: [actors.staffA.userId] }]) {
      for (const action of [deactivateDealerUser, reactivateDealerUser, reissueInvitation, revokeInvitation]) {
        expect(await action(db, actors.ownerA, input)).toMatchObject({ ok: false, error: 'invalid' });
      }
    }

    const badAccepts: [unknown, string][] = [
      [{ token, password: 'short' }, 'invalid'],
      [{ token, password: 'x'.repeat(201) }, 'invalid'],
      [{ token, password: 1234567890123 }, 'invalid'],
      [{ token, password: 'long enough 1', name: 'x'.repeat(101) }, 'invalid'],
      [{ token }, 'invalid'],
      [{ token: 'short', password: 'long enough 1' }, 'link_invalid'],
      [{ token: `${token.slice(0, 42)}!`, password: 'long enough 1' }, 'link_invalid'],
      [{ token: 42, password: 'long enough 1' }, 'link_invalid'],
      [null, 'invalid'],
    ];
    for (const [input, error] of badAccepts) {
      expect(await acceptInvitation(db, input), JSON.stringify(input)).toMatchObject({ ok: false, error });
    }
    expect(await acceptInvitation(db, { token, password: 'short' })).toEqual({ ok: false, error: 'invalid', fields: { password: 'passwordTooShort' } });
    expect(await snapshot()).toEqual(before);
  });

  it('a link works once', async () => {
    const { token, userId } = await invite('pending.single-use@example.test');
    expect(await acceptInvitation(db, { token, password: 'first password 1' })).toMatchObject({ ok: true });
    const before = await snapshot();
    expect(await acceptInvitation(db, { token, password: 'second password 2' })).toEqual({ ok: false, error: 'link_invalid', reason: 'used' });
    expect(await snapshot()).toEqual(before);
    expect(await findInvitation(db, token)).toEqual({ state: 'used' });
    await expect(signInWithPassword(db, { email: 'pending.single-use@example.test', password: 'first password 1' }, nextIp())).resolves.toMatchObject({ id: userId });
  });

  it('two acceptances at once: exactly one wins', async () => {
    const { token } = await invite('pending.race@example.test');
    const results = await Promise.all([
      acceptInvitation(db, { token, password: 'racer number 1' }),
      acceptInvitation(db, { token, password: 'racer number 2' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it('an expired link is refused; a re-issued link works and the old one no longer does', async () => {
    const { token, userId } = await invite('pending.expiry@example.test');
    await db.update(userTokens).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(userTokens.userId, userId));
    expect(await findInvitation(db, token)).toEqual({ state: 'expired' });
    expect(await acceptInvitation(db, { token, password: 'too late password' })).toEqual({ ok: false, error: 'link_invalid', reason: 'expired' });
    expect(await userRow(userId)).toMatchObject({ active: false, invitationAcceptedAt: null });
    const listed = (await listDealerUsers(db, dealerScopeOf(actors.ownerA))).find((u) => u.id === userId);
    expect(listed).toMatchObject({ status: 'invited', invitationLinkWorks: false });
    expect(listed!.invitationExpiresAt!.getTime()).toBeLessThan(Date.now());

    const reissued = await reissueInvitation(db, actors.ownerA, { userId });
    expect(reissued).toMatchObject({ ok: true, userId });
    if (!reissued.ok) return;
    expect(reissued.token).not.toBe(token);
    const again = await reissueInvitation(db, actors.ownerA, { userId });
    if (!again.ok) throw new Error('second re-issue failed');
    // The first re-issued link stopped working when the second was made.
    expect(await acceptInvitation(db, { token: reissued.token, password: 'in time password' })).toMatchObject({ ok: false, reason: 'expired' });
    expect(await acceptInvitation(db, { token: again.token, password: 'in time password' })).toMatchObject({ ok: true });
    expect(await reissueInvitation(db, actors.ownerA, { userId })).toEqual({ ok: false, error: 'not_pending' });
    const actions = (await db.select().from(auditLog).where(eq(auditLog.entityId, userId))).map((row) => row.action);
    expect(actions).toEqual(['dealer_user.invited', 'dealer_user.invitation_reissued', 'dealer_user.invitation_reissued', 'dealer_user.invitation_accepted']);
  });

  it('revokes a pending invitation: the link dies and the e-mail can be invited again', async () => {
    const { token, userId, email } = await invite('pending.revoke@example.test');
    expect(await deactivateDealerUser(db, actors.ownerA, { userId })).toEqual({ ok: false, error: 'pending' });
    expect(await revokeInvitation(db, actors.ownerA, { userId })).toEqual({ ok: true, userId, changed: true });
    expect(await userRow(userId)).toBeUndefined();
    expect(await findInvitation(db, token)).toEqual({ state: 'unknown' });
    expect(await acceptInvitation(db, { token, password: 'after revoke 1' })).toMatchObject({ ok: false, error: 'link_invalid' });
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, userId));
    expect(audit.map((row) => row.action)).toEqual(['dealer_user.invited', 'dealer_user.invitation_revoked']);
    expect(await inviteDealerUser(db, actors.ownerA, { email, name: 'Again' })).toMatchObject({ ok: true });
    expect(await revokeInvitation(db, actors.ownerA, { userId: actors.staffA.userId })).toEqual({ ok: false, error: 'not_pending' });
  });

  it('deactivation refuses sign-in and ends the sessions; reactivation lets the employee in again', async () => {
    const staff = await userRow(actors.staffA.userId);
    const result = await deactivateDealerUser(db, actors.ownerA, { userId: actors.staffA.userId });
    expect(result).toEqual({ ok: true, userId: actors.staffA.userId, changed: true });
    const off = await userRow(actors.staffA.userId);
    expect(off).toMatchObject({ active: false, sessionVersion: staff!.sessionVersion + 1 });
    await expect(signInWithPassword(db, { email: 'staff-a@example.test', password: PASSWORD }, nextIp())).rejects.toMatchObject({ code: 'inactive' });
    expect((await listDealerUsers(db, dealerScopeOf(actors.ownerA))).find((u) => u.id === actors.staffA.userId)?.status).toBe('deactivated');

    // Twice: nothing more happens.
    expect(await deactivateDealerUser(db, actors.ownerA, { userId: actors.staffA.userId })).toEqual({ ok: true, userId: actors.staffA.userId, changed: false });
    expect((await userRow(actors.staffA.userId))?.sessionVersion).toBe(staff!.sessionVersion + 1);

    expect(await reactivateDealerUser(db, actors.ownerA, { userId: actors.staffA.userId })).toMatchObject({ ok: true, changed: true });
    const on = await userRow(actors.staffA.userId);
    // Old sessions stay ended: the version is not lowered again.
    expect(on).toMatchObject({ active: true, sessionVersion: staff!.sessionVersion + 1 });
    await expect(signInWithPassword(db, { email: 'staff-a@example.test', password: PASSWORD }, nextIp())).resolves.toMatchObject({
      sessionVersion: staff!.sessionVersion + 1,
    });
    const actions = (await db.select().from(auditLog).where(eq(auditLog.entityId, actors.staffA.userId))).map((row) => row.action);
    expect(actions.filter((a) => a.startsWith('dealer_user.'))).toEqual(['dealer_user.deactivated', 'dealer_user.reactivated']);
  });

  it('an owner cannot deactivate himself nor another owner', async () => {
    const before = await snapshot();
    expect(await deactivateDealerUser(db, actors.ownerA, { userId: actors.ownerA.userId })).toEqual({ ok: false, error: 'self' });
    expect(await deactivateDealerUser(db, actors.ownerA, { userId: actors.coOwnerA.userId })).toEqual({ ok: false, error: 'owner' });
    expect(await snapshot()).toEqual(before);
  });
});
