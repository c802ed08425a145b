import { eq } from 'drizzle-orm';
import { users } from '@/drizzle/schema';
import type { Locale, Role } from '@/drizzle/schema/values';
import { getDb, type Db } from '@/lib/db';
import { readSessionToken } from './session-token';

// Resolving a session cookie to an actor, with no Next.js request APIs, so the Socket.IO
// handshake in server.ts uses the very same check as pages and route handlers.

/** The signed-in person as every query and action sees them: always re-read from the database. */
export type Actor = {
  userId: string;
  role: Role;
  dealerId: number | null;
  name: string;
  email: string;
  locale: Locale | null;
};

/** Resolves the session cookie to an active user; null when not signed in or no longer allowed. */
export async function actorFromCookies(cookieRecord: Record<string, string>, db: Db = getDb()): Promise<Actor | null> {
  const token = await readSessionToken(cookieRecord);
  if (!token?.sub) return null;
  const [user] = await db
    .select({
      id: users.id,
      role: users.role,
      dealerId: users.dealerId,
      name: users.name,
      email: users.email,
      locale: users.locale,
      active: users.active,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.id, token.sub))
    .limit(1);
  if (!user || !user.active || user.sessionVersion !== (token.sessionVersion ?? 0)) return null;
  return {
    userId: user.id,
    role: user.role,
    dealerId: user.dealerId,
    name: user.name,
    email: user.email,
    locale: user.locale,
  };
}
