import { z } from 'zod';
import { CLAIM_CATEGORIES } from '@/drizzle/schema/values';

// The settings page's input (plants, the claims SLA, the working calendar), shared by the forms and
// the actions. No server imports. Error messages are codes the page translates (settings.error.*).

const text = (min: number, max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string({ error: 'required' }).min(min, { error: 'tooShort' }).max(max, { error: 'tooLong' }));

/** A plant's code as sync events name it (`plant` of order.upserted): letters, digits, - and _. */
export const plantCodeSchema = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim() : v),
  z.string({ error: 'required' }).regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/, { error: 'plantCode' }),
);

const id = z.coerce.number({ error: 'required' }).int({ error: 'required' }).positive({ error: 'required' }).max(Number.MAX_SAFE_INTEGER, { error: 'required' });

export const createPlantSchema = z.object({ code: plantCodeSchema, name: text(2, 100), city: text(2, 100) });
export const updatePlantSchema = z.object({ id, name: text(2, 100), city: text(2, 100) });
export const mainPlantSchema = z.object({ id });

/** Working hours of a clock: a whole number from 1 to a year of working days. */
const hours = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.coerce.number({ error: 'hours' }).int({ error: 'hours' }).min(1, { error: 'hours' }).max(2000, { error: 'hours' }),
);

export const slaPolicySchema = z
  .object({ category: z.enum(CLAIM_CATEGORIES, { error: 'required' }), firstResponseHours: hours, decisionHours: hours })
  .refine((p) => p.decisionHours >= p.firstResponseHours, { path: ['decisionHours'], error: 'decisionBeforeResponse' });

export type SlaPolicyInput = z.infer<typeof slaPolicySchema>;

const time = z.string({ error: 'time' }).regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { error: 'time' });
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date' })
  .refine((d) => !Number.isNaN(Date.parse(`${d}T12:00:00Z`)) && new Date(`${d}T12:00:00Z`).toISOString().slice(0, 10) === d, { error: 'date' });

/** Dates typed one per line, or separated by commas or spaces; each must be a real date. */
const dateList = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(/[\s,;]+/).filter(Boolean) : v),
  z.array(isoDate).max(366, { error: 'tooMany' }),
);

export const calendarSchema = z
  .object({
    workDays: z.preprocess(
      (v) => (Array.isArray(v) ? v : v === undefined || v === null || v === '' ? [] : [v]),
      z.array(z.coerce.number({ error: 'workDays' }).int({ error: 'workDays' }).min(1, { error: 'workDays' }).max(7, { error: 'workDays' }), { error: 'workDays' }).min(1, { error: 'workDays' }),
    ),
    opensAt: time,
    closesAt: time,
    publicHolidays: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()),
    extraHolidays: dateList,
    extraWorkingDays: dateList,
  })
  .refine((c) => minuteOf(c.closesAt) > minuteOf(c.opensAt), { path: ['closesAt'], error: 'closeBeforeOpen' })
  .refine((c) => !c.extraHolidays.some((d) => c.extraWorkingDays.includes(d)), { path: ['extraWorkingDays'], error: 'bothLists' });

export type CalendarInput = z.infer<typeof calendarSchema>;

/** "09:30" → 570. */
export function minuteOf(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** 570 → "09:30". */
export function timeOf(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** The first message of each field ({ field: code }), for the forms. */
export function fieldCodesOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    fields[key] ??= /^[a-zA-Z]+$/.test(issue.message) ? issue.message : 'invalid';
  }
  return fields;
}
