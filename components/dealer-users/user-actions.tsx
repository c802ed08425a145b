'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { manageDealerUserAction, type ManageFormState } from '@/lib/dealer-users/form-actions';
import type { DealerUserStatus } from '@/lib/dealer-users/queries';
import type { ManageIntent } from '@/lib/dealer-users/schemas';
import { InvitationLink } from './invitation-link';

const INTENTS: Record<DealerUserStatus, ManageIntent[]> = {
  active: ['deactivate'],
  deactivated: ['reactivate'],
  invited: ['reissue', 'revoke'],
};

const BUTTON = 'min-h-11 rounded-lg border px-3 text-sm font-medium disabled:opacity-60';
const BUTTON_STYLE: Record<ManageIntent, string> = {
  deactivate: 'border-red-300 bg-white text-red-800 hover:bg-red-50',
  revoke: 'border-red-300 bg-white text-red-800 hover:bg-red-50',
  reactivate: 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100',
  reissue: 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100',
};

/** The owner's buttons on one employee's card, and what came of the last one pressed. */
export function UserActions({ userId, status }: { userId: string; status: DealerUserStatus }) {
  const t = useTranslations('dealerUsers');
  const [state, action, pending] = useActionState<ManageFormState, FormData>(manageDealerUserAction, { status: 'idle' });
  return (
    <>
      <form action={action} className="flex flex-wrap gap-2 xl:justify-end">
        <input type="hidden" name="userId" value={userId} />
        {INTENTS[status].map((intent) => (
          <button key={intent} type="submit" name="intent" value={intent} disabled={pending} className={`${BUTTON} ${BUTTON_STYLE[intent]}`}>
            {t(`actions.${intent}`)}
          </button>
        ))}
      </form>
      {state.status === 'error' ? (
        <p role="alert" className="text-sm text-red-800 xl:col-span-3">
          {t(`errors.${state.error}`)}
        </p>
      ) : null}
      {state.status === 'done' && state.intent !== 'revoke' && state.intent !== 'reissue' ? (
        <p role="status" className="text-sm text-slate-700 xl:col-span-3">
          {t(`done.${state.intent}`)}
        </p>
      ) : null}
      {state.status === 'reissued' && status === 'invited' ? (
        <InvitationLink key={state.link} link={state.link} title={t('actions.reissue')} body={t('newLinkOnce', { date: state.expiresAt })} mail={state.mail} />
      ) : null}
    </>
  );
}
