'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormField } from '@/components/dealer-users/form-field';
import { setPasswordWithLinkAction, type PasswordLinkState } from '@/lib/users/form-actions';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/users/schemas';
import { LinkUnavailable } from './link-unavailable';

export type PasswordLinkView =
  | { state: 'valid'; kind: 'setup' | 'reset'; email: string; name: string; validUntil: string }
  | { state: 'expired' | 'used' | 'unknown' };

/**
 * The holder of a one-time link sets a password (twice), then signs in. The form's answer wins
 * over the link's state, which is "used" by then (a page rendered after a submit without script).
 */
export function PasswordLinkForm({ token, link }: { token: string; link: PasswordLinkView }) {
  const t = useTranslations('resetPassword');
  const [state, action, pending] = useActionState<PasswordLinkState, FormData>(setPasswordWithLinkAction, { status: 'idle' });

  if (state.status === 'done') {
    return (
      <div role="status" className="flex flex-col gap-3" data-testid="password-set">
        <h2 className="text-lg font-semibold">{t('doneTitle')}</h2>
        <p className="text-sm text-slate-700">{t(state.kind === 'reset' ? 'doneBodyReset' : 'doneBodySetup', { email: state.email })}</p>
        <Link href="/login" className="inline-flex min-h-12 items-center justify-center rounded-lg bg-brand-700 px-4 text-base font-semibold text-white hover:bg-brand-800">
          {t('signIn')}
        </Link>
      </div>
    );
  }
  if (state.status === 'unavailable') return <LinkUnavailable reason={state.reason} />;
  if (link.state !== 'valid') return <LinkUnavailable reason={link.state} />;

  const fields = state.status === 'error' ? state.fields : {};
  const error = (name: string) => {
    const code = fields[name];
    return code ? t(`fieldErrors.${code}`, { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH }) : undefined;
  };
  const errors = { password: error('password'), passwordRepeat: error('passwordRepeat') };
  const listed = Object.values(errors).filter(Boolean);

  return (
    <div className="flex flex-col gap-4">
      <div>
        <h2 className="text-lg font-semibold">{t(link.kind === 'reset' ? 'titleReset' : 'titleSetup')}</h2>
        <p className="mt-1 text-sm text-slate-700">{t(link.kind === 'reset' ? 'introReset' : 'introSetup', { name: link.name })}</p>
        <p className="mt-1 text-xs text-slate-600">{t('validUntil', { date: link.validUntil })}</p>
      </div>
      <form action={action} noValidate className="flex flex-col gap-4">
        <input type="hidden" name="token" value={token} />
        <div className="flex flex-col gap-0.5">
          <p className="text-sm font-medium text-slate-700">{t('email')}</p>
          <p className="font-medium break-all text-slate-900" data-testid="link-email">
            {link.email}
          </p>
          {/* For password managers: the account the new password belongs to. */}
          <input type="email" name="username" autoComplete="username" value={link.email} readOnly tabIndex={-1} aria-hidden="true" className="sr-only" />
        </div>
        <FormField
          name="password"
          type="password"
          label={t('password')}
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          maxLength={PASSWORD_MAX_LENGTH}
          hint={t('passwordHint', { min: PASSWORD_MIN_LENGTH })}
          error={errors.password}
        />
        <FormField name="passwordRepeat" type="password" label={t('passwordRepeat')} autoComplete="new-password" required maxLength={PASSWORD_MAX_LENGTH} error={errors.passwordRepeat} />
        {listed.length > 0 ? (
          <p role="alert" className="sr-only">
            {listed.join(' ')}
          </p>
        ) : null}
        <button type="submit" disabled={pending} className="min-h-12 rounded-lg bg-brand-700 px-4 text-base font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {pending ? t('submitting') : t('submit')}
        </button>
      </form>
    </div>
  );
}
