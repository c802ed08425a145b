import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, claims, dealers, ledgerEntries, orders, plants, users } from '@/drizzle/schema';
import { CLAIM_STATUSES, LEDGER_KINDS, PAYER_CATEGORIES } from '@/drizzle/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { listReceivables } from '@/lib/finance/receivables';
import { DEFAULT_RECEIVABLES_FILTER } from '@/lib/finance/receivables-filter';
import { ledgerEffect } from '@/lib/sync/apply-ledger';
import { createTestDatabase } from '@/lib/testing/database';
import { AUDIT_ENTRIES, getDealerDetail, RECENT_ORDERS } from './detail';
import { listDealers, listManagerCandidates, listRegions } from './list';
import { DEFAULT_DEALER_FILTER, dealerFilterFromSearchParams, dealerListHref, type DealerListFilter } from './list-filter';

// The factory's dealers list and a dealer's page against the data written here: search, filters,
// sort both ways, paging, balance and overdue by the receivables rule, open claims, access.

const TODAY = '2025-06-15';
const day = (offset: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const MANAGER = '00000000-0000-4000-8000-0000000000f1';
const OTHER = '00000000-0000-4000-8000-0000000000f2';
const factory: Actor = { userId: MANAGER, role: 'factory', dealerId: null, name: 'F', email: 'f@x', locale: null };
const REGIONS = ['Вінницька', 'Київська', 'Львівська'];
// Distinct first letters, so the name order is the same under any collation.
const NAMES = ['Alfa Vikna', 'Bravo Dveri', 'Charlie', 'Delta Profil', 'Echo Plast', 'Foxtrot', 'Golf 100%', 'Hotel_Okna', 'India', 'Juliett', 'Kilo', 'Lima'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the factory’s dealers list and dealer page', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const ids = new Map<string, number>();

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    const [plant] = await db.insert(plants).values({ code: 'MAIN', name: 'Main', city: 'Vinnytsia', isMain: true }).returning();
    await db.insert(users).values([
      { id: MANAGER, email: 'm@x.test', name: 'Manager', role: 'factory', passwordHash: 'x' },
      { id: OTHER, email: 'o@x.test', name: 'Other', role: 'admin', passwordHash: 'x' },
      { email: 'gone@x.test', name: 'Gone', role: 'factory', passwordHash: 'x', active: false },
    ]);
    const rows = await db
      .insert(dealers)
      .values(
        NAMES.map((name, i) => ({
          code: `D-${100 + i}`,
          name,
          taxId: String(10000000 + i),
          region: i === 11 ? null : REGIONS[i % REGIONS.length]!,
          town: i === 4 ? 'Жмеринка' : 'Town',
          payerCategory: PAYER_CATEGORIES[i % 3]!,
          managerUserId: i % 2 === 0 ? MANAGER : OTHER,
          active: i !== 9,
        })),
      )
      .returning();
    for (const d of rows) ids.set(d.code, d.id);
    const random = rng(615);
    const ledger: (typeof ledgerEntries.$inferInsert)[] = [];
    let n = 0;
    for (const d of rows.slice(0, 10)) {
      for (let k = 0; k < 30; k += 1) {
        n += 1;
        const kind = LEDGER_KINDS[Math.floor(random() * 3)]!;
        const amount = kind === 'adjustment' ? '-12.34' : (Math.floor(random() * 1_000_000) / 100).toFixed(2);
        const date = day(-200 + Math.floor(random() * 200));
        ledger.push({
          source: 'accounting',
          documentId: `DOC-${n}`,
          dealerId: d.id,
          plantId: plant!.id,
          kind,
          amount,
          effect: ledgerEffect(kind, amount),
          date,
          dueDate: kind === 'invoice' ? day(-200 + Math.floor(random() * 230)) : null,
        });
      }
    }
    await db.insert(ledgerEntries).values(ledger);
    // D-100: 12 orders, 3 open claims and 2 closed; D-101: one open claim.
    const orderRows = await db
      .insert(orders)
      .values(
        Array.from({ length: 12 }, (_, i) => ({
          number: `25-${String(i + 1).padStart(6, '0')}`,
          dealerId: ids.get(i < 11 ? 'D-100' : 'D-101')!,
          plantId: plant!.id,
          statusAt: new Date(),
          total: '1000.00',
          createdAt: new Date(Date.UTC(2025, 0, 1 + i)),
        })),
      )
      .returning();
    const statuses = ['submitted', 'in_review', 'approved', 'resolved', 'closed', 'submitted'] as const;
    await db.insert(claims).values(
      statuses.map((status, i) => ({
        dealerId: ids.get(i < 5 ? 'D-100' : 'D-101')!,
        orderId: orderRows[i < 5 ? i : 11]!.id,
        category: 'defect' as const,
        status,
        description: 'x',
        createdById: MANAGER,
      })),
    );
    await db.insert(users).values([
      { email: 'owner@d100.test', name: 'Owner', role: 'dealer_owner', dealerId: ids.get('D-100'), passwordHash: 'x', lastSignInAt: new Date() },
      { email: 'staff@d100.test', name: 'Staff', role: 'dealer_staff', dealerId: ids.get('D-100'), passwordHash: 'x', active: false },
    ]);
    await db.insert(auditLog).values(
      Array.from({ length: 25 }, (_, i) => ({
        at: new Date(Date.UTC(2025, 5, 1, 0, i)),
        actorKind: i % 2 ? ('sync' as const) : ('user' as const),
        actorId: i % 2 ? 'accounting' : MANAGER,
        action: `dealer.step${i}`,
        entityType: 'dealer',
        entityId: 'D-100',
        dealerId: ids.get('D-100')!,
      })),
    );
  });
  afterAll(async () => {
    await database?.dispose();
  });

  const list = (filter: Partial<DealerListFilter> = {}, pageSize = 100) =>
    listDealers(database.db, factory, { ...DEFAULT_DEALER_FILTER, ...filter }, { today: TODAY, pageSize });

  it('lists every dealer by name with the count', async () => {
    const page = await list();
    expect(page.total).toBe(12);
    expect(page.rows.map((r) => r.name)).toEqual(NAMES);
    expect(page.rows[0]).toMatchObject({ code: 'D-100', taxId: '10000000', region: 'Вінницька', town: 'Town', payerCategory: 'punctual', active: true, handMade: false });
    expect(page.rows.find((r) => r.code === 'D-109')?.active).toBe(false);
  });

  it('balance and overdue are the receivables rule’s for the same dealer', async () => {
    const receivables = await listReceivables(database.db, factory, DEFAULT_RECEIVABLES_FILTER, { today: TODAY, pageSize: null });
    const page = await list();
    let compared = 0;
    for (const row of receivables.rows) {
      const mine = page.rows.find((r) => r.code === row.code);
      expect(mine, row.code).toBeDefined();
      expect({ balance: mine!.balance, overdue: mine!.overdue }, row.code).toEqual({ balance: row.balance, overdue: row.overdue });
      if (row.balance !== '0.00') compared += 1;
    }
    expect(compared).toBeGreaterThanOrEqual(9);
    expect(page.rows.find((r) => r.code === 'D-111')).toMatchObject({ balance: '0.00', overdue: '0.00' });
  });

  it('counts open claims only', async () => {
    const page = await list();
    expect(page.rows.find((r) => r.code === 'D-100')?.openClaims).toBe(3);
    expect(page.rows.find((r) => r.code === 'D-101')?.openClaims).toBe(1);
    expect(page.rows.find((r) => r.code === 'D-102')?.openClaims).toBe(0);
  });

  it('searches code, name, tax id and town; % and _ are plain characters', async () => {
    expect((await list({ q: 'd-103' })).rows.map((r) => r.code)).toEqual(['D-103']);
    expect((await list({ q: 'profil' })).rows.map((r) => r.code)).toEqual(['D-103']);
    expect((await list({ q: '1000 0005' })).rows.map((r) => r.code)).toEqual(['D-105']);
    expect((await list({ q: 'жмерин' })).rows.map((r) => r.code)).toEqual(['D-104']);
    expect((await list({ q: '100%' })).rows.map((r) => r.code)).toEqual(['D-106']);
    // As wildcards, "a_o" would find Bravo.
    expect((await list({ q: 'a_o' })).rows).toEqual([]);
    expect(await list({ q: 'nothing like it' })).toMatchObject({ total: 0, rows: [] });
  });

  it('filters by region, payer category, state and the manager’s own dealers', async () => {
    expect((await list({ region: 'Київська' })).rows.map((r) => r.code)).toEqual(['D-101', 'D-104', 'D-107', 'D-110']);
    expect((await list({ category: 'unreliable' })).rows.map((r) => r.code)).toEqual(['D-102', 'D-105', 'D-108', 'D-111']);
    expect((await list({ region: 'Київська', category: 'hesitant' })).rows.map((r) => r.code)).toEqual(['D-101', 'D-104', 'D-107', 'D-110']);
    expect((await list({ state: 'inactive' })).rows.map((r) => r.code)).toEqual(['D-109']);
    expect((await list({ state: 'active' })).total).toBe(11);
    expect((await list({ mine: true })).rows.map((r) => r.code)).toEqual(['D-100', 'D-102', 'D-104', 'D-106', 'D-108', 'D-110']);
  });

  it('sorts by name, code and balance both ways, and pages without gaps or repeats', async () => {
    expect((await list({ sort: 'name', dir: 'desc' })).rows.map((r) => r.name)).toEqual([...NAMES].reverse());
    expect((await list({ sort: 'code', dir: 'desc' })).rows.map((r) => r.code)).toEqual(NAMES.map((_, i) => `D-${100 + i}`).reverse());
    const byBalance = (await list({ sort: 'balance', dir: 'desc' })).rows;
    const values = byBalance.map((r) => Number(r.balance));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    const ascending = (await list({ sort: 'balance', dir: 'asc' })).rows.map((r) => Number(r.balance));
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    for (const sort of ['name', 'code', 'balance'] as const) {
      const all = (await list({ sort })).rows.map((r) => r.code);
      const paged: string[] = [];
      for (let page = 1; page <= 3; page += 1) {
        const result = await list({ sort, page }, 5);
        expect(result.total).toBe(12);
        paged.push(...result.rows.map((r) => r.code));
      }
      expect(paged, sort).toEqual(all);
    }
    expect((await list({ page: 4 }, 5)).rows).toEqual([]);
  });

  it('sorts a narrowed list by balance as the whole list, dealer by dealer', async () => {
    // The whole list sums the ledger in one grouped pass, a narrowed one dealer by dealer.
    const all = (await list({ sort: 'balance', dir: 'desc' })).rows;
    for (const filter of [{ region: 'Київська' }, { mine: true }, { category: 'unreliable' as const }, { q: 'o' }]) {
      const narrowed = (await list({ sort: 'balance', dir: 'desc', ...filter })).rows;
      expect(narrowed.length, JSON.stringify(filter)).toBeGreaterThan(1);
      const codes = new Set(narrowed.map((r) => r.code));
      expect(narrowed, JSON.stringify(filter)).toEqual(all.filter((r) => codes.has(r.code)));
    }
  });

  it('reads the filter from the URL and writes it back the same', () => {
    const filter = dealerFilterFromSearchParams({ q: ' vikna ', region: 'Київська', category: 'hesitant', state: 'inactive', mine: '1', sort: 'balance', page: '2' });
    expect(filter).toEqual({ q: 'vikna', region: 'Київська', category: 'hesitant', state: 'inactive', mine: true, sort: 'balance', dir: 'desc', page: 2 });
    expect(dealerFilterFromSearchParams(new URLSearchParams(dealerListHref('/x', filter).split('?')[1]))).toEqual(filter);
    expect(dealerFilterFromSearchParams({ category: 'vip', sort: 'evil', page: '-1', state: 'x', mine: 'yes' })).toEqual(DEFAULT_DEALER_FILTER);
  });

  it('a dealer’s page: card, users, newest orders, position, claims, newest audit entries', async () => {
    const detail = await getDealerDetail(database.db, factory, 'D-100', TODAY);
    expect(detail).not.toBeNull();
    const d = detail!;
    expect(d.card).toMatchObject({ code: 'D-100', name: 'Alfa Vikna', manager: { id: MANAGER, name: 'Manager' }, createdBy: null });
    expect(d.users.map((u) => [u.email, u.role, u.active])).toEqual([
      ['owner@d100.test', 'dealer_owner', true],
      ['staff@d100.test', 'dealer_staff', false],
    ]);
    expect(d.users[0]!.lastSignInAt).toBeInstanceOf(Date);
    expect(d.orderCount).toBe(11);
    expect(d.orders).toHaveLength(RECENT_ORDERS);
    expect(d.orders[0]!.number).toBe('25-000011');
    const row = (await list({ q: 'D-100' })).rows[0]!;
    expect({ balance: d.position.balance, overdue: d.position.overdue }).toEqual({ balance: row.balance, overdue: row.overdue });
    expect(d.openClaimCount).toBe(3);
    expect(d.openClaims.map((c) => c.status).sort()).toEqual(['approved', 'in_review', 'submitted']);
    expect(d.recentClaims.map((c) => c.status).sort()).toEqual(['closed', 'resolved']);
    expect(d.openClaims.every((c) => CLAIM_STATUSES.includes(c.status) && c.orderNumber.startsWith('25-'))).toBe(true);
    expect(d.audit).toHaveLength(AUDIT_ENTRIES);
    expect(d.audit[0]).toMatchObject({ action: 'dealer.step24', actorKind: 'user', actorName: 'Manager' });
    expect(d.audit[1]).toMatchObject({ action: 'dealer.step23', actorKind: 'sync', actorId: 'accounting', actorName: null });
    expect(await getDealerDetail(database.db, factory, 'NO-SUCH')).toBeNull();
    expect(await getDealerDetail(database.db, factory, '../etc')).toBeNull();
  });

  it('regions and manager candidates: active factory managers and administrators only', async () => {
    expect(await listRegions(database.db, factory)).toEqual(REGIONS);
    expect((await listManagerCandidates(database.db, factory)).map((u) => u.name)).toEqual(['Manager', 'Other']);
  });

  it('dealer and claims users may not read it', async () => {
    const roles = [
      { role: 'dealer_owner' as const, dealerId: ids.get('D-100')! },
      { role: 'dealer_staff' as const, dealerId: ids.get('D-100')! },
      { role: 'claims' as const, dealerId: null },
    ];
    for (const r of roles) {
      const actor: Actor = { ...factory, ...r };
      await expect(listDealers(database.db, actor, DEFAULT_DEALER_FILTER)).rejects.toThrow(/dealers\.read/);
      await expect(getDealerDetail(database.db, actor, 'D-100')).rejects.toThrow(/dealers\.read/);
      await expect(listRegions(database.db, actor)).rejects.toThrow(/dealers\.read/);
      await expect(listManagerCandidates(database.db, actor)).rejects.toThrow(/dealers\.read/);
    }
    await expect(listDealers(database.db, null, DEFAULT_DEALER_FILTER)).rejects.toThrow(/dealers\.read/);
  });
});
