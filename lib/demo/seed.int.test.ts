import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLAIM_CATEGORIES, ORDER_STATUSES, type Locale, type Role } from '@/drizzle/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { verifyPassword } from '@/lib/auth/password';
import { getAttachmentForActor } from '@/lib/files/access';
import { openStoredFile, sha256Of } from '@/lib/files/store';
import { listDocumentsForStaff, listPublishedDocuments } from '@/lib/library/queries';
import { createTestDatabase } from '@/lib/testing/database';
import { DEMO_SYNC_TOKENS, hashSyncToken } from '@/lib/sync/tokens';
import { isDatabaseEmpty, seedDemoData, type SeedSummary } from './seed';
import { isValidEdrpou } from './tax-id';

const OPTIONS = { dealers: 6, orders: 150, today: '2026-11-23' } as const;
const TODAY = OPTIONS.today;
const DEMO_DEALERS = ['D-1001', 'D-1002'] as const;

type Handle = Awaited<ReturnType<typeof createTestDatabase>>;

let handle: Handle;
let emptyBefore: boolean;
let summary: SeedSummary;
/** The library's files of this seeding (a temporary DATA_DIR/files). */
let root: string;

const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => {
  const [row] = await handle.query<T>(sql, params);
  if (row === undefined) throw new Error(`No row from: ${sql}`);
  return row;
};
const count = async (sql: string, params: unknown[] = []) => (await one<{ n: number }>(sql, params)).n;

beforeAll(async () => {
  handle = await createTestDatabase();
  emptyBefore = await isDatabaseEmpty(handle.db);
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-seed-files-'));
  summary = await seedDemoData(handle.db, { ...OPTIONS, filesRoot: root });
});

