'use client';

import { useEffect, useRef, useState } from 'react';
import type { Workbox } from 'workbox-window';
import { claimOfflineData } from '@/lib/pwa/offline-data';
import { afterLoad } from './after-load';
import { subscribe } from './install-prompt';
import { lazyPart } from '@/components/ui/lazy-part';

// Shown after a deployment only: its code is fetched then.
const UpdatePrompt = lazyPart('update prompt', () => import('./update-prompt').then((m) => m.UpdatePrompt));

/** How often an open app asks whether a new version was deployed. */
const UPDATE_CHECK_MS = 30 * 60_000;

/**
 * In the signed-in areas' layouts: makes sure the data kept on this device is the signed-in
 * person's, and in the dealer area also registers the service worker (lib/pwa/sw.ts), keeps the
 * browser's install offer, and offers a new version when one is deployed.
 */
export function PwaProvider({ userId, offline }: { userId: string; offline: boolean }) {
  // `offline` is false in development, where no worker is built (scripts/build-sw.mjs).
  const [waiting, setWaiting] = useState(false);
  const workbox = useRef<Workbox | null>(null);

  useEffect(() => {
    void claimOfflineData(userId);
  }, [userId]);

  useEffect(() => (offline ? subscribe(() => {}) : undefined), [offline]);

  useEffect(() => {
    if (!offline || !('serviceWorker' in navigator)) return;
    let cancelled = false;
    let timer: ReturnType<typeof setInterval> | undefined;
    const onVisible = () => {
      if (document.visibilityState === 'visible') void workbox.current?.update();
    };
    const cancelLoad = afterLoad(() => {
      void import('workbox-window').then(({ Workbox }) => {
        if (cancelled) return;
        const wb = new Workbox('/sw.js', { scope: '/' });
        workbox.current = wb;
        // A new version installed while this page runs the old one: it waits for consent.
        wb.addEventListener('waiting', () => setWaiting(true));
        // Another tab agreed (or this one did): every page of the old version reloads, so none
        // goes on with files of two versions.
        wb.addEventListener('controlling', (event) => {
          if (event.isUpdate) window.location.reload();
        });
        wb.register().catch((err: unknown) => console.error('service worker: registration failed', err));
        timer = setInterval(() => void wb.update(), UPDATE_CHECK_MS);
        document.addEventListener('visibilitychange', onVisible);
      });
    });
    return () => {
      cancelled = true;
      cancelLoad();
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [offline]);

  if (!waiting) return null;
  return (
    <UpdatePrompt
      onReload={() => {
        const wb = workbox.current;
        // No worker to switch (it went away meanwhile): a plain reload gets the new version.
        if (wb) wb.messageSkipWaiting();
        else window.location.reload();
      }}
      onLater={() => setWaiting(false)}
    />
  );
}
