import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from '@/drizzle/schema';

export type Schema = typeof schema;
/** The one database type the code sees, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Reads and writes accept either the database or an open transaction. */
export type DbOrTx = Db | Tx;

export type DatabaseTarget =
  | { kind: 'pglite'; /** Folder of the data; in memory when absent. */ dataDir?: string }
  | { kind: 'postgres'; url: string; poolMax?: number };

export type DatabaseHandle = {
  kind: DatabaseTarget['kind'];
  db: Db;
  /** Applies the committed migrations; safe when several processes start at once. */
  migrate(): Promise<void>;
  /** Runs one SQL statement and returns its rows (for checks and tests). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /**
   * LISTENs on a channel (NOTIFY arrives after the sender's commit). PostgreSQL listens on a
   * connection of its own that is re-established after a drop. Answers the function that stops.
   */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

const MIGRATIONS_FOLDER = path.join(process.cwd(), 'drizzle', 'migrations');
/** Any fixed number: the advisory lock that serialises migrations across processes. */
const MIGRATION_LOCK_KEY = 724_201_001;

export function openDatabase(target: DatabaseTarget): DatabaseHandle {
  return target.kind === 'pglite' ? openPglite(target.dataDir) : openPostgres(target.url, target.poolMax ?? 10);
}

function openPglite(dataDir: string | undefined): DatabaseHandle {
  const releaseLock = dataDir ? lockDataDir(dataDir) : () => {};
  const client = new PGlite(dataDir);
  const db = drizzlePglite({ client, schema, casing: 'snake_case' });
  // One process owns an embedded database; calls within it are queued one after another.
  let queue: Promise<void> = Promise.resolve();
  return {
    kind: 'pglite',
    db: db as unknown as Db,
    migrate() {
      const run = queue.then(() => migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER }));
      queue = run.catch(() => {});
      return run;
    },
    async query<T>(text: string, params: unknown[] = []) {
      const result = await client.query<T>(text, params);
      return result.rows;
    },
    async listen(channel, onNotify) {
      const stop = await client.listen(channel, onNotify);
      return async () => {
        if (!client.closed) await stop();
      };
    },
    async close() {
      await client.close();
      releaseLock();
    },
  };
}

function openPostgres(url: string, poolMax: number): DatabaseHandle {
  const client = postgres(url, { max: poolMax, onnotice: () => {} });
  const db = drizzlePostgres({ client, schema, casing: 'snake_case' });
  return {
    kind: 'postgres',
    db: db as unknown as Db,
    async migrate() {
      // A dedicated single connection holds a session advisory lock for the whole migration, so a
      // second process starting at the same moment waits and then finds nothing left to apply.
      const lockClient = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await lockClient`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
        await migratePostgres(drizzlePostgres({ client: lockClient, casing: 'snake_case' }), {
          migrationsFolder: MIGRATIONS_FOLDER,
        });
        await lockClient`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
      } finally {
        await lockClient.end();
      }
    },
    async query<T>(text: string, params: unknown[] = []) {
      return (await client.unsafe(text, params as never[])) as unknown as T[];
    },
    async listen(channel, onNotify) {
      const { unlisten } = await client.listen(channel, onNotify);
      return unlisten;
    },
    close: () => client.end(),
  };
}

/**
 * PGlite keeps its data in a folder that only one process may open. A pid file refuses a second
 * process with a message that says what to do instead.
 */
function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const pidFile = path.join(path.dirname(path.resolve(dataDir)), `.${path.basename(dataDir)}.pid`);
  const existing = readPid(pidFile);
  if (existing !== null && existing !== process.pid && isAlive(existing)) {
    throw new Error(
      `The embedded database in ${dataDir} is already open in process ${existing}. ` +
        'Stop that process, or set DATABASE_URL to run several processes on a PostgreSQL server.',
    );
  }
  fs.writeFileSync(pidFile, String(process.pid));
  const release = () => {
    if (readPid(pidFile) === process.pid) fs.rmSync(pidFile, { force: true });
  };
  process.once('exit', release);
  return release;
}

function readPid(file: string): number | null {
  try {
    const n = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isInteger(n) && n > 0 ? n : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** db.execute() answers rows directly (postgres.js) or as { rows } (PGlite); this reads both. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}
