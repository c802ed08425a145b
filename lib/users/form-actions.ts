'use server';

import { randomUUID } from 'node:crypto';
import { revalidatePath } from 'next/cache';
import { getLocale } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { formatDateTime } from '@/lib/i18n/format';
import { log } from '@/lib/log';
import type { LinkMailed } from '@/lib/mail/link-mail';
import {
  changeUserRole,
  createUser,
  deactivateUser,
  issuePasswordReset,
  reactivateUser,
  reissueSetupLink,
  updateUserDetails,
  type LinkIssued,
  type UserError,
} from './actions';
import { setPasswordWithLink, type LinkUnavailable } from './links';
import { fieldErrorsOf, manageIntentSchema, setPasswordFormSchema, type FieldErrors, type ManageIntent } from './schemas';

// The forms' server actions (they work before the page's JavaScript has loaded): read the form,
// call the domain function with the signed-in actor, and answer a state the form renders.

const USERS_PAGE = '/factory/users';

/** A text field of a form, cut to a sane length for echoing it back. */
function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.slice(0, 1000) : '';
}

function refresh(userId?: string) {
  revalidatePath(USERS_PAGE);
  if (userId) revalidatePath(`${USERS_PAGE}/${userId}`);
}

export type IssuedLink = { userId: string; name: string; email: string; link: string; expiresAt: string; mail: LinkMailed };

/** The full link for the administrator to pass on, and until when it works in the reader's words. */
async function issuedLink(result: LinkIssued): Promise<IssuedLink> {
  return {
    userId: result.userId,
    name: result.name,
    email: result.email,
    link: `${getEnv().publicUrl}${result.path}`,
    expiresAt: formatDateTime(result.expiresAt, (await getLocale()) as Locale),
    mail: result.mail,
  };
}

type Values = Record<string, string>;
/**
 * `attempt` is new with every answer: the form is drawn afresh with it (React resets a form after
 * its action, which would put a select back to its first option behind its state's back).
 */
export type FormState =
  | { status: 'idle' }
  | { status: 'error'; error: UserError; fields: FieldErrors; values: Values; attempt: string }
  | { status: 'saved'; changed: boolean; attempt: string }
  | ({ status: 'created' } & IssuedLink);

export async function createUserAction(_previous: FormState, form: FormData): Promise<FormState> {
  const values = { name: field(form, 'name'), email: field(form, 'email'), role: field(form, 'role'), dealerCode: field(form, 'dealerCode'), phone: field(form, 'phone'), locale: field(form, 'locale') };
  const result = await createUser(getDb(), await getActor(), values);
  if (!result.ok) return { status: 'error', error: result.error, fields: result.fields ?? {}, values, attempt: randomUUID() };
  refresh();
  return { status: 'created', ...(await issuedLink(result)) };
}

export async function updateUserAction(_previous: FormState, form: FormData): Promise<FormState> {
  const values = { userId: field(form, 'userId'), name: field(form, 'name'), email: field(form, 'email'), phone: field(form, 'phone'), locale: field(form, 'locale') };
  const result = await updateUserDetails(getDb(), await getActor(), values);
  if (!result.ok) return { status: 'error', error: result.error, fields: result.fields ?? {}, values, attempt: randomUUID() };
  refresh(result.userId);
  return { status: 'saved', changed: result.changed, attempt: randomUUID() };
}

export async function changeRoleAction(_previous: FormState, form: FormData): Promise<FormState> {
  const values = { userId: field(form, 'userId'), role: field(form, 'role'), dealerCode: field(form, 'dealerCode') };
  const result = await changeUserRole(getDb(), await getActor(), values);
  if (!result.ok) return { status: 'error', error: result.error, fields: result.fields ?? {}, values, attempt: randomUUID() };
  refresh(result.userId);
  return { status: 'saved', changed: result.changed, attempt: randomUUID() };
}

export type ManageState =
  | { status: 'idle' }
  | { status: 'error'; error: UserError }
  | { status: 'done'; intent: ManageIntent; changed: boolean }
  | ({ status: 'link'; intent: 'reset' | 'reissue' } & IssuedLink);

/** The buttons of the details page: the pressed button's `intent` and the page's `userId`. */
export async function manageUserAction(_previous: ManageState, form: FormData): Promise<ManageState> {
  const intent = manageIntentSchema.safeParse(form.get('intent'));
  if (!intent.success) return { status: 'error', error: 'invalid' };
  const input = { userId: field(form, 'userId') };
  const [db, actor] = [getDb(), await getActor()];
  if (intent.data === 'reset' || intent.data === 'reissue') {
    const result = await (intent.data === 'reset' ? issuePasswordReset : reissueSetupLink)(db, actor, input);
    if (!result.ok) return { status: 'error', error: result.error };
    refresh(result.userId);
    return { status: 'link', intent: intent.data, ...(await issuedLink(result)) };
  }
  const result = await (intent.data === 'deactivate' ? deactivateUser : reactivateUser)(db, actor, input);
  if (!result.ok) return { status: 'error', error: result.error };
  refresh(result.userId);
  return { status: 'done', intent: intent.data, changed: result.changed };
}

export type PasswordLinkState =
  | { status: 'idle' }
  | { status: 'error'; fields: FieldErrors }
  | { status: 'unavailable'; reason: LinkUnavailable }
  | { status: 'done'; email: string; kind: 'setup' | 'reset' };

/** The public page of a one-time link: the new password, twice. */
export async function setPasswordWithLinkAction(_previous: PasswordLinkState, form: FormData): Promise<PasswordLinkState> {
  const input = { token: field(form, 'token'), password: field(form, 'password'), passwordRepeat: field(form, 'passwordRepeat') };
  const checked = setPasswordFormSchema.safeParse(input);
  if (!checked.success) {
    const fields = fieldErrorsOf(checked.error);
    if (!fields.token) return { status: 'error', fields };
  }
  try {
    const result = await setPasswordWithLink(getDb(), { token: input.token, password: input.password });
    if (result.ok) return { status: 'done', email: result.email, kind: result.kind };
    return result.error === 'invalid' ? { status: 'error', fields: result.fields } : { status: 'unavailable', reason: result.reason };
  } catch (err) {
    log.error('setting a password with a link failed', { err });
    throw err;
  }
}
