import { randomUUID } from 'node:crypto';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encode } from 'next-auth/jwt';
import { io as connectClient, type Socket } from 'socket.io-client';
import { dealers, users } from '@/drizzle/schema';
import type { Locale, Role } from '@/drizzle/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { getAuthSecret, resolveAuthSecret } from '@/lib/auth/secret';
import type { Db } from '@/lib/db';
import { attachRealtime } from '../server';

// Shared by the realtime integration tests: dealers and users, a real session cookie for each (as
// next-auth makes it), a real Socket.IO server on a free port, and clients that record what they hear.

export type TestUser = Actor & { sessionVersion: number };

export async function createDealer(db: Db, code: string): Promise<number> {
  const [row] = await db
    .insert(dealers)
    .values({ code, name: `Dealer ${code}`, taxId: String(30000000 + Math.floor(Math.random() * 9_000_000)) })
    .returning({ id: dealers.id });
  return row!.id;
}

let userCounter = 0;
export async function createUser(
  db: Db,
  role: Role,
  options: { dealerId?: number; locale?: Locale | null; active?: boolean } = {},
): Promise<TestUser> {
  userCounter += 1;
  const email = `rt-${role}-${userCounter}-${randomUUID().slice(0, 6)}@test.test`;
  const [row] = await db
    .insert(users)
    .values({
      email,
      name: `${role} ${userCounter}`,
      role,
      dealerId: options.dealerId ?? null,
      locale: options.locale ?? null,
      passwordHash: 'not-used',
      active: options.active ?? true,
    })
    .returning();
  return {
    userId: row!.id,
    role,
    dealerId: row!.dealerId,
    name: row!.name,
    email,
    locale: row!.locale,
    sessionVersion: row!.sessionVersion,
  };
}

/** The Cookie header a signed-in browser sends (next-auth's JWT session cookie). */
export async function sessionCookie(db: Db, user: TestUser, extra: { sid?: string; sessionVersion?: number } = {}): Promise<string> {
  await resolveAuthSecret(db);
  const token = await encode({
    secret: getAuthSecret(),
    token: {
      sub: user.userId,
      name: user.name,
      email: user.email,
      role: user.role,
      dealerId: user.dealerId,
      sessionVersion: extra.sessionVersion ?? user.sessionVersion,
      sid: extra.sid ?? randomUUID(),
    },
  });
  return `next-auth.session-token=${token}`;
}

export type TestRealtime = Awaited<ReturnType<typeof attachRealtime>> & { url: string; http: HttpServer };

export async function startRealtime(db: Db): Promise<TestRealtime> {
  // As server.ts does before it serves: the key that checks session cookies.
  await resolveAuthSecret(db);
  const http = createServer();
  const realtime = await attachRealtime(http, { db });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return { ...realtime, http, url: `http://127.0.0.1:${port}` };
}

export type Heard = { event: string; payload: unknown };

export type TestClient = {
  socket: Socket;
  heard: Heard[];
  /** Events of one name heard so far. */
  of(event: string): unknown[];
  /** Waits until an event of this name (and matching) is heard. */
  waitFor(event: string, match?: (payload: unknown) => boolean, ms?: number): Promise<unknown>;
  close(): void;
};

/** Connects like the browser does; resolves once the server said `ready`, rejects with the refusal. */
export function connect(url: string, cookie?: string): Promise<TestClient> {
  const socket = connectClient(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: cookie ? { cookie } : {},
    timeout: 5_000,
  });
  const heard: Heard[] = [];
  socket.onAny((event: string, payload: unknown) => heard.push({ event, payload }));
  const client: TestClient = {
    socket,
    heard,
    of: (event) => heard.filter((h) => h.event === event).map((h) => h.payload),
    waitFor(event, match = () => true, ms = 5_000) {
      return new Promise((resolve, reject) => {
        const found = heard.find((h) => h.event === event && match(h.payload));
        if (found) return resolve(found.payload);
        const timer = setTimeout(() => {
          socket.off(event, listener);
          reject(new Error(`no ${event} within ${ms} ms; heard ${JSON.stringify(heard)}`));
        }, ms);
        const listener = (payload: unknown) => {
          if (!match(payload)) return;
          clearTimeout(timer);
          socket.off(event, listener);
          resolve(payload);
        };
        socket.on(event, listener);
      });
    },
    close: () => {
      socket.close();
    },
  };
  return new Promise((resolve, reject) => {
    socket.once('ready', () => resolve(client));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

/** A short pause, for asserting that nothing more arrives. */
export const settle = (ms = 150) => new Promise((resolve) => setTimeout(resolve, ms));
