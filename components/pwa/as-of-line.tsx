'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useConnectionState, useRealtime } from '@/components/realtime/realtime-provider';
import { isOnline, isOnlineOnServer, subscribeOnline } from './online-status';

/**
 * A render older than this when the document started loading came from the saved copy, not from
 * the server (the service worker answers from its cache offline or after its network timeout).
 */
const SAVED_COPY_AFTER_MS = 60_000;

// A saved copy is replaced by a fresh render once per document: if the server's clock runs behind
// ours, even fresh renders look old, and refreshing again and again would never end.
let savedCopyRefreshed = false;

function noSubscription(): () => void {
  return () => {};
}

/**
 * The client half of <AsOf />. The line shows while the page's data may be old: offline, when the
 * document came from the saved copy, and after a time offline until a fresh render replaces this
 * one (coming back online alone does not make the figures on screen current).
 */
export function AsOfLine({ renderedAt, label, className = '' }: { renderedAt: string; label: string; className?: string }) {
  const online = useSyncExternalStore(subscribeOnline, isOnline, isOnlineOnServer);
  // False while hydrating (the server's HTML shows no line), true right after.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const savedCopy = hydrated && performance.timeOrigin - Date.parse(renderedAt) > SAVED_COPY_AFTER_MS;
  // The render that was on screen while offline. Read at hydration only to decide what shows after
  // it, so the server's value (nothing) does not have to match.
  const [offlineWith, setOfflineWith] = useState<string | null>(() => (typeof navigator !== 'undefined' && !navigator.onLine ? renderedAt : null));
  const latest = useRef(renderedAt);
  const refreshedFor = useRef<string | null>(null);
  const realtime = useRealtime();
  const connection = useConnectionState();
  const router = useRouter();

  useEffect(() => {
    latest.current = renderedAt;
  }, [renderedAt]);

  useEffect(() => {
    const onOffline = () => setOfflineWith(latest.current);
    window.addEventListener('offline', onOffline);
    return () => window.removeEventListener('offline', onOffline);
  }, []);

  // Old data on screen while the server is reachable: render the page anew. The live connection
  // being up shows the server answers (a refresh that fails reloads the page, which the cache
  // would answer again); without the provider, the browser's word has to do.
  const serverReachable = online && (realtime ? connection === 'connected' : true);
  const wasOffline = offlineWith === renderedAt;
  useEffect(() => {
    if (!serverReachable) return;
    if (savedCopy && !savedCopyRefreshed) savedCopyRefreshed = true;
    else if (!wasOffline || refreshedFor.current === renderedAt) return;
    refreshedFor.current = renderedAt;
    if (realtime) realtime.requestRefresh();
    else router.refresh();
  }, [savedCopy, wasOffline, serverReachable, renderedAt, realtime, router]);

  if (!hydrated || (online && !savedCopy && !wasOffline)) return null;
  return (
    <p className={`flex items-center gap-1.5 text-xs font-medium text-slate-600 ${className}`} data-testid="as-of">
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round">
        <circle cx="10" cy="10" r="7.25" />
        <path d="M10 6v4l2.5 2" />
      </svg>
      <time dateTime={renderedAt}>{label}</time>
    </p>
  );
}
