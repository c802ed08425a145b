'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { Role } from '@/drizzle/schema/values';
import { changeRoleAction, type FormState } from '@/lib/users/form-actions';
import type { DealerChoice } from '@/lib/users/queries';
import { RoleFields } from './role-fields';
import { attemptOf, useFieldErrors } from './use-field-errors';

/** A new role (and the dealer, for a dealer's role); the user signs in again afterwards. */
export function RoleForm({ user, dealers, self }: { user: { id: string; role: Role; dealerCode: string | null }; dealers: DealerChoice[]; self: boolean }) {
  const t = useTranslations('factoryUsers');
  const [state, action, pending] = useActionState<FormState, FormData>(changeRoleAction, { status: 'idle' });
  const { errors, summary } = useFieldErrors(state, ['role', 'dealerCode']);
  const values = state.status === 'error' ? state.values : { role: user.role, dealerCode: user.dealerCode ?? '' };
  return (
    <section aria-labelledby="role-title" className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4">
      <h2 id="role-title" className="text-lg font-semibold">
        {t('roleTitle')}
      </h2>
      <p className="text-sm text-slate-600">{t(self ? 'roleHintSelf' : 'roleHint')}</p>
      <form key={`${user.role}|${user.dealerCode}|${attemptOf(state)}`} action={action} noValidate className="grid grid-cols-1 gap-4 md:grid-cols-2" data-testid="role-form">
        <input type="hidden" name="userId" value={user.id} />
        <RoleFields idPrefix="change" defaultRole={(values.role as Role) ?? ''} defaultDealerCode={values.dealerCode ?? ''} dealers={dealers} errors={errors} />
        {summary ? (
          <p role="alert" className={summary.onlyFields ? 'sr-only' : 'rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 md:col-span-2'} data-testid="role-alert">
            {summary.text}
          </p>
        ) : null}
        <div className="flex flex-wrap items-center gap-3 md:col-span-2">
          <button type="submit" disabled={pending} className="min-h-11 rounded-lg bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
            {pending ? t('saving') : t('changeRole')}
          </button>
          <p role="status" className="text-sm text-slate-700" data-testid="role-status">
            {state.status === 'saved' ? t(state.changed ? 'roleChanged' : 'unchanged') : ''}
          </p>
        </div>
      </form>
    </section>
  );
}
