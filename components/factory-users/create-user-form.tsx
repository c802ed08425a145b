'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { FormField } from '@/components/dealer-users/form-field';
import { InvitationLink } from '@/components/dealer-users/invitation-link';
import { createUserAction, type FormState } from '@/lib/users/form-actions';
import type { DealerChoice } from '@/lib/users/queries';
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, PHONE_MAX_LENGTH } from '@/lib/users/schemas';
import { LocaleSelect } from './locale-select';
import { RoleFields } from './role-fields';
import { attemptOf, useFieldErrors } from './use-field-errors';

/** A new user of any role; the answer is the one-time link to pass on. */
export function CreateUserForm({ dealers }: { dealers: DealerChoice[] }) {
  // "Create another" starts a fresh form (a new key forgets the previous answer).
  const [round, setRound] = useState(0);
  return <CreateUserRound key={round} dealers={dealers} onAnother={() => setRound((r) => r + 1)} />;
}

function CreateUserRound({ dealers, onAnother }: { dealers: DealerChoice[]; onAnother: () => void }) {
  const t = useTranslations('factoryUsers');
  const [state, action, pending] = useActionState<FormState, FormData>(createUserAction, { status: 'idle' });
  const { errors, summary } = useFieldErrors(state, ['name', 'email', 'role', 'dealerCode', 'phone', 'locale']);

  if (state.status === 'created') {
    return (
      <div className="flex flex-col gap-4" data-testid="user-created">
        <InvitationLink
          link={state.link}
          title={t('created.title', { name: state.name })}
          body={t('created.body', { email: state.email, date: state.expiresAt })}
          mail={state.mail}
        />
        <div className="flex flex-wrap gap-3">
          <Link href={`/factory/users/${state.userId}`} className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800">
            {t('created.open')}
          </Link>
          <Link
            href="/factory/users/new"
            onClick={(event) => {
              event.preventDefault();
              onAnother();
            }}
            className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 font-medium text-slate-800 hover:bg-slate-100"
          >
            {t('created.another')}
          </Link>
        </div>
      </div>
    );
  }

  const values = state.status === 'error' ? state.values : {};
  return (
    <form key={attemptOf(state)} action={action} noValidate className="grid grid-cols-1 gap-4 rounded-2xl border border-slate-200 bg-white p-4 md:grid-cols-2" data-testid="create-user-form">
      <FormField name="name" label={t('name')} autoComplete="off" required maxLength={NAME_MAX_LENGTH} defaultValue={values.name ?? ''} error={errors.name} />
      <FormField name="email" type="email" label={t('email')} autoComplete="off" required maxLength={EMAIL_MAX_LENGTH} defaultValue={values.email ?? ''} error={errors.email} />
      <RoleFields idPrefix="create" defaultRole={(values.role as never) ?? ''} defaultDealerCode={values.dealerCode ?? ''} dealers={dealers} errors={errors} />
      <FormField name="phone" type="tel" label={t('phone')} autoComplete="off" maxLength={PHONE_MAX_LENGTH} defaultValue={values.phone ?? ''} error={errors.phone} />
      <LocaleSelect defaultValue={values.locale ?? ''} error={errors.locale} />
      <p className="text-sm text-slate-600 md:col-span-2">{t('createHint')}</p>
      {summary ? (
        <p role="alert" className={summary.onlyFields ? 'sr-only' : 'rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 md:col-span-2'}>
          {summary.text}
        </p>
      ) : null}
      <div className="md:col-span-2">
        <button type="submit" disabled={pending} className="min-h-12 rounded-lg bg-brand-700 px-5 text-base font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {pending ? t('creating') : t('create')}
        </button>
      </div>
    </form>
  );
}
