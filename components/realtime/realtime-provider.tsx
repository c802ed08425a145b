'use client';

import { useRouter } from 'next/navigation';
import { createContext, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { Socket } from 'socket.io-client';
import type { RealtimeEvent, RealtimePayloads } from './events';

// One Socket.IO connection per browser tab, to the portal's own origin (default path /socket.io),
// authenticated by the session cookie. Screens subscribe to events; after a drop the server could
// not bridge (no connection state recovery), after the tab slept a while or was offline, a "resync" tells
// everyone to fetch the current truth, and the page's server components are re-rendered.

export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

type Handler = (payload: unknown) => void;

type RealtimeApi = {
  subscribe(event: RealtimeEvent, handler: Handler): () => void;
  onResync(handler: () => void): () => void;
  /** Re-renders the page's server components soon, once for a burst of requests. */
  requestRefresh(): void;
};

const ApiContext = createContext<RealtimeApi | null>(null);
const StateContext = createContext<ConnectionState>('connecting');

/** A tab that was hidden longer than this may have missed events: it refetches when shown. */
const STALE_AFTER_HIDDEN_MS = 30_000;
/** Events arriving together cause one refresh. */
const REFRESH_DELAY_MS = 300;
/** After the server refused the connection (not an expired session), try again this much later. */
const RETRY_DELAYS_MS = [5_000, 15_000, 60_000];

// The one socket of the tab, shared by every provider mounted in it (switching areas, React's
// development double mount) and closed shortly after the last one is gone.
let shared: { socket: Socket; users: number; closeTimer?: ReturnType<typeof setTimeout> } | null = null;

type Connect = (typeof import('socket.io-client'))['io'];

/**
 * The client library comes after the page is up (a separate chunk): the page's first load carries
 * only what draws it, and the events replayed or refetched on connecting lose nothing meanwhile.
 */
let library: Promise<Connect> | null = null;
function loadLibrary(): Promise<Connect> {
  library ??= import('socket.io-client').then((m) => m.io);
  return library;
}

function acquireSocket(io: Connect): Socket {
  if (shared) {
    clearTimeout(shared.closeTimer);
    shared.users += 1;
    return shared.socket;
  }
  // WebSocket first: it needs no sticky sessions behind several processes; long polling if it fails.
  // A handshake on our own origin that takes 10 s has failed: try again rather than wait 20.
  const socket = io({ transports: ['websocket', 'polling'], tryAllTransports: true, timeout: 10_000 });
  shared = { socket, users: 1 };
  return socket;
}

function releaseSocket(socket: Socket) {
  const current = shared;
  if (!current || current.socket !== socket) return;
  current.users -= 1;
  if (current.users > 0) return;
  current.closeTimer = setTimeout(() => {
    if (shared === current && current.users === 0) {
      socket.close();
      shared = null;
    }
  }, 1_000);
}

export function RealtimeProvider({ children }: { children: React.ReactNode }) {
  const router = useRouter();
  // A tab that already holds a connected socket (another area's shell) starts connected.
  const [state, setState] = useState<ConnectionState>(() => (shared?.socket.connected ? 'connected' : 'connecting'));
  const handlers = useRef(new Map<string, Set<Handler>>());
  const resyncHandlers = useRef(new Set<() => void>());
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const routerRef = useRef(router);

  useEffect(() => {
    routerRef.current = router;
  }, [router]);

  // Stable for the provider's life: it only touches refs; the socket feeds `handlers`.
  const api = useMemo<RealtimeApi>(
    () => ({
      subscribe(event, handler) {
        const set = handlers.current.get(event) ?? new Set<Handler>();
        set.add(handler);
        handlers.current.set(event, set);
        return () => {
          set.delete(handler);
        };
      },
      onResync(handler) {
        resyncHandlers.current.add(handler);
        return () => {
          resyncHandlers.current.delete(handler);
        };
      },
      requestRefresh() {
        if (refreshTimer.current) return;
        refreshTimer.current = setTimeout(() => {
          refreshTimer.current = undefined;
          routerRef.current.refresh();
        }, REFRESH_DELAY_MS);
      },
    }),
    [],
  );

  useEffect(() => {
    // Everything the tab's socket does while this provider is mounted; returns the cleanup.
    function start(s: Socket): () => void {
      let everConnected = s.connected;
      let retries = 0;
      let retryTimer: ReturnType<typeof setTimeout> | undefined;
      let hiddenAt: number | null = null;
      let lastResync = 0;
      // Offline, or shown from the saved copy while offline: the first connection after it must
      // fetch the truth even though this tab never had a connection to recover.
      let missedWhileOffline = !navigator.onLine;

      const resync = () => {
        // Offline a refresh cannot reach the server; the `online` event resyncs.
        if (!navigator.onLine) return;
        const now = Date.now();
        if (now - lastResync < 2_000) return;
        lastResync = now;
        for (const handler of resyncHandlers.current) handler();
        api.requestRefresh();
      };

      const onConnect = () => {
        setState('connected');
        retries = 0;
        // A drop the server could bridge replays the missed events; anything else may have missed some.
        if ((everConnected && !s.recovered) || missedWhileOffline) resync();
        everConnected = true;
        missedWhileOffline = false;
      };
      const onDisconnect = (reason: Socket.DisconnectReason) => {
        setState('disconnected');
        // The server closed it (signed out elsewhere, deactivated, a restart): ask once more; the
        // handshake decides.
        if (reason === 'io server disconnect') scheduleRetry();
      };
      const onConnectError = (err: Error) => {
        setState('disconnected');
        // The server refused it (socket.io does not retry those by itself). An expired session is
        // not retried: the next page load goes to sign in.
        if (!s.active && err.message !== 'unauthorized') scheduleRetry();
      };
      const scheduleRetry = () => {
        clearTimeout(retryTimer);
        const delay = RETRY_DELAYS_MS[Math.min(retries, RETRY_DELAYS_MS.length - 1)];
        retries += 1;
        retryTimer = setTimeout(() => {
          if (!s.connected && !s.active) s.connect();
        }, delay);
      };
      const onVisibility = () => {
        if (document.visibilityState === 'hidden') {
          hiddenAt = Date.now();
          return;
        }
        const sleptLong = hiddenAt !== null && Date.now() - hiddenAt > STALE_AFTER_HIDDEN_MS;
        hiddenAt = null;
        if (!s.connected && !s.active) s.connect();
        if (sleptLong) resync();
      };
      // Back online: connect now rather than at the next retry, and fetch what changed meanwhile.
      const onOnline = () => {
        if (!s.connected && !s.active) s.connect();
        resync();
      };
      const onOffline = () => {
        missedWhileOffline = true;
      };
      // A page restored from the browser's back-forward cache shows whatever it showed when left:
      // as after coming back online, connect and fetch the truth.
      const onPageShow = (event: PageTransitionEvent) => {
        if (event.persisted) onOnline();
      };

      const onEvent = (event: string, payload: unknown) => {
        for (const handler of handlers.current.get(event) ?? []) {
          try {
            handler(payload);
          } catch (err) {
            console.error('realtime handler failed', event, err);
          }
        }
      };

      s.onAny(onEvent);
      s.on('connect', onConnect);
      s.on('disconnect', onDisconnect);
      s.on('connect_error', onConnectError);
      document.addEventListener('visibilitychange', onVisibility);
      window.addEventListener('online', onOnline);
      window.addEventListener('offline', onOffline);
      window.addEventListener('pageshow', onPageShow);
      return () => {
        clearTimeout(retryTimer);
        s.offAny(onEvent);
        s.off('connect', onConnect);
        s.off('disconnect', onDisconnect);
        s.off('connect_error', onConnectError);
        document.removeEventListener('visibilitychange', onVisibility);
        window.removeEventListener('online', onOnline);
        window.removeEventListener('offline', onOffline);
        window.removeEventListener('pageshow', onPageShow);
        releaseSocket(s);
      };
    }

    let stop: (() => void) | null = null;
    let cancelled = false;
    const load = () => {
      loadLibrary()
        .then((io) => {
          if (!cancelled) stop = start(acquireSocket(io));
        })
        .catch((err: unknown) => {
          // The chunk did not arrive (the page loaded offline before the service worker kept
          // it): the page works without live updates and tries again when the connection returns.
          library = null;
          setState('disconnected');
          console.error('realtime: the client library could not be loaded; trying again when online', err);
          if (!cancelled) window.addEventListener('online', load, { once: true });
        });
    };
    load();
    return () => {
      cancelled = true;
      window.removeEventListener('online', load);
      stop?.();
    };
  }, [api]);

  useEffect(() => () => clearTimeout(refreshTimer.current), []);

  return (
    <ApiContext.Provider value={api}>
      <StateContext.Provider value={state}>{children}</StateContext.Provider>
    </ApiContext.Provider>
  );
}

/** The provider's API, or null outside it (then nothing is live). */
export function useRealtime(): RealtimeApi | null {
  return useContext(ApiContext);
}

export function useConnectionState(): ConnectionState {
  return useContext(StateContext);
}

/** Calls `handler` with each payload of `event` while the component is mounted. */
export function useRealtimeEvent<E extends RealtimeEvent>(event: E, handler: (payload: Partial<RealtimePayloads[E]>) => void) {
  const api = useRealtime();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  }, [handler]);
  useEffect(() => {
    if (!api) return;
    return api.subscribe(event, (payload) => latest.current((payload ?? {}) as Partial<RealtimePayloads[E]>));
  }, [api, event]);
}

/** Calls `handler` when what the screen shows may be stale (a long drop, a tab that slept). */
export function useResync(handler: () => void) {
  const api = useRealtime();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  }, [handler]);
  useEffect(() => {
    if (!api) return;
    return api.onResync(() => latest.current());
  }, [api]);
}
