import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { claimCalendar, claimSlaPolicies, plants } from '@/drizzle/schema';
import { CLAIM_CATEGORIES, type ClaimCategory } from '@/drizzle/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/assert';
import type { WorkingCalendar } from '@/lib/claims/sla';
import type { DbOrTx } from '@/lib/db';
import { DEFAULT_CALENDAR_SETTINGS, workingCalendarOf, type CalendarSettings } from './calendar';

// Reads of the settings page (/factory/settings), and the working calendar the claims data layer
// counts its SLA clocks in.

export type PlantRow = { id: number; code: string; name: string; city: string; isMain: boolean };

export async function listPlants(db: DbOrTx, actor: Actor | null): Promise<PlantRow[]> {
  assertCan(actor, 'settings.manage');
  return plantRows(db);
}

/** The plants as the factory's order lookup offers them (code and name). */
export async function listPlantChoices(db: DbOrTx, actor: Actor | null): Promise<PlantRow[]> {
  assertCan(actor, 'orders.readAll');
  return plantRows(db);
}

function plantRows(db: DbOrTx): Promise<PlantRow[]> {
  return db
    .select({ id: plants.id, code: plants.code, name: plants.name, city: plants.city, isMain: plants.isMain })
    .from(plants)
    .orderBy(asc(plants.id));
}

/** SLA of a category with no policy row; the same default lib/claims/write.ts applies. */
export const DEFAULT_SLA_HOURS = { firstResponseHours: 8, decisionHours: 40 };

export type SlaPolicyRow = { category: ClaimCategory; firstResponseHours: number; decisionHours: number; updatedAt: Date | null };

/** Every category's SLA, the default where no row was set. */
export async function listSlaPolicies(db: DbOrTx, actor: Actor | null): Promise<SlaPolicyRow[]> {
  assertCan(actor, 'settings.manage');
  const rows = await db.select().from(claimSlaPolicies);
  return CLAIM_CATEGORIES.map((category) => {
    const row = rows.find((r) => r.category === category);
    return row
      ? { category, firstResponseHours: row.firstResponseHours, decisionHours: row.decisionHours, updatedAt: row.updatedAt }
      : { category, ...DEFAULT_SLA_HOURS, updatedAt: null };
  });
}

export type CalendarSettingsView = CalendarSettings & { updatedAt: Date | null };

export async function getCalendarSettings(db: DbOrTx, actor: Actor | null): Promise<CalendarSettingsView> {
  assertCan(actor, 'settings.manage');
  return readCalendarSettings(db);
}

export async function readCalendarSettings(db: DbOrTx): Promise<CalendarSettingsView> {
  const [row] = await db.select().from(claimCalendar).where(eq(claimCalendar.id, 1)).limit(1);
  if (!row) return { ...DEFAULT_CALENDAR_SETTINGS, updatedAt: null };
  return {
    workDays: row.workDays,
    openMinute: row.openMinute,
    closeMinute: row.closeMinute,
    publicHolidays: row.publicHolidays,
    extraHolidays: row.extraHolidays,
    extraWorkingDays: row.extraWorkingDays,
    updatedAt: row.updatedAt,
  };
}

/**
 * The calendar the claims desk works to, as stored (or the built-in one): read where a claim is
 * filed or appealed and where its clocks are shown. Not actor-bound: it is no one's data.
 */
export async function getWorkingCalendar(db: DbOrTx): Promise<WorkingCalendar> {
  return workingCalendarOf(await readCalendarSettings(db));
}
