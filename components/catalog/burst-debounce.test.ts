import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { burstDebounce } from './burst-debounce';

// The catalogue's live refresh: one call per burst of catalog.updated events, and at most one per
// max wait while a long sync keeps sending them. Fake timers: the clock is the test's.

describe('burstDebounce', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const make = () => {
    const fire = vi.fn();
    return { fire, debounce: burstDebounce(fire, { quietMs: 1_500, maxWaitMs: 10_000 }) };
  };

  it('fires once, the quiet time after the last of a burst', () => {
    const { fire, debounce } = make();
    for (let i = 0; i < 1_000; i++) debounce.signal();
    vi.advanceTimersByTime(1_499);
    expect(fire).not.toHaveBeenCalled();
    debounce.signal();
    vi.advanceTimersByTime(1_499);
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fire).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60_000);
    expect(fire).toHaveBeenCalledTimes(1);
  });

  it('fires at most once per max wait while signals keep coming', () => {
    const { fire, debounce } = make();
    // A signal every 100 ms for a minute: 600 signals.
    for (let ms = 0; ms < 60_000; ms += 100) {
      debounce.signal();
      vi.advanceTimersByTime(100);
    }
    // Every 10 s: at 10, 20, 30, 40, 50 and 60 s; the last burst's tail adds none (the 60 s one took it).
    expect(fire).toHaveBeenCalledTimes(6);
    vi.advanceTimersByTime(1_500);
    expect(fire).toHaveBeenCalledTimes(6);
  });

  it('fires nothing once cancelled', () => {
    const { fire, debounce } = make();
    debounce.signal();
    debounce.cancel();
    vi.advanceTimersByTime(20_000);
    expect(fire).not.toHaveBeenCalled();
  });
});
