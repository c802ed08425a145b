'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isNotificationPayload, type RealtimePayloads } from '@/components/realtime/events';
import { useRealtimeEvent } from '@/components/realtime/realtime-provider';

type Toast = RealtimePayloads['notification'];

/** A toast stays this long unless closed; a critical one longer. */
const SHOWN_MS = { normal: 8_000, critical: 15_000 } as const;
const MAX_TOASTS = 3;

const STYLE = {
  critical: 'border-red-300 bg-red-50 text-red-950',
  normal: 'border-brand-100 bg-white text-slate-900',
} as const;

/** A short toast for each notification that arrives while the app is open. */
export function NotificationToasts({ href }: { href: string }) {
  const t = useTranslations('notifications');
  const [toasts, setToasts] = useState<Toast[]>([]);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setToasts((shown) => shown.filter((toast) => toast.id !== id));
  }, []);

  useRealtimeEvent('notification', (payload) => {
    if (!isNotificationPayload(payload)) return;
    const toast: Toast = { ...payload, importance: payload.importance === 'critical' ? 'critical' : 'normal' };
    setToasts((shown) => (shown.some((s) => s.id === toast.id) ? shown : [...shown, toast].slice(-MAX_TOASTS)));
    clearTimeout(timers.current.get(toast.id));
    timers.current.set(
      toast.id,
      setTimeout(() => dismiss(toast.id), SHOWN_MS[toast.importance]),
    );
  });

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);

  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-none fixed inset-x-0 top-2 z-30 flex flex-col items-center gap-2 px-3 md:top-4 md:right-4 md:left-auto md:w-96 md:items-stretch"
      data-testid="notification-toasts"
    >
      {toasts.map((toast) => (
        <div
          key={toast.id}
          className={`pointer-events-auto flex w-full max-w-md items-start gap-2 rounded-xl border py-1 pr-1 pl-3 shadow-lg ${STYLE[toast.importance]}`}
          data-testid="notification-toast"
          data-importance={toast.importance}
        >
          <div className="min-w-0 flex-1 py-2">
            {toast.importance === 'critical' ? <p className="text-xs font-semibold tracking-wide text-red-800 uppercase">{t('importance.critical')}</p> : null}
            <p className="text-sm font-medium break-words">{toast.title}</p>
            <Link href={href} onClick={() => dismiss(toast.id)} className="mt-1 inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline">
              {t('toastOpen')}
            </Link>
          </div>
          <button
            type="button"
            onClick={() => dismiss(toast.id)}
            aria-label={t('toastDismiss')}
            className="inline-flex h-11 w-11 shrink-0 items-center justify-center rounded-lg text-slate-600 hover:bg-black/5"
          >
            <svg viewBox="0 0 24 24" aria-hidden="true" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round">
              <path d="M6 6l12 12M18 6 6 18" />
            </svg>
          </button>
        </div>
      ))}
    </div>
  );
}
