'use client';

import { useSyncExternalStore } from 'react';
import { OFFLINE_USER_KEY } from '@/lib/pwa/constants';
import { listItems, subscribeOutbox, type OutboxItem } from '@/lib/pwa/outbox';

// The outbox for React: one list of the signed-in person's items per tab, read again whenever
// the outbox changes here, in another tab or in the service worker.

/** Whose data this device holds (recorded by the PWA provider on every signed-in page). */
export function outboxUserId(): string {
  try {
    return localStorage.getItem(OFFLINE_USER_KEY) ?? '';
  } catch {
    return '';
  }
}

/** An item queued before the person was recorded belongs to whoever is signed in. */
export const isOwnItem = (item: OutboxItem, userId: string) => !userId || !item.userId || item.userId === userId;

let snapshot: readonly OutboxItem[] | null = null;
const subscribers = new Set<() => void>();
let stopListening: (() => void) | null = null;
let reads = 0;

async function reload() {
  const read = (reads += 1);
  let items: OutboxItem[];
  try {
    const userId = outboxUserId();
    items = (await listItems()).filter((i) => isOwnItem(i, userId));
  } catch (err) {
    // No IndexedDB (storage switched off): nothing can have been queued either.
    console.error('outbox: the saved items could not be read', err);
    items = [];
  }
  // An older read finishing last must not overwrite a newer one.
  if (read !== reads) return;
  snapshot = items;
  for (const notify of subscribers) notify();
}

function subscribe(onChange: () => void): () => void {
  subscribers.add(onChange);
  if (!stopListening) {
    stopListening = subscribeOutbox(() => void reload());
    void reload();
  }
  return () => {
    subscribers.delete(onChange);
    if (subscribers.size === 0) {
      stopListening?.();
      stopListening = null;
    }
  };
}

/** The person's outbox items, oldest first; null until read (and on the server). */
export function useOutboxItems(): readonly OutboxItem[] | null {
  return useSyncExternalStore(
    subscribe,
    () => snapshot,
    () => null,
  );
}

// "Edit and resend": the claims list hands the refused item to the claim form of its order.
const editKey = (orderNumber: string) => `outbox.edit:${orderNumber}`;

export function markClaimEditing(orderNumber: string, itemId: string): void {
  try {
    sessionStorage.setItem(editKey(orderNumber), itemId);
  } catch {
    // Storage switched off: the form opens without the photos, the text is in the draft.
  }
}

/** The refused outbox item whose claim the form for this order is fixing, if any. */
export function claimEditing(orderNumber: string): string | null {
  try {
    return sessionStorage.getItem(editKey(orderNumber));
  } catch {
    return null;
  }
}

export function forgetClaimEditing(orderNumber: string): void {
  try {
    sessionStorage.removeItem(editKey(orderNumber));
  } catch {
    // Nothing kept, nothing to forget.
  }
}
