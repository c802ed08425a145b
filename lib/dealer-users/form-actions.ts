'use server';

import { revalidatePath } from 'next/cache';
import { getLocale } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { formatDateTime } from '@/lib/i18n/format';
import type { LinkMailed } from '@/lib/mail/link-mail';
import {
  acceptInvitation,
  deactivateDealerUser,
  inviteDealerUser,
  reactivateDealerUser,
  reissueInvitation,
  revokeInvitation,
  type DealerUserError,
} from './actions';
import { invitationPath } from './invitation-token';
import { acceptInvitationFormSchema, fieldErrorsOf, manageIntentSchema, type FieldErrors, type ManageIntent } from './schemas';

// The forms' server actions (they work before the page's JavaScript has loaded): read the form,
// call the domain function with the signed-in actor, and answer a state the form renders.

const USERS_PAGE = '/dealer/users';

/** A text field of a form, cut to a sane length for echoing it back. */
function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.slice(0, 1000) : '';
}

function invitationLink(token: string): string {
  return `${getEnv().publicUrl}${invitationPath(token)}`;
}

/** When a new link stops working, in the reader's language and the factory's time zone. */
async function expiryLabel(expiresAt: Date): Promise<string> {
  return formatDateTime(expiresAt, (await getLocale()) as Locale);
}

export type InviteFormState =
  | { status: 'idle' }
  | { status: 'error'; error: DealerUserError; fields: FieldErrors; values: { name: string; email: string } }
  /** `expiresAt` is formatted for the reader. */
  | { status: 'invited'; userId: string; name: string; email: string; link: string; expiresAt: string; mail: LinkMailed };

export async function inviteDealerUserAction(_previous: InviteFormState, form: FormData): Promise<InviteFormState> {
  const values = { name: field(form, 'name'), email: field(form, 'email') };
  const result = await inviteDealerUser(getDb(), await getActor(), values);
  if (!result.ok) return { status: 'error', error: result.error, fields: result.fields ?? {}, values };
  revalidatePath(USERS_PAGE);
  return {
    status: 'invited',
    userId: result.userId,
    name: result.name,
    email: result.email,
    link: invitationLink(result.token),
    expiresAt: await expiryLabel(result.expiresAt),
    mail: result.mail,
  };
}

export type ManageFormState =
  | { status: 'idle' }
  | { status: 'error'; error: DealerUserError }
  | { status: 'done'; intent: ManageIntent; changed: boolean }
  | { status: 'reissued'; link: string; expiresAt: string; mail: LinkMailed };

const MANAGE = {
  deactivate: deactivateDealerUser,
  reactivate: reactivateDealerUser,
  revoke: revokeInvitation,
} as const;

/** One row's buttons: the pressed button's `intent` and the row's `userId`. */
export async function manageDealerUserAction(_previous: ManageFormState, form: FormData): Promise<ManageFormState> {
  const intent = manageIntentSchema.safeParse(form.get('intent'));
  if (!intent.success) return { status: 'error', error: 'invalid' };
  const input = { userId: field(form, 'userId') };
  const [db, actor] = [getDb(), await getActor()];
  if (intent.data === 'reissue') {
    const result = await reissueInvitation(db, actor, input);
    if (!result.ok) return { status: 'error', error: result.error };
    revalidatePath(USERS_PAGE);
    return { status: 'reissued', link: invitationLink(result.token), expiresAt: await expiryLabel(result.expiresAt), mail: result.mail };
  }
  const result = await MANAGE[intent.data](db, actor, input);
  if (!result.ok) return { status: 'error', error: result.error };
  revalidatePath(USERS_PAGE);
  return { status: 'done', intent: intent.data, changed: result.changed };
}

export type AcceptFormState =
  | { status: 'idle' }
  | { status: 'error'; error: DealerUserError; fields: FieldErrors; name: string; reason?: 'expired' | 'used' | 'unknown' }
  | { status: 'accepted'; email: string };

/** The public invitation page: the invitee's name and password (twice). */
export async function acceptInvitationAction(_previous: AcceptFormState, form: FormData): Promise<AcceptFormState> {
  const input = {
    token: field(form, 'token'),
    name: field(form, 'name'),
    password: field(form, 'password'),
    passwordRepeat: field(form, 'passwordRepeat'),
  };
  const checked = acceptInvitationFormSchema.safeParse(input);
  if (!checked.success) {
    const fields = fieldErrorsOf(checked.error);
    if (!fields.token) return { status: 'error', error: 'invalid', fields, name: input.name };
  }
  const result = await acceptInvitation(getDb(), { token: input.token, name: input.name, password: input.password });
  if (!result.ok) return { status: 'error', error: result.error, fields: result.fields ?? {}, name: input.name, reason: result.reason };
  return { status: 'accepted', email: result.email };
}
