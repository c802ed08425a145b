'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';

/**
 * next-auth's own sign-out, without its client library (12 kB on every page for this one call):
 * the CSRF token, then the POST that ends the session and its sockets, then the sign-in page. With
 * no connection the device's data is gone already; the session cookie stays until it expires or
 * the next sign-out reaches the server.
 */
async function signOut(): Promise<void> {
  try {
    const { csrfToken } = (await (await fetch('/api/auth/csrf', { credentials: 'same-origin' })).json()) as { csrfToken: string };
    await fetch('/api/auth/signout', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Auth-Return-Redirect': '1' },
      body: new URLSearchParams({ csrfToken, callbackUrl: '/login', json: 'true' }),
    });
  } catch (err) {
    console.error('sign-out: the server could not be reached', err);
  }
  // A whole new document: nothing of the signed-out person stays in the page's memory either.
  window.location.assign(new URL('/login', window.location.href));
}

/**
 * Signing out also deletes what this device kept for offline use (saved pages, the outbox), so
 * the next person on it sees nothing of this one. Items still waiting to be sent are named first.
 */
export function SignOutButton({ className = '' }: { className?: string }) {
  const t = useTranslations('nav');
  const tp = useTranslations('pwa.signOut');
  const [pending, setPending] = useState(false);
  const [unsent, setUnsent] = useState(0);

  async function leave() {
    setPending(true);
    setUnsent(0);
    // This device stops receiving the person's push notifications: the server forgets it while the
    // session still lets it, the browser in any case (best effort, a few seconds at most offline).
    await import('@/lib/push/browser').then(({ forgetPushOnSignOut }) => forgetPushOnSignOut()).catch(() => undefined);
    const { clearOfflineData } = await import('@/lib/pwa/offline-data');
    await clearOfflineData();
    await signOut();
  }

  async function ask() {
    // The outbox's code is loaded only for this question; with no IndexedDB nothing waits.
    const waiting = await import('@/lib/pwa/outbox').then(({ countPending }) => countPending()).catch(() => 0);
    if (waiting > 0) setUnsent(waiting);
    else await leave();
  }

  const button = `rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-60 ${className}`;
  if (unsent > 0) {
    return (
      <div role="alert" className="flex flex-col gap-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="sign-out-unsent">
        <p>{tp('pending', { count: unsent })}</p>
        <div className="flex flex-wrap gap-2">
          <button type="button" onClick={() => void leave()} className="min-h-11 rounded-lg bg-red-700 px-3 text-sm font-semibold text-white hover:bg-red-800">
            {tp('confirm')}
          </button>
          <button type="button" onClick={() => setUnsent(0)} className="min-h-11 rounded-lg border border-slate-300 bg-white px-3 text-sm font-medium text-slate-700">
            {tp('cancel')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <button type="button" disabled={pending} onClick={() => void ask()} className={button}>
      {pending ? t('signingOut') : t('signOut')}
    </button>
  );
}
