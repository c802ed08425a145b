// What the service worker (lib/pwa/sw.ts) does with Web Push, apart from the worker's globals so
// the tests drive it with fakes: show a pushed notification (lib/push/payload.ts made it), open
// its page when tapped, and subscribe again when the browser renews the subscription.

export const PUSH_SUBSCRIPTIONS_API = '/api/v1/push/subscriptions';
export const PUSH_ICON = '/icons/icon-192.png';
export const PUSH_BADGE = '/icons/icon-maskable-192.png';
/** Buzz, pause, buzz, pause, long buzz: a critical notification is felt, not only seen. */
export const CRITICAL_VIBRATION = [200, 100, 200, 100, 400];

/** What the worker's showNotification takes (the page's TypeScript lib lacks the worker's fields). */
export type ShowOptions = {
  body?: string;
  icon: string;
  badge: string;
  tag: string;
  data: { id: number | null; link: string; importance: 'critical' | 'normal' };
  requireInteraction: boolean;
  renotify: boolean;
  vibrate?: number[];
  timestamp: number;
};

type SubscriptionLike = { endpoint: string; toJSON(): unknown; options?: { applicationServerKey?: ArrayBuffer | null } };
type WindowClientLike = { url: string; focused?: boolean; visibilityState?: string; focus(): Promise<unknown>; navigate?(url: string): Promise<unknown> };

export type PushWorker = {
  origin: string;
  showNotification(title: string, options: ShowOptions): Promise<void>;
  windows(): Promise<WindowClientLike[]>;
  openWindow(url: string): Promise<unknown>;
  pushManager: {
    getSubscription(): Promise<SubscriptionLike | null>;
    subscribe(options: { userVisibleOnly: true; applicationServerKey: ArrayBuffer | Uint8Array }): Promise<SubscriptionLike>;
  };
  fetch(input: string, init?: RequestInit): Promise<Response>;
};

/** A portal path, or the app's start for anything else (a push never opens another site). */
export function safeLink(link: unknown, origin: string): string {
  const home = new URL('/', origin).href;
  if (typeof link !== 'string' || !link) return home;
  try {
    const url = new URL(link, origin);
    return url.origin === origin ? url.href : home;
  } catch {
    return home;
  }
}

/** The notification for a push message's data (JSON text); a message it cannot read still shows something, as browsers require. */
export function notificationFromPush(text: string | null, origin: string, now = Date.now()): { title: string; options: ShowOptions } {
  let payload: Record<string, unknown> = {};
  try {
    const parsed: unknown = text ? JSON.parse(text) : {};
    if (parsed && typeof parsed === 'object') payload = parsed as Record<string, unknown>;
  } catch {
    payload = { body: text };
  }
  const critical = payload.importance === 'critical';
  const id = typeof payload.id === 'number' ? payload.id : null;
  const title = typeof payload.title === 'string' && payload.title.trim() ? payload.title : new URL(origin).host;
  return {
    title,
    options: {
      ...(typeof payload.body === 'string' && payload.body ? { body: payload.body } : {}),
      icon: PUSH_ICON,
      badge: PUSH_BADGE,
      tag: typeof payload.tag === 'string' && payload.tag ? payload.tag : `portal:n${id ?? now}`,
      data: { id, link: safeLink(payload.link, origin), importance: critical ? 'critical' : 'normal' },
      // Critical: stays until handled, and rings again when it replaces an earlier one.
      requireInteraction: critical,
      renotify: critical,
      ...(critical ? { vibrate: CRITICAL_VIBRATION } : {}),
      timestamp: now,
    },
  };
}

export async function handlePush(worker: PushWorker, text: string | null): Promise<void> {
  const { title, options } = notificationFromPush(text, worker.origin);
  await worker.showNotification(title, options);
}

/** A tap: an open window of the portal goes to the notification's page (focused first), else a new one opens. */
export async function handleNotificationClick(worker: PushWorker, data: unknown): Promise<void> {
  const link = safeLink((data as { link?: unknown } | null)?.link, worker.origin);
  const windows = (await worker.windows()).filter((w) => w.url.startsWith(worker.origin));
  const chosen = windows.find((w) => w.focused) ?? windows.find((w) => w.visibilityState === 'visible') ?? windows[0];
  if (chosen) {
    try {
      await chosen.focus();
      if (chosen.url === link) return;
      // navigate() answers null for a window the worker does not control: open one instead.
      if (chosen.navigate && (await chosen.navigate(link))) return;
    } catch {
      // A window that went away meanwhile: a new one below.
    }
  }
  await worker.openWindow(link);
}

export function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(value.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The browser renewed (or dropped) the subscription: subscribe again with the portal's key when
 * it did not hand over a new one, and tell the server, which replaces the old endpoint. Signed out
 * (401), the server keeps nothing and the subscription stays unused until push is turned on again.
 */
export async function handleSubscriptionChange(worker: PushWorker, oldSubscription: SubscriptionLike | null, newSubscription: SubscriptionLike | null): Promise<void> {
  let next = newSubscription ?? (await worker.pushManager.getSubscription());
  if (!next) {
    let key: ArrayBuffer | Uint8Array | null | undefined = oldSubscription?.options?.applicationServerKey;
    if (!key) {
      const answer = await worker.fetch(PUSH_SUBSCRIPTIONS_API, { credentials: 'same-origin', cache: 'no-store' });
      if (!answer.ok) return;
      key = base64UrlToBytes(((await answer.json()) as { publicKey: string }).publicKey);
    }
    next = await worker.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  }
  const body = { ...(next.toJSON() as object), ...(oldSubscription && oldSubscription.endpoint !== next.endpoint ? { replaces: oldSubscription.endpoint } : {}) };
  await worker.fetch(PUSH_SUBSCRIPTIONS_API, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}
