'use server';

import { revalidatePath } from 'next/cache';
import { CLAIM_CATEGORIES } from '@/drizzle/schema/values';
import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { log } from '@/lib/log';
import { createPlant, saveCalendar, saveSlaPolicies, setMainPlant, updatePlant, type SettingsDone, type SettingsError, type SettingsFailure } from './actions';

// The settings page's forms (they work before the page's JavaScript has loaded): read the form,
// call the domain function with the signed-in actor, answer a state the form renders.

const PAGE = '/factory/settings';

export type SettingsFormState =
  | { status: 'idle' }
  | { status: 'saved'; changed: boolean; at: number }
  | { status: 'error'; error: SettingsError | 'failed'; fields: Record<string, string>; values: Record<string, string> };

function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.slice(0, 2000) : '';
}

async function run(what: string, values: Record<string, string>, work: () => Promise<SettingsDone | SettingsFailure>): Promise<SettingsFormState> {
  try {
    const result = await work();
    if (!result.ok) return { status: 'error', error: result.error, fields: result.fields, values };
    if (result.changed) revalidatePath(PAGE);
    return { status: 'saved', changed: result.changed, at: Date.now() };
  } catch (err) {
    log.error(`settings: ${what} failed`, { err });
    return { status: 'error', error: 'failed', fields: {}, values };
  }
}

export async function createPlantAction(_previous: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  const values = { code: field(form, 'code'), name: field(form, 'name'), city: field(form, 'city') };
  return run('adding a plant', values, async () => createPlant(getDb(), await getActor(), values));
}

export async function updatePlantAction(_previous: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  const values = { id: field(form, 'id'), name: field(form, 'name'), city: field(form, 'city') };
  return run('changing a plant', values, async () => updatePlant(getDb(), await getActor(), values));
}

export async function setMainPlantAction(_previous: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  const values = { id: field(form, 'main') };
  return run('choosing the main plant', values, async () => setMainPlant(getDb(), await getActor(), values));
}

export async function saveSlaAction(_previous: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  const values: Record<string, string> = {};
  const policies = CLAIM_CATEGORIES.map((category) => {
    const first = field(form, `${category}.firstResponseHours`);
    const decision = field(form, `${category}.decisionHours`);
    values[`${category}.firstResponseHours`] = first;
    values[`${category}.decisionHours`] = decision;
    return { category, firstResponseHours: first, decisionHours: decision };
  });
  return run('saving the claims SLA', values, async () => saveSlaPolicies(getDb(), await getActor(), policies));
}

export async function saveCalendarAction(_previous: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  const workDays = form.getAll('workDays').filter((v): v is string => typeof v === 'string').slice(0, 7);
  const values = {
    workDays: workDays.join(','),
    opensAt: field(form, 'opensAt'),
    closesAt: field(form, 'closesAt'),
    publicHolidays: field(form, 'publicHolidays'),
    extraHolidays: field(form, 'extraHolidays'),
    extraWorkingDays: field(form, 'extraWorkingDays'),
  };
  return run('saving the working calendar', values, async () => saveCalendar(getDb(), await getActor(), { ...values, workDays }));
}
