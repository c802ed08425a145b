'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { markAllNotificationsReadAction, type MarkAllState } from '@/lib/notifications/form-actions';

/** "Mark all read": a form, so it works before the page's script has loaded. */
export function MarkAllRead({ disabled }: { disabled: boolean }) {
  const t = useTranslations('notifications');
  const [state, action, pending] = useActionState<MarkAllState, FormData>(markAllNotificationsReadAction, { status: 'idle' });
  return (
    <form action={action} className="flex flex-col items-start gap-1">
      <button
        type="submit"
        disabled={disabled || pending}
        className="min-h-11 rounded-lg border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-50"
      >
        {pending ? t('markingAll') : t('markAll')}
      </button>
      {state.status === 'error' ? (
        <p role="alert" className="text-sm text-red-800">
          {t(`errors.${state.error}`)}
        </p>
      ) : null}
    </form>
  );
}
