import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { appSecrets } from '@/drizzle/schema';
import type { Db } from '@/lib/db';
import { getEnv } from '@/lib/env';

// The key that signs and encrypts session cookies. NEXTAUTH_SECRET wins; without it the portal
// generates one on first start and keeps it in the database, so every process and every restart
// share it. The resolved value sits on globalThis because server.ts and Next's bundle each load
// this module.
const store = globalThis as typeof globalThis & { __portalAuthSecret?: string };

export async function resolveAuthSecret(db: Db): Promise<{ secret: string; generated: boolean }> {
  const fromEnv = getEnv().NEXTAUTH_SECRET;
  if (fromEnv) {
    store.__portalAuthSecret = fromEnv;
    return { secret: fromEnv, generated: false };
  }
  await db
    .insert(appSecrets)
    .values({ name: 'nextauth_secret', value: randomBytes(48).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select().from(appSecrets).where(eq(appSecrets.name, 'nextauth_secret'));
  if (!row) throw new Error('The session secret could not be stored in the database');
  store.__portalAuthSecret = row.value;
  return { secret: row.value, generated: true };
}

export function getAuthSecret(): string {
  const secret = store.__portalAuthSecret ?? getEnv().NEXTAUTH_SECRET;
  if (!secret) throw new Error('The session secret is not resolved yet: start the portal through server.ts');
  return secret;
}
