import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dealers, ledgerEntries, plants } from '@/drizzle/schema';
import { LEDGER_KINDS, PAYER_CATEGORIES, type PayerCategory } from '@/drizzle/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { dealerScopeOf, ForbiddenError } from '@/lib/auth/scope';
import { ledgerEffect } from '@/lib/sync/apply-ledger';
import { createTestDatabase } from '@/lib/testing/database';
import { getBalanceForDealer } from './queries';
import { listReceivables, type ReceivableRow } from './receivables';
import { receivablesCsv } from './receivables-csv';
import { DEFAULT_RECEIVABLES_FILTER, RECEIVABLES_SORTS, type ReceivablesFilter, type ReceivablesSort } from './receivables-filter';

// The receivables list against an independent computation in whole kopiyky (BigInt): credits pay
// the oldest-due debt first, buckets by days past due, the oldest open overdue due date; then
// filters, every sort both ways, paging, totals, access and the CSV.

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

const kop = (amount: string): bigint => {
  const [whole, fraction = ''] = amount.replace('-', '').split('.');
  const value = BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, '0'));
  return amount.startsWith('-') ? -value : value;
};
const money = (value: bigint): string => {
  const abs = value < 0n ? -value : value;
  return `${value < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
};
const TODAY = '2025-06-15';
const day = (offset: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

const factory: Actor = { userId: '00000000-0000-4000-8000-000000000001', role: 'factory', dealerId: null, name: 'F', email: 'f@x', locale: null };

type Entry = { id: number; date: string; dueOn: string; effect: bigint };
type Expected = {
  code: string;
  name: string;
  region: string | null;
  category: PayerCategory;
  balance: bigint;
  overdue: bigint;
  buckets: [bigint, bigint, bigint, bigint, bigint];
  oldest: string | null;
};

/** The rule, computed here on its own: debts by due date (then id) take the credits in turn. */
function expectedFor(entries: Entry[]): Pick<Expected, 'balance' | 'overdue' | 'buckets' | 'oldest'> {
  const balance = entries.reduce((s, e) => s + e.effect, 0n);
  let credits = entries.filter((e) => e.effect < 0n).reduce((s, e) => s - e.effect, 0n);
  const debts = entries.filter((e) => e.effect > 0n).sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.id - b.id));
  const buckets: [bigint, bigint, bigint, bigint, bigint] = [0n, 0n, 0n, 0n, 0n];
  let oldest: string | null = null;
  for (const debt of debts) {
    const paid = credits >= debt.effect ? debt.effect : credits;
    credits -= paid;
    const open = debt.effect - paid;
    if (open === 0n) continue;
    const late = daysBetween(debt.dueOn, TODAY);
    const bucket = late <= 0 ? 0 : late <= 30 ? 1 : late <= 60 ? 2 : late <= 90 ? 3 : 4;
    buckets[bucket] += open;
    if (late > 0 && (oldest === null || debt.dueOn < oldest)) oldest = debt.dueOn;
  }
  return { balance, overdue: buckets[1] + buckets[2] + buckets[3] + buckets[4], buckets, oldest };
}

const REGIONS = ['Вінницька область', 'Київська область', 'Львівська область'];
// Distinct first letters, so the name order is the same under any collation.
const NAMES = ['Alfa Vikna', 'Bravo Dveri', 'Charlie', 'Delta Profil', 'Echo Plast', 'Foxtrot', 'Golf 100%', 'Hotel_Okna', 'India', 'Juliett', 'Kilo', 'Lima'];

describe('listReceivables', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const expected = new Map<string, Expected>();
  const ids = new Map<string, number>();

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    const [plant] = await db.insert(plants).values({ code: 'MAIN', name: 'Main', city: 'Vinnytsia', isMain: true }).returning();
    const random = rng(20250615);
    const rows = await db
      .insert(dealers)
      .values([
        ...NAMES.map((name, i) => ({
          code: `D-${100 + i}`,
          name,
          taxId: String(10000000 + i),
          region: i === 11 ? null : REGIONS[i % REGIONS.length]!,
          payerCategory: PAYER_CATEGORIES[i % 3]!,
        })),
        // Inactive: listed only while money is still owed either way.
        { code: 'D-900', name: 'Mike closed, settled', taxId: '90000000', region: REGIONS[0]!, active: false },
        { code: 'D-901', name: 'November closed, owes', taxId: '90000001', region: REGIONS[0]!, active: false },
      ])
      .returning();
    for (const d of rows) ids.set(d.code, d.id);
    const values: (typeof ledgerEntries.$inferInsert)[] = [];
    let n = 0;
    const add = (dealerId: number, kind: (typeof LEDGER_KINDS)[number], amount: string, date: string, dueDate: string | null) => {
      n += 1;
      values.push({ source: 'accounting', documentId: `DOC-${n}`, dealerId, plantId: plant!.id, kind, amount, effect: ledgerEffect(kind, amount), date, dueDate });
    };
    for (const [i, d] of rows.slice(0, 11).entries()) {
      // D-110 has no ledger at all; the rest get up to 120 random documents, some dealers paying much more.
      if (d.code === 'D-110') continue;
      const count = 20 + Math.floor(random() * 100);
      const payRate = [0.2, 0.6, 0.95, 1.3][i % 4]!;
      for (let k = 0; k < count; k += 1) {
        const roll = random();
        const date = day(-220 + Math.floor(random() * 230));
        if (roll < 0.5) {
          const due = random() < 0.85 ? day(daysBetween(TODAY, date) + Math.floor(random() * 60)) : null;
          add(d.id, random() < 0.8 ? 'invoice' : 'delivery_charge', money(BigInt(Math.floor(random() * 5_000_000)) + 1n), date, due);
        } else if (roll < 0.5 + 0.45 * payRate) {
          add(d.id, random() < 0.9 ? 'payment' : 'compensation', money(BigInt(Math.floor(random() * 4_000_000)) + 1n), date, null);
        } else {
          const amount = BigInt(Math.floor(random() * 500_000)) - 250_000n;
          add(d.id, random() < 0.5 ? 'adjustment' : 'opening_balance', money(amount === 0n ? 1n : amount), date, random() < 0.3 ? day(daysBetween(TODAY, date) + 20) : null);
        }
      }
      // Debts due exactly on the bucket edges (today, 1, 30, 31, 60, 61, 90, 91 days ago).
      for (const late of [0, 1, 30, 31, 60, 61, 90, 91]) add(d.id, 'invoice', '1000.01', day(-late - 10), day(-late));
    }
    // A dealer who paid ahead: the factory owes him.
    add(ids.get('D-108')!, 'payment', '99999999.99', day(-5), null);
    add(ids.get('D-900')!, 'invoice', '500.00', day(-100), day(-90));
    add(ids.get('D-900')!, 'payment', '500.00', day(-80), null);
    add(ids.get('D-901')!, 'invoice', '777.77', day(-100), day(-95));
    const inserted = await db.insert(ledgerEntries).values(values).returning();
    for (const d of rows) {
      if (d.code === 'D-900') continue;
      const entries = inserted
        .filter((e) => e.dealerId === d.id)
        .map((e) => ({ id: e.id, date: e.date, dueOn: e.dueDate ?? e.date, effect: kop(e.effect) }));
      expected.set(d.code, { code: d.code, name: d.name, region: d.region, category: d.payerCategory, ...expectedFor(entries) });
    }
  });
  afterAll(async () => {
    await database?.dispose();
  });

  const list = (filter: Partial<ReceivablesFilter> = {}, pageSize: number | null = null) =>
    listReceivables(database.db, factory, { ...DEFAULT_RECEIVABLES_FILTER, ...filter }, { today: TODAY, pageSize });

  const shape = (want: Expected) => ({
    code: want.code,
    balance: money(want.balance),
    overdue: money(want.overdue),
    buckets: { notDue: money(want.buckets[0]), days1to30: money(want.buckets[1]), days31to60: money(want.buckets[2]), days61to90: money(want.buckets[3]), over90: money(want.buckets[4]) },
    oldestDueDate: want.oldest,
  });
  const got = (row: ReceivableRow) => ({ code: row.code, balance: row.balance, overdue: row.overdue, buckets: row.buckets, oldestDueDate: row.oldestDueDate });

  it('gives every dealer the balance, overdue, ageing buckets and oldest overdue date of an independent computation', async () => {
    const page = await list({ sort: 'name', dir: 'asc' });
    expect(page.rows.map((r) => r.code).sort()).toEqual([...expected.keys()].sort());
    for (const row of page.rows) expect(got(row), row.code).toEqual(shape(expected.get(row.code)!));
    // Somebody is in every bucket and some dealers are owed money, or the test proves little.
    for (const b of [0, 1, 2, 3, 4]) expect([...expected.values()].some((e) => e.buckets[b]! > 0n)).toBe(true);
    expect([...expected.values()].some((e) => e.balance < 0n)).toBe(true);
  });

  it('agrees with the dealer’s own balance and overdue (the same rule)', async () => {
    const page = await list();
    for (const row of page.rows) {
      const own = await getBalanceForDealer(database.db, dealerScopeOf({ userId: 'u', role: 'dealer_owner', dealerId: row.dealerId }), TODAY);
      expect({ balance: own.balance, overdue: own.overdue }, row.code).toEqual({ balance: row.balance, overdue: row.overdue });
    }
  });

  it('totals the filtered list and counts it, across pages', async () => {
    const all = [...expected.values()];
    const page = await list({}, 5);
    expect(page.total).toBe(all.length);
    expect(page.rows).toHaveLength(5);
    expect(page.currency).toBe('UAH');
    expect(page.totals).toEqual({
      balance: money(all.reduce((s, e) => s + e.balance, 0n)),
      overdue: money(all.reduce((s, e) => s + e.overdue, 0n)),
      buckets: Object.fromEntries(
        (['notDue', 'days1to30', 'days31to60', 'days61to90', 'over90'] as const).map((b, i) => [b, money(all.reduce((s, e) => s + e.buckets[i]!, 0n))]),
      ),
    });
    const second = await list({ page: 2 }, 5);
    const byOverdue = all.sort((a, b) => (a.overdue === b.overdue ? (a.code < b.code ? -1 : 1) : a.overdue > b.overdue ? -1 : 1));
    expect(second.rows.map((r) => r.code)).toEqual(byOverdue.slice(5, 10).map((e) => e.code));
    expect((await list({ page: 99 }, 5)).rows).toEqual([]);
  });

  it('filters by region, payer category, minimum overdue and name or code', async () => {
    const all = [...expected.values()];
    const codes = async (filter: Partial<ReceivablesFilter>) => (await list(filter)).rows.map((r) => r.code).sort();
    const want = (keep: (e: Expected) => boolean) => all.filter(keep).map((e) => e.code).sort();
    expect(await codes({ region: REGIONS[1] })).toEqual(want((e) => e.region === REGIONS[1]));
    expect(await codes({ category: 'hesitant' })).toEqual(want((e) => e.category === 'hesitant'));
    const middle = [...all].sort((a, b) => (a.overdue < b.overdue ? -1 : 1))[Math.floor(all.length / 2)]!.overdue;
    expect(await codes({ minOverdue: money(middle) })).toEqual(want((e) => e.overdue >= middle));
    expect(await codes({ minOverdue: '0.01', region: REGIONS[0], category: 'punctual' })).toEqual(
      want((e) => e.overdue >= 1n && e.region === REGIONS[0] && e.category === 'punctual'),
    );
    expect(await codes({ q: 'vikna' })).toEqual(['D-100']);
    expect(await codes({ q: 'd-10' })).toEqual(want((e) => e.code.startsWith('D-10')));
    // LIKE's wildcards are searched for literally.
    expect(await codes({ q: '100%' })).toEqual(['D-106']);
    expect(await codes({ q: '_' })).toEqual(['D-107']);
    const filtered = await list({ region: REGIONS[2] });
    expect(filtered.totals?.overdue).toBe(money(all.filter((e) => e.region === REGIONS[2]).reduce((s, e) => s + e.overdue, 0n)));
  });

  it('sorts by every column both ways, ties by code, dealers with nothing overdue last by the oldest date', async () => {
    const all = [...expected.values()];
    const value = (e: Expected, sort: ReceivablesSort): bigint | string | null => {
      switch (sort) {
        case 'name':
          return e.name;
        case 'balance':
          return e.balance;
        case 'overdue':
          return e.overdue;
        case 'oldestDue':
          return e.oldest;
        default:
          return e.buckets[['notDue', 'days1to30', 'days31to60', 'days61to90', 'over90'].indexOf(sort)]!;
      }
    };
    for (const sort of RECEIVABLES_SORTS) {
      for (const dir of ['asc', 'desc'] as const) {
        const want = [...all]
          .sort((a, b) => {
            const x = value(a, sort);
            const y = value(b, sort);
            if (x === null || y === null) return x === y ? (a.code < b.code ? -1 : 1) : x === null ? 1 : -1;
            if (x !== y) return (x < y ? -1 : 1) * (dir === 'asc' ? 1 : -1);
            return a.code < b.code ? -1 : 1;
          })
          .map((e) => e.code);
        expect((await list({ sort, dir })).rows.map((r) => r.code), `${sort} ${dir}`).toEqual(want);
        // A page of the list shows the oldest date whichever the sort.
        const firstPage = await list({ sort, dir }, 4);
        for (const row of firstPage.rows) expect(row.oldestDueDate, `${sort} ${dir} ${row.code}`).toBe(expected.get(row.code)!.oldest);
      }
    }
  });

  it('is for the factory’s staff only', async () => {
    for (const role of ['claims', 'dealer_owner', 'dealer_staff'] as const) {
      const actor: Actor = { ...factory, role, dealerId: role === 'claims' ? null : ids.get('D-100')! };
      await expect(listReceivables(database.db, actor, DEFAULT_RECEIVABLES_FILTER, { today: TODAY })).rejects.toThrow(ForbiddenError);
    }
    await expect(listReceivables(database.db, null, DEFAULT_RECEIVABLES_FILTER, { today: TODAY })).rejects.toThrow(ForbiddenError);
    expect((await listReceivables(database.db, { ...factory, role: 'admin' }, DEFAULT_RECEIVABLES_FILTER, { today: TODAY })).total).toBe(expected.size);
  });

  it('exports the filtered list as CSV for Excel: BOM, semicolons, decimal commas, formulas defused, totals last', async () => {
    const { db } = database;
    const [evil] = await db.insert(dealers).values({ code: 'D-666', name: '=HYPERLINK("http://x";"Оплатити")', taxId: '66666666', region: '@Region' }).returning();
    await db.insert(ledgerEntries).values({ source: 'accounting', documentId: 'EVIL-1', dealerId: evil!.id, kind: 'invoice', amount: '1234.50', effect: '1234.50', date: day(-40), dueDate: day(-20) });
    const page = await list({ q: 'HYPERLINK' });
    const csv = receivablesCsv(page, { column: (key) => key, payer: (c) => `payer:${c}`, total: 'Total', dateTime: (d) => d.toISOString() });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe('code;name;region;payer;currency;balance;overdue;notDue;days1to30;days31to60;days61to90;over90;oldestDue;lastReminder');
    expect(lines[1]).toBe(`D-666;"'=HYPERLINK(""http://x"";""Оплатити"")";'@Region;payer:punctual;UAH;1234,50;1234,50;0,00;1234,50;0,00;0,00;0,00;${day(-20)};`);
    expect(lines[2]).toBe('Total;;;;UAH;1234,50;1234,50;0,00;1234,50;0,00;0,00;0,00;;');
    // Negative amounts stay numbers (a leading minus of an amount is not a formula).
    const owed = await list({ q: 'D-1' });
    const negative = owed.rows.find((r) => r.balance.startsWith('-'));
    if (negative) expect(receivablesCsv(owed, { column: (k) => k, payer: (c) => c, total: 'T', dateTime: (d) => d.toISOString() })).toContain(`;${negative.balance.replace('.', ',')};`);
  });
});
