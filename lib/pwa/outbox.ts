import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { OFFLINE_DB, OUTBOX_CHANNEL, OUTBOX_SYNC_TAG } from './constants';

// What the dealer wrote while offline (a claim with its photos, a message in a claim's thread, an
// announcement read), kept in IndexedDB until the network returns and then sent oldest first, one
// at a time, each with its Idempotency-Key so that a resend after a lost answer files nothing
// twice. The pages and the service worker both replay, so this module stays free of React and of
// anything that exists only in a window; a Web Lock keeps two replays from running at once.

export type OutboxKind = 'claim' | 'claim-message' | 'announcement-read';
export type OutboxState = 'waiting' | 'sending' | 'sent' | 'failed';
/** The server's refusal, in the API's error shape. */
export type OutboxError = { status: number; code: string; message: string; details: Record<string, string> };
export type OutboxPhoto = { blob: Blob; name: string; type: string };
/** The JSON body of POST /api/v1/claims. */
export type OutboxClaimBody = {
  orderNumber: string;
  itemPosition?: number;
  category: string;
  description: string;
  customerAddress?: string;
  customerContact?: string;
  damageNotedOnDelivery?: boolean;
};
/** How far a sending got, saved after every step so a closed app resumes where it stopped. */
export type OutboxProgress = { claimNumber?: string; messageId?: number; photosSent: number };

type ItemBase = {
  /** The Idempotency-Key of the item's first request. */
  id: string;
  userId: string;
  createdAt: number;
  updatedAt: number;
  sentAt?: number;
  state: OutboxState;
  error?: OutboxError;
  progress: OutboxProgress;
};
export type OutboxClaimItem = ItemBase & { kind: 'claim'; payload: { body: OutboxClaimBody; photos: OutboxPhoto[] } };
export type OutboxMessageItem = ItemBase & { kind: 'claim-message'; payload: { claimNumber: string; body: string; photos: OutboxPhoto[] } };
export type OutboxReadItem = ItemBase & { kind: 'announcement-read'; payload: { announcementId: number } };
export type OutboxItem = OutboxClaimItem | OutboxMessageItem | OutboxReadItem;

/** What the channel carries: `added` asks every replayer that is online to send. */
export type OutboxChange = { type: 'added' | 'changed'; id?: string };

/** Sent items stay listed this long, so the person sees them go through. */
export const SENT_KEPT_MS = 24 * 60 * 60 * 1000;
const REPLAY_LOCK = 'portal-outbox';
const JSON_TIMEOUT_MS = 60_000;
const PHOTO_TIMEOUT_MS = 5 * 60_000;

interface OfflineSchema extends DBSchema {
  outbox: { key: string; value: OutboxItem; indexes: { createdAt: number } };
  meta: { key: string; value: unknown };
}

let opened: Promise<IDBPDatabase<OfflineSchema>> | null = null;

function database(): Promise<IDBPDatabase<OfflineSchema>> {
  opened ??= openDB<OfflineSchema>(OFFLINE_DB, 1, {
    upgrade(db) {
      db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
      db.createObjectStore('meta');
    },
    // Sign-out deletes the database: this connection steps aside instead of holding it up.
    blocking() {
      void closeOutboxDb();
    },
    terminated() {
      opened = null;
    },
  }).catch((err: unknown) => {
    opened = null;
    throw err;
  });
  return opened;
}

/** Closes this context's connection (the next call opens it again), as a reload would. */
export async function closeOutboxDb(): Promise<void> {
  const current = opened;
  opened = null;
  if (current) (await current.catch(() => null))?.close();
}

const listeners = new Set<(change: OutboxChange) => void>();
let channel: BroadcastChannel | null | undefined;

function outboxChannel(): BroadcastChannel | null {
  if (channel === undefined) {
    channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(OUTBOX_CHANNEL) : null;
    channel?.addEventListener('message', (event: MessageEvent<OutboxChange>) => {
      for (const listener of listeners) listener(event.data);
    });
    // Node's channel would keep a test process alive; browsers have no unref.
    (channel as { unref?: () => void } | null)?.unref?.();
  }
  return channel;
}

function notify(change: OutboxChange) {
  for (const listener of listeners) listener(change);
  try {
    outboxChannel()?.postMessage(change);
  } catch {
    // A closed channel: the other contexts learn on their next read.
  }
}

