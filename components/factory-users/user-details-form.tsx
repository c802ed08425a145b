'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormField } from '@/components/dealer-users/form-field';
import { updateUserAction, type FormState } from '@/lib/users/form-actions';
import type { UserDetail } from '@/lib/users/queries';
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, PHONE_MAX_LENGTH } from '@/lib/users/schemas';
import { LocaleSelect } from './locale-select';
import { attemptOf, useFieldErrors } from './use-field-errors';

/** Name, e-mail, phone and language of a user. */
export function UserDetailsForm({ user }: { user: Pick<UserDetail, 'id' | 'name' | 'email' | 'phone' | 'locale'> }) {
  const t = useTranslations('factoryUsers');
  const [state, action, pending] = useActionState<FormState, FormData>(updateUserAction, { status: 'idle' });
  const { errors, summary } = useFieldErrors(state, ['name', 'email', 'phone', 'locale']);
  const values = state.status === 'error' ? state.values : { name: user.name, email: user.email, phone: user.phone ?? '', locale: user.locale ?? '' };
  return (
    <section aria-labelledby="details-title" className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4">
      <h2 id="details-title" className="text-lg font-semibold">
        {t('detailsTitle')}
      </h2>
      {/* The key draws the form afresh with each answer, and with the saved values. */}
      <form key={`${user.name}|${user.email}|${user.phone}|${user.locale}|${attemptOf(state)}`} action={action} noValidate className="grid grid-cols-1 gap-4 md:grid-cols-2" data-testid="user-details-form">
        <input type="hidden" name="userId" value={user.id} />
        <FormField name="name" label={t('name')} autoComplete="off" required maxLength={NAME_MAX_LENGTH} defaultValue={values.name} error={errors.name} />
        <FormField name="email" type="email" label={t('email')} autoComplete="off" required maxLength={EMAIL_MAX_LENGTH} defaultValue={values.email} error={errors.email} />
        <FormField name="phone" type="tel" label={t('phone')} autoComplete="off" maxLength={PHONE_MAX_LENGTH} defaultValue={values.phone} error={errors.phone} />
        <LocaleSelect defaultValue={values.locale ?? ''} error={errors.locale} />
        {summary ? (
          <p role="alert" className={summary.onlyFields ? 'sr-only' : 'rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 md:col-span-2'}>
            {summary.text}
          </p>
        ) : null}
        <div className="flex flex-wrap items-center gap-3 md:col-span-2">
          <button type="submit" disabled={pending} className="min-h-11 rounded-lg bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
            {pending ? t('saving') : t('save')}
          </button>
          <p role="status" className="text-sm text-slate-700" data-testid="details-status">
            {state.status === 'saved' ? t(state.changed ? 'saved' : 'unchanged') : ''}
          </p>
        </div>
      </form>
    </section>
  );
}
