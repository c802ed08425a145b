'use client';

import { useEffect } from 'react';
import { useRealtime } from '@/components/realtime/realtime-provider';
import { burstDebounce } from './burst-debounce';

/** A change of one item re-renders the list this long after it (more changes arriving meanwhile wait with it). */
const QUIET_MS = 1_500;
/** While a sync keeps changing items, the list is re-rendered at most this often. */
const MAX_WAIT_MS = 10_000;

/**
 * Keeps the catalogue page current: `catalog.updated` arrives once per item a sync changed (a
 * price list of thousands of items is thousands of events), so the page's server components are
 * rendered again once for a burst, not once per item (LiveRefresh's short coalescing would still
 * re-render a few times a second for as long as the sync lasts).
 */
export function CatalogLiveRefresh() {
  const realtime = useRealtime();

  useEffect(() => {
    if (!realtime) return;
    const refresh = burstDebounce(() => realtime.requestRefresh(), { quietMs: QUIET_MS, maxWaitMs: MAX_WAIT_MS });
    const off = realtime.subscribe('catalog.updated', () => refresh.signal());
    return () => {
      off();
      refresh.cancel();
    };
  }, [realtime]);

  return null;
}
