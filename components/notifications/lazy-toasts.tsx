'use client';

import dynamic from 'next/dynamic';

/** The live toasts draw nothing until an event arrives over the live connection, itself loaded after the page. */
export const LazyNotificationToasts = dynamic(() => import('./notification-toasts').then((m) => m.NotificationToasts), { ssr: false });
