import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import { claimCalendar, claimSlaPolicies, plants } from '@/drizzle/schema';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { diffFields, recordAudit } from '@/lib/audit/record';
import type { Db, Tx } from '@/lib/db';
import { log } from '@/lib/log';
import type { CalendarSettings } from './calendar';
import { readCalendarSettings } from './queries';
import { calendarSchema, createPlantSchema, fieldCodesOf, mainPlantSchema, minuteOf, slaPolicySchema, updatePlantSchema, type SlaPolicyInput } from './schemas';

// The settings page's writes: plants, the claims SLA, the working calendar. Each: parse →
// authorize (settings.manage) → one transaction with the change and its audit row. A refused
// input changes nothing and answers field codes the page translates (settings.error.*).

export type SettingsError = 'invalid' | 'forbidden' | 'not_found' | 'conflict';
export type SettingsFailure = { ok: false; error: SettingsError; fields: Record<string, string> };
export type SettingsDone = { ok: true; changed: boolean };

const fail = (error: SettingsError, fields: Record<string, string> = {}): SettingsFailure => ({ ok: false, error, fields });

class Refusal extends Error {
  constructor(readonly failure: SettingsFailure) {
    super(failure.error);
  }
}

async function inTransaction(db: Db, work: (tx: Tx) => Promise<SettingsDone>): Promise<SettingsDone | SettingsFailure> {
  try {
    return await db.transaction(work);
  } catch (err) {
    if (err instanceof Refusal) return err.failure;
    throw err;
  }
}

const who = (actor: Actor) => ({ kind: 'user' as const, id: actor.userId });

// ---------------------------------------------------------------------------------------------
// Plants

/** A new plant; the first one becomes the main plant. The code is unique whatever its case. */
export async function createPlant(db: Db, actor: Actor | null, input: unknown): Promise<SettingsDone | SettingsFailure> {
  if (!actor || !can(actor, 'settings.manage')) return fail('forbidden');
  const parsed = createPlantSchema.safeParse(input);
  if (!parsed.success) return fail('invalid', fieldCodesOf(parsed.error));
  const { code, name, city } = parsed.data;
  const result = await inTransaction(db, async (tx) => {
    // Plants are few and added by hand: one at a time, so two equal codes cannot race.
    await tx.execute(sql`lock table ${plants} in share row exclusive mode`);
    const [same] = await tx.select({ code: plants.code }).from(plants).where(sql`lower(${plants.code}) = lower(${code})`).limit(1);
    if (same) throw new Refusal(fail('conflict', { code: 'duplicateCode' }));
    const [main] = await tx.select({ id: plants.id }).from(plants).where(eq(plants.isMain, true)).limit(1);
    const [row] = await tx.insert(plants).values({ code, name, city, isMain: !main }).returning({ id: plants.id });
    await recordAudit(tx, { actor: who(actor), action: 'plant.created', entityType: 'plant', entityId: code, data: { name, city, isMain: !main, id: row!.id } });
    return { ok: true, changed: true };
  });
  if (result.ok) log.info('plant created', { code, userId: actor.userId });
  return result;
}

/** A plant's name and city (its code stays: sync events name the plant by it). */
export async function updatePlant(db: Db, actor: Actor | null, input: unknown): Promise<SettingsDone | SettingsFailure> {
  if (!actor || !can(actor, 'settings.manage')) return fail('forbidden');
  const parsed = updatePlantSchema.safeParse(input);
  if (!parsed.success) return fail('invalid', fieldCodesOf(parsed.error));
  const { id, name, city } = parsed.data;
  return inTransaction(db, async (tx) => {
    const [before] = await tx.select({ code: plants.code, name: plants.name, city: plants.city }).from(plants).where(eq(plants.id, id)).for('update').limit(1);
    if (!before) throw new Refusal(fail('not_found', { id: 'unknownPlant' }));
    const changes = diffFields(before, { name, city });
    if (!Object.keys(changes).length) return { ok: true, changed: false };
    await tx.update(plants).set({ name, city }).where(eq(plants.id, id));
    await recordAudit(tx, { actor: who(actor), action: 'plant.updated', entityType: 'plant', entityId: before.code, data: { changes } });
    return { ok: true, changed: true };
  });
}

