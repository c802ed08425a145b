'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { markNotificationReadAction } from '@/lib/notifications/form-actions';

/**
 * The notification's title as a link to its object: opening it marks it read first. A click with
 * a modifier (a new tab) marks it read and lets the browser do the rest.
 */
export function NotificationOpenLink({ id, href, read, children }: { id: number; href: string; read: boolean; children: React.ReactNode }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Link
      href={href}
      prefetch={false}
      aria-busy={pending || undefined}
      onClick={(event) => {
        if (read) return;
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) {
          void markNotificationReadAction(id);
          return;
        }
        event.preventDefault();
        startTransition(async () => {
          await markNotificationReadAction(id).catch(() => null);
          router.push(href);
        });
      }}
      className="flex min-h-11 items-center break-words underline decoration-slate-300 underline-offset-4 hover:decoration-current"
      data-testid="notification-link"
    >
      {children}
    </Link>
  );
}

/** For a notification that leads nowhere: the button that marks it read. */
export function MarkReadButton({ id, label }: { id: number; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          await markNotificationReadAction(id);
          router.refresh();
        })
      }
      className="min-h-11 self-start rounded-lg border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60"
    >
      {label}
    </button>
  );
}
