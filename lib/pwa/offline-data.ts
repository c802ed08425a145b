import { CACHE_PREFIX, OFFLINE_USER_KEY } from './constants';

// What this device keeps of the signed-in person for offline use: the saved pages and API
// answers (caches named CACHE_PREFIX…), the outbox, and whose they are. All of it goes on sign-out
// and when another person signs in on the same device; the built files and the offline page stay
// (they hold nothing of anyone).

/** Deletes the person's saved pages, answers, images and outbox from this device. */
export async function clearOfflineData(): Promise<void> {
  // Loaded only now: most pages never need the outbox's code.
  const work: Promise<unknown>[] = [
    import('./outbox')
      .then(({ clearOutbox }) => clearOutbox())
      .catch((err: unknown) => console.error('offline store: the outbox could not be cleared', err)),
  ];
  if (typeof caches !== 'undefined') {
    work.push(
      caches
        .keys()
        .then((names) => Promise.all(names.filter((name) => name.startsWith(CACHE_PREFIX)).map((name) => caches.delete(name))))
        .catch((err: unknown) => console.error('offline store: the caches could not be cleared', err)),
    );
  }
  await Promise.all(work);
  // The worker may be saving a response at this moment: it deletes its caches once more.
  navigator.serviceWorker?.controller?.postMessage({ type: 'CLEAR_USER_DATA' });
  try {
    localStorage.removeItem(OFFLINE_USER_KEY);
  } catch {
    // Storage switched off: nothing was recorded either.
  }
}

/**
 * Called on every signed-in page: when the data kept here belongs to someone else (the previous
 * person's session ended without signing out), it is deleted before anything of theirs is shown.
 */
export async function claimOfflineData(userId: string): Promise<void> {
  let previous: string | null = null;
  try {
    previous = localStorage.getItem(OFFLINE_USER_KEY);
  } catch {
    return;
  }
  if (previous === userId) return;
  if (previous !== null) await clearOfflineData();
  try {
    localStorage.setItem(OFFLINE_USER_KEY, userId);
  } catch {
    // Full or switched off: checked again on the next page.
  }
}
