'use client';

import { useEffect } from 'react';
import { payloadMatches, type EventMatch, type RealtimeEvent } from './events';
import { useRealtime } from './realtime-provider';

/**
 * Keeps a server-rendered screen current: when one of `events` arrives (and its payload carries
 * what `match` names for that event), the page's server components are rendered again in place,
 * which keeps the scroll position and whatever is half-typed in a form. A resync after a long
 * drop refreshes too (the provider does it for every screen).
 *
 * `match`, per event: fields the payload must carry, e.g. `{ 'order.status': { number } }`; an
 * array field matches when it contains the value (`{ 'shipment.updated': { orderNumbers: number } }`).
 */
export function LiveRefresh({ events, match }: { events: RealtimeEvent[]; match?: EventMatch }) {
  const realtime = useRealtime();
  // Props arrive anew with each render of the page; subscribe again only when they change.
  const key = JSON.stringify([events, match ?? null]);

  useEffect(() => {
    if (!realtime) return;
    const [wanted, rules] = JSON.parse(key) as [RealtimeEvent[], EventMatch | null];
    const offs = wanted.map((event) =>
      realtime.subscribe(event, (payload) => {
        if (payloadMatches(payload, rules?.[event])) realtime.requestRefresh();
      }),
    );
    return () => offs.forEach((off) => off());
  }, [realtime, key]);

  return null;
}
