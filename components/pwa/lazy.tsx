'use client';

import { lazyPart } from '@/components/ui/lazy-part';

// Parts of the dealer's pages that draw nothing until the browser runs them (they read the
// device's IndexedDB or wait for live events): their code comes after the page's first load.

/** The claims list's "Waiting to send": items from IndexedDB. */
export const LazyOutboxClaims = lazyPart('waiting to send', () => import('./outbox-claims').then((m) => m.OutboxClaims));

/** The offline banner: nothing to show until the connection drops. */
export const LazyOfflineBanner = lazyPart('offline banner', () => import('./offline-banner').then((m) => m.OfflineBanner));
