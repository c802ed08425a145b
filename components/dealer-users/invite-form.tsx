'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { inviteDealerUserAction, type InviteFormState } from '@/lib/dealer-users/form-actions';
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH } from '@/lib/dealer-users/schemas';
import { FormField } from './form-field';
import { InvitationLink } from './invitation-link';

/** The owner invites an employee by name and e-mail, and gets the link to pass on (shown once). */
export function InviteForm() {
  const t = useTranslations('dealerUsers');
  const [state, action, pending] = useActionState<InviteFormState, FormData>(inviteDealerUserAction, { status: 'idle' });
  const fields = state.status === 'error' ? state.fields : {};
  const values = state.status === 'error' ? state.values : { name: '', email: '' };
  const fieldError = (name: 'name' | 'email', max: number) => {
    const code = fields[name];
    return code ? t(`fieldErrors.${code}`, { max }) : undefined;
  };
  const nameError = fieldError('name', NAME_MAX_LENGTH);
  const emailError = fieldError('email', EMAIL_MAX_LENGTH);

  return (
    <section aria-labelledby="invite-title" className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 md:p-5">
      <div>
        <h2 id="invite-title" className="text-base font-semibold">{t('inviteTitle')}</h2>
        <p className="mt-1 text-sm text-slate-600">{t('inviteHint')}</p>
      </div>
      {/* Re-mounted after each answer so the fields show what was sent back. */}
      <form key={state.status === 'invited' ? state.userId : 'form'} action={action} noValidate className="flex flex-col gap-3 md:flex-row md:items-start">
        <FormField
          name="name"
          label={t('name')}
          autoComplete="off"
          required
          maxLength={NAME_MAX_LENGTH}
          defaultValue={values.name}
          error={nameError}
          className="md:flex-1"
        />
        <FormField
          name="email"
          type="email"
          inputMode="email"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          label={t('email')}
          required
          maxLength={EMAIL_MAX_LENGTH}
          defaultValue={values.email}
          error={emailError}
          className="md:flex-1"
        />
        <button
          type="submit"
          disabled={pending}
          className="min-h-12 rounded-lg bg-brand-700 px-4 text-base font-semibold text-white hover:bg-brand-800 disabled:opacity-60 md:mt-[1.625rem]"
        >
          {pending ? t('inviting') : t('invite')}
        </button>
      </form>
      {state.status === 'error' && !nameError && !emailError ? (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {t(`errors.${state.error}`)}
        </p>
      ) : null}
      {state.status === 'error' && (nameError || emailError) ? (
        <p role="alert" className="sr-only">
          {[nameError, emailError].filter(Boolean).join(' ')}
        </p>
      ) : null}
      {state.status === 'invited' ? (
        <InvitationLink
          key={state.link}
          link={state.link}
          title={t('linkTitle', { name: state.name })}
          body={t('linkOnce', { email: state.email, date: state.expiresAt })}
          mail={state.mail}
        />
      ) : null}
    </section>
  );
}
