'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { createDealer, updateDealer, type DealerError } from './actions';
import { dealerHref, type FieldErrors } from './schemas';

// The dealer form's server actions (they work before the page's JavaScript has loaded): read the
// form, call the domain function with the signed-in actor, and open the dealer's page when saved
// or answer a state the form renders (with what was typed, so nothing has to be typed again).

const TEXT_FIELDS = ['code', 'name', 'taxId', 'region', 'town', 'address', 'phone', 'email', 'currency', 'managerId'] as const;
export type DealerFormValues = Partial<Record<(typeof TEXT_FIELDS)[number], string>> & { active?: boolean };

export type DealerFormState =
  | { status: 'idle' }
  | { status: 'error'; error: DealerError; fields: FieldErrors; values: DealerFormValues; existing?: { code: string; name: string } };

/** The fields the form sent (a disabled field is not sent, so it stays out), cut to a sane length. */
function valuesOf(form: FormData): DealerFormValues {
  const values: DealerFormValues = {};
  for (const name of TEXT_FIELDS) {
    const value = form.get(name);
    if (typeof value === 'string') values[name] = value.slice(0, 1000);
  }
  // A checkbox sends nothing when cleared; the hidden marker says the form had it.
  if (form.get('activeShown') === '1') values.active = form.get('active') === 'on';
  return values;
}

export async function createDealerAction(_previous: DealerFormState, form: FormData): Promise<DealerFormState> {
  const values = valuesOf(form);
  const result = await createDealer(getDb(), await getActor(), values);
  if (!result.ok) return { status: 'error', error: result.error, fields: result.fields ?? {}, values, existing: result.existing };
  revalidatePath('/factory/dealers');
  redirect(`${dealerHref(result.code)}?created=1`);
}

export async function updateDealerAction(code: string, _previous: DealerFormState, form: FormData): Promise<DealerFormState> {
  const values = valuesOf(form);
  const result = await updateDealer(getDb(), await getActor(), code, values);
  if (!result.ok) return { status: 'error', error: result.error, fields: result.fields ?? {}, values, existing: result.existing };
  revalidatePath('/factory/dealers');
  redirect(`${dealerHref(result.code)}${result.changed ? '?saved=1' : ''}`);
}
