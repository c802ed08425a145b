import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import { actorFromCookies, type Actor } from '@/lib/auth/actor';
import { parseCookieHeader, readSessionToken } from '@/lib/auth/session-token';
import type { Db } from '@/lib/db';
import { log } from '@/lib/log';
import type { Emission } from './route';
import { rooms } from './rooms';
import { claimRoomFor, type SubscribeAnswer } from './subscribe';

// Socket.IO on the portal's own HTTP server and port. The handshake is authenticated by the
// session cookie (an inactive user or an ended session is refused); a socket joins the rooms its
// events are addressed to, and the room of one claim when it asks and may see it. The outbox
// dispatcher (dispatch.ts) emits through emit().

export { rooms } from './rooms';

type Ack = (answer: SubscribeAnswer | { ok: true }) => void;
type ClientEvents = {
  /** Follow one claim: { claim: '10234' } → ack { ok: true, room } or { ok: false, error }. */
  subscribe: (input: unknown, ack?: Ack) => void;
  unsubscribe: (input: unknown, ack?: Ack) => void;
};
type ServerEvents = Record<string, (payload: unknown) => void>;
type SocketData = { actor: Actor; sessionId: string | null };

export type RealtimeServer = Server<ClientEvents, ServerEvents, Record<string, never>, SocketData>;

export async function attachRealtime(httpServer: HttpServer, options: { redisUrl?: string; db: Db }) {
  const { db } = options;
  const io: RealtimeServer = new Server(httpServer, {
    serveClient: false,
    // Next's own upgrade requests (development reloads) pass through untouched.
    destroyUpgrade: false,
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
  });

  let closeRedis = async () => {};
  if (options.redisUrl) {
    const pub = createClient({ url: options.redisUrl });
    const sub = pub.duplicate();
    for (const client of [pub, sub]) client.on('error', (err) => log.error('redis adapter error', { err }));
    await Promise.all([pub.connect(), sub.connect()]);
    io.adapter(createAdapter(pub, sub));
    closeRedis = async () => {
      await Promise.allSettled([pub.quit(), sub.quit()]);
    };
    log.info('realtime joined through redis');
  }

  io.use(async (socket, next) => {
    try {
      const cookies = parseCookieHeader(socket.request.headers.cookie);
      const actor = await actorFromCookies(cookies, db);
      if (!actor) return next(new Error('unauthorized'));
      const token = await readSessionToken(cookies);
      socket.data.actor = actor;
      socket.data.sessionId = typeof token?.sid === 'string' ? token.sid : null;
      next();
    } catch (err) {
      log.error('socket handshake failed', { err });
      next(new Error('unavailable'));
    }
  });

  io.on('connection', (socket) => {
    const { actor, sessionId } = socket.data;
    const joined = [rooms.user(actor.userId), rooms.role(actor.role)];
    if (actor.dealerId !== null) joined.push(rooms.dealer(actor.dealerId));
    if (sessionId) joined.push(rooms.session(sessionId));
    void socket.join(joined);

    socket.on('subscribe', (input, ack) => {
      claimRoomFor(db, actor, input)
        .then(async (answer) => {
          if (answer.ok) await socket.join(answer.room);
          if (typeof ack === 'function') ack(answer);
        })
        .catch((err: unknown) => {
          log.error('claim subscription failed', { userId: actor.userId, input, err });
          if (typeof ack === 'function') ack({ ok: false, error: 'not_found' });
        });
    });
    socket.on('unsubscribe', (input, ack) => {
      const number = (input as { claim?: unknown } | null)?.claim;
      if (typeof number === 'string' || typeof number === 'number') void socket.leave(rooms.claim(String(number)));
      if (typeof ack === 'function') ack({ ok: true });
    });

    socket.emit('ready', { userId: actor.userId, rooms: joined.length });
  });

  return {
    io,
    /** One event to its rooms, on every process (a socket in several of them gets it once). */
    emit(emission: Emission) {
      io.to(emission.rooms).emit(emission.event, emission.payload);
    },
    async close() {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await closeRedis();
    },
  };
}
