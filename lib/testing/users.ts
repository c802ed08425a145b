import { eq } from 'drizzle-orm';
import { users } from '@/drizzle/schema';
import type { Actor } from '@/lib/auth/actor';
import type { DatabaseHandle, Db } from '@/lib/db/client';

// Helpers of the integration tests that create, invite and change users.

/** The signed-in actor of the user with this e-mail. */
export async function actorByEmail(db: Db, email: string): Promise<Actor> {
  const [u] = await db.select().from(users).where(eq(users.email, email));
  if (!u) throw new Error(`no user ${email}`);
  return { userId: u.id, role: u.role, dealerId: u.dealerId, name: u.name, email: u.email, locale: u.locale };
}

/** The user's row as stored, undefined when there is none. */
export async function findUserRow(db: Db, id: string) {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  return u;
}

/** Everything a user's action may write (users, their tokens, how many audit rows), to prove a refused call changed nothing. */
export async function usersSnapshot(database: Pick<DatabaseHandle, 'query'>) {
  const [row] = await database.query<{ users: string; tokens: string; audit: number }>(
    `select (select json_agg(u order by u.id)::text from users u) as users,
            (select coalesce(json_agg(t order by t.id)::text, '[]') from user_tokens t) as tokens,
            (select count(*)::int from audit_log) as audit`,
  );
  return row;
}

/** A new client address per call (10.<subnet>.x.y), so the sign-in rate limit of one address never trips a test. */
export function ipSequence(subnet: number): () => string {
  let counter = 0;
  return () => `10.${subnet}.${Math.floor(counter / 250)}.${(counter++ % 250) + 1}`;
}
