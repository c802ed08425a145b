import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, dealers, users, userTokens } from '@/drizzle/schema';
import type { Role } from '@/drizzle/schema/values';
import { actorFromCookies, type Actor } from '@/lib/auth/actor';
import { hashPassword } from '@/lib/auth/password';
import { parseCookieHeader } from '@/lib/auth/session-token';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { acceptInvitation } from '@/lib/dealer-users/actions';
import { findInvitation } from '@/lib/dealer-users/queries';
import { sessionCookie } from '@/lib/realtime/testing/fixtures';
import { createTestDatabase } from '@/lib/testing/database';
import { actorByEmail, findUserRow, ipSequence, usersSnapshot } from '@/lib/testing/users';
import { changeUserRole, createUser, deactivateUser, issuePasswordReset, reactivateUser, reissueSetupLink, updateUserDetails } from './actions';
import { findPasswordLink, setPasswordWithLink } from './links';
import { getUserDetail, listDealerChoices, listUsers } from './queries';

const PASSWORD = 'known-password-1';
const NO_FILTER = { q: '', role: null, state: null, page: 1 } as const;

describe('users administration (issue 8, point 3)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Awaited<ReturnType<typeof createTestDatabase>>['db'];
  const actors = {} as Record<'admin' | 'factory' | 'claims' | 'owner' | 'staff', Actor>;
  const nextIp = ipSequence(30);
  const actorOf = (email: string) => actorByEmail(db, email);
  const userRow = async (id: string) => (await findUserRow(db, id))!;

  /** A signed-in browser's cookie record for the user, as next-auth makes it. */
  async function sessionOf(userId: string) {
    const u = await userRow(userId);
    const cookie = await sessionCookie(db, { userId: u.id, role: u.role, dealerId: u.dealerId, name: u.name, email: u.email, locale: u.locale, sessionVersion: u.sessionVersion });
    return parseCookieHeader(cookie);
  }

  /** Everything the functions may write, to prove a refused call changed nothing. */
  const snapshot = () => usersSnapshot(database);

  /** The user's audit rows, sign-ins left out. */
  async function auditOf(userId: string) {
    const rows = await db.select().from(auditLog).where(eq(auditLog.entityId, userId)).orderBy(auditLog.id);
    return rows.filter((row) => row.action !== 'user.signed_in');
  }

  let seq = 0;
  async function created(role: Role, dealerCode?: string) {
    seq += 1;
    const result = await createUser(db, actors.admin, { email: `new-${role}-${seq}@example.test`, name: `New ${role} ${seq}`, role, dealerCode });
    if (!result.ok) throw new Error(`create failed: ${result.error} ${JSON.stringify(result.fields)}`);
    return result;
  }

  /** A user who has set a password with the link and may sign in. */
  async function activeUser(role: Role, dealerCode?: string) {
    const issued = await created(role, dealerCode);
    const used = await setPasswordWithLink(db, { token: issued.token, password: PASSWORD });
    if (!used.ok) throw new Error('link failed');
    return issued;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    await db.insert(dealers).values([
      { code: 'D-1', name: 'Вікна Поділля', taxId: '11111111' },
      { code: 'D-2', name: 'Двері Полісся', taxId: '22222222' },
      { code: 'D-OLD', name: 'Закритий', taxId: '33333333', active: false },
    ]);
    const [d1] = await db.select().from(dealers).where(eq(dealers.code, 'D-1'));
    const passwordHash = await hashPassword(PASSWORD);
    await db.insert(users).values([
      { email: 'admin@example.test', name: 'Адміністратор', role: 'admin', passwordHash },
      { email: 'factory@example.test', name: 'Менеджер', role: 'factory', passwordHash },
      { email: 'claims@example.test', name: 'Рекламації', role: 'claims', passwordHash },
      { email: 'owner@example.test', name: 'Власник', role: 'dealer_owner', dealerId: d1!.id, passwordHash },
      { email: 'staff@example.test', name: 'Працівник', role: 'dealer_staff', dealerId: d1!.id, passwordHash },
    ]);
    actors.admin = await actorOf('admin@example.test');
    actors.factory = await actorOf('factory@example.test');
    actors.claims = await actorOf('claims@example.test');
    actors.owner = await actorOf('owner@example.test');
    actors.staff = await actorOf('staff@example.test');
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('creates a user of every role; the link sets the password and the user signs in', async () => {
    const cases: [Role, string | undefined, RegExp][] = [
      ['factory', undefined, /^\/reset\//],
      ['claims', undefined, /^\/reset\//],
      ['admin', undefined, /^\/reset\//],
      ['dealer_owner', 'D-1', /^\/invite\//],
      ['dealer_staff', 'd-2', /^\/invite\//],
    ];
    for (const [role, dealerCode, path] of cases) {
      const issued = await createUser(db, actors.admin, { email: ` Person.${role}@Example.TEST `, name: ` Person ${role} `, role, dealerCode, phone: '+380 67 000-00-00', locale: 'ru' });
      expect(issued).toMatchObject({ ok: true, email: `person.${role}@example.test`, name: `Person ${role}` });
      if (!issued.ok) continue;
      expect(issued.path).toMatch(path);
      expect(issued.path.endsWith(`/${issued.token}`)).toBe(true);
      const user = await userRow(issued.userId);
      const [dealer] = dealerCode ? await db.select().from(dealers).where(eq(dealers.code, dealerCode.toUpperCase())) : [];
      expect(user).toMatchObject({ role, dealerId: dealer?.id ?? null, active: false, invitedById: actors.admin.userId, phone: '+380 67 000-00-00', locale: 'ru' });
      // Only the hash of the token is stored; it works for 7 days.
      const [token] = await db.select().from(userTokens).where(eq(userTokens.userId, issued.userId));
      expect(token).toMatchObject({ purpose: 'invitation', usedAt: null, tokenHash: createHash('sha256').update(issued.token).digest('hex') });
      expect(token!.expiresAt.getTime() - Date.now()).toBeGreaterThan(7 * 86_400_000 - 60_000);
      const audit = await auditOf(issued.userId);
      expect(audit.map((a) => a.action)).toEqual(['user.created']);
      expect(audit[0]).toMatchObject({ actorKind: 'user', actorId: actors.admin.userId, entityType: 'user', dealerId: dealer?.id ?? null, data: { role, dealerCode: dealer?.code ?? null } });
      expect(JSON.stringify(audit)).not.toContain(issued.token);
      // Not before the password is set.
      await expect(signInWithPassword(db, { email: issued.email, password: PASSWORD }, nextIp())).rejects.toMatchObject({ code: 'invalid_credentials' });
      const detail = await getUserDetail(db, actors.admin, issued.userId);
      expect(detail).toMatchObject({ state: 'pending', invitedByName: 'Адміністратор', dealerCode: dealer?.code ?? null });
      expect(detail?.setupLinkExpiresAt?.getTime()).toBe(token!.expiresAt.getTime());

      // A dealer's user uses the dealer invitation page; a factory-side user the /reset page.
      if (dealerCode) {
        expect(await findInvitation(db, issued.token)).toMatchObject({ state: 'valid', dealerName: dealer!.name });
        expect(await acceptInvitation(db, { token: issued.token, password: PASSWORD })).toMatchObject({ ok: true, userId: issued.userId });
      } else {
        expect(await findPasswordLink(db, issued.token)).toMatchObject({ state: 'valid', kind: 'setup', email: issued.email });
        expect(await setPasswordWithLink(db, { token: issued.token, password: PASSWORD })).toEqual({ ok: true, kind: 'setup', userId: issued.userId, email: issued.email });
        expect((await auditOf(issued.userId)).map((a) => a.action)).toEqual(['user.created', 'user.invitation_accepted']);
      }
      expect(await signInWithPassword(db, { email: issued.email, password: PASSWORD }, nextIp())).toMatchObject({ id: issued.userId, role });
      expect(await getUserDetail(db, actors.admin, issued.userId)).toMatchObject({ state: 'active', setupLinkExpiresAt: null });
      // The link worked once.
      expect(await setPasswordWithLink(db, { token: issued.token, password: 'another-password-2' })).toEqual({ ok: false, error: 'link_invalid', reason: 'used' });
    }
  });

  it('refuses a dealer role without a dealer, a factory role with one, and a dealer that is unknown or closed', async () => {
    const before = await snapshot();
    const base = { email: 'nobody@example.test', name: 'Nobody' };
    expect(await createUser(db, actors.admin, { ...base, role: 'dealer_owner' })).toEqual({ ok: false, error: 'invalid', fields: { dealerCode: 'dealerRequired' } });
    expect(await createUser(db, actors.admin, { ...base, role: 'dealer_staff', dealerCode: '  ' })).toEqual({ ok: false, error: 'invalid', fields: { dealerCode: 'dealerRequired' } });
    expect(await createUser(db, actors.admin, { ...base, role: 'claims', dealerCode: 'D-1' })).toEqual({ ok: false, error: 'invalid', fields: { dealerCode: 'dealerNotAllowed' } });
    expect(await createUser(db, actors.admin, { ...base, role: 'admin', dealerCode: 'D-1' })).toEqual({ ok: false, error: 'invalid', fields: { dealerCode: 'dealerNotAllowed' } });
    expect(await createUser(db, actors.admin, { ...base, role: 'dealer_staff', dealerCode: 'D-404' })).toEqual({ ok: false, error: 'invalid', fields: { dealerCode: 'dealerNotFound' } });
    expect(await createUser(db, actors.admin, { ...base, role: 'dealer_staff', dealerCode: 'D-OLD' })).toEqual({ ok: false, error: 'invalid', fields: { dealerCode: 'dealerInactive' } });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an e-mail that already has an account, in any letter case', async () => {
    const before = await snapshot();
    expect(await createUser(db, actors.admin, { email: 'STAFF@example.TEST', name: 'Twin', role: 'claims' })).toEqual({
      ok: false,
      error: 'email_taken',
      fields: { email: 'emailTaken' },
    });
    // Editing another user's e-mail to a taken one, too.
    expect(await updateUserDetails(db, actors.admin, { userId: actors.claims.userId, name: 'Рекламації', email: 'Owner@Example.test' })).toMatchObject({
      ok: false,
      error: 'email_taken',
    });
    expect(await snapshot()).toEqual(before);
  });

  it('answers wrong types and unknown ids clearly and changes nothing', async () => {
    const before = await snapshot();
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(await createUser(db, actors.admin, { email: 42, name: ['x'], role: 'boss' })).toEqual({
      ok: false,
      error: 'invalid',
      fields: { email: 'emailRequired', name: 'nameRequired', role: 'roleInvalid' },
    });
    expect(await createUser(db, actors.admin, null)).toMatchObject({ ok: false, error: 'invalid' });
    expect(await createUser(db, actors.admin, { email: 'a@b', name: 'x'.repeat(101), role: 'claims', phone: 'call me', locale: 'de' })).toEqual({
      ok: false,
      error: 'invalid',
      fields: { email: 'emailInvalid', name: 'nameTooLong', phone: 'phoneInvalid', locale: 'localeInvalid' },
    });
    for (const fn of [deactivateUser, reactivateUser, issuePasswordReset, reissueSetupLink]) {
      expect(await fn(db, actors.admin, { userId: 'not-a-uuid' })).toEqual({ ok: false, error: 'invalid', fields: { userId: 'userInvalid' } });
      expect(await fn(db, actors.admin, { userId: 17 })).toEqual({ ok: false, error: 'invalid', fields: { userId: 'userInvalid' } });
      expect(await fn(db, actors.admin, { userId: unknown })).toEqual({ ok: false, error: 'not_found' });
    }
    expect(await changeUserRole(db, actors.admin, { userId: unknown, role: 'claims' })).toEqual({ ok: false, error: 'not_found' });
    expect(await changeUserRole(db, actors.admin, { userId: actors.claims.userId, role: 'superuser' })).toEqual({ ok: false, error: 'invalid', fields: { role: 'roleInvalid' } });
    expect(await updateUserDetails(db, actors.admin, { userId: unknown, name: 'X', email: 'x@example.test' })).toEqual({ ok: false, error: 'not_found' });
    expect(await getUserDetail(db, actors.admin, 'not-a-uuid')).toBeNull();
    expect(await getUserDetail(db, actors.admin, unknown)).toBeNull();
    expect(await snapshot()).toEqual(before);
  });

  it('refuses every function to factory managers, claims specialists, dealers and strangers', async () => {
    const target = await activeUser('claims');
    const before = await snapshot();
    for (const actor of [actors.factory, actors.claims, actors.owner, actors.staff, null]) {
      const calls = [
        createUser(db, actor, { email: 'sneaky@example.test', name: 'Sneaky', role: 'admin' }),
        updateUserDetails(db, actor, { userId: target.userId, name: 'Changed', email: target.email }),
        changeUserRole(db, actor, { userId: actor?.userId ?? target.userId, role: 'admin' }),
        deactivateUser(db, actor, { userId: target.userId }),
        reactivateUser(db, actor, { userId: target.userId }),
        issuePasswordReset(db, actor, { userId: target.userId }),
        reissueSetupLink(db, actor, { userId: target.userId }),
      ];
      for (const result of await Promise.all(calls)) expect(result).toEqual({ ok: false, error: 'forbidden' });
      await expect(listUsers(db, actor, NO_FILTER)).rejects.toThrow(/users.manage/);
      await expect(getUserDetail(db, actor, target.userId)).rejects.toThrow(/users.manage/);
      await expect(listDealerChoices(db, actor)).rejects.toThrow(/users.manage/);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('deactivation ends the sessions at once and refuses sign-in; reactivation lets the user in again', async () => {
    const target = await activeUser('factory');
    const session = await sessionOf(target.userId);
    expect(await actorFromCookies(session, db)).toMatchObject({ userId: target.userId, role: 'factory' });
    const version = (await userRow(target.userId)).sessionVersion;
    // An open reset link dies with the deactivation.
    const reset = await issuePasswordReset(db, actors.admin, { userId: target.userId });
    if (!reset.ok) throw new Error('reset failed');

    expect(await deactivateUser(db, actors.admin, { userId: target.userId })).toEqual({ ok: true, userId: target.userId, changed: true });
    expect(await userRow(target.userId)).toMatchObject({ active: false, sessionVersion: version + 1 });
    expect(await actorFromCookies(session, db)).toBeNull();
    await expect(signInWithPassword(db, { email: target.email, password: PASSWORD }, nextIp())).rejects.toMatchObject({ code: 'inactive' });
    expect(await findPasswordLink(db, reset.token)).toEqual({ state: 'expired' });
    expect(await getUserDetail(db, actors.admin, target.userId)).toMatchObject({ state: 'inactive', resetLinkExpiresAt: null });
    // A second click changes nothing more; a reset of a switched-off account is refused.
    expect(await deactivateUser(db, actors.admin, { userId: target.userId })).toEqual({ ok: true, userId: target.userId, changed: false });
    expect(await issuePasswordReset(db, actors.admin, { userId: target.userId })).toEqual({ ok: false, error: 'inactive' });

    expect(await reactivateUser(db, actors.admin, { userId: target.userId })).toEqual({ ok: true, userId: target.userId, changed: true });
    // The old session stays ended; a new sign-in works.
    expect(await userRow(target.userId)).toMatchObject({ active: true, sessionVersion: version + 1 });
    expect(await actorFromCookies(session, db)).toBeNull();
    expect(await signInWithPassword(db, { email: target.email, password: PASSWORD }, nextIp())).toMatchObject({ id: target.userId });
    expect(await actorFromCookies(await sessionOf(target.userId), db)).toMatchObject({ userId: target.userId });
    const actions = (await auditOf(target.userId)).map((a) => a.action);
    expect(actions.slice(-3)).toEqual(['user.password_reset_issued', 'user.deactivated', 'user.reactivated']);
  });

  it('refuses to deactivate or re-activate a pending user, and an administrator switching themself off', async () => {
    const pending = await created('claims');
    const before = await snapshot();
    expect(await deactivateUser(db, actors.admin, { userId: pending.userId })).toEqual({ ok: false, error: 'pending' });
    expect(await reactivateUser(db, actors.admin, { userId: pending.userId })).toEqual({ ok: false, error: 'pending' });
    expect(await issuePasswordReset(db, actors.admin, { userId: pending.userId })).toEqual({ ok: false, error: 'pending' });
    expect(await reissueSetupLink(db, actors.admin, { userId: actors.claims.userId })).toEqual({ ok: false, error: 'not_pending' });
    expect(await deactivateUser(db, actors.admin, { userId: actors.admin.userId })).toEqual({ ok: false, error: 'self' });
    expect(await snapshot()).toEqual(before);

    // A new link: the earlier one stops working.
    const again = await reissueSetupLink(db, actors.admin, { userId: pending.userId });
    if (!again.ok) throw new Error('reissue failed');
    expect(await findPasswordLink(db, pending.token)).toEqual({ state: 'expired' });
    expect(await findPasswordLink(db, again.token)).toMatchObject({ state: 'valid', kind: 'setup' });
  });

  it('changes a role and the dealer; the sessions end; the audit row says from and to', async () => {
    const target = await activeUser('dealer_staff', 'D-1');
    const session = await sessionOf(target.userId);
    const [d1] = await db.select().from(dealers).where(eq(dealers.code, 'D-1'));
    const [d2] = await db.select().from(dealers).where(eq(dealers.code, 'D-2'));
    const before = await snapshot();
    expect(await changeUserRole(db, actors.admin, { userId: target.userId, role: 'claims', dealerCode: 'D-1' })).toEqual({
      ok: false,
      error: 'invalid',
      fields: { dealerCode: 'dealerNotAllowed' },
    });
    expect(await changeUserRole(db, actors.admin, { userId: target.userId, role: 'dealer_owner' })).toEqual({ ok: false, error: 'invalid', fields: { dealerCode: 'dealerRequired' } });
    expect(await snapshot()).toEqual(before);

    expect(await changeUserRole(db, actors.admin, { userId: target.userId, role: 'dealer_owner', dealerCode: 'D-2' })).toEqual({ ok: true, userId: target.userId, changed: true });
    expect(await userRow(target.userId)).toMatchObject({ role: 'dealer_owner', dealerId: d2!.id });
    expect(await actorFromCookies(session, db)).toBeNull();
    expect(await changeUserRole(db, actors.admin, { userId: target.userId, role: 'dealer_owner', dealerCode: 'D-2' })).toEqual({ ok: true, userId: target.userId, changed: false });
    expect(await changeUserRole(db, actors.admin, { userId: target.userId, role: 'factory' })).toMatchObject({ ok: true, changed: true });
    expect(await userRow(target.userId)).toMatchObject({ role: 'factory', dealerId: null });
    const changes = (await auditOf(target.userId)).filter((a) => a.action === 'user.role_changed');
    expect(changes.map((a) => [a.data, a.dealerId])).toEqual([
      [{ from: { role: 'dealer_staff', dealerCode: 'D-1' }, to: { role: 'dealer_owner', dealerCode: 'D-2' } }, d2!.id],
      [{ from: { role: 'dealer_owner', dealerCode: 'D-2' }, to: { role: 'factory', dealerCode: null } }, d2!.id],
    ]);
    expect(d1).toBeDefined();
  });

  it('edits name, e-mail, phone and language; the audit row lists the changes', async () => {
    const target = await activeUser('claims');
    expect(await updateUserDetails(db, actors.admin, { userId: target.userId, name: ' Ольга Шевченко ', email: ' Olga@Example.test', phone: '+380 50 123 45 67', locale: 'uk' })).toEqual({
      ok: true,
      userId: target.userId,
      changed: true,
    });
    expect(await userRow(target.userId)).toMatchObject({ name: 'Ольга Шевченко', email: 'olga@example.test', phone: '+380 50 123 45 67', locale: 'uk' });
    const [edit] = (await auditOf(target.userId)).filter((a) => a.action === 'user.details_edited');
    expect(edit!.data).toEqual({
      changes: {
        name: { from: `New claims ${seq}`, to: 'Ольга Шевченко' },
        email: { from: target.email, to: 'olga@example.test' },
        phone: { from: null, to: '+380 50 123 45 67' },
        locale: { from: null, to: 'uk' },
      },
    });
    // The same again changes nothing; empty phone and language clear them.
    expect(await updateUserDetails(db, actors.admin, { userId: target.userId, name: 'Ольга Шевченко', email: 'olga@example.test', phone: '+380 50 123 45 67', locale: 'uk' })).toMatchObject({ changed: false });
    expect(await updateUserDetails(db, actors.admin, { userId: target.userId, name: 'Ольга Шевченко', email: 'olga@example.test', phone: '', locale: '' })).toMatchObject({ changed: true });
    expect(await userRow(target.userId)).toMatchObject({ phone: null, locale: null });
    expect(await signInWithPassword(db, { email: 'OLGA@example.test', password: PASSWORD }, nextIp())).toMatchObject({ id: target.userId });
  });

  it('never loses the last active administrator', async () => {
    // Only the seeded administrator is active to begin with.
    await db.update(users).set({ active: false }).where(sql`role = 'admin' and id <> ${actors.admin.userId}`);
    const second = await activeUser('admin');
    const secondActor = await actorOf(second.email);
    // Two administrators: one may demote the other, or themself.
    expect(await changeUserRole(db, secondActor, { userId: secondActor.userId, role: 'factory' })).toMatchObject({ ok: true, changed: true });
    const before = await snapshot();
    // Now one: neither demotion nor deactivation of the last one, not even by themself.
    expect(await changeUserRole(db, actors.admin, { userId: actors.admin.userId, role: 'claims' })).toEqual({ ok: false, error: 'last_admin' });
    expect(await deactivateUser(db, actors.admin, { userId: actors.admin.userId })).toEqual({ ok: false, error: 'self' });
    // The demoted one is no administrator any more.
    expect(await changeUserRole(db, secondActor, { userId: actors.admin.userId, role: 'claims' })).toEqual({ ok: false, error: 'forbidden' });
    expect(await snapshot()).toEqual(before);
    expect(await userRow(actors.admin.userId)).toMatchObject({ role: 'admin', active: true });

    // A switched-off or pending administrator does not count.
    const third = await activeUser('admin');
    const pendingAdmin = await created('admin');
    expect(await deactivateUser(db, actors.admin, { userId: third.userId })).toMatchObject({ ok: true, changed: true });
    expect(await changeUserRole(db, actors.admin, { userId: actors.admin.userId, role: 'claims' })).toEqual({ ok: false, error: 'last_admin' });
    expect(await changeUserRole(db, actors.admin, { userId: pendingAdmin.userId, role: 'claims' })).toMatchObject({ ok: true, changed: true });

    // With another active administrator, the other one can be switched off, but not the last.
    const fourth = await activeUser('admin');
    expect(await deactivateUser(db, actors.admin, { userId: fourth.userId })).toMatchObject({ ok: true, changed: true });
    const [{ n }] = (await db.select({ n: sql<number>`count(*)::int` }).from(users).where(sql`role = 'admin' and active`)) as [{ n: number }];
    expect(n).toBe(1);
  });

  it('two administrators demoting each other at the same time: exactly one succeeds', async () => {
    for (let round = 0; round < 3; round++) {
      const a = await actorOf((await activeUser('admin')).email);
      const b = await actorOf((await activeUser('admin')).email);
      // Leave only these two active administrators.
      await db.update(users).set({ active: false }).where(sql`role = 'admin' and id not in (${a.userId}, ${b.userId})`);
      const results = await Promise.all([
        changeUserRole(db, a, { userId: b.userId, role: 'factory' }),
        changeUserRole(db, b, { userId: a.userId, role: 'factory' }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: expect.stringMatching(/^(forbidden|last_admin)$/) });
      const admins = await db.select({ id: users.id }).from(users).where(sql`role = 'admin' and active`);
      expect(admins).toHaveLength(1);

      // And each demoting themself at once: one stays.
      const c = await actorOf((await activeUser('admin')).email);
      const survivor = await actorOf(admins[0]!.id === a.userId ? a.email : b.email);
      const selves = await Promise.all([
        changeUserRole(db, survivor, { userId: survivor.userId, role: 'claims' }),
        changeUserRole(db, c, { userId: c.userId, role: 'claims' }),
      ]);
      expect(selves.filter((r) => r.ok)).toHaveLength(1);
      expect(selves.find((r) => !r.ok)).toEqual({ ok: false, error: 'last_admin' });
      // Restore the original administrator as the only one for the next round.
      await db.update(users).set({ active: true }).where(eq(users.id, actors.admin.userId));
    }
  });

  it('a reset link works once, for 24 hours; the new password signs in and the old sessions end', async () => {
    const target = await activeUser('claims');
    const session = await sessionOf(target.userId);
    const issued = await issuePasswordReset(db, actors.admin, { userId: target.userId });
    if (!issued.ok) throw new Error('reset failed');
    expect(issued.path).toBe(`/reset/${issued.token}`);
    const [token] = await db.select().from(userTokens).where(sql`${userTokens.userId} = ${target.userId} and purpose = 'password_reset'`);
    expect(token!.tokenHash).toBe(createHash('sha256').update(issued.token).digest('hex'));
    const ttl = token!.expiresAt.getTime() - Date.now();
    expect(ttl).toBeGreaterThan(86_400_000 - 60_000);
    expect(ttl).toBeLessThanOrEqual(86_400_000);
    // Nothing changes until the link is used.
    expect(await actorFromCookies(session, db)).toMatchObject({ userId: target.userId });
    expect(await getUserDetail(db, actors.admin, target.userId)).toMatchObject({ resetLinkExpiresAt: token!.expiresAt });

    // A second link replaces the first.
    const second = await issuePasswordReset(db, actors.admin, { userId: target.userId });
    if (!second.ok) throw new Error('reset failed');
    expect(await findPasswordLink(db, issued.token)).toEqual({ state: 'expired' });
    expect(await findPasswordLink(db, second.token)).toMatchObject({ state: 'valid', kind: 'reset', email: target.email });
    // The password rules are the invitation's.
    expect(await setPasswordWithLink(db, { token: second.token, password: 'short' })).toEqual({ ok: false, error: 'invalid', fields: { password: 'passwordTooShort' } });
    expect(await setPasswordWithLink(db, { token: 'x'.repeat(43), password: 'a new password 9' })).toEqual({ ok: false, error: 'link_invalid', reason: 'unknown' });
    expect(await setPasswordWithLink(db, { token: 'not a token', password: 'a new password 9' })).toEqual({ ok: false, error: 'link_invalid', reason: 'unknown' });

    expect(await setPasswordWithLink(db, { token: second.token, password: 'a new password 9' })).toEqual({ ok: true, kind: 'reset', userId: target.userId, email: target.email });
    expect(await actorFromCookies(session, db)).toBeNull();
    await expect(signInWithPassword(db, { email: target.email, password: PASSWORD }, nextIp())).rejects.toMatchObject({ code: 'invalid_credentials' });
    expect(await signInWithPassword(db, { email: target.email, password: 'a new password 9' }, nextIp())).toMatchObject({ id: target.userId });
    expect(await setPasswordWithLink(db, { token: second.token, password: 'a third password 8' })).toEqual({ ok: false, error: 'link_invalid', reason: 'used' });
    expect(await findPasswordLink(db, second.token)).toEqual({ state: 'used' });
    const actions = (await auditOf(target.userId)).map((a) => [a.action, a.actorId]);
    expect(actions.slice(-3)).toEqual([
      ['user.password_reset_issued', actors.admin.userId],
      ['user.password_reset_issued', actors.admin.userId],
      ['user.password_reset_used', target.userId],
    ]);

    // An expired link is refused and changes nothing.
    const third = await issuePasswordReset(db, actors.admin, { userId: target.userId });
    if (!third.ok) throw new Error('reset failed');
    await db.update(userTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(userTokens.tokenHash, createHash('sha256').update(third.token).digest('hex')));
    const before = await snapshot();
    expect(await setPasswordWithLink(db, { token: third.token, password: 'a fourth password 7' })).toEqual({ ok: false, error: 'link_invalid', reason: 'expired' });
    expect(await snapshot()).toEqual(before);
  });

  it('lists, searches and filters every user, a page at a time', async () => {
    const all = await listUsers(db, actors.admin, NO_FILTER);
    const [{ n }] = (await db.select({ n: sql<number>`count(*)::int` }).from(users)) as [{ n: number }];
    expect(all.total).toBe(n);
    expect(all.rows).toHaveLength(Math.min(25, n));
    const second = await listUsers(db, actors.admin, { ...NO_FILTER, page: 2 });
    expect(second.rows.length).toBe(Math.min(25, Math.max(0, n - 25)));
    expect(second.rows.some((r) => all.rows.some((x) => x.id === r.id))).toBe(false);

    const byDealer = await listUsers(db, actors.admin, { ...NO_FILTER, q: 'поділля' });
    expect(byDealer.rows.length).toBeGreaterThan(0);
    expect(byDealer.rows.every((r) => r.dealerCode === 'D-1')).toBe(true);
    expect((await listUsers(db, actors.admin, { ...NO_FILTER, q: 'власник' })).rows.map((r) => r.email)).toEqual(['owner@example.test']);
    const byEmail = (await listUsers(db, actors.admin, { ...NO_FILTER, q: 'FACTORY@EXAMPLE.test' })).rows.map((r) => r.email);
    expect(byEmail).toContain('factory@example.test');
    expect(byEmail.every((email) => email.includes('factory@example.test'))).toBe(true);
    expect((await listUsers(db, actors.admin, { ...NO_FILTER, q: '%' })).total).toBe(0);

    const pending = await listUsers(db, actors.admin, { ...NO_FILTER, state: 'pending' });
    expect(pending.total).toBeGreaterThan(0);
    expect(pending.rows.every((r) => r.state === 'pending')).toBe(true);
    const inactive = await listUsers(db, actors.admin, { ...NO_FILTER, state: 'inactive' });
    expect(inactive.total).toBeGreaterThan(0);
    expect(inactive.rows.every((r) => r.state === 'inactive')).toBe(true);
    const activeAdmins = await listUsers(db, actors.admin, { ...NO_FILTER, role: 'admin', state: 'active' });
    expect(activeAdmins.rows.every((r) => r.role === 'admin' && r.state === 'active')).toBe(true);
    expect(activeAdmins.rows.map((r) => r.id)).toContain(actors.admin.userId);
    expect((await listDealerChoices(db, actors.admin)).map((d) => d.code)).toEqual(['D-1', 'D-2']);
  });
});