/** Calls the listener on every change, made here or in another tab or the worker. */
export function subscribeOutbox(listener: (change: OutboxChange) => void): () => void {
  outboxChannel();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let lastCreatedAt = 0;
/** Strictly increasing within this context, so items queued in one millisecond keep their order. */
function nextCreatedAt(): number {
  lastCreatedAt = Math.max(Date.now(), lastCreatedAt + 1);
  return lastCreatedAt;
}

type NewItem = Pick<OutboxItem, 'id' | 'userId'> &
  ({ kind: 'claim'; payload: OutboxClaimItem['payload'] } | { kind: 'claim-message'; payload: OutboxMessageItem['payload'] } | { kind: 'announcement-read'; payload: OutboxReadItem['payload'] });

async function enqueue<T extends OutboxItem>(input: NewItem): Promise<T> {
  const db = await database();
  const tx = db.transaction('outbox', 'readwrite');
  const existing = await tx.store.get(input.id);
  let item: OutboxItem;
  if (existing && existing.state !== 'failed') {
    // The same key is the same item: queued twice, it is still sent once.
    item = existing;
  } else {
    const now = nextCreatedAt();
    item = {
      ...input,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
      state: 'waiting',
      // What already reached the server (a filed claim) is not sent again.
      progress: existing?.progress ?? { photosSent: 0 },
    } as OutboxItem;
    await tx.store.put(item);
  }
  await tx.done;
  notify({ type: 'added', id: item.id });
  return item as T;
}

export const enqueueClaim = (input: { id: string; userId: string; body: OutboxClaimBody; photos: OutboxPhoto[] }) =>
  enqueue<OutboxClaimItem>({ id: input.id, userId: input.userId, kind: 'claim', payload: { body: input.body, photos: input.photos } });

export const enqueueClaimMessage = (input: { id: string; userId: string; claimNumber: string; body: string; photos?: OutboxPhoto[] }) =>
  enqueue<OutboxMessageItem>({ id: input.id, userId: input.userId, kind: 'claim-message', payload: { claimNumber: input.claimNumber, body: input.body, photos: input.photos ?? [] } });

/** One item per user and announcement: opening it twice offline sends one read. */
export const enqueueAnnouncementRead = (input: { userId: string; announcementId: number }) =>
  enqueue<OutboxReadItem>({ id: `announcement-read:${input.userId}:${input.announcementId}`, userId: input.userId, kind: 'announcement-read', payload: { announcementId: input.announcementId } });

/** The items, oldest first; only one user's when userId is given. */
export async function listItems(filter: { userId?: string; kind?: OutboxKind } = {}): Promise<OutboxItem[]> {
  const items = await (await database()).getAllFromIndex('outbox', 'createdAt');
  return items.filter((i) => (filter.userId === undefined || i.userId === filter.userId) && (filter.kind === undefined || i.kind === filter.kind));
}

export async function getItem(id: string): Promise<OutboxItem | undefined> {
  return (await database()).get('outbox', id);
}

/** Items not yet through: waiting, on their way, or refused and waiting for the person. */
export async function countPending(userId?: string): Promise<number> {
  return (await listItems({ userId })).filter((i) => i.state !== 'sent').length;
}

/** Writes the item back unless it was removed meanwhile (discarded, or sign-out cleared all). */
async function save(item: OutboxItem): Promise<boolean> {
  const db = await database();
  const tx = db.transaction('outbox', 'readwrite');
  const present = (await tx.store.getKey(item.id)) !== undefined;
  item.updatedAt = Date.now();
  if (present) await tx.store.put(item);
  await tx.done;
  if (present) notify({ type: 'changed', id: item.id });
  return present;
}

/** A refused item goes back in the queue as it is (after the cause was fixed elsewhere). */
export async function retryItem(id: string): Promise<void> {
  const item = await getItem(id);
  if (!item || item.state !== 'failed') return;
  item.state = 'waiting';
  delete item.error;
  if (await save(item)) notify({ type: 'added', id });
}

/** A refused item with a corrected payload goes back in the queue. */
export async function updateFailedItem<T extends OutboxItem>(id: string, payload: T['payload']): Promise<void> {
  const item = await getItem(id);
  if (!item || item.state !== 'failed') return;
  (item as T).payload = payload;
  item.state = 'waiting';
  delete item.error;
  if (await save(item)) notify({ type: 'added', id });
}

export async function discardItem(id: string): Promise<void> {
  await (await database()).delete('outbox', id);
  notify({ type: 'changed', id });
}

export async function clearOutbox(): Promise<void> {
  await (await database()).clear('outbox');
  notify({ type: 'changed' });
}

async function pruneSent(now = Date.now()): Promise<void> {
  const db = await database();
  const old = (await db.getAll('outbox')).filter((i) => i.state === 'sent' && (i.sentAt ?? i.updatedAt) < now - SENT_KEPT_MS);
  if (old.length === 0) return;
  const tx = db.transaction('outbox', 'readwrite');
  await Promise.all([...old.map((i) => tx.store.delete(i.id)), tx.done]);
  notify({ type: 'changed' });
}

/** Asks the service worker to replay when the network returns, where Background Sync exists. */
export async function requestBackgroundSync(): Promise<void> {
  try {
    const container = (globalThis.navigator as Navigator | undefined)?.serviceWorker;
    if (!container) return;
    // `ready` never settles without a registered worker.
    const registration = await Promise.race([container.ready, new Promise<null>((resolve) => setTimeout(() => resolve(null), 3000))]);
    await (registration as { sync?: { register(tag: string): Promise<void> } } | null)?.sync?.register(OUTBOX_SYNC_TAG);
  } catch {
    // Not supported or not allowed: the pages replay on `online` and at start.
  }
}

// ---- Replay ----

export type ReplayOptions = {
  /** Only this user's items (the signed-in one: the cookies sent are theirs). */
  userId?: string;
  /** Where the API lives; relative URLs by default (the page's or the worker's origin). */
  baseUrl?: string;
};
export type ReplayResult = { sent: number; failed: number; stopped: boolean };

type Answer = { outcome: 'ok'; body: unknown } | { outcome: 'stop' } | { outcome: 'refused'; error: OutboxError };

/**
 * Which answers mean "try again later": no answer, a redirect (the sign-in page, a captive
 * portal), a signed-out session, a timeout, too many requests, a server error. Any other 4xx is
 * the server's final word on this item.
 */
const isTemporary = (status: number) => status < 200 || (status >= 300 && status < 400) || status === 401 || status === 408 || status === 429 || status >= 500;

async function request(url: string, init: { body: BodyInit; headers: Record<string, string>; timeoutMs: number }): Promise<Answer> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { Accept: 'application/json', ...init.headers },
      body: init.body,
      credentials: 'same-origin',
      redirect: 'manual',
      signal: typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(init.timeoutMs) : undefined,
    });
  } catch {
    return { outcome: 'stop' };
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (an empty 204, a proxy's page): the status says enough.
  }
  if (response.status >= 200 && response.status < 300) return { outcome: 'ok', body };
  if (isTemporary(response.status)) return { outcome: 'stop' };
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  const details: Record<string, string> = {};
  if (error?.details && typeof error.details === 'object') {
    for (const [key, value] of Object.entries(error.details)) if (typeof value === 'string') details[key] = value;
  }
  return {
    outcome: 'refused',
    error: {
      status: response.status,
      code: typeof error?.code === 'string' ? error.code : 'failed',
      message: typeof error?.message === 'string' ? error.message : `The server answered ${response.status}`,
      details,
    },
  };
}