/** The plant of orders that name none. Exactly one plant is the main one. */
export async function setMainPlant(db: Db, actor: Actor | null, input: unknown): Promise<SettingsDone | SettingsFailure> {
  if (!actor || !can(actor, 'settings.manage')) return fail('forbidden');
  const parsed = mainPlantSchema.safeParse(input);
  if (!parsed.success) return fail('invalid', { id: 'mainRequired' });
  const { id } = parsed.data;
  const result = await inTransaction(db, async (tx) => {
    await tx.execute(sql`lock table ${plants} in share row exclusive mode`);
    const [chosen] = await tx.select({ code: plants.code, isMain: plants.isMain }).from(plants).where(eq(plants.id, id)).limit(1);
    if (!chosen) throw new Refusal(fail('not_found', { id: 'unknownPlant' }));
    if (chosen.isMain) return { ok: true, changed: false };
    const [previous] = await tx
      .update(plants)
      .set({ isMain: false })
      .where(and(eq(plants.isMain, true), ne(plants.id, id)))
      .returning({ code: plants.code });
    await tx.update(plants).set({ isMain: true }).where(eq(plants.id, id));
    await recordAudit(tx, {
      actor: who(actor),
      action: 'plant.main_changed',
      entityType: 'plant',
      entityId: chosen.code,
      data: { changes: { main: { from: previous?.code ?? null, to: chosen.code } } },
    });
    return { ok: true, changed: true };
  });
  if (result.ok && result.changed) log.info('main plant changed', { plantId: id, userId: actor.userId });
  return result;
}

// ---------------------------------------------------------------------------------------------
// Claims SLA

/**
 * Hours of every category at once (the page's one form). Fields answer as `<category>.<field>`.
 * A category whose hours did not change is not written; claims already filed keep their deadlines.
 */
export async function saveSlaPolicies(db: Db, actor: Actor | null, input: unknown): Promise<SettingsDone | SettingsFailure> {
  if (!actor || !can(actor, 'settings.manage')) return fail('forbidden');
  const list = Array.isArray(input) ? input : [];
  if (!list.length || list.length > 20) return fail('invalid', { form: 'invalid' });
  const fields: Record<string, string> = {};
  const policies: SlaPolicyInput[] = [];
  for (const item of list) {
    const parsed = slaPolicySchema.safeParse(item);
    const category = String((item as { category?: unknown })?.category ?? '');
    if (!parsed.success) for (const [field, code] of Object.entries(fieldCodesOf(parsed.error))) fields[`${category}.${field}`] ??= code;
    else policies.push(parsed.data);
  }
  if (Object.keys(fields).length) return fail('invalid', fields);
  const now = new Date();
  return inTransaction(db, async (tx) => {
    const rows = await tx.select().from(claimSlaPolicies).for('update');
    let changed = false;
    for (const policy of policies) {
      const before = rows.find((r) => r.category === policy.category);
      const after = { firstResponseHours: policy.firstResponseHours, decisionHours: policy.decisionHours };
      const changes = diffFields({ firstResponseHours: before?.firstResponseHours ?? null, decisionHours: before?.decisionHours ?? null }, after);
      if (!Object.keys(changes).length) continue;
      await tx
        .insert(claimSlaPolicies)
        .values({ category: policy.category, ...after, updatedAt: now })
        .onConflictDoUpdate({ target: claimSlaPolicies.category, set: { ...after, updatedAt: now } });
      await recordAudit(tx, { actor: who(actor), action: 'settings.claim_sla', entityType: 'settings', entityId: `claim_sla.${policy.category}`, data: { category: policy.category, changes } });
      changed = true;
    }
    return { ok: true, changed };
  });
}

// ---------------------------------------------------------------------------------------------
// Working calendar

/** The claims desk's working calendar; deadlines of claims filed from now on count in it. */
export async function saveCalendar(db: Db, actor: Actor | null, input: unknown): Promise<SettingsDone | SettingsFailure> {
  if (!actor || !can(actor, 'settings.manage')) return fail('forbidden');
  const parsed = calendarSchema.safeParse(input);
  if (!parsed.success) return fail('invalid', fieldCodesOf(parsed.error));
  const c = parsed.data;
  const next: CalendarSettings = {
    workDays: [...new Set(c.workDays)].sort(),
    openMinute: minuteOf(c.opensAt),
    closeMinute: minuteOf(c.closesAt),
    publicHolidays: c.publicHolidays,
    extraHolidays: [...new Set(c.extraHolidays)].sort(),
    extraWorkingDays: [...new Set(c.extraWorkingDays)].sort(),
  };
  const now = new Date();
  const result = await inTransaction(db, async (tx) => {
    await tx.execute(sql`select id from ${claimCalendar} for update`);
    const { updatedAt: _, ...before } = await readCalendarSettings(tx);
    const changes = diffFields(before, next);
    if (!Object.keys(changes).length) return { ok: true, changed: false };
    await tx
      .insert(claimCalendar)
      .values({ id: 1, ...next, updatedById: actor.userId, updatedAt: now })
      .onConflictDoUpdate({ target: claimCalendar.id, set: { ...next, updatedById: actor.userId, updatedAt: now } });
    await recordAudit(tx, { actor: who(actor), action: 'settings.claim_calendar', entityType: 'settings', entityId: 'claim_calendar', data: { changes } });
    return { ok: true, changed: true };
  });
  if (result.ok && result.changed) log.info('claims working calendar changed', { userId: actor.userId });
  return result;
}
