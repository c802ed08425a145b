import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import { actorFromCookies, type Actor } from '@/lib/auth/actor';
import { parseCookieHeader } from '@/lib/auth/session-token';
import { log } from '@/lib/log';

// Socket.IO on the portal's own HTTP server and port. The handshake is authenticated by the
// session cookie; a socket joins the rooms its events are addressed to. The fan-out of domain
// events is built on the outbox (lib/sync, lib/realtime/dispatch).

export const rooms = {
  user: (userId: string) => `user:${userId}`,
  dealer: (dealerId: number) => `dealer:${dealerId}`,
  role: (role: string) => `role:${role}`,
  claim: (claimNumber: string) => `claim:${claimNumber}`,
};

type SocketData = { actor: Actor };

export async function attachRealtime(httpServer: HttpServer, options: { redisUrl?: string }) {
  const io = new Server<Record<string, never>, Record<string, (...args: unknown[]) => void>, Record<string, never>, SocketData>(
    httpServer,
    {
      serveClient: false,
      // Next's own upgrade requests (development reloads) pass through untouched.
      destroyUpgrade: false,
      connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
    },
  );

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
      const actor = await actorFromCookies(parseCookieHeader(socket.request.headers.cookie));
      if (!actor) return next(new Error('unauthorized'));
      socket.data.actor = actor;
      next();
    } catch (err) {
      log.error('socket handshake failed', { err });
      next(new Error('unavailable'));
    }
  });

  io.on('connection', (socket) => {
    const { actor } = socket.data;
    const joined = [rooms.user(actor.userId), rooms.role(actor.role)];
    if (actor.dealerId !== null) joined.push(rooms.dealer(actor.dealerId));
    void socket.join(joined);
    socket.emit('ready', { userId: actor.userId, rooms: joined.length });
  });

  return {
    io,
    async close() {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await closeRedis();
    },
  };
}
