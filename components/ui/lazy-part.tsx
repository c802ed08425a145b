'use client';

import dynamic from 'next/dynamic';
import type { ComponentType } from 'react';

/**
 * A part whose code may not arrive (the connection dropped right after the page came, before the
 * service worker kept the app's files): the page goes on without it instead of failing whole.
 */
export function lazyPart<P extends object>(name: string, load: () => Promise<ComponentType<P>>) {
  return dynamic<P>(
    () =>
      load().catch((err: unknown) => {
        console.error(`${name}: its code could not be loaded; the page goes on without it`, err);
        const Missing = () => null;
        return Missing;
      }),
    { ssr: false },
  );
}