const postJson = (url: string, body: unknown, key: string) =>
  request(url, { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key }, timeoutMs: JSON_TIMEOUT_MS });

type Step = 'ok' | 'stop' | 'refused' | 'gone';

/** Sends the photos not yet sent, one request each, saving the count after every one. */
async function sendPhotos(item: OutboxClaimItem | OutboxMessageItem, url: string, messageId: number | null): Promise<Step> {
  const photos = item.payload.photos;
  for (let index = item.progress.photosSent; index < photos.length; index += 1) {
    const photo = photos[index]!;
    const form = new FormData();
    form.append('file', photo.blob, photo.name);
    if (messageId !== null) form.set('messageId', String(messageId));
    const answer = await request(url, { body: form, headers: { 'Idempotency-Key': `${item.id}:photo:${index}` }, timeoutMs: PHOTO_TIMEOUT_MS });
    if (answer.outcome === 'stop') return 'stop';
    if (answer.outcome === 'refused') return refuse(item, answer.error);
    item.progress.photosSent = index + 1;
    if (!(await save(item))) return 'gone';
  }
  return 'ok';
}

async function refuse(item: OutboxItem, error: OutboxError): Promise<Step> {
  item.state = 'failed';
  item.error = error;
  return (await save(item)) ? 'refused' : 'gone';
}

