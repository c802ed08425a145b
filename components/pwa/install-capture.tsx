'use client';

import { useEffect } from 'react';
import { subscribe } from './install-prompt';

/** In the dealer area's layout: keeps the browser's install offer from the first page load on. */
export function InstallPromptCapture() {
  useEffect(() => subscribe(() => {}), []);
  return null;
}
