'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { markRejectionHandled } from '@/lib/sync/actions';

export function HandleButton({ id }: { id: number }) {
  const t = useTranslations('syncMonitor');
  const [pending, start] = useTransition();
  const [failed, setFailed] = useState(false);
  return (
    <div className="flex items-center gap-2">
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await markRejectionHandled(id);
            setFailed(!result.ok);
          })
        }
        className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-60"
      >
        {t('markHandled')}
      </button>
      {failed ? <span role="alert" className="text-sm text-red-800">{t('handleFailed')}</span> : null}
    </div>
  );
}
