'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { InvitationLink } from '@/components/dealer-users/invitation-link';
import { manageUserAction, type ManageState } from '@/lib/users/form-actions';
import type { UserState } from '@/lib/users/schemas';

const BUTTON = 'min-h-11 rounded-lg border px-4 text-sm font-semibold disabled:opacity-60';

/**
 * What can be done with the account in its state: switch it off or on, hand out a password reset
 * link, or a new link for the first password. A new link is shown once, to pass on.
 */
export function UserActions({ userId, state: userState, self }: { userId: string; state: UserState; self: boolean }) {
  const t = useTranslations('factoryUsers');
  const [state, action, pending] = useActionState<ManageState, FormData>(manageUserAction, { status: 'idle' });
  return (
    <section aria-labelledby="access-title" className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4" data-testid="user-actions">
      <h2 id="access-title" className="text-lg font-semibold">
        {t('accessTitle')}
      </h2>
      <form action={action} className="flex flex-wrap gap-2">
        <input type="hidden" name="userId" value={userId} />
        {userState === 'active' ? (
          <>
            <button type="submit" name="intent" value="reset" disabled={pending} className={`${BUTTON} border-brand-700 bg-white text-brand-800 hover:bg-brand-50`}>
              {t('actions.reset')}
            </button>
            {self ? null : (
              <button type="submit" name="intent" value="deactivate" disabled={pending} className={`${BUTTON} border-red-300 bg-white text-red-800 hover:bg-red-50`}>
                {t('actions.deactivate')}
              </button>
            )}
          </>
        ) : null}
        {userState === 'inactive' ? (
          <button type="submit" name="intent" value="reactivate" disabled={pending} className={`${BUTTON} border-brand-700 bg-brand-700 text-white hover:bg-brand-800`}>
            {t('actions.reactivate')}
          </button>
        ) : null}
        {userState === 'pending' ? (
          <button type="submit" name="intent" value="reissue" disabled={pending} className={`${BUTTON} border-brand-700 bg-white text-brand-800 hover:bg-brand-50`}>
            {t('actions.reissue')}
          </button>
        ) : null}
      </form>
      <p className="text-sm text-slate-600">{t(self && userState === 'active' ? 'accessHintSelf' : `accessHint.${userState}`)}</p>
      {state.status === 'link' ? (
        <InvitationLink
          link={state.link}
          title={t(state.intent === 'reset' ? 'resetLinkTitle' : 'setupLinkTitle', { name: state.name })}
          body={t(state.intent === 'reset' ? 'resetLinkBody' : 'setupLinkBody', { email: state.email, date: state.expiresAt })}
          mail={state.mail}
        />
      ) : null}
      {state.status === 'done' ? (
        <p role="status" className="text-sm font-medium text-slate-800" data-testid="action-done">
          {t(`done.${state.intent}`)}
        </p>
      ) : null}
      {state.status === 'error' ? (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="action-error">
          {t(`errors.${state.error}`)}
        </p>
      ) : null}
    </section>
  );
}
