import { log } from '@/lib/log';

// The loop of a background sender (the outbox dispatcher, the mail sender, the push sender): a
// pass runs batches while they come back full, a wake during a pass asks for one more pass, a
// poll is the safety net, and stop waits for the pass in flight. A pass that throws is logged and
// tried again on the next wake-up.

export type Loop = {
  /** Looks for work now (coalesced with a pass already running). */
  wake(): void;
  /** Resolves when no pass is running (tests). */
  idle(): Promise<void>;
  /** No more passes; resolves when the one in flight is done. */
  stop(): Promise<void>;
};

export type LoopOptions = {
  /** Named in the log when a pass fails. */
  name: string;
  pollMs: number;
  /** One batch; true when it was full, so more may be waiting. */
  batch(): Promise<boolean>;
  /** After the batches of a pass (housekeeping). */
  afterPass?(): Promise<void>;
};

export function startLoop({ name, pollMs, batch, afterPass }: LoopOptions): Loop {
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;

  const pass = async () => {
    do {
      again = false;
      try {
        while (!stopped && (await batch()));
      } catch (err) {
        log.error(`${name} failed; trying again on the next wake-up`, { err });
        return;
      }
    } while (again && !stopped);
    await afterPass?.();
  };

  const wake = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = pass().finally(() => {
      running = null;
    });
  };

  const timer = setInterval(wake, pollMs);
  timer.unref();
  // Work left from before the start (or a crash) goes now.
  wake();

  return {
    wake,
    async idle() {
      while (running) await running;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      while (running) await running;
    },
  };
}
