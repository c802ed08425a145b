// The browser's own idea of being online, for useSyncExternalStore: it changes with the `online`
// and `offline` events. It can say "online" while the server is unreachable, so screens treat it as
// a hint and let a real answer from the server decide when saved data is replaced.

export function subscribeOnline(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

export function isOnline(): boolean {
  return navigator.onLine;
}

/** The server renders as if online: what is saved was rendered online. */
export function isOnlineOnServer(): boolean {
  return true;
}
