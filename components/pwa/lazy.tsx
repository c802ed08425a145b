'use client';

import dynamic from 'next/dynamic';
import type { ComponentType } from 'react';

// Parts of the dealer's pages that draw nothing until the browser runs them (they read the
// device's IndexedDB or wait for live events): their code comes after the page's first load.

/**
 * A part whose code may not arrive (the connection dropped right after the page came, before the
 * service worker kept the app's files): the page goes on without it instead of failing whole.
 */
export function lazyPart<P extends object>(name: string, load: () => Promise<ComponentType<P>>) {
  return dynamic<P>(
    () =>
      load().catch((err: unknown) => {
        console.error(`${name}: its code could not be loaded; the page goes on without it`, err);
        const Missing = () => null;
        return Missing;
      }),
    { ssr: false },
  );
}

/** The claims list's "Waiting to send": items from IndexedDB. */
export const LazyOutboxClaims = lazyPart('waiting to send', () => import('./outbox-claims').then((m) => m.OutboxClaims));

/** The offline banner: nothing to show until the connection drops. */
export const LazyOfflineBanner = lazyPart('offline banner', () => import('./offline-banner').then((m) => m.OfflineBanner));
