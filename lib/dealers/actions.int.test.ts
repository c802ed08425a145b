import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, dealers, outbox, users } from '@/drizzle/schema';
import type { Role } from '@/drizzle/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { rowsOf } from '@/lib/db';
import { edrpouCheckDigit } from '@/lib/demo/tax-id';
import { getEnv } from '@/lib/env';
import { at, dealerEvent, prepareSyncDatabase, send, TOKENS } from '@/lib/sync/testing/fixtures';
import { createTestDatabase } from '@/lib/testing/database';
import { createDealer, updateDealer } from './actions';
import { getDealerCard, getDealerDetail, originOf } from './detail';
import { rnokppCheckDigit } from './tax-id';

// Dealers made and edited by hand: validation with field errors, the duplicate checks naming the
// dealer that has the tax id or code (and writing nothing), the manager rule, audit rows with the
// changed fields, access, and accounting later sending the same code (newest wins).

const edrpou = (first7: string) => `${first7}${edrpouCheckDigit(first7)}`;
const rnokpp = (first9: string) => `${first9}${rnokppCheckDigit(first9)}`;

const ids = {
  factory: '00000000-0000-4000-8000-0000000000f1',
  admin: '00000000-0000-4000-8000-0000000000a1',
  otherManager: '00000000-0000-4000-8000-0000000000f2',
  retired: '00000000-0000-4000-8000-0000000000f3',
  claims: '00000000-0000-4000-8000-0000000000c1',
  owner: '00000000-0000-4000-8000-0000000000d1',
  unknown: '00000000-0000-4000-8000-00000000ffff',
};
const actorOf = (userId: string, role: Role, dealerId: number | null = null): Actor => ({ userId, role, dealerId, name: role, email: `${role}@x.test`, locale: null });

const valid = (overrides: Record<string, unknown> = {}) => ({
  code: 'H-100',
  name: 'ТОВ «Вікна Поділля»',
  taxId: edrpou('3811223'),
  region: 'Вінницька',
  town: 'Вінниця',
  address: 'вул. Соборна, 1',
  phone: '+380 67 123 45 67',
  email: 'Office@Vikna.example',
  currency: 'UAH',
  managerId: ids.factory,
  active: true,
  ...overrides,
});

