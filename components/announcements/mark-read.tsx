'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { outboxUserId } from '@/components/pwa/outbox-store';
import { enqueueAnnouncementRead, requestBackgroundSync } from '@/lib/pwa/outbox';

/**
 * Opening an announcement marks it read for this user (from the browser, so a link's prefetch
 * never counts as reading); the page and the News badge then show it read. Opened offline (a
 * saved copy), the read waits in the outbox and is sent when the connection returns.
 */
export function MarkRead({ id, read }: { id: number; read: boolean }) {
  const router = useRouter();
  const sent = useRef(false);
  useEffect(() => {
    if (read || sent.current) return;
    sent.current = true;
    const later = () => {
      void enqueueAnnouncementRead({ userId: outboxUserId(), announcementId: id })
        .then(() => requestBackgroundSync())
        .catch((err: unknown) => {
          // No storage: it stays unread and is marked the next time it is opened.
          console.error('announcement: the read could not be saved for later', { id, err });
        });
    };
    if (!navigator.onLine) {
      later();
      return;
    }
    void fetch(`/api/v1/announcements/${id}/read`, { method: 'POST' })
      .then((response) => {
        if (response.ok) router.refresh();
      })
      .catch(later);
  }, [id, read, router]);
  return null;
}
