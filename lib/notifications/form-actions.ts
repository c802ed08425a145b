'use server';

import { revalidatePath } from 'next/cache';
import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { markAllNotificationsRead, markNotificationRead, saveNotificationPreferences, type NotificationError } from './actions';
import type { DeliveryField, DeliveryFieldError } from './schemas';
import { saveDeliverySettings } from './settings';

// The notification centre's server actions: the signed-in actor is always the owner. Each change
// re-renders the area (the bell's count lives in the shell).

function refreshAreas() {
  revalidatePath('/', 'layout');
}

export async function markNotificationReadAction(id: number): Promise<{ ok: boolean }> {
  const result = await markNotificationRead(getDb(), await getActor(), id);
  if (result.ok && result.changed) refreshAreas();
  return { ok: result.ok };
}

export type MarkAllState = { status: 'idle' } | { status: 'done'; count: number } | { status: 'error'; error: NotificationError };

export async function markAllNotificationsReadAction(_previous: MarkAllState, _form: FormData): Promise<MarkAllState> {
  const result = await markAllNotificationsRead(getDb(), await getActor());
  if (!result.ok) return { status: 'error', error: result.error };
  refreshAreas();
  return { status: 'done', count: result.count };
}

export type PreferencesState = { status: 'idle' } | { status: 'saved'; at: number } | { status: 'error'; error: NotificationError };

/** The preferences form: one checkbox `enabled` per switch that is on. */
export async function savePreferencesAction(_previous: PreferencesState, form: FormData): Promise<PreferencesState> {
  const enabled = form.getAll('enabled').filter((v): v is string => typeof v === 'string');
  const result = await saveNotificationPreferences(getDb(), await getActor(), { enabled });
  if (!result.ok) return { status: 'error', error: result.error };
  refreshAreas();
  return { status: 'saved', at: Date.now() };
}

export type DeliveryFormValues = { emailMode: string; quiet: string; quietFrom: string; quietTo: string };

export type DeliveryState =
  | { status: 'idle' }
  | { status: 'saved'; at: number }
  | {
      status: 'error';
      error: 'invalid' | 'forbidden';
      fields: Partial<Record<DeliveryField, DeliveryFieldError>>;
      /** What was sent, shown again so nothing typed is lost. */
      values: DeliveryFormValues;
    };

/** The "E-mail and quiet hours" form: emailMode, quiet (none | hours), quietFrom, quietTo. */
export async function saveDeliverySettingsAction(_previous: DeliveryState, form: FormData): Promise<DeliveryState> {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  const values = { emailMode: text('emailMode'), quiet: text('quiet'), quietFrom: text('quietFrom'), quietTo: text('quietTo') };
  const result = await saveDeliverySettings(getDb(), await getActor(), {
    emailMode: values.emailMode,
    quiet: values.quiet === 'hours',
    quietFrom: values.quietFrom,
    quietTo: values.quietTo,
  });
  if (!result.ok) return { status: 'error', error: result.error, fields: result.error === 'invalid' ? result.fields : {}, values };
  refreshAreas();
  return { status: 'saved', at: Date.now() };
}