describe('dealers created and edited by hand', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const db = () => database.db;
  let factory: Actor;
  let admin: Actor;
  let syncedId: number;

  const countDealers = async () => (await db().select({ id: dealers.id }).from(dealers)).length;
  const countAudit = async () => (await db().select({ id: auditLog.id }).from(auditLog)).length;

  beforeAll(async () => {
    database = await createTestDatabase();
    await prepareSyncDatabase(database.db);
    const [synced] = await db()
      .insert(dealers)
      .values({ code: 'D-1', name: 'Synced dealer', taxId: edrpou('1234567'), region: 'Київська', sourceUpdatedAt: new Date(at(0)) })
      .returning({ id: dealers.id });
    syncedId = synced!.id;
    const user = (id: string, role: Role, extra: Partial<typeof users.$inferInsert> = {}) => ({
      id,
      role,
      email: `${id.slice(-4)}@x.test`,
      name: `User ${id.slice(-4)}`,
      passwordHash: 'x',
      ...extra,
    });
    await db()
      .insert(users)
      .values([
        user(ids.factory, 'factory', { name: 'Олена Менеджер' }),
        user(ids.admin, 'admin'),
        user(ids.otherManager, 'factory', { name: 'Петро Інший' }),
        user(ids.retired, 'factory', { active: false }),
        user(ids.claims, 'claims'),
        user(ids.owner, 'dealer_owner', { dealerId: syncedId }),
      ]);
    factory = actorOf(ids.factory, 'factory');
    admin = actorOf(ids.admin, 'admin');
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('creates a dealer with an audit row of every field, an event, and marks it made by hand', async () => {
    const result = await createDealer(db(), factory, valid());
    expect(result).toMatchObject({ ok: true, code: 'H-100', changed: true });
    const card = await getDealerCard(db(), factory, 'H-100');
    expect(card).toMatchObject({
      name: 'ТОВ «Вікна Поділля»',
      email: 'office@vikna.example',
      manager: { id: ids.factory, name: 'Олена Менеджер' },
      createdBy: { id: ids.factory },
      sourceUpdatedAt: null,
      active: true,
    });
    expect(originOf(card!)).toBe('hand');
    const [row] = await db().select().from(auditLog).where(eq(auditLog.action, 'dealer.created'));
    expect(row).toMatchObject({ actorKind: 'user', actorId: ids.factory, entityType: 'dealer', entityId: 'H-100', dealerId: card!.id });
    expect(row!.data).toMatchObject({
      source: 'hand',
      changes: { code: { from: null, to: 'H-100' }, taxId: { from: null, to: valid().taxId }, managerId: { from: null, to: ids.factory }, active: { from: null, to: true } },
    });
    const events = await db().select().from(outbox).where(eq(outbox.event, 'dealer.updated'));
    expect(events.some((e) => e.payload.code === 'H-100')).toBe(true);
  });

  it('accepts a 10-digit РНОКПП of a sole trader and no manager', async () => {
    const result = await createDealer(db(), admin, valid({ code: 'H-FOP', taxId: rnokpp('301234567'), managerId: '', email: '', phone: '' }));
    expect(result).toMatchObject({ ok: true, code: 'H-FOP' });
    expect(await getDealerCard(db(), admin, 'H-FOP')).toMatchObject({ manager: null, email: null, phone: null });
  });

  it('refuses a tax id another dealer has, names that dealer, and writes nothing', async () => {
    const [dealersBefore, auditBefore] = [await countDealers(), await countAudit()];
    const result = await createDealer(db(), factory, valid({ code: 'H-101', name: 'Another' }));
    expect(result).toEqual({ ok: false, error: 'duplicate_tax_id', fields: { taxId: 'taxIdTaken' }, existing: { code: 'H-100', name: 'ТОВ «Вікна Поділля»' } });
    // Spaces typed inside the code change nothing: it is the same tax id.
    const spaced = valid().taxId.replace(/^(\d{4})/, '$1 ');
    expect(await createDealer(db(), factory, valid({ code: 'H-102', taxId: spaced }))).toMatchObject({ error: 'duplicate_tax_id', existing: { code: 'H-100' } });
    // A synced dealer's tax id too.
    expect(await createDealer(db(), factory, valid({ code: 'H-103', taxId: edrpou('1234567') }))).toMatchObject({ error: 'duplicate_tax_id', existing: { code: 'D-1', name: 'Synced dealer' } });
    expect([await countDealers(), await countAudit()]).toEqual([dealersBefore, auditBefore]);
  });

  it('refuses a code another dealer has, and writes nothing', async () => {
    const before = await countDealers();
    const result = await createDealer(db(), factory, valid({ code: 'D-1', taxId: edrpou('2999888') }));
    expect(result).toEqual({ ok: false, error: 'duplicate_code', fields: { code: 'codeTaken' }, existing: { code: 'D-1', name: 'Synced dealer' } });
    expect(await countDealers()).toBe(before);
  });

  it('the unique indexes hold when two people save the same tax id at once', async () => {
    const taxId = edrpou('2555444');
    const results = await Promise.all([
      createDealer(db(), factory, valid({ code: 'RACE-1', taxId })),
      createDealer(db(), admin, valid({ code: 'RACE-2', taxId })),
    ]);
    const saved = results.filter((r) => r.ok);
    const refused = results.filter((r) => !r.ok);
    expect(saved).toHaveLength(1);
    expect(refused).toEqual([{ ok: false, error: 'duplicate_tax_id', fields: { taxId: 'taxIdTaken' }, existing: { code: saved[0]!.code, name: valid().name } }]);
  });

  it.runIf(getEnv().TEST_DB_DRIVER === 'postgres')('a tax id saved meanwhile by another connection is refused by the index with the same answer', async () => {
    const taxId = edrpou('2444333');
    let pending: ReturnType<typeof createDealer> | undefined;
    await db().transaction(async (tx) => {
      await tx.insert(dealers).values({ code: 'META-1', name: 'Saved meanwhile', taxId });
      // Not committed yet: the check cannot see it, the insert waits on the unique index.
      pending = createDealer(db(), factory, valid({ code: 'META-2', taxId }));
      for (let i = 0; i < 500; i++) {
        const [row] = rowsOf<{ n: number }>(
          await db().execute(sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`),
        );
        if (Number(row?.n) > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    });
    expect(await pending).toEqual({ ok: false, error: 'duplicate_tax_id', fields: { taxId: 'taxIdTaken' }, existing: { code: 'META-1', name: 'Saved meanwhile' } });
    expect(await db().select().from(dealers).where(eq(dealers.code, 'META-2'))).toHaveLength(0);
  });

  it('refuses invalid input with a problem per field, and writes nothing', async () => {
    const before = await countDealers();
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ taxId: '1234' }, { taxId: 'taxIdFormat' }],
      [{ taxId: '12345678901' }, { taxId: 'taxIdFormat' }],
      [{ taxId: `${valid().taxId.slice(0, 7)}${(Number(valid().taxId[7]) + 1) % 10}` }, { taxId: 'taxIdCheckDigit' }],
      [{ taxId: rnokpp('301234567').replace(/\d$/, (d) => String((Number(d) + 1) % 10)) }, { taxId: 'taxIdCheckDigit' }],
      [{ taxId: 'abcdefgh' }, { taxId: 'taxIdFormat' }],
      [{ email: 'not-an-address' }, { email: 'emailInvalid' }],
      [{ currency: 'XYZ' }, { currency: 'currencyInvalid' }],
      [{ currency: 'hryvnia' }, { currency: 'currencyInvalid' }],
      [{ code: '' }, { code: 'codeRequired' }],
      [{ code: 'two words' }, { code: 'codeInvalid' }],
      [{ code: 'X'.repeat(33) }, { code: 'codeTooLong' }],
      [{ code: 'New' }, { code: 'codeReserved' }],
      [{ name: '   ' }, { name: 'nameRequired' }],
      [{ phone: 'call me' }, { phone: 'phoneInvalid' }],
      [{ managerId: 'not-a-uuid' }, { managerId: 'managerInvalid' }],
      [{ name: 42, active: 'yes' }, { name: 'nameRequired', active: 'activeInvalid' }],
    ];
    for (const [overrides, fields] of cases) {
      const result = await createDealer(db(), factory, valid({ code: 'H-BAD', taxId: edrpou('2777666'), ...overrides }));
      expect(result, JSON.stringify(overrides)).toEqual({ ok: false, error: 'invalid', fields });
    }
    expect(await createDealer(db(), factory, 'not an object')).toMatchObject({ ok: false, error: 'invalid' });
    expect(await countDealers()).toBe(before);
  });

  it('the manager must be an active factory manager or administrator', async () => {
    const before = await countDealers();
    for (const managerId of [ids.owner, ids.claims, ids.retired, ids.unknown]) {
      const result = await createDealer(db(), factory, valid({ code: 'H-MGR', taxId: edrpou('2666555'), managerId }));
      expect(result, managerId).toEqual({ ok: false, error: 'invalid', fields: { managerId: 'managerNotFactory' } });
      expect(await updateDealer(db(), factory, 'H-100', { managerId }), managerId).toEqual({ ok: false, error: 'invalid', fields: { managerId: 'managerNotFactory' } });
    }
    expect(await countDealers()).toBe(before);
    expect(await createDealer(db(), factory, valid({ code: 'H-ADM', taxId: edrpou('2666555'), managerId: ids.admin }))).toMatchObject({ ok: true });
  });

  it('edits a hand-made dealer: only the changed fields in the audit row; nothing changed, nothing written', async () => {
    const auditBefore = await countAudit();
    const result = await updateDealer(db(), admin, 'H-100', { name: 'ТОВ «Вікна Поділля плюс»', phone: '+380 50 000 00 01', managerId: ids.otherManager, town: 'Вінниця' });
    expect(result).toMatchObject({ ok: true, code: 'H-100', changed: true });
    const rows = await db().select().from(auditLog).where(eq(auditLog.action, 'dealer.updated'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: ids.admin, entityId: 'H-100' });
    expect(rows[0]!.data).toEqual({
      source: 'hand',
      changes: {
        name: { from: 'ТОВ «Вікна Поділля»', to: 'ТОВ «Вікна Поділля плюс»' },
        phone: { from: '+380 67 123 45 67', to: '+380 50 000 00 01' },
        managerId: { from: ids.factory, to: ids.otherManager },
      },
    });
    expect(await updateDealer(db(), admin, 'H-100', { name: 'ТОВ «Вікна Поділля плюс»' })).toMatchObject({ ok: true, changed: false });
    expect(await countAudit()).toBe(auditBefore + 1);
    // A new code for a dealer accounting never sent; the audit row names the new code.
    expect(await updateDealer(db(), factory, 'H-100', { code: 'H-100A' })).toMatchObject({ ok: true, code: 'H-100A' });
    expect(await getDealerCard(db(), factory, 'H-100')).toBeNull();
    expect(await updateDealer(db(), factory, 'H-100A', { code: 'H-100' })).toMatchObject({ ok: true, code: 'H-100' });
  });

  it('an edit refuses another dealer’s tax id or code, bad fields, and an unknown dealer', async () => {
    const before = await countAudit();
    expect(await updateDealer(db(), factory, 'H-100', { taxId: edrpou('1234567') })).toEqual({
      ok: false,
      error: 'duplicate_tax_id',
      fields: { taxId: 'taxIdTaken' },
      existing: { code: 'D-1', name: 'Synced dealer' },
    });
    expect(await updateDealer(db(), factory, 'H-100', { code: 'D-1' })).toMatchObject({ error: 'duplicate_code', existing: { code: 'D-1' } });
    expect(await updateDealer(db(), factory, 'H-100', { email: 'nope', currency: 'ABC' })).toEqual({ ok: false, error: 'invalid', fields: { email: 'emailInvalid', currency: 'currencyInvalid' } });
    expect(await updateDealer(db(), factory, 'NO-SUCH', { name: 'x' })).toEqual({ ok: false, error: 'not_found' });
    expect(await updateDealer(db(), factory, 'H-100', null)).toMatchObject({ ok: false, error: 'invalid' });
    expect(await countAudit()).toBe(before);
  });

  it('on a dealer accounting sent, only the town, manager and active change', async () => {
    expect(await updateDealer(db(), factory, 'D-1', { name: 'Renamed', taxId: edrpou('2111222') })).toEqual({
      ok: false,
      error: 'invalid',
      fields: { name: 'syncedField', taxId: 'syncedField' },
    });
    // The same values as stored are no change (a form sends its read-only fields too), even a
    // value of accounting's that the form's own rules would refuse.
    await db().update(dealers).set({ phone: '12-34', taxId: '12345670' }).where(eq(dealers.id, syncedId));
    const result = await updateDealer(db(), factory, 'D-1', { name: ' Synced dealer ', phone: '12-34', taxId: '12345670', town: 'Бровари', managerId: ids.otherManager, active: false });
    expect(result).toMatchObject({ ok: true, changed: true });
    expect(await getDealerCard(db(), factory, 'D-1')).toMatchObject({ name: 'Synced dealer', phone: '12-34', town: 'Бровари', active: false, manager: { id: ids.otherManager } });
    await db().update(dealers).set({ taxId: edrpou('1234567') }).where(eq(dealers.id, syncedId));
  });

  it('refuses dealer and claims users every function, and writes nothing', async () => {
    const before = [await countDealers(), await countAudit()];
    const dealerOwner = actorOf(ids.owner, 'dealer_owner', syncedId);
    for (const actor of [dealerOwner, actorOf(ids.claims, 'claims'), actorOf(ids.owner, 'dealer_staff', syncedId), null]) {
      expect(await createDealer(db(), actor, valid({ code: 'H-NO', taxId: edrpou('2888777') }))).toEqual({ ok: false, error: 'forbidden' });
      expect(await updateDealer(db(), actor, 'H-100', { name: 'x' })).toEqual({ ok: false, error: 'forbidden' });
      await expect(getDealerCard(db(), actor, 'H-100')).rejects.toThrow(/dealers\.read/);
      await expect(getDealerDetail(db(), actor, 'H-100')).rejects.toThrow(/dealers\.read/);
    }
    expect([await countDealers(), await countAudit()]).toEqual(before);
  });

  it('accounting later sending the same code updates the hand-made dealer (newest wins), keeping the factory’s fields', async () => {
    const before = await getDealerCard(db(), factory, 'H-100');
    const event = { ...dealerEvent('H-100', before!.taxId, 5, 'ТОВ «Вікна Поділля» (1С)'), data: { code: 'H-100', name: 'ТОВ «Вікна Поділля» (1С)', taxId: before!.taxId, region: 'Вінницька обл.', currency: 'UAH' } };
    expect(await send(db(), [event], TOKENS.accounting)).toMatchObject({ accepted: 1, rejected: [] });
    const after = await getDealerCard(db(), factory, 'H-100');
    expect(after).toMatchObject({
      id: before!.id,
      name: 'ТОВ «Вікна Поділля» (1С)',
      region: 'Вінницька обл.',
      town: before!.town,
      manager: { id: before!.manager!.id },
      createdBy: { id: ids.factory },
      sourceUpdatedAt: new Date(at(5)),
    });
    expect(originOf(after!)).toBe('handThenAccounting');
    // An older accounting event does not undo a newer one.
    const older = { ...dealerEvent('H-100', before!.taxId, 1, 'Old name') };
    await send(db(), [older], TOKENS.accounting);
    expect((await getDealerCard(db(), factory, 'H-100'))!.name).toBe('ТОВ «Вікна Поділля» (1С)');
    // From now on the accounting fields are accounting's.
    expect(await updateDealer(db(), factory, 'H-100', { name: 'By hand again' })).toMatchObject({ ok: false, fields: { name: 'syncedField' } });
    // The dealer's trail shows both sources.
    const detail = await getDealerDetail(db(), factory, 'H-100');
    expect(detail!.audit.map((a) => a.actorKind)).toContain('sync');
    expect(detail!.audit.map((a) => a.action)).toEqual(expect.arrayContaining(['dealer.created', 'dealer.updated']));
  });
});
