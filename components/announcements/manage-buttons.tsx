'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { manageAnnouncementAction, type ManageState } from '@/lib/announcements/form-actions';
import type { AnnouncementStatus } from '@/lib/announcements/queries';

/** Publish now (a draft, a scheduled or a withdrawn one) and withdraw (a published or scheduled one). */
export function ManageButtons({ id, status }: { id: number; status: AnnouncementStatus }) {
  const t = useTranslations('announcements');
  const [state, action, pending] = useActionState<ManageState, FormData>(manageAnnouncementAction, { status: 'idle' });
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      {status !== 'published' ? (
        <button
          type="submit"
          name="intent"
          value="publish"
          disabled={pending}
          className="min-h-11 rounded-lg bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {status === 'unpublished' ? t('republish') : t('publishNow')}
        </button>
      ) : null}
      {status === 'published' || status === 'scheduled' ? (
        <button
          type="submit"
          name="intent"
          value="unpublish"
          disabled={pending}
          className="min-h-11 rounded-lg border border-red-300 bg-white px-4 text-sm font-medium text-red-800 hover:bg-red-50 disabled:opacity-60"
        >
          {status === 'scheduled' ? t('unschedule') : t('unpublish')}
        </button>
      ) : null}
      {state.status === 'error' ? (
        <p role="alert" className="text-sm text-red-800">
          {t(`errors.${state.error}`)}
        </p>
      ) : null}
    </form>
  );
}
