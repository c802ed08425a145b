import path from 'node:path';
import { getEnv } from '@/lib/env';
import { openDatabase, type DatabaseHandle, type Db } from './client';

export type { Db, DbOrTx, Tx, DatabaseHandle } from './client';
export { rowsOf } from './client';

// The process's one database client. The custom server (server.ts) and Next's bundle each load
// this module, so the handle lives on globalThis: both share one pool, and an embedded database
// is never opened twice.
const globalForDb = globalThis as typeof globalThis & { __portalDatabase?: DatabaseHandle };

export function getDatabase(): DatabaseHandle {
  if (!globalForDb.__portalDatabase) {
    const env = getEnv();
    globalForDb.__portalDatabase = env.DATABASE_URL
      ? openDatabase({ kind: 'postgres', url: env.DATABASE_URL, poolMax: env.DATABASE_POOL_MAX })
      : openDatabase({ kind: 'pglite', dataDir: path.join(env.dataDir, 'pglite') });
  }
  return globalForDb.__portalDatabase;
}

export function getDb(): Db {
  return getDatabase().db;
}

export async function closeDatabase(): Promise<void> {
  const handle = globalForDb.__portalDatabase;
  globalForDb.__portalDatabase = undefined;
  await handle?.close();
}
