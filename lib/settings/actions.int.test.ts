import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, claimCalendar, claims, claimSlaPolicies, orders, plants, syncSources } from '@/drizzle/schema';
import { ForbiddenError } from '@/lib/auth/scope';
import { createClaim } from '@/lib/claims/actions';
import { listDeskQueue } from '@/lib/claims/queries';
import { addWorkingHours, FACTORY_CALENDAR } from '@/lib/claims/sla';
import { prepareClaimsWorld, type ClaimsWorld } from '@/lib/claims/testing/fixtures';
import { rowsOf, type Db } from '@/lib/db';
import { hashSyncToken } from '@/lib/sync/tokens';
import { dealerEvent, orderEvent, send } from '@/lib/sync/testing/fixtures';
import { createTestDatabase } from '@/lib/testing/database';
import { createPlant, saveCalendar, saveSlaPolicies, setMainPlant, updatePlant } from './actions';
import { DEFAULT_CALENDAR_SETTINGS, workingCalendarOf } from './calendar';
import { getCalendarSettings, getWorkingCalendar, listPlants, listSlaPolicies } from './queries';

// The settings page's writes on a real database: what they change, what they refuse (changing
// nothing), their audit rows; a second plant that sync events then name; a new working calendar
// that the deadlines of a newly filed claim count in.

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let w: ClaimsWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  w = await prepareClaimsWorld(db);
  await db.insert(syncSources).values({ code: 'production', name: 'Production', tokenHash: hashSyncToken('settings-production-token') });
});
afterAll(async () => {
  await database?.dispose();
});

/** Everything the settings may change, to prove a refused input changed nothing. */
async function snapshot() {
  const [row] = rowsOf<{ plants: string; sla: string; calendar: string; audit: number }>(
    await db.execute(
      `select (select json_agg(p order by p.id)::text from plants p) as plants,
              (select coalesce(json_agg(s order by s.category)::text, '[]') from claim_sla_policies s) as sla,
              (select coalesce(json_agg(c)::text, '[]') from claim_calendar c) as calendar,
              (select count(*)::int from audit_log) as audit` as never,
    ),
  );
  return row;
}

const auditOf = (action: string) => db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(asc(auditLog.id));

