import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@/lib/db';
import { createTestDatabase } from '@/lib/testing/database';
import { alphabeticalKey } from './alphabetical';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  handle = await createTestDatabase({ migrate: false });
});
afterAll(async () => {
  await handle.dispose();
});

describe('alphabeticalKey', () => {
  it('puts Ukrainian and Russian names in alphabetical order whatever the collation', async () => {
    const names = ['Ігор', 'Ярослав', 'Євген', 'Ґанна', 'андрій', 'Борис', 'Гліб', 'Ёлкин', 'Елена', 'Жанна', 'Їжак', 'Зоя', 'Антон'];
    const values = sql.join(
      names.map((name) => sql`(${name})`),
      sql`, `,
    );
    const rows = rowsOf<{ name: string }>(
      await handle.db.execute(sql`select name from (values ${values}) as t(name) order by ${alphabeticalKey(sql.raw('name'))}, name`),
    );
    expect(rows.map((r) => r.name)).toEqual(['андрій', 'Антон', 'Борис', 'Гліб', 'Ґанна', 'Елена', 'Ёлкин', 'Євген', 'Жанна', 'Зоя', 'Ігор', 'Їжак', 'Ярослав']);
  });
});
