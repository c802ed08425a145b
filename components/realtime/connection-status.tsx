'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { useConnectionState } from './realtime-provider';

/** How long the connection may be down before people are told (a short blip says nothing). */
const QUIET_MS = 5_000;

/** A small note above the tab bar while live updates are off for more than a few seconds. */
export function ConnectionStatus() {
  const t = useTranslations('notifications.connection');
  const state = useConnectionState();
  const [shown, setShown] = useState(false);

  useEffect(() => {
    if (state === 'connected') {
      const hide = setTimeout(() => setShown(false), 0);
      return () => clearTimeout(hide);
    }
    const show = setTimeout(() => setShown(true), QUIET_MS);
    return () => clearTimeout(show);
  }, [state]);

  return (
    <div role="status" aria-live="polite" data-testid="realtime" data-state={state} className="pointer-events-none fixed inset-x-0 bottom-20 z-20 flex justify-center px-4 md:bottom-4 md:left-64">
      {shown ? (
        <p className="rounded-full bg-slate-800/90 px-3 py-1.5 text-xs font-medium text-white shadow" data-testid="connection-status">
          {t('down')}
        </p>
      ) : null}
    </div>
  );
}