describe('settings: plants', () => {
  it('adds a second plant with an audit row, and a sync event naming its code lands there', async () => {
    expect(await createPlant(db, w.lead, { code: 'EAST', name: ' Східний завод ', city: 'Харків' })).toEqual({ ok: true, changed: true });
    const list = await listPlants(db, w.lead);
    expect(list.map((p) => [p.code, p.name, p.city, p.isMain])).toEqual([
      ['MAIN', 'Main', 'Vinnytsia', true],
      ['EAST', 'Східний завод', 'Харків', false],
    ]);
    const [audit] = await auditOf('plant.created');
    expect(audit).toMatchObject({ actorKind: 'user', actorId: w.lead.userId, entityType: 'plant', entityId: 'EAST', data: { name: 'Східний завод', city: 'Харків', isMain: false } });

    const result = await send(db, [dealerEvent('D-A', '11111111', 0, 'Dealer A'), orderEvent('26-700001', 'D-A', 2, '1000.00', { plant: 'EAST' }), orderEvent('26-700002', 'D-A', 3)], 'settings-production-token');
    expect(result.rejected).toEqual([]);
    const placed = await db.select({ number: orders.number, plant: plants.code }).from(orders).innerJoin(plants, eq(plants.id, orders.plantId)).where(eq(orders.dealerId, w.dealerIdA)).orderBy(asc(orders.number));
    expect(placed.filter((o) => o.number.startsWith('26-7'))).toEqual([
      { number: '26-700001', plant: 'EAST' },
      { number: '26-700002', plant: 'MAIN' },
    ]);
  });

  it('refuses a duplicate code (whatever its case), a malformed code and missing names, changing nothing', async () => {
    const before = await snapshot();
    expect(await createPlant(db, w.lead, { code: 'east', name: 'Інший', city: 'Київ' })).toEqual({ ok: false, error: 'conflict', fields: { code: 'duplicateCode' } });
    expect(await createPlant(db, w.lead, { code: 'with space', name: 'X', city: '' })).toEqual({ ok: false, error: 'invalid', fields: { code: 'plantCode', name: 'tooShort', city: 'tooShort' } });
    expect(await createPlant(db, w.lead, { code: 42, name: 'x'.repeat(101) })).toEqual({ ok: false, error: 'invalid', fields: { code: 'required', name: 'tooLong', city: 'required' } });
    expect(await snapshot()).toEqual(before);
  });

  it('renames a plant with the change in the audit row; the same values again change nothing', async () => {
    const east = (await listPlants(db, w.lead)).find((p) => p.code === 'EAST')!;
    expect(await updatePlant(db, w.lead, { id: east.id, name: 'Східний завод', city: 'Дніпро' })).toEqual({ ok: true, changed: true });
    const [audit] = await auditOf('plant.updated');
    expect(audit!.data).toEqual({ changes: { city: { from: 'Харків', to: 'Дніпро' } } });
    const before = await snapshot();
    expect(await updatePlant(db, w.lead, { id: east.id, name: 'Східний завод', city: 'Дніпро' })).toEqual({ ok: true, changed: false });
    expect(await updatePlant(db, w.lead, { id: 999_999, name: 'Ніде', city: 'Ніде' })).toEqual({ ok: false, error: 'not_found', fields: { id: 'unknownPlant' } });
    expect(await snapshot()).toEqual(before);
  });

  it('moves the main plant: always exactly one; no choice or an unknown plant is refused', async () => {
    const before = await snapshot();
    expect(await setMainPlant(db, w.lead, {})).toEqual({ ok: false, error: 'invalid', fields: { id: 'mainRequired' } });
    expect(await setMainPlant(db, w.lead, { id: '' })).toEqual({ ok: false, error: 'invalid', fields: { id: 'mainRequired' } });
    expect(await setMainPlant(db, w.lead, { id: 999_999 })).toMatchObject({ ok: false, error: 'not_found' });
    expect(await snapshot()).toEqual(before);

    const east = (await listPlants(db, w.lead)).find((p) => p.code === 'EAST')!;
    expect(await setMainPlant(db, w.lead, { id: String(east.id) })).toEqual({ ok: true, changed: true });
    expect((await listPlants(db, w.lead)).filter((p) => p.isMain).map((p) => p.code)).toEqual(['EAST']);
    expect((await auditOf('plant.main_changed'))[0]!.data).toEqual({ changes: { main: { from: 'MAIN', to: 'EAST' } } });
    // The database keeps it at one as well.
    await expect(db.update(plants).set({ isMain: true }).where(eq(plants.code, 'MAIN'))).rejects.toThrow();
    const main = (await listPlants(db, w.lead)).find((p) => p.code === 'MAIN')!;
    expect(await setMainPlant(db, w.lead, { id: main.id })).toEqual({ ok: true, changed: true });
  });

  it('is for administrators: a factory manager, the claims desk and a dealer change nothing', async () => {
    const before = await snapshot();
    for (const actor of [w.factory, w.specialist, w.dealerA, null]) {
      expect(await createPlant(db, actor, { code: 'NORTH', name: 'Північний', city: 'Чернігів' })).toMatchObject({ ok: false, error: 'forbidden' });
      expect(await setMainPlant(db, actor, { id: 1 })).toMatchObject({ ok: false, error: 'forbidden' });
      expect(await saveSlaPolicies(db, actor, [{ category: 'defect', firstResponseHours: 1, decisionHours: 2 }])).toMatchObject({ ok: false, error: 'forbidden' });
      expect(await saveCalendar(db, actor, { workDays: [1], opensAt: '08:00', closesAt: '09:00', publicHolidays: false, extraHolidays: '', extraWorkingDays: '' })).toMatchObject({ ok: false, error: 'forbidden' });
      await expect(listPlants(db, actor)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getCalendarSettings(db, actor)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('settings: claims SLA', () => {
  const all = (change: Record<string, { firstResponseHours: unknown; decisionHours: unknown }> = {}) =>
    (['defect', 'transit_damage', 'missing_part', 'wrong_dimensions', 'hardware', 'other'] as const).map((category) => ({
      category,
      firstResponseHours: '8',
      decisionHours: '40',
      ...change[category],
    }));

  it('refuses bad hours with the field named, changing nothing', async () => {
    const before = await snapshot();
    const result = await saveSlaPolicies(db, w.lead, all({ defect: { firstResponseHours: '0', decisionHours: 'abc' }, hardware: { firstResponseHours: '10', decisionHours: '5' }, other: { firstResponseHours: '2.5', decisionHours: '' } }));
    expect(result).toEqual({
      ok: false,
      error: 'invalid',
      fields: { 'defect.firstResponseHours': 'hours', 'defect.decisionHours': 'hours', 'hardware.decisionHours': 'decisionBeforeResponse', 'other.firstResponseHours': 'hours', 'other.decisionHours': 'hours' },
    });
    expect(await saveSlaPolicies(db, w.lead, all({ defect: { firstResponseHours: '2001', decisionHours: '3000' } }))).toMatchObject({ ok: false, fields: { 'defect.firstResponseHours': 'hours' } });
    expect(await saveSlaPolicies(db, w.lead, 'not a list')).toMatchObject({ ok: false, error: 'invalid' });
    expect(await snapshot()).toEqual(before);
  });

  it('saves changed categories only, each with its change in the audit log', async () => {
    expect(await saveSlaPolicies(db, w.lead, all({ defect: { firstResponseHours: '6', decisionHours: '40' }, other: { firstResponseHours: '12', decisionHours: '48' } }))).toEqual({ ok: true, changed: true });
    const policies = await listSlaPolicies(db, w.lead);
    expect(policies.find((p) => p.category === 'defect')).toMatchObject({ firstResponseHours: 6, decisionHours: 40 });
    expect(policies.find((p) => p.category === 'other')).toMatchObject({ firstResponseHours: 12, decisionHours: 48 });
    const audits = await auditOf('settings.claim_sla');
    // transit_damage (4/16) and hardware (8/32) had rows and were sent as 8/40: changed too.
    expect(audits.map((a) => a.entityId).sort()).toEqual(['claim_sla.defect', 'claim_sla.hardware', 'claim_sla.missing_part', 'claim_sla.other', 'claim_sla.transit_damage', 'claim_sla.wrong_dimensions']);
    expect(audits.find((a) => a.entityId === 'claim_sla.defect')!.data).toEqual({ category: 'defect', changes: { firstResponseHours: { from: 8, to: 6 } } });
    expect(audits.find((a) => a.entityId === 'claim_sla.other')!.data).toEqual({ category: 'other', changes: { firstResponseHours: { from: null, to: 12 }, decisionHours: { from: null, to: 48 } } });
    const count = (await db.select().from(auditLog)).length;
    expect(await saveSlaPolicies(db, w.lead, all({ defect: { firstResponseHours: '6', decisionHours: '40' }, other: { firstResponseHours: '12', decisionHours: '48' } }))).toEqual({ ok: true, changed: false });
    expect((await db.select().from(auditLog)).length).toBe(count);
  });
});

describe('settings: working calendar', () => {
  const calendar = (change: Record<string, unknown> = {}) => ({
    workDays: ['1', '2', '3', '4', '5'],
    opensAt: '09:00',
    closesAt: '18:00',
    publicHolidays: 'on',
    extraHolidays: '',
    extraWorkingDays: '',
    ...change,
  });

  it('is the built-in calendar until someone changes it', async () => {
    expect(await getCalendarSettings(db, w.lead)).toEqual({ ...DEFAULT_CALENDAR_SETTINGS, updatedAt: null });
    const built = await getWorkingCalendar(db);
    const monday = new Date('2026-11-02T07:00:00Z');
    for (const hours of [1, 8, 9, 40, 100]) expect(addWorkingHours(monday, hours, built)).toEqual(addWorkingHours(monday, hours, FACTORY_CALENDAR));
    // New Year 2026 is a holiday in both.
    expect(addWorkingHours(new Date('2025-12-31T15:00:00Z'), 2, built)).toEqual(addWorkingHours(new Date('2025-12-31T15:00:00Z'), 2, FACTORY_CALENDAR));
  });

  it('refuses closing before opening, no working day, bad times and dates, a date in both lists, changing nothing', async () => {
    const before = await snapshot();
    expect(await saveCalendar(db, w.lead, calendar({ opensAt: '18:00', closesAt: '09:00' }))).toEqual({ ok: false, error: 'invalid', fields: { closesAt: 'closeBeforeOpen' } });
    expect(await saveCalendar(db, w.lead, calendar({ opensAt: '10:00', closesAt: '10:00' }))).toEqual({ ok: false, error: 'invalid', fields: { closesAt: 'closeBeforeOpen' } });
    expect(await saveCalendar(db, w.lead, calendar({ workDays: [] }))).toEqual({ ok: false, error: 'invalid', fields: { workDays: 'workDays' } });
    expect(await saveCalendar(db, w.lead, calendar({ workDays: ['8'] }))).toMatchObject({ ok: false, fields: { workDays: 'workDays' } });
    expect(await saveCalendar(db, w.lead, calendar({ opensAt: '25:00', closesAt: 'noon' }))).toEqual({ ok: false, error: 'invalid', fields: { opensAt: 'time', closesAt: 'time' } });
    expect(await saveCalendar(db, w.lead, calendar({ extraHolidays: '2026-02-30\n2026-03-01' }))).toEqual({ ok: false, error: 'invalid', fields: { extraHolidays: 'date' } });
    expect(await saveCalendar(db, w.lead, calendar({ extraHolidays: '2026-12-31', extraWorkingDays: '2026-12-31' }))).toEqual({ ok: false, error: 'invalid', fields: { extraWorkingDays: 'bothLists' } });
    expect(await snapshot()).toEqual(before);
    expect(await db.select().from(claimCalendar)).toEqual([]);
  });

  it('a new calendar: stored with its change in the audit log, and a newly filed claim’s deadlines count in it', async () => {
    // Round the clock, every day: 20 working hours are 20 hours, which the built-in calendar
    // (9 hours a working day) can never make.
    await db.insert(claimSlaPolicies).values({ category: 'missing_part', firstResponseHours: 20, decisionHours: 30 }).onConflictDoUpdate({ target: claimSlaPolicies.category, set: { firstResponseHours: 20, decisionHours: 30 } });
    const saved = await saveCalendar(db, w.lead, calendar({ workDays: ['1', '2', '3', '4', '5', '6', '7'], opensAt: '00:00', closesAt: '24:00', publicHolidays: '', extraHolidays: '2026-12-31, 2026-12-30' }));
    expect(saved).toEqual({ ok: true, changed: true });
    const settings = await getCalendarSettings(db, w.lead);
    expect(settings).toMatchObject({ workDays: [1, 2, 3, 4, 5, 6, 7], openMinute: 0, closeMinute: 1440, publicHolidays: false, extraHolidays: ['2026-12-30', '2026-12-31'], extraWorkingDays: [] });
    const [audit] = await auditOf('settings.claim_calendar');
    expect(audit).toMatchObject({ actorId: w.lead.userId, entityType: 'settings', entityId: 'claim_calendar' });
    expect(audit!.data).toEqual({
      changes: {
        workDays: { from: [1, 2, 3, 4, 5], to: [1, 2, 3, 4, 5, 6, 7] },
        openMinute: { from: 540, to: 0 },
        closeMinute: { from: 1080, to: 1440 },
        publicHolidays: { from: true, to: false },
        extraHolidays: { from: [], to: ['2026-12-30', '2026-12-31'] },
      },
    });

    const filed = await createClaim(db, w.dealerA, { orderNumber: w.orders.delivered, category: 'missing_part', description: 'Бракує ручки' }, null);
    if (!filed.ok) throw new Error(filed.message);
    const [claim] = await db.select().from(claims).where(eq(claims.number, filed.number));
    const stored = workingCalendarOf(settings);
    expect(claim!.firstResponseDueAt).toEqual(addWorkingHours(claim!.createdAt, 20, stored));
    expect(claim!.decisionDueAt).toEqual(addWorkingHours(claim!.createdAt, 30, stored));
    expect(claim!.firstResponseDueAt!.getTime()).toBeLessThan(addWorkingHours(claim!.createdAt, 20, FACTORY_CALENDAR).getTime());

    // The desk's clocks count in it too.
    const queue = await listDeskQueue(db, w.specialist, {}, { now: claim!.createdAt });
    const row = queue.claims.find((c) => c.number === filed.number)!;
    expect(row.firstResponse!.workingHoursLeft).toBeCloseTo(20, 5);

    // Saving the same again changes nothing and writes no audit row.
    expect(await saveCalendar(db, w.lead, calendar({ workDays: ['7', '6', '5', '4', '3', '2', '1'], opensAt: '00:00', closesAt: '24:00', publicHolidays: '', extraHolidays: '2026-12-30 2026-12-31' }))).toEqual({ ok: true, changed: false });
    expect(await auditOf('settings.claim_calendar')).toHaveLength(1);
  });

  it('extra working days are worked even on a weekend', async () => {
    expect(await saveCalendar(db, w.lead, calendar({ extraWorkingDays: '2026-11-07' }))).toEqual({ ok: true, changed: true });
    const built = await getWorkingCalendar(db);
    // Friday 17:00 Kyiv + 2 working hours: Saturday 7 November is worked, from 09:00.
    expect(addWorkingHours(new Date('2026-11-06T15:00:00Z'), 2, built)).toEqual(new Date('2026-11-07T08:00:00Z'));
    expect(addWorkingHours(new Date('2026-11-06T15:00:00Z'), 2, FACTORY_CALENDAR)).toEqual(new Date('2026-11-09T08:00:00Z'));
    const rows = await db.select().from(auditLog).where(and(eq(auditLog.action, 'settings.claim_calendar'), eq(auditLog.actorId, w.lead.userId)));
    expect(rows).toHaveLength(2);
  });
});
