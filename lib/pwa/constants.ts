// Names shared by the service worker (lib/pwa/sw.ts) and the pages: caches, the offline store and
// the background sync tag. Every cache the portal makes starts with CACHE_PREFIX, so sign-out can
// remove them all without touching anything else of the origin.

export const CACHE_PREFIX = 'portal-';
/** Pages (HTML) of the dealer area, network-first. */
export const PAGES_CACHE = `${CACHE_PREFIX}pages`;
/** GET /api/v1/* answers, network-first. */
export const API_CACHE = `${CACHE_PREFIX}api`;
/** Images (construction photos, claim photos, icons), cache-first with limits. */
export const IMAGES_CACHE = `${CACHE_PREFIX}images`;
/** Built files of other versions than the precached one; no user data, kept across sign-outs. */
export const STATIC_CACHE = 'static-files';
/** The offline page, saved at install; no user data, kept across sign-outs. */
export const SHELL_CACHE = 'offline-shell';
/** The page shown for a route never visited while offline. */
export const OFFLINE_URL = '/offline';
/** The IndexedDB database of the offline store (outbox and its meta). */
export const OFFLINE_DB = 'portal-offline';
/** Workbox Background Sync's tag for the outbox (Queue name `portal-outbox`). */
export const OUTBOX_QUEUE = 'portal-outbox';
export const OUTBOX_SYNC_TAG = `workbox-background-sync:${OUTBOX_QUEUE}`;
/** BroadcastChannel on which the outbox tells every tab and the worker that it changed. */
export const OUTBOX_CHANNEL = 'portal-outbox';
/** localStorage key: the user whose data the caches and the offline store hold. */
export const OFFLINE_USER_KEY = 'portal.offlineUser';
/** Network-first waits this long for the network before answering from the cache. */
export const NETWORK_TIMEOUT_SECONDS = 4;