afterAll(async () => {
  await handle?.dispose();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

async function actorOf(email: string): Promise<Actor> {
  const user = await one<{ id: string; role: Role; dealer_id: number | null; name: string; locale: Locale | null }>(
    'select id, role, dealer_id::int as dealer_id, name, locale from users where email = $1',
    [email],
  );
  return { userId: user.id, role: user.role, dealerId: user.dealer_id, name: user.name, email, locale: user.locale };
}

/** The whole content of a stored file. */
async function readStored(storageKey: string): Promise<Buffer> {
  const stored = await openStoredFile(root, storageKey);
  if (!stored) throw new Error(`The stored file ${storageKey} is missing`);
  const bytes = Buffer.from(await new Response(stored.body).arrayBuffer());
  expect(bytes.length).toBe(stored.size);
  return bytes;
}

describe('seedDemoData', () => {
  it('seeds an empty database and reports what it wrote', async () => {
    expect(emptyBefore).toBe(true);
    expect(await isDatabaseEmpty(handle.db)).toBe(false);
    const tables: Record<keyof SeedSummary, string> = {
      dealers: 'dealers',
      users: 'users',
      orders: 'orders',
      items: 'order_items',
      shipments: 'shipments',
      ledgerEntries: 'ledger_entries',
      claims: 'claims',
      announcements: 'announcements',
      catalogItems: 'catalog_items',
      documents: 'library_documents',
    };
    for (const [key, table] of Object.entries(tables)) {
      expect(await count(`select count(*)::int as n from ${table}`), table).toBe(summary[key as keyof SeedSummary]);
    }
    expect(summary.dealers).toBe(OPTIONS.dealers);
    expect(summary.orders).toBe(OPTIONS.orders);
  });

  it('has the contract demo accounts with password demo12345', async () => {
    const expected = [
      ['dealer@demo.test', 'dealer_owner', 'D-1001'],
      ['dealer2@demo.test', 'dealer_owner', 'D-1002'],
      ['claims@demo.test', 'claims', null],
      ['factory@demo.test', 'factory', null],
      ['admin@demo.test', 'admin', null],
    ] as const;
    for (const [email, role, dealer] of expected) {
      const user = await one<{ role: string; code: string | null; password_hash: string; locale: string | null; name: string }>(
        'select u.role, d.code, u.password_hash, u.locale, u.name from users u left join dealers d on d.id = u.dealer_id where u.email = $1',
        [email],
      );
      expect(user.role, email).toBe(role);
      expect(user.code, email).toBe(dealer);
      expect(user.locale).toBeNull();
      expect(user.name).toMatch(/^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$/u);
      expect(await verifyPassword(user.password_hash, 'demo12345'), email).toBe(true);
      expect(await verifyPassword(user.password_hash, 'wrong-password')).toBe(false);
    }
    // One owner per dealer, a second claims specialist and D-1001's employee besides.
    expect(await count("select count(*)::int as n from users where role = 'dealer_owner'")).toBe(OPTIONS.dealers);
    expect(await count("select count(*)::int as n from users where role = 'claims'")).toBe(2);
    expect(await count("select count(*)::int as n from users u join dealers d on d.id = u.dealer_id where u.role = 'dealer_staff' and d.code = 'D-1001'")).toBe(1);
    const managed = await count("select count(*)::int as n from dealers d join users u on u.id = d.manager_user_id where u.email = 'factory@demo.test'");
    expect(managed).toBe(OPTIONS.dealers);
  });

  it('has both plants, the demo sync tokens and an SLA per claim category', async () => {
    const plants = await handle.query<{ code: string; is_main: boolean; n: number }>(
      'select p.code, p.is_main, count(o.id)::int as n from plants p left join orders o on o.plant_id = p.id group by p.code, p.is_main order by p.code',
    );
    expect(plants.map((p) => [p.code, p.is_main])).toEqual([
      ['MAIN', true],
      ['WEST', false],
    ]);
    const [main, west] = [plants[0]?.n ?? 0, plants[1]?.n ?? 0];
    expect(west).toBeGreaterThan(0);
    expect(main).toBeGreaterThan(west);
    const sources = await handle.query<{ code: string; token_hash: string }>('select code, token_hash from sync_sources order by code');
    expect(sources).toEqual([
      { code: 'accounting', token_hash: hashSyncToken(DEMO_SYNC_TOKENS.accounting) },
      { code: 'production', token_hash: hashSyncToken(DEMO_SYNC_TOKENS.production) },
    ]);
    expect(await count('select count(*)::int as n from claim_sla_policies')).toBe(CLAIM_CATEGORIES.length);
  });

  it('gives dealers unique tax ids with a valid ЄДРПОУ check digit', async () => {
    // Real codes as anchors for the checksum itself: PrivatBank (low weights), Ukrzaliznytsia (high).
    expect(isValidEdrpou('14360570')).toBe(true);
    expect(isValidEdrpou('40075815')).toBe(true);
    expect(isValidEdrpou('14360571')).toBe(false);
    const rows = await handle.query<{ tax_id: string; code: string; currency: string; phone: string }>('select tax_id, code, currency, phone from dealers order by id');
    expect(rows.map((r) => r.code).slice(0, 2)).toEqual(['D-1001', 'D-1002']);
    for (const row of rows) {
      expect(isValidEdrpou(row.tax_id), row.tax_id).toBe(true);
      expect(row.currency).toBe('UAH');
      expect(row.phone).toMatch(/^\+380\d{9}$/);
    }
    expect(new Set(rows.map((r) => r.tax_id)).size).toBe(rows.length);
    const categories = await handle.query<{ code: string; payer_category: string }>("select code, payer_category from dealers where code in ('D-1001', 'D-1002') order by code");
    expect(categories.map((c) => c.payer_category)).toEqual(['hesitant', 'punctual']);
  });

  it.each(DEMO_DEALERS)('%s has orders in every status, one partly made, one in transit', async (code) => {
    const statuses = await handle.query<{ status: string }>(
      'select distinct o.status from orders o join dealers d on d.id = o.dealer_id where d.code = $1',
      [code],
    );
    expect(statuses.map((s) => s.status).sort()).toEqual([...ORDER_STATUSES].sort());
    expect(await count('select count(*)::int as n from orders o join dealers d on d.id = o.dealer_id where d.code = $1', [code])).toBeGreaterThanOrEqual(25);
    expect(
      await count("select count(*)::int as n from orders o join dealers d on d.id = o.dealer_id where d.code = $1 and o.status = 'manufactured' and o.items_done < o.items_total", [code]),
    ).toBeGreaterThanOrEqual(1);
    expect(
      await count(
        `select count(*)::int as n from orders o join dealers d on d.id = o.dealer_id
         join shipment_orders so on so.order_id = o.id join shipments s on s.id = so.shipment_id
         where d.code = $1 and s.status = 'in_transit' and o.status = 'shipped'`,
        [code],
      ),
    ).toBeGreaterThanOrEqual(1);
  });

  it.each(DEMO_DEALERS)('%s has an unpaid invoice past due and money due within the week', async (code) => {
    const overdueUnpaid = await count(
      `select count(*)::int as n from ledger_entries i join dealers d on d.id = i.dealer_id
       where d.code = $1 and i.kind = 'invoice' and i.due_date < $2::date
         and not exists (select 1 from ledger_entries p where p.kind = 'payment' and p.order_number = i.order_number and p.document_id not like '%-D%')`,
      [code, TODAY],
    );
    expect(overdueUnpaid).toBeGreaterThanOrEqual(1);
    // The portal's own arithmetic (credits pay the oldest debt first) must show both as well.
    const money = await one<{ overdue: string; due_soon: string }>(
      `with l as (select effect, coalesce(due_date, date) as due_on from ledger_entries where dealer_id = (select id from dealers where code = $1)),
       s as (select sum(effect) as balance, coalesce(sum(-effect) filter (where effect < 0), 0) as credits,
                    coalesce(sum(effect) filter (where effect > 0 and due_on < $2::date), 0) as past_due,
                    coalesce(sum(effect) filter (where effect > 0 and due_on between $2::date and $2::date + 7), 0) as due_week from l)
       select greatest(0, least(balance, past_due - credits))::text as overdue,
              greatest(0, least(balance, due_week - greatest(0, credits - past_due)))::text as due_soon from s`,
      [code, TODAY],
    );
    expect(Number(money.overdue)).toBeGreaterThan(0);
    expect(Number(money.due_soon)).toBeGreaterThan(0);
  });

  it.each(DEMO_DEALERS)('%s has claims in at least five statuses with their history and thread', async (code) => {
    const claims = await handle.query<{ id: number; status: string; item_position: number | null; assignee_id: string | null; order_status: string; created_by: string }>(
      `select c.id, c.status, c.item_position, c.assignee_id, o.status as order_status, u.email as created_by
       from claims c join dealers d on d.id = c.dealer_id join orders o on o.id = c.order_id join users u on u.id = c.created_by_id
       where d.code = $1`,
      [code],
    );
    expect(new Set(claims.map((c) => c.status)).size).toBeGreaterThanOrEqual(5);
    for (const claim of claims) {
      expect(claim.order_status).toBe('delivered');
      expect(claim.item_position).toBeGreaterThanOrEqual(1);
      expect(claim.created_by).toBe(code === 'D-1001' ? 'dealer@demo.test' : 'dealer2@demo.test');
      expect(claim.assignee_id === null).toBe(claim.status === 'submitted');
      const history = await handle.query<{ from_status: string | null; to_status: string }>('select from_status, to_status from claim_history where claim_id = $1 order by at, id', [claim.id]);
      expect(history[0]).toEqual({ from_status: null, to_status: 'submitted' });
      expect(history[history.length - 1]?.to_status).toBe(claim.status);
      history.slice(1).forEach((h, i) => expect(h.from_status).toBe(history[i]?.to_status));
    }
    const thread = await one<{ dealer: number; desk: number; internal: number }>(
      `select count(*) filter (where u.role = 'dealer_owner')::int as dealer,
              count(*) filter (where u.role = 'claims' and not m.internal)::int as desk,
              count(*) filter (where m.internal)::int as internal
       from claim_messages m join claims c on c.id = m.claim_id join dealers d on d.id = c.dealer_id join users u on u.id = m.author_id
       where d.code = $1`,
      [code],
    );
    expect(thread.dealer).toBeGreaterThan(0);
    expect(thread.desk).toBeGreaterThan(0);
    expect(thread.internal).toBeGreaterThan(0);
  });

  it('uses every claim category and books approved compensations in the ledger', async () => {
    const categories = await handle.query<{ category: string }>('select distinct category from claims');
    expect(categories.map((c) => c.category).sort()).toEqual([...CLAIM_CATEGORIES].sort());
    const missing = await count(
      `select count(*)::int as n from claims c where c.resolution_kind = 'compensation'
       and not exists (select 1 from ledger_entries l where l.kind = 'compensation' and l.document_id = 'CMP-' || c.number and l.amount = c.resolution_amount)`,
    );
    expect(missing).toBe(0);
    expect(await count("select count(*)::int as n from ledger_entries where kind = 'compensation'")).toBeGreaterThanOrEqual(1);
  });

  it('makes every order total exactly the sum of its positions', async () => {
    const wrong = await count(
      `select count(*)::int as n from orders o
       where o.total <> (select coalesce(sum(i.price * i.quantity), 0)::numeric(14,2) from order_items i where i.order_id = o.id)
          or not exists (select 1 from order_items i where i.order_id = o.id)`,
    );
    expect(wrong).toBe(0);
    const gaps = await count(
      `select count(*)::int as n from orders o
       where (select max(position) from order_items i where i.order_id = o.id) <> (select count(*) from order_items i where i.order_id = o.id)
          or (select count(*) from order_items i where i.order_id = o.id) > 6`,
    );
    expect(gaps).toBe(0);
  });

  it('makes sash widths add up to the construction width', async () => {
    const wrong = await count(
      `select count(*)::int as n from order_items i
       where jsonb_array_length(i.sashes) > 0
         and i.width_mm <> (select sum((s ->> 'widthMm')::int) from jsonb_array_elements(i.sashes) s)`,
    );
    expect(wrong).toBe(0);
    const kinds = await handle.query<{ kind: string }>('select distinct kind from order_items');
    expect(kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(['window', 'door', 'balcony', 'roller_shutter']));
  });

  it('keeps the stages of every order in order, with one history row per stage reached', async () => {
    const disordered = await count(
      `select count(*)::int as n from orders
       where not (created_at <= accepted_at
         and accepted_at <= coalesce(in_production_at, manufactured_at, shipped_at, delivered_at, cancelled_at, accepted_at)
         and coalesce(in_production_at, accepted_at) <= coalesce(manufactured_at, shipped_at, delivered_at, cancelled_at, 'infinity')
         and coalesce(manufactured_at, accepted_at) <= coalesce(shipped_at, delivered_at, 'infinity')
         and coalesce(shipped_at, accepted_at) <= coalesce(delivered_at, 'infinity'))
         or status_at <> case status when 'accepted' then accepted_at when 'in_production' then in_production_at
              when 'manufactured' then manufactured_at when 'shipped' then shipped_at when 'delivered' then delivered_at
              else cancelled_at end
         or source_updated_at <> status_at
         or status_at > $1::timestamptz`,
      [`${TODAY}T06:00:00Z`],
    );
    expect(disordered).toBe(0);
    const unplanned = await count(
      `select count(*)::int as n from orders
       where (status in ('accepted', 'in_production', 'manufactured', 'shipped') and (planned_delivery is null or planned_delivery < $1::date))
          or (status = 'cancelled' and planned_delivery is not null)`,
      [TODAY],
    );
    expect(unplanned).toBe(0);
    const historyMismatch = await count(
      `select count(*)::int as n from orders o
       where (select count(*) from order_status_history h where h.order_id = o.id and h.applied) <>
             (case when o.accepted_at is null then 0 else 1 end) + (case when o.in_production_at is null then 0 else 1 end)
           + (case when o.manufactured_at is null then 0 else 1 end) + (case when o.shipped_at is null then 0 else 1 end)
           + (case when o.delivered_at is null then 0 else 1 end) + (case when o.cancelled_at is null then 0 else 1 end)`,
    );
    expect(historyMismatch).toBe(0);
  });

  it('puts shipped orders on trips in transit and delivered ones on delivered trips', async () => {
    const wrong = await count(
      `select count(*)::int as n from orders o
       left join shipment_orders so on so.order_id = o.id left join shipments s on s.id = so.shipment_id
       where (o.status = 'shipped' and (s.status is distinct from 'in_transit' or s.departed_at is null))
          or (o.status = 'delivered' and (s.status is distinct from 'delivered' or s.delivered_at is null or o.delivered_at > s.delivered_at))
          or (o.status in ('accepted', 'in_production', 'cancelled') and s.id is not null)`,
    );
    expect(wrong).toBe(0);
    expect(await count("select count(*)::int as n from shipments where status in ('planned', 'loading')")).toBeGreaterThan(0);
    expect(await count("select count(*)::int as n from shipments where number !~ '^T-\\d{2}-\\d{5,}$' or driver_phone !~ '^\\+380\\d{9}$'")).toBe(0);
  });

  it('books one invoice per order that was not cancelled', async () => {
    const wrong = await count(
      `select count(*)::int as n from orders o
       where (select count(*) from ledger_entries l where l.order_id = o.id and l.kind = 'invoice') <> case when o.status = 'cancelled' then 0 else 1 end`,
    );
    expect(wrong).toBe(0);
    expect(await count("select count(*)::int as n from ledger_entries where kind = 'opening_balance'")).toBe(OPTIONS.dealers);
    expect(await count("select count(*)::int as n from ledger_entries where source <> 'accounting'")).toBe(0);
  });

  it('has announcements, the catalogue, notifications and the audit row', async () => {
    expect(summary.announcements).toBeGreaterThanOrEqual(5);
    expect(await count('select count(*)::int as n from announcements where pinned')).toBe(1);
    expect(await count('select count(*)::int as n from announcements where published_at is null')).toBe(0);
    expect(await count("select count(distinct audience_kind)::int as n from announcements")).toBe(3);
    expect(await count("select count(*)::int as n from announcement_reads r join users u on u.id = r.user_id where u.email = 'dealer@demo.test'")).toBeGreaterThan(0);
    expect(await count('select count(*)::int as n from catalog_items where retail_price <= dealer_price or (promo_price is not null and promo_price >= dealer_price)')).toBe(0);
    expect(await count("select count(*)::int as n from notifications n join users u on u.id = n.user_id where u.email = 'dealer@demo.test'")).toBeGreaterThanOrEqual(2);
    expect(await count("select count(*)::int as n from audit_log where action = 'demo.seeded' and actor_kind = 'system'")).toBe(1);
  });

  it('has a library of published PDFs a dealer lists and opens, and a draft he does not see', async () => {
    expect(summary.documents).toBeGreaterThanOrEqual(5);
    const dealer = await actorOf('dealer@demo.test');
    const factory = await actorOf('factory@demo.test');
    const published = await listPublishedDocuments(handle.db, dealer);
    const all = await listDocumentsForStaff(handle.db, factory);
    expect(all).toHaveLength(summary.documents);
    const drafts = all.filter((d) => d.publishedAt === null);
    expect(drafts).toHaveLength(1);
    expect(published.map((d) => d.id).sort()).toEqual(all.filter((d) => d.publishedAt !== null).map((d) => d.id).sort());
    expect(new Set(published.map((d) => d.category))).toEqual(new Set(['price_lists', 'certificates', 'installation_guides', 'marketing']));
    // The newest list is the next month's, published with the announcement of the new prices.
    expect(published[0]).toMatchObject({ category: 'price_lists', title: 'Прайс-лист дилера, грудень 2026', file: { fileName: 'Прайс-лист дилера 12-2026.pdf' } });
    const now = Date.parse(`${TODAY}T06:00:00Z`);
    for (const document of published) {
      expect(document.publishedAt!.getTime(), document.title).toBeLessThan(now);
      expect(document.createdAt.getTime(), document.title).toBeLessThanOrEqual(document.publishedAt!.getTime());
      expect(document.file, document.title).toMatchObject({ mimeType: 'application/pdf' });
      // The dealer may download it, and its bytes are on disk: a PDF of the listed size.
      const file = await getAttachmentForActor(handle.db, dealer, document.file!.id);
      expect(file, document.title).toMatchObject({ fileName: document.file!.fileName, mimeType: 'application/pdf' });
      const bytes = await readStored(file!.storageKey);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(bytes.length).toBe(document.file!.sizeBytes);
      expect(bytes.length).toBeLessThan(200 * 1024);
    }
    // The draft's file is the factory's alone.
    expect(await getAttachmentForActor(handle.db, dealer, drafts[0]!.file!.id)).toBeNull();
    expect(await getAttachmentForActor(handle.db, factory, drafts[0]!.file!.id)).not.toBeNull();
  });

  it('refuses a database that has data, and changes nothing', async () => {
    const snapshot = () =>
      one<{ users: number; orders: number; ledger: number; claims: number }>(
        `select (select count(*) from users)::int as users, (select count(*) from orders)::int as orders,
                (select count(*) from ledger_entries)::int as ledger, (select count(*) from claims)::int as claims`,
      );
    const before = await snapshot();
    await expect(seedDemoData(handle.db, OPTIONS)).rejects.toThrow(/already has data/);
    expect(await snapshot()).toEqual(before);
  });

  it('rejects bad options with a clear message', async () => {
    await expect(seedDemoData(handle.db, { dealers: 1 })).rejects.toThrow(/dealers must be .* at least 2/);
    await expect(seedDemoData(handle.db, { today: '2026-02-30' })).rejects.toThrow(/today must be a real date/);
  });

  it('gives the same rows for the same seed and day', async () => {
    const fingerprint = (h: Handle) =>
      h.query<{ orders: string; ledger: string; claims: string }>(
        `select (select md5(string_agg(number || ':' || total || ':' || status, ',' order by number)) from orders) as orders,
                (select md5(string_agg(document_id || ':' || amount || ':' || date, ',' order by document_id)) from ledger_entries) as ledger,
                (select md5(string_agg(number || ':' || status || ':' || category, ',' order by number)) from claims) as claims`,
      );
    const second = await createTestDatabase();
    const secondRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-seed-files-'));
    try {
      const again = await seedDemoData(second.db, { ...OPTIONS, filesRoot: secondRoot });
      expect(again).toEqual(summary);
      const numbers = (h: Handle) => h.query<{ number: string; total: string }>('select number, total::text as total from orders order by number');
      expect(await numbers(second)).toEqual(await numbers(handle));
      expect(await fingerprint(second)).toEqual(await fingerprint(handle));
      // The library's files are the same bytes at the same content addresses.
      const files = (h: Handle) => h.query<{ storage_key: string; sha256: string }>("select storage_key, sha256 from attachments where owner_type = 'library_document' order by storage_key");
      const stored = await files(second);
      expect(stored.length).toBe(summary.documents);
      expect(stored).toEqual(await files(handle));
      for (const file of stored) expect(sha256Of(fs.readFileSync(path.join(secondRoot, ...file.storage_key.split('/'))))).toBe(file.sha256);
    } finally {
      await second.dispose();
      fs.rmSync(secondRoot, { recursive: true, force: true });
    }
  });
});
