'use client';

import { useEffect } from 'react';
import { afterLoad } from './after-load';

/** While something waits and the browser says it is online, look again this often (the server may have been down). */
const RETRY_MS = 30_000;

/**
 * In the dealer area's layout: sends what the outbox holds when the app starts, when the
 * connection returns, and as soon as something is queued while online. The service worker does
 * the same on Background Sync where the browser has it; a lock keeps the two from overlapping.
 * The outbox's code (IndexedDB included) comes after the page has drawn.
 */
export function OutboxReplayer() {
  useEffect(() => {
    let cancelled = false;
    let stop = () => {};
    // Loaded with the page offline (no worker yet to answer from its cache) the code cannot come:
    // it is fetched again when the connection returns, and then sends what waits.
    const load = () => {
      Promise.all([import('@/lib/pwa/outbox'), import('./outbox-store')])
        .then(([outbox, store]) => {
          if (!cancelled) stop = start(outbox, store);
        })
        .catch((err: unknown) => {
          console.error('outbox: its code could not be loaded; trying again when online', err);
          if (!cancelled) window.addEventListener('online', load, { once: true });
        });
    };
    const cancelLoad = afterLoad(load);
    return () => {
      cancelled = true;
      cancelLoad();
      window.removeEventListener('online', load);
      stop();
    };
  }, []);
  return null;
}

function start(
  { listItems, replayOutbox, subscribeOutbox }: typeof import('@/lib/pwa/outbox'),
  { isOwnItem, outboxUserId }: typeof import('./outbox-store'),
): () => void {
  let cancelled = false;
  const replay = () => {
    if (cancelled || !navigator.onLine) return;
    const userId = outboxUserId();
    replayOutbox(userId ? { userId } : {}).catch((err: unknown) => console.error('outbox: replay failed', err));
  };
  const unsubscribe = subscribeOutbox((change) => {
    if (change.type === 'added') replay();
  });
  const timer = setInterval(() => {
    if (!navigator.onLine) return;
    const userId = outboxUserId();
    void listItems()
      .then((items) => {
        if (items.some((i) => isOwnItem(i, userId) && (i.state === 'waiting' || i.state === 'sending'))) replay();
      })
      .catch(() => {
        // No IndexedDB: nothing is ever queued.
      });
  }, RETRY_MS);
  window.addEventListener('online', replay);
  replay();
  return () => {
    cancelled = true;
    unsubscribe();
    clearInterval(timer);
    window.removeEventListener('online', replay);
  };
}
