// The portal's service worker, built by scripts/build-sw.mjs after `next build`: esbuild bundles
// this file and Workbox's injectManifest puts the list of the build's static files in place of
// `self.__WB_MANIFEST`. It keeps the dealer's portal usable with no signal:
// - the app's static files are precached, so a page opens without the network;
// - the dealer area's pages and GET /api/v1/* answers go to the network first and, when it does
//   not answer within a few seconds, come from the copy saved last time;
// - images come from the cache first, within limits;
// - a page never opened here, offline, gets the offline page;
// - the outbox (lib/pwa/outbox.ts) is sent on Background Sync, where the browser has it;
// - Web Push messages are shown as notifications, a tap opens their page (lib/pwa/push-handlers.ts).
// A new version waits until the person agrees to reload (components/pwa/update-prompt.tsx), so an
// open page never loses the files it was built with.

import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { clientsClaim, type RouteHandlerCallbackOptions } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { registerRoute, setCatchHandler } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { Queue } from 'workbox-background-sync';
import { API_CACHE, CACHE_PREFIX, IMAGES_CACHE, NETWORK_TIMEOUT_SECONDS, OFFLINE_URL, OUTBOX_QUEUE, PAGES_CACHE, SHELL_CACHE, STATIC_CACHE } from './constants';
import { replayOutbox } from './outbox';
import { handleNotificationClick, handlePush, handleSubscriptionChange, type PushWorker } from './push-handlers';

// The worker's own types: the project's TypeScript program is typed for pages (lib "dom"), and the
// "webworker" lib cannot be loaded beside it.
type ExtendableEvent = Event & { waitUntil(promise: Promise<unknown>): void };
type WorkerScope = {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
  location: { origin: string };
  registration: {
    active: unknown;
    scope: string;
    showNotification: PushWorker['showNotification'];
    pushManager: PushWorker['pushManager'];
  };
  skipWaiting(): Promise<void>;
  clients: {
    matchAll(options?: { type?: string; includeUncontrolled?: boolean }): Promise<Array<{ url: string; postMessage(message: unknown): void } & Awaited<ReturnType<PushWorker['windows']>>[number]>>;
    openWindow(url: string): Promise<unknown>;
  };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableEvent & { data: unknown }) => void): void;
  addEventListener(type: 'push', listener: (event: ExtendableEvent & { data: { text(): string } | null }) => void): void;
  addEventListener(type: 'notificationclick', listener: (event: ExtendableEvent & { notification: { data: unknown; close(): void } }) => void): void;
  addEventListener(
    type: 'pushsubscriptionchange',
    listener: (event: ExtendableEvent & { oldSubscription?: Parameters<typeof handleSubscriptionChange>[1]; newSubscription?: Parameters<typeof handleSubscriptionChange>[2] }) => void,
  ): void;
};
declare const self: WorkerScope;

/** Pages of the dealer area that are kept for offline reading; other areas work online only. */
const OFFLINE_AREAS = /^\/dealer(\/|$)/;
const MAX_PAGES = 80;
const MAX_API_ANSWERS = 200;

precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/^dpl$/, /^utm_/] });
cleanupOutdatedCaches();

/** Only a whole, plain answer is worth keeping: no redirect (a sign-in page), no error. */
const keepOnlyPlain = {
  cacheWillUpdate: async ({ response }: { response: Response }) => (response.status === 200 && !response.redirected && response.type === 'basic' ? response : null),
};

// Built files that are not in this version's precache list (an older or a newer version's, asked
// for by a page of that version): kept once fetched, as their names change with their content.
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/_next/static/'),
  new CacheFirst({
    cacheName: STATIC_CACHE,
    plugins: [new CacheableResponsePlugin({ statuses: [200] }), new ExpirationPlugin({ maxEntries: 400, maxAgeSeconds: 60 * 24 * 3600, purgeOnQuotaError: true })],
  }),
);

// The dealer's pages: fresh when the network answers in time, else the copy saved last time.
registerRoute(
  ({ request, url, sameOrigin }) => sameOrigin && request.mode === 'navigate' && OFFLINE_AREAS.test(url.pathname),
  new NetworkFirst({
    cacheName: PAGES_CACHE,
    networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
    plugins: [keepOnlyPlain, new ExpirationPlugin({ maxEntries: MAX_PAGES, purgeOnQuotaError: true })],
  }),
);

