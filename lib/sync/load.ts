// Load shedding for the sync API: past a number of batches in flight, answer 429 with
// Retry-After at once instead of queueing until the process falls over. Nothing is accepted
// that cannot be stored: a shed request changes nothing and the source resends it.

const state = globalThis as typeof globalThis & { __portalSyncInFlight?: number };

export function tryEnter(limit: number): boolean {
  const current = state.__portalSyncInFlight ?? 0;
  if (current >= limit) return false;
  state.__portalSyncInFlight = current + 1;
  return true;
}

export function leave(): void {
  state.__portalSyncInFlight = Math.max(0, (state.__portalSyncInFlight ?? 1) - 1);
}
