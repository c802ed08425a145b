'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';

/**
 * Opening an announcement marks it read for this user (from the browser, so a link's prefetch
 * never counts as reading); the page and the News badge then show it read.
 */
export function MarkRead({ id, read }: { id: number; read: boolean }) {
  const router = useRouter();
  const sent = useRef(false);
  useEffect(() => {
    if (read || sent.current) return;
    sent.current = true;
    void fetch(`/api/v1/announcements/${id}/read`, { method: 'POST' })
      .then((response) => {
        if (response.ok) router.refresh();
      })
      .catch(() => {
        // Offline: it stays unread and is marked the next time it is opened.
      });
  }, [id, read, router]);
  return null;
}