// Images (construction and claim photos, icons): from the cache first; they do not change.
registerRoute(
  ({ request, sameOrigin }) => sameOrigin && request.destination === 'image',
  new CacheFirst({
    cacheName: IMAGES_CACHE,
    plugins: [
      new CacheableResponsePlugin({ statuses: [200] }),
      new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 30 * 24 * 3600, purgeOnQuotaError: true }),
    ],
  }),
);

// The client API's JSON read by the dealer's pages; downloads (PDF, spreadsheets) are not kept.
registerRoute(
  ({ request, url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/api/v1/') && fromDealerArea(request),
  new NetworkFirst({
    cacheName: API_CACHE,
    networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
    plugins: [
      {
        cacheWillUpdate: async ({ response }: { response: Response }) =>
          (await keepOnlyPlain.cacheWillUpdate({ response })) && (response.headers.get('content-type') ?? '').includes('application/json') ? response : null,
      },
      new ExpirationPlugin({ maxEntries: MAX_API_ANSWERS, purgeOnQuotaError: true }),
    ],
  }),
  'GET',
);

function fromDealerArea(request: Request): boolean {
  try {
    return OFFLINE_AREAS.test(new URL(request.referrer).pathname);
  } catch {
    return false;
  }
}

// A page with no network and no saved copy: the offline page, saved when this worker was installed.
setCatchHandler(async ({ request }: RouteHandlerCallbackOptions) => {
  if (request instanceof Request && request.mode === 'navigate') {
    const offline = await caches.open(SHELL_CACHE).then((cache) => cache.match(OFFLINE_URL));
    if (offline) return offline;
  }
  return Response.error();
});

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      // In the language of the person installing (the request carries their cookies).
      await cache.add(new Request(OFFLINE_URL, { credentials: 'same-origin', cache: 'reload' }));
      // The first version takes over at once; a later one waits for the person's consent.
      if (!self.registration.active) await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(refreshSavedPages());
});

/**
 * After an update, the saved pages still name the previous version's files. Each is fetched
 * anew (the network is there: an update just came through it); one that cannot be is dropped,
 * so no page is ever shown offline with files of two versions.
 */
async function refreshSavedPages(): Promise<void> {
  if (!(await caches.has(PAGES_CACHE))) return;
  const cache = await caches.open(PAGES_CACHE);
  for (const request of await cache.keys()) {
    try {
      const response = await fetch(request.url, { credentials: 'same-origin', cache: 'no-store' });
      if (response.status === 200 && !response.redirected) await cache.put(request, response);
      else await cache.delete(request);
    } catch {
      await cache.delete(request);
    }
  }
}

self.addEventListener('message', (event) => {
  const data = event.data as { type?: unknown } | null;
  if (data?.type === 'SKIP_WAITING') event.waitUntil(self.skipWaiting());
  // Sign-out and a change of user: the pages of the worker forget the person's data too, in
  // case a response was being saved while the page was deleting the caches.
  if (data?.type === 'CLEAR_USER_DATA') event.waitUntil(clearUserCaches());
});

async function clearUserCaches(): Promise<void> {
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith(CACHE_PREFIX)).map((name) => caches.delete(name)));
}

// Background Sync for the outbox: the browser wakes the worker when the connection is back, even
// with the app closed. Where the browser has no Background Sync, Workbox replays when the worker
// starts, and the pages replay on `online` and on start (components/pwa/outbox-replayer.tsx).
new Queue(OUTBOX_QUEUE, {
  onSync: async () => {
    const { stopped } = await replayOutbox();
    // Something still waits for the network: the browser is asked to try again later.
    if (stopped) throw new Error('The outbox still waits for the network');
  },
});

// Web Push (lib/push/sender.ts sends): show, open on a tap, subscribe again when renewed.
const pushWorker: PushWorker = {
  origin: self.location.origin,
  showNotification: (title, options) => self.registration.showNotification(title, options),
  windows: () => self.clients.matchAll({ type: 'window', includeUncontrolled: true }),
  openWindow: (url) => self.clients.openWindow(url),
  pushManager: {
    getSubscription: () => self.registration.pushManager.getSubscription(),
    subscribe: (options) => self.registration.pushManager.subscribe(options),
  },
  fetch: (input, init) => fetch(input, init),
};

self.addEventListener('push', (event) => {
  event.waitUntil(handlePush(pushWorker, event.data ? event.data.text() : null));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(handleNotificationClick(pushWorker, event.notification.data));
});

self.addEventListener('pushsubscriptionchange', (event) => {
  event.waitUntil(handleSubscriptionChange(pushWorker, event.oldSubscription ?? null, event.newSubscription ?? null).catch(() => undefined));
});

clientsClaim();
