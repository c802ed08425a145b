'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { acceptInvitationAction, type AcceptFormState } from '@/lib/dealer-users/form-actions';
import { NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/dealer-users/schemas';
import { FormField } from './form-field';
import { InvitationUnavailable } from './invitation-unavailable';

const LIMITS = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };

export type InvitationView =
  | { state: 'valid'; email: string; name: string; dealerName: string; validUntil: string }
  | { state: 'expired' | 'used' | 'unknown' };

/**
 * The invitee's side: check the name, set a password (twice), then sign in. The answer of the
 * form wins over the link's state, which is "used" by then (a page rendered after a submit
 * without JavaScript).
 */
export function AcceptInvitationForm({ token, invitation }: { token: string; invitation: InvitationView }) {
  const t = useTranslations('dealerUsers');
  const [state, action, pending] = useActionState<AcceptFormState, FormData>(acceptInvitationAction, { status: 'idle' });

  if (state.status === 'accepted') {
    return (
      <div role="status" className="flex flex-col gap-3" data-testid="invitation-accepted">
        <h2 className="text-lg font-semibold">{t('accept.doneTitle')}</h2>
        <p className="text-sm text-slate-700">{t('accept.doneBody', { email: state.email })}</p>
        <Link
          href="/login"
          className="inline-flex min-h-12 items-center justify-center rounded-lg bg-brand-700 px-4 text-base font-semibold text-white hover:bg-brand-800"
        >
          {t('accept.signIn')}
        </Link>
      </div>
    );
  }
  if (state.status === 'error' && state.error === 'link_invalid') {
    return <InvitationUnavailable reason={state.reason ?? 'unknown'} />;
  }
  if (invitation.state !== 'valid') return <InvitationUnavailable reason={invitation.state} />;
  const { email, name, dealerName, validUntil } = invitation;

  const fields = state.status === 'error' ? state.fields : {};
  const error = (field: string, max = PASSWORD_MAX_LENGTH) => {
    const code = fields[field];
    return code ? t(`fieldErrors.${code}`, { ...LIMITS, max }) : undefined;
  };
  const errors = { name: error('name', NAME_MAX_LENGTH), password: error('password'), passwordRepeat: error('passwordRepeat') };
  const anyFieldError = Object.values(errors).some(Boolean);

  return (
    <div className="flex flex-col gap-4">
      <div>
        <h2 className="text-lg font-semibold">{t('accept.title')}</h2>
        <p className="mt-1 text-sm text-slate-700">{t('accept.intro', { dealer: dealerName })}</p>
        <p className="mt-1 text-xs text-slate-600">{t('accept.validUntil', { date: validUntil })}</p>
      </div>
      <form action={action} noValidate className="flex flex-col gap-4">
        <input type="hidden" name="token" value={token} />
        <div className="flex flex-col gap-0.5">
          <p className="text-sm font-medium text-slate-700">{t('accept.email')}</p>
          <p className="font-medium break-all text-slate-900" data-testid="invitation-email">{email}</p>
          {/* For password managers: the account the new password belongs to. */}
          <input type="email" name="username" autoComplete="username" value={email} readOnly tabIndex={-1} aria-hidden="true" className="sr-only" />
        </div>
        <FormField
          name="name"
          label={t('accept.name')}
          autoComplete="name"
          maxLength={NAME_MAX_LENGTH}
          defaultValue={state.status === 'error' ? state.name : name}
          error={errors.name}
        />
        <FormField
          name="password"
          type="password"
          label={t('accept.password')}
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          maxLength={PASSWORD_MAX_LENGTH}
          hint={t('accept.passwordHint', { min: PASSWORD_MIN_LENGTH })}
          error={errors.password}
        />
        <FormField
          name="passwordRepeat"
          type="password"
          label={t('accept.passwordRepeat')}
          autoComplete="new-password"
          required
          maxLength={PASSWORD_MAX_LENGTH}
          error={errors.passwordRepeat}
        />
        {state.status === 'error' ? (
          <p role="alert" className={anyFieldError ? 'sr-only' : 'rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800'}>
            {anyFieldError ? Object.values(errors).filter(Boolean).join(' ') : t(`errors.${state.error}`)}
          </p>
        ) : null}
        <button
          type="submit"
          disabled={pending}
          className="min-h-12 rounded-lg bg-brand-700 px-4 text-base font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {pending ? t('accept.submitting') : t('accept.submit')}
        </button>
      </form>
    </div>
  );
}
