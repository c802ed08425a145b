'use client';

import { lazyPart } from '@/components/ui/lazy-part';

/** The live toasts draw nothing until an event arrives over the live connection, itself loaded after the page. */
export const LazyNotificationToasts = lazyPart('live toasts', () => import('./notification-toasts').then((m) => m.NotificationToasts));
