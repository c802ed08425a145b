'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useRealtime } from '@/components/realtime/realtime-provider';
import { isOnline, isOnlineOnServer, subscribeOnline } from './online-status';

/** How long "Back online" stays after the connection returns. */
const BACK_ONLINE_MS = 4_000;

/**
 * A banner at the top of the page while the device is offline: what is on screen is the saved
 * copy, and what the dealer sends waits for the connection. When it returns, the banner says so
 * for a moment and the page's data is fetched anew.
 */
export function OfflineBanner() {
  const t = useTranslations('pwa');
  const online = useSyncExternalStore(subscribeOnline, isOnline, isOnlineOnServer);
  const [backOnline, setBackOnline] = useState(false);
  const realtime = useRealtime();
  const router = useRouter();
  const refresh = useRef(() => router.refresh());

  useEffect(() => {
    // Inside the live connection's provider the refresh joins the one it makes on reconnecting.
    refresh.current = realtime ? () => realtime.requestRefresh() : () => router.refresh();
  }, [realtime, router]);

  useEffect(() => {
    let hide: ReturnType<typeof setTimeout> | undefined;
    const onOnline = () => {
      clearTimeout(hide);
      setBackOnline(true);
      hide = setTimeout(() => setBackOnline(false), BACK_ONLINE_MS);
      refresh.current();
    };
    const onOffline = () => {
      clearTimeout(hide);
      setBackOnline(false);
    };
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    return () => {
      clearTimeout(hide);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    };
  }, []);

  return (
    <div role="status" aria-live="polite" className="mb-4 empty:hidden">
      {!online ? (
        <p className="flex items-start gap-2 rounded-xl border border-amber-300 bg-amber-50 px-3 py-2.5 text-sm font-medium text-amber-950" data-testid="offline-banner">
          <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-0.5 size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round">
            <path d="M2.5 7.5a11 11 0 0 1 15 0M5 10.5a7 7 0 0 1 10 0M7.5 13.5a3.5 3.5 0 0 1 5 0M3 3l14 14" />
          </svg>
          <span>{t('offline')}</span>
        </p>
      ) : backOnline ? (
        <p className="flex items-center gap-2 rounded-xl border border-emerald-300 bg-emerald-50 px-3 py-2.5 text-sm font-medium text-emerald-950" data-testid="back-online">
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
            <path d="M4 10.5l4 4 8-9" />
          </svg>
          <span>{t('backOnline')}</span>
        </p>
      ) : null}
    </div>
  );
}
