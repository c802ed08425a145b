import { describe, expect, it } from 'vitest';
import { CRITICAL_VIBRATION, handleNotificationClick, handlePush, handleSubscriptionChange, notificationFromPush, type PushWorker, type ShowOptions } from './push-handlers';

// The worker's push handlers with a fake worker scope: what is shown, what a tap opens, and what
// a renewed subscription sends to the server.

const ORIGIN = 'https://portal.example.com';

type Window = { url: string; focused?: boolean; visibilityState?: string; calls: string[]; focus(): Promise<unknown>; navigate(url: string): Promise<unknown> };

function fakeWorker(windows: Window[] = [], options: { subscription?: { endpoint: string } | null } = {}) {
  const shown: { title: string; options: ShowOptions }[] = [];
  const opened: string[] = [];
  const requests: { url: string; init?: RequestInit }[] = [];
  const subscribedWith: unknown[] = [];
  const subscriptionOf = (endpoint: string) => ({ endpoint, toJSON: () => ({ endpoint, keys: { p256dh: 'p', auth: 'a' } }) });
  const worker: PushWorker = {
    origin: ORIGIN,
    showNotification: async (title, opts) => void shown.push({ title, options: opts }),
    windows: async () => windows,
    openWindow: async (url) => void opened.push(url),
    pushManager: {
      getSubscription: async () => (options.subscription ? subscriptionOf(options.subscription.endpoint) : null),
      subscribe: async (opts) => {
        subscribedWith.push(opts.applicationServerKey);
        return subscriptionOf('https://push.example.com/renewed');
      },
    },
    fetch: async (url, init) => {
      requests.push({ url, init });
      return new Response(JSON.stringify({ publicKey: 'AQID', items: [] }), { status: init?.method === 'POST' ? 201 : 200 });
    },
  };
  return { worker, shown, opened, requests, subscribedWith };
}

function fakeWindow(url: string, extra: Partial<Window> = {}): Window {
  const w: Window = {
    url,
    calls: [],
    focus: async () => void w.calls.push('focus'),
    navigate: async (to) => {
      w.calls.push(`navigate ${to}`);
      return w;
    },
    ...extra,
  };
  return w;
}

describe('push: showing', () => {
  it('shows a normal notification with its words, the icon, the page to open and its tag', async () => {
    const { worker, shown } = fakeWorker();
    await handlePush(worker, JSON.stringify({ id: 7, type: 'order.status', title: 'Order 10-1 shipped', body: 'Trip 42 on Friday', link: '/dealer/orders/10-1', importance: 'normal', tag: 'portal:/dealer/orders/10-1' }));
    expect(shown).toHaveLength(1);
    expect(shown[0]!.title).toBe('Order 10-1 shipped');
    expect(shown[0]!.options).toMatchObject({
      body: 'Trip 42 on Friday',
      icon: '/icons/icon-192.png',
      tag: 'portal:/dealer/orders/10-1',
      data: { id: 7, link: `${ORIGIN}/dealer/orders/10-1`, importance: 'normal' },
      requireInteraction: false,
      renotify: false,
    });
    expect(shown[0]!.options.vibrate).toBeUndefined();
  });

  it('a critical one stays until handled, rings again and vibrates', () => {
    const { options } = notificationFromPush(JSON.stringify({ id: 8, title: 'Important · Payment overdue', body: null, link: '/dealer/finance', importance: 'critical', tag: 'portal:/dealer/finance' }), ORIGIN);
    expect(options).toMatchObject({ requireInteraction: true, renotify: true, vibrate: CRITICAL_VIBRATION });
    expect(options.body).toBeUndefined();
  });

  it('never links elsewhere, and shows something even for a message it cannot read', () => {
    for (const link of ['https://evil.example/x', '//evil.example/x', 'javascript:alert(1)', null]) {
      expect(notificationFromPush(JSON.stringify({ title: 't', link }), ORIGIN).options.data.link).toBe(`${ORIGIN}/`);
    }
    const broken = notificationFromPush('not json', ORIGIN, 5);
    expect(broken.title).toBe('portal.example.com');
    expect(broken.options).toMatchObject({ body: 'not json', tag: 'portal:n5' });
  });
});

describe('push: a tap', () => {
  it('takes the focused portal window to the page', async () => {
    const background = fakeWindow(`${ORIGIN}/dealer`);
    const focused = fakeWindow(`${ORIGIN}/dealer/claims`, { focused: true });
    const { worker, opened } = fakeWorker([background, focused]);
    await handleNotificationClick(worker, { link: `${ORIGIN}/dealer/orders/10-1` });
    expect(focused.calls).toEqual(['focus', `navigate ${ORIGIN}/dealer/orders/10-1`]);
    expect(background.calls).toEqual([]);
    expect(opened).toEqual([]);
  });

  it('opens a new window when none of the portal is open, or when the open one cannot be navigated', async () => {
    const none = fakeWorker([fakeWindow('https://other.example/')]);
    await handleNotificationClick(none.worker, { link: `${ORIGIN}/dealer/orders/10-1` });
    expect(none.opened).toEqual([`${ORIGIN}/dealer/orders/10-1`]);

    const uncontrolled = fakeWindow(`${ORIGIN}/dealer`, { navigate: async () => null });
    const stuck = fakeWorker([uncontrolled]);
    await handleNotificationClick(stuck.worker, { link: `${ORIGIN}/dealer/news` });
    expect(stuck.opened).toEqual([`${ORIGIN}/dealer/news`]);
  });
});

describe('push: the browser renews the subscription', () => {
  it('sends the new one, naming the old endpoint it replaces', async () => {
    const { worker, requests } = fakeWorker();
    const renewed = { endpoint: 'https://push.example.com/new', toJSON: () => ({ endpoint: 'https://push.example.com/new', keys: { p256dh: 'p', auth: 'a' } }) };
    await handleSubscriptionChange(worker, { endpoint: 'https://push.example.com/old', toJSON: () => ({}) }, renewed);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url).toBe('/api/v1/push/subscriptions');
    expect(requests[0]!.init?.method).toBe('POST');
    expect(JSON.parse(String(requests[0]!.init?.body))).toEqual({ endpoint: 'https://push.example.com/new', keys: { p256dh: 'p', auth: 'a' }, replaces: 'https://push.example.com/old' });
  });

  it('subscribes again with the portal’s key when the browser handed over none', async () => {
    const { worker, requests, subscribedWith } = fakeWorker();
    await handleSubscriptionChange(worker, { endpoint: 'https://push.example.com/old', toJSON: () => ({}) }, null);
    expect(requests.map((r) => r.init?.method ?? 'GET')).toEqual(['GET', 'POST']);
    expect(Array.from(subscribedWith[0] as Uint8Array)).toEqual([1, 2, 3]);
    expect(JSON.parse(String(requests[1]!.init?.body))).toMatchObject({ endpoint: 'https://push.example.com/renewed', replaces: 'https://push.example.com/old' });
  });
});
