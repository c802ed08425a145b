import { base64UrlToBytes, PUSH_SUBSCRIPTIONS_API } from '@/lib/pwa/push-handlers';
import type { PushDevice } from './schemas';

// This device's push subscription, in the browser: whether push can work here, turning it on
// (the permission is asked only from the person's tap), off, and forgetting it on sign-out.
// Loaded only by the notification settings and, on demand, by the sign-out button.

export type PushSupport = 'supported' | 'ios_needs_home_screen' | 'unsupported';

function isIos(): boolean {
  return /iPhone|iPad|iPod/.test(navigator.userAgent) || (/Macintosh/.test(navigator.userAgent) && navigator.maxTouchPoints > 1);
}

function isStandalone(): boolean {
  return window.matchMedia?.('(display-mode: standalone)').matches || (navigator as Navigator & { standalone?: boolean }).standalone === true;
}

export function pushSupport(): PushSupport {
  const supported = 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
  // Safari on iPhone and iPad has push only for an app added to the Home Screen.
  if (isIos() && !isStandalone()) return 'ios_needs_home_screen';
  return supported ? 'supported' : 'unsupported';
}

/** The portal's service worker registration; registered now when this area has none yet (push needs one). */
async function registration(create: boolean): Promise<ServiceWorkerRegistration | null> {
  const existing = await navigator.serviceWorker.getRegistration('/');
  if (existing || !create) return existing ?? null;
  await navigator.serviceWorker.register('/sw.js', { scope: '/' });
  return navigator.serviceWorker.ready;
}

export async function currentSubscription(): Promise<PushSubscription | null> {
  if (!('serviceWorker' in navigator)) return null;
  const reg = await registration(false);
  return (await reg?.pushManager.getSubscription()) ?? null;
}

export class PushError extends Error {
  constructor(readonly reason: 'denied' | 'dismissed' | 'failed' | 'server') {
    super(`push: ${reason}`);
  }
}

async function store(subscription: PushSubscription): Promise<PushDevice> {
  const answer = await fetch(PUSH_SUBSCRIPTIONS_API, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(subscription.toJSON()),
  });
  if (!answer.ok) throw new PushError('server');
  return (await answer.json()) as PushDevice;
}

/**
 * Turns push on for this device: call it straight from the person's tap (the browser asks for
 * the permission then). Subscribes with the portal's key and stores the subscription.
 */
export async function turnOnPush(publicKey: string): Promise<{ device: PushDevice; endpoint: string }> {
  const permission = await Notification.requestPermission();
  if (permission === 'denied') throw new PushError('denied');
  if (permission !== 'granted') throw new PushError('dismissed');
  let subscription: PushSubscription;
  try {
    const reg = await registration(true);
    if (!reg) throw new Error('no service worker');
    const key = base64UrlToBytes(publicKey);
    const existing = await reg.pushManager.getSubscription();
    // A subscription made with an earlier key pair cannot be reused.
    const sameKey = existing?.options.applicationServerKey && new Uint8Array(existing.options.applicationServerKey).every((b, i) => b === key[i]);
    if (existing && !sameKey) await existing.unsubscribe();
    subscription = existing && sameKey ? existing : await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  } catch (err) {
    console.error('push: subscribing failed', err);
    throw new PushError('failed');
  }
  return { device: await store(subscription), endpoint: subscription.endpoint };
}

/** Removes this device's subscription on the server, then in the browser. */
export async function turnOffPush(): Promise<void> {
  const subscription = await currentSubscription();
  if (!subscription) return;
  const answer = await fetch(`${PUSH_SUBSCRIPTIONS_API}?endpoint=${encodeURIComponent(subscription.endpoint)}`, { method: 'DELETE', credentials: 'same-origin' });
  if (!answer.ok && answer.status !== 404) throw new PushError('server');
  await subscription.unsubscribe();
}

/** Sign-out: best effort and quick, so that with no connection the person still signs out at once. */
export async function forgetPushOnSignOut(): Promise<void> {
  const subscription = await currentSubscription().catch(() => null);
  if (!subscription) return;
  await fetch(`${PUSH_SUBSCRIPTIONS_API}?endpoint=${encodeURIComponent(subscription.endpoint)}`, {
    method: 'DELETE',
    credentials: 'same-origin',
    signal: AbortSignal.timeout(3_000),
  }).catch(() => undefined);
  // The next person on this device gets nothing of this one's, even when the server was not reached.
  await subscription.unsubscribe().catch(() => undefined);
}
