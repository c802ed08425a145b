// The channel senders of this process (the push sender, the mail sender), for code that commits
// rows they should look at now: server.ts registers them, anyone may wake them. server.ts and
// Next's bundle each load their own copy of this module, so the entry lives on globalThis. Without
// running senders (tests, scripts) a wake is a no-op; the senders' own poll finds the rows anyway.

export type ChannelSender = 'push' | 'mail';

type Senders = Partial<Record<ChannelSender, () => void>>;

const store = globalThis as typeof globalThis & { __portalChannelSenders?: Senders };

export function registerChannelSender(name: ChannelSender, wake: (() => void) | undefined): void {
  store.__portalChannelSenders = { ...store.__portalChannelSenders, [name]: wake };
}

/** Asks the named senders (all by default) to look for work now. */
export function wakeChannelSenders(...names: ChannelSender[]): void {
  const senders = store.__portalChannelSenders ?? {};
  for (const name of names.length ? names : (Object.keys(senders) as ChannelSender[])) senders[name]?.();
}