async function sendClaim(item: OutboxClaimItem, api: (path: string) => string): Promise<Step> {
  if (!item.progress.claimNumber) {
    const answer = await postJson(api('/api/v1/claims'), item.payload.body, item.id);
    if (answer.outcome === 'stop') return 'stop';
    if (answer.outcome === 'refused') return refuse(item, answer.error);
    const number = (answer.body as { number?: unknown } | null)?.number;
    if (typeof number !== 'string') return refuse(item, { status: 200, code: 'failed', message: 'The server did not name the filed claim.', details: {} });
    item.progress.claimNumber = number;
    if (!(await save(item))) return 'gone';
  }
  return sendPhotos(item, api(`/api/v1/claims/${encodeURIComponent(item.progress.claimNumber)}/attachments`), null);
}

async function sendMessage(item: OutboxMessageItem, api: (path: string) => string): Promise<Step> {
  const claimPath = `/api/v1/claims/${encodeURIComponent(item.payload.claimNumber)}`;
  if (item.progress.messageId === undefined) {
    const answer = await postJson(api(`${claimPath}/messages`), { body: item.payload.body }, item.id);
    if (answer.outcome === 'stop') return 'stop';
    if (answer.outcome === 'refused') return refuse(item, answer.error);
    const id = (answer.body as { id?: unknown } | null)?.id;
    item.progress.messageId = typeof id === 'number' ? id : undefined;
    if (!(await save(item))) return 'gone';
  }
  if (item.payload.photos.length === 0) return 'ok';
  return sendPhotos(item, api(`${claimPath}/attachments`), item.progress.messageId ?? null);
}

async function sendRead(item: OutboxReadItem, api: (path: string) => string): Promise<Step> {
  const answer = await postJson(api(`/api/v1/announcements/${item.payload.announcementId}/read`), {}, item.id);
  if (answer.outcome === 'refused') return refuse(item, answer.error);
  return answer.outcome;
}

async function sendItem(item: OutboxItem, api: (path: string) => string): Promise<Step> {
  item.state = 'sending';
  if (!(await save(item))) return 'gone';
  let step: Step;
  try {
    step = item.kind === 'claim' ? await sendClaim(item, api) : item.kind === 'claim-message' ? await sendMessage(item, api) : await sendRead(item, api);
  } catch (err) {
    // Something unexpected (storage full while saving progress): the item waits for the next try.
    console.error('outbox: sending an item failed', { id: item.id, kind: item.kind, err });
    step = 'stop';
  }
  if (step === 'ok') {
    item.state = 'sent';
    item.sentAt = Date.now();
    delete item.error;
    await save(item);
  } else if (step === 'stop') {
    item.state = 'waiting';
    await save(item);
  }
  return step;
}

async function replayOnce(options: ReplayOptions): Promise<ReplayResult> {
  await pruneSent();
  const result: ReplayResult = { sent: 0, failed: 0, stopped: false };
  const api = (path: string) => (options.baseUrl ? new URL(path, options.baseUrl).toString() : path);
  const tried = new Set<string>();
  for (;;) {
    // Read afresh each time: items queued meanwhile join at the end, discarded ones drop out.
    // `sending` is an item whose sender was closed mid-way: under the lock nobody else sends it.
    // An item queued before the person was recorded (no userId) goes with whoever is signed in.
    const next = (await listItems()).find(
      (i) => (options.userId === undefined || !i.userId || i.userId === options.userId) && (i.state === 'waiting' || i.state === 'sending') && !tried.has(i.id),
    );
    if (!next) return result;
    tried.add(next.id);
    const step = await sendItem(next, api);
    if (step === 'stop') return { ...result, stopped: true };
    if (step === 'ok') result.sent += 1;
    if (step === 'refused') result.failed += 1;
  }
}

async function underLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (typeof locks?.request !== 'function') return work();
  return locks.request(REPLAY_LOCK, work) as Promise<T>;
}

let running: Promise<ReplayResult> | null = null;
let again = false;

/**
 * Sends what waits, oldest first, one at a time; stops at the first item the network does not
 * take (it and everything after it wait for the next replay). A call while one runs makes that
 * one look again when it ends, so nothing queued meanwhile is left behind.
 */
export function replayOutbox(options: ReplayOptions = {}): Promise<ReplayResult> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    let result: ReplayResult;
    do {
      again = false;
      result = await underLock(() => replayOnce(options));
    } while (again && !result.stopped);
    return result;
  })().finally(() => {
    running = null;
  });
  return running;
}
