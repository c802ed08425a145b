import { getTableColumns } from 'drizzle-orm';
import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/lib/db';

// Multi-row inserts in slices. PostgreSQL takes at most 65,535 bind parameters per statement;
// staying at half of that (and at most 1,000 rows) keeps statements quick to parse on PGlite too.
const MAX_PARAMS = 30_000;
const MAX_ROWS = 1_000;

/** The rows in slices small enough for one statement each. */
export function slicesFor<T>(table: PgTable, rows: readonly T[]): T[][] {
  const columns = Math.max(1, Object.keys(getTableColumns(table)).length);
  const size = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / columns)));
  const slices: T[][] = [];
  for (let i = 0; i < rows.length; i += size) slices.push(rows.slice(i, i + size));
  return slices;
}

export async function insertMany<T extends PgTable>(db: DbOrTx, table: T, rows: readonly PgInsertValue<T>[]): Promise<void> {
  for (const slice of slicesFor(table, rows)) await db.insert(table).values(slice);
}

/**
 * Checks that rows came back from INSERT … RETURNING in the order they were sent (PostgreSQL
 * returns them so for a plain multi-row insert), by a value both sides know.
 */
export function assertSameOrder<A, B>(sent: readonly A[], returned: readonly B[], keyOfSent: (a: A) => unknown, keyOfReturned: (b: B) => unknown): void {
  if (sent.length !== returned.length) throw new Error(`Inserted ${sent.length} rows but ${returned.length} came back`);
  sent.forEach((row, i) => {
    const back = returned[i];
    if (back === undefined || keyOfSent(row) !== keyOfReturned(back)) {
      throw new Error('INSERT … RETURNING gave rows in another order than they were sent');
    }
  });
}
