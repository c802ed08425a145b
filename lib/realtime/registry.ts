import { log } from '@/lib/log';
import { rooms } from './rooms';

// The running realtime server of this process, for code that runs in Next's bundle (route
// handlers, server actions, next-auth events) in the same process as server.ts. server.ts and the
// bundle each load their own copy of this module, so the entry lives on globalThis. Without a
// running server (tests, scripts) every call is a no-op.

type Realtime = {
  /** The Socket.IO server (only what is used here). */
  io: { in(room: string): { disconnectSockets(close?: boolean): void } };
  /** Asks the outbox dispatcher to look for new rows now (after a local commit). */
  wake(): void;
};

const store = globalThis as typeof globalThis & { __portalRealtime?: Realtime };

export function registerRealtime(realtime: Realtime | undefined): void {
  store.__portalRealtime = realtime;
}

/** Wakes this process's dispatcher; other processes hear of the rows through NOTIFY. */
export function wakeDispatcher(): void {
  store.__portalRealtime?.wake();
}

/**
 * Drops the sockets in a room on every process (through the Redis adapter when there are
 * several). The client is told the server closed it and does not reconnect by itself.
 */
async function disconnectRoom(room: string, context: Record<string, unknown>): Promise<void> {
  const realtime = store.__portalRealtime;
  if (!realtime) return;
  try {
    // With the Redis adapter the request is also published to the other processes.
    realtime.io.in(room).disconnectSockets(true);
  } catch (err) {
    log.error('dropping sockets failed', { room, ...context, err });
  }
}

/** A deactivated user: every socket of every sign-in, on every process. */
export function disconnectUserSockets(userId: string): Promise<void> {
  return disconnectRoom(rooms.user(userId), { userId });
}

/** A sign-out: the sockets of that one sign-in (every tab of that browser). */
export function disconnectSessionSockets(sessionId: string): Promise<void> {
  return disconnectRoom(rooms.session(sessionId), { sessionId });
}
