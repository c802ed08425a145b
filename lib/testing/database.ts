import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type DatabaseHandle } from '@/lib/db/client';
import { getEnv } from '@/lib/env';

/**
 * A fresh, empty database for one test file, on the driver of the current test project: an
 * in-memory PGlite, or a new database on the TEST_DATABASE_URL server that is dropped afterwards.
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<
  DatabaseHandle & { dispose(): Promise<void> }
> {
  const env = getEnv();
  if (env.TEST_DB_DRIVER === 'pglite') {
    const handle = openDatabase({ kind: 'pglite' });
    if (options.migrate !== false) await handle.migrate();
    return { ...handle, dispose: () => handle.close() };
  }
  const serverUrl = env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is required for the postgres test project');
  const name = `portal_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ kind: 'postgres', url: url.toString(), poolMax: 5 });
  if (options.migrate !== false) await handle.migrate();
  return {
    ...handle,
    async dispose() {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
