import { sql } from 'drizzle-orm';
import { syncSources } from '@/drizzle/schema';
import type { Db } from '@/lib/db';
import { hashSyncToken } from './tokens';

const SOURCE_NAMES = { production: 'Production system', accounting: 'Accounting system' } as const;

/**
 * Sets the bearer token of each source system from the environment (SYNC_TOKEN_PRODUCTION,
 * SYNC_TOKEN_ACCOUNTING), creating the source when it is missing. Tokens not given are left as
 * they are.
 */
export async function configureSyncSources(
  db: Db,
  tokens: Partial<Record<keyof typeof SOURCE_NAMES, string | undefined>>,
): Promise<void> {
  for (const code of Object.keys(SOURCE_NAMES) as (keyof typeof SOURCE_NAMES)[]) {
    const token = tokens[code];
    if (!token) continue;
    await db
      .insert(syncSources)
      .values({ code, name: SOURCE_NAMES[code], tokenHash: hashSyncToken(token) })
      .onConflictDoUpdate({ target: syncSources.code, set: { tokenHash: sql`excluded.token_hash` } });
  }
}
