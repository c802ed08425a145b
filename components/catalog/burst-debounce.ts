// Calls `fire` once for a burst of signals: `quietMs` after the last one, and no later than
// `maxWaitMs` after the first, so a long stream of signals (a sync of thousands of catalogue
// items) still ends in one call per `maxWaitMs` rather than one per signal. No server imports.

export type BurstDebounce = { signal(): void; cancel(): void };

export function burstDebounce(fire: () => void, { quietMs, maxWaitMs }: { quietMs: number; maxWaitMs: number }, now: () => number = Date.now): BurstDebounce {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstAt = 0;
  return {
    signal() {
      const at = now();
      if (timer === undefined) firstAt = at;
      else clearTimeout(timer);
      const delay = Math.max(0, Math.min(quietMs, firstAt + maxWaitMs - at));
      timer = setTimeout(() => {
        timer = undefined;
        fire();
      }, delay);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
