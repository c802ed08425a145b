'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { isNotificationPayload } from '@/components/realtime/events';
import { useRealtimeEvent } from '@/components/realtime/realtime-provider';

const BELL = 'M6 9a6 6 0 1 1 12 0c0 5 2 6.5 2 6.5H4S6 14 6 9zM10 19a2 2 0 0 0 4 0';

/**
 * The bell in the area's header: the unread count the server rendered, plus the notifications that
 * arrived live since (those newer than the newest one the count includes, so a refresh that
 * already counts them does not count them twice).
 */
export function NotificationBell({ href, unread, latestId, className = '' }: { href: string; unread: number; latestId: number; className?: string }) {
  const t = useTranslations('notifications');
  const [arrived, setArrived] = useState<number[]>([]);

  useRealtimeEvent('notification', (payload) => {
    if (!isNotificationPayload(payload)) return;
    setArrived((ids) => (ids.includes(payload.id) ? ids : [...ids, payload.id].slice(-200)));
  });

  const count = unread + arrived.filter((id) => id > latestId).length;
  return (
    <Link
      href={href}
      aria-label={t('bell', { count })}
      className={`relative inline-flex h-11 w-11 shrink-0 items-center justify-center rounded-lg text-slate-700 hover:bg-slate-100 ${className}`}
      data-testid="notification-bell"
      data-count={count}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round">
        <path d={BELL} />
      </svg>
      {count > 0 ? (
        <span
          aria-hidden="true"
          className="absolute top-0.5 right-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs leading-5 font-semibold text-white tabular-nums"
          data-testid="notification-count"
        >
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </Link>
  );
}
