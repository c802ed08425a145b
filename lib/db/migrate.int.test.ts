import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/lib/testing/database';

describe('migrations and the audit log', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('apply to an empty database (two processes at once), and again without error or change', async () => {
    await Promise.all([database.migrate(), database.migrate()]);
    const tables = async () =>
      (await database.query<{ table_name: string }>(
        "select table_name from information_schema.tables where table_schema = 'public' order by table_name",
      )).map((r) => r.table_name);
    const first = await tables();
    expect(first).toEqual(
      expect.arrayContaining([
        'plants', 'dealers', 'users', 'orders', 'order_items', 'order_status_history', 'shipments', 'shipment_orders',
        'ledger_entries', 'claims', 'claim_messages', 'claim_history', 'attachments', 'announcements',
        'announcement_dealers', 'announcement_reads', 'notifications', 'notification_preferences', 'catalog_items',
        'sync_sources', 'sync_events', 'outbox', 'audit_log',
      ]),
    );
    await database.migrate();
    expect(await tables()).toEqual(first);
    const [applied] = await database.query<{ n: string | number }>('select count(*) as n from drizzle.__drizzle_migrations');
    expect(Number(applied?.n)).toBeGreaterThanOrEqual(2);
  });

  it('keeps the audit log append-only: insert works, update, delete and truncate are refused', async () => {
    await database.query(
      "insert into audit_log (actor_kind, actor_id, action, entity_type, entity_id, data) values ('system', 'test', 'order.status_changed', 'order', '26-000001', '{}')",
    );
    await expect(database.query("update audit_log set action = 'rewritten'")).rejects.toThrow(/append-only/);
    await expect(database.query('delete from audit_log')).rejects.toThrow(/append-only/);
    await expect(database.query('truncate audit_log')).rejects.toThrow(/append-only/);
    const rows = await database.query<{ action: string }>('select action from audit_log');
    expect(rows).toEqual([{ action: 'order.status_changed' }]);
  });

  it('enforces the data rules in the database itself', async () => {
    await database.query("insert into plants (code, name, city, is_main) values ('MAIN', 'Main plant', 'Vinnytsia', true)");
    await database.query("insert into dealers (code, name, tax_id) values ('D-1', 'First', '12345678')");
    // A second dealer with the same tax id is a duplicate.
    await expect(database.query("insert into dealers (code, name, tax_id) values ('D-2', 'Second', '12345678')")).rejects.toThrow();
    // A dealer's user must belong to a dealer; a factory user must not.
    await expect(
      database.query("insert into users (email, name, role, password_hash) values ('x@example.test', 'X', 'dealer_owner', 'h')"),
    ).rejects.toThrow();
    // An invoice cannot lower the debt.
    await expect(
      database.query(
        "insert into ledger_entries (source, document_id, dealer_id, kind, amount, effect, date) select 'accounting', 'INV-1', id, 'invoice', 100, -100, '2026-11-01' from dealers where code = 'D-1'",
      ),
    ).rejects.toThrow();
    // Money is exact to the kopiyka.
    await database.query(
      "insert into ledger_entries (source, document_id, dealer_id, kind, amount, effect, date) select 'accounting', 'INV-2', id, 'invoice', 0.1, 0.1, '2026-11-01' from dealers where code = 'D-1'",
    );
    await database.query(
      "insert into ledger_entries (source, document_id, dealer_id, kind, amount, effect, date) select 'accounting', 'INV-3', id, 'invoice', 0.2, 0.2, '2026-11-01' from dealers where code = 'D-1'",
    );
    const [sum] = await database.query<{ total: string }>('select sum(effect)::text as total from ledger_entries');
    expect(sum?.total).toBe('0.30');
    // The same document from the same source cannot be counted twice.
    await expect(
      database.query(
        "insert into ledger_entries (source, document_id, dealer_id, kind, amount, effect, date) select 'accounting', 'INV-2', id, 'invoice', 5, 5, '2026-11-01' from dealers where code = 'D-1'",
      ),
    ).rejects.toThrow();
  });
});
