import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, dealers, financeSettings, ledgerEntries, users } from '@/drizzle/schema';
import type { LedgerKind } from '@/drizzle/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { ForbiddenError } from '@/lib/auth/scope';
import { ledgerEffect } from '@/lib/sync/apply-ledger';
import { createTestDatabase } from '@/lib/testing/database';
import { getPayerFigures, getPayerRule, recomputePayerCategories, savePayerRule } from './payer-category';
import { DEFAULT_PAYER_RULE, type PayerRule } from './payer-rule';

// The payer category rule: its figures against an independent first-in-first-out matching in
// whole kopiyky (BigInt), each threshold exactly at and just below it, the stored categories with
// their audit rows, and the administrator's thresholds.

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
const money = (value: bigint) => `${value < 0n ? '-' : ''}${(value < 0n ? -value : value) / 100n}.${String((value < 0n ? -value : value) % 100n).padStart(2, '0')}`;
/** A count of hundredths as "x.yy". */
const hundredths = (value: bigint) => `${value / 100n}.${String(value % 100n).padStart(2, '0')}`;

const TODAY = '2025-06-15';
const SINCE = '2024-12-15';
const day = (offset: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

type Entry = { id: number; date: string; dueOn: string; effect: bigint };

/** Steps 1-3 of the rule, on their own: debts by due date take credits by booking date, in turn. */
function figuresFor(entries: Entry[], grace: number) {
  const debts = entries
    .filter((e) => e.effect > 0n)
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.id - b.id))
    .map((e) => ({ dueOn: e.dueOn, left: e.effect }));
  const credits = entries
    .filter((e) => e.effect < 0n)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id))
    .map((e) => ({ date: e.date, left: -e.effect }));
  const parts: { dueOn: string; paidOn: string | null; part: bigint }[] = [];
  let c = 0;
  for (const debt of debts) {
    while (debt.left > 0n && c < credits.length) {
      const credit = credits[c]!;
      const take = debt.left < credit.left ? debt.left : credit.left;
      parts.push({ dueOn: debt.dueOn, paidOn: credit.date, part: take });
      debt.left -= take;
      credit.left -= take;
      if (credit.left === 0n) c += 1;
    }
    if (debt.left > 0n) parts.push({ dueOn: debt.dueOn, paidOn: null, part: debt.left });
  }
  let weight = 0n;
  let weightedDays = 0n;
  let late = 0n;
  for (const p of parts) {
    if (!(p.dueOn < TODAY && (p.dueOn >= SINCE || p.paidOn === null || p.paidOn >= SINCE))) continue;
    const days = Math.max(0, daysBetween(p.dueOn, p.paidOn ?? TODAY));
    weight += p.part;
    weightedDays += p.part * BigInt(days);
    if (days > grace) late += p.part;
  }
  if (weight === 0n) return undefined;
  return { avgDaysLate: hundredths((100n * weightedDays) / weight), latePercent: hundredths((10000n * late) / weight), amount: money(weight) };
}

const admin: Actor = { userId: '', role: 'admin', dealerId: null, name: 'Admin', email: 'admin@x', locale: null };

describe('payer categories', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const ids = new Map<string, number>();
  const entries = new Map<number, Entry[]>();
  let documents = 0;

  async function dealer(code: string) {
    const [row] = await database.db
      .insert(dealers)
      .values({ code, name: `Dealer ${code}`, taxId: String(20000000 + ids.size), payerCategory: 'punctual' })
      .returning();
    ids.set(code, row!.id);
    entries.set(row!.id, []);
    return row!.id;
  }
  async function add(dealerId: number, kind: LedgerKind, amount: string, date: string, dueDate: string | null = null) {
    documents += 1;
    const [row] = await database.db
      .insert(ledgerEntries)
      .values({ source: 'accounting', documentId: `P-${documents}`, dealerId, kind, amount, effect: ledgerEffect(kind, amount), date, dueDate })
      .returning();
    entries.get(dealerId)!.push({ id: row!.id, date: row!.date, dueOn: row!.dueDate ?? row!.date, effect: kop(row!.effect) });
  }
  /** A debt of `amount` due `due` days from today, paid in full `late` days after (null: never). */
  async function debtPaid(dealerId: number, amount: string, due: number, late: number | null) {
    await add(dealerId, 'invoice', amount, day(due - 14), day(due));
    if (late !== null) await add(dealerId, 'payment', amount, day(due + late));
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    const [user] = await database.db.insert(users).values({ email: 'admin@x', name: 'Admin', role: 'admin', passwordHash: 'x' }).returning();
    admin.userId = user!.id;

    // Exactly at and just below each threshold of the default rule (5 days / 30 %; 25 days and 50 %).
    await debtPaid(await dealer('AVG-5'), '1000.00', -60, 0).then(async () => debtPaid(ids.get('AVG-5')!, '1000.00', -30, 10));
    const below = await dealer('AVG-4.99');
    await debtPaid(below, '1000.00', -60, 0);
    await debtPaid(below, '999.99', -30, 10);
    const share = await dealer('SHARE-30');
    await debtPaid(share, '700.00', -60, 0);
    await debtPaid(share, '300.00', -30, 4);
    const shareBelow = await dealer('SHARE-29.99');
    await debtPaid(shareBelow, '700.01', -60, 0);
    await debtPaid(shareBelow, '299.99', -30, 4);
    const unreliable = await dealer('U-25-50');
    await debtPaid(unreliable, '1000.00', -100, 0);
    await debtPaid(unreliable, '1000.00', -70, 50);
    const unreliableBelow = await dealer('U-24.99');
    await debtPaid(unreliableBelow, '1000.00', -100, 0);
    await debtPaid(unreliableBelow, '999.99', -70, 50);
    // Grace: 3 days late is on time for the share (the average still counts them).
    await debtPaid(await dealer('GRACE-3'), '500.00', -20, 3);
    await debtPaid(await dealer('GRACE-4'), '500.00', -20, 4);
    // Paid in parts: 400 two days late, 600 twenty days late → 12.80 days on average, 60 % late.
    const parts = await dealer('PARTS');
    await add(parts, 'invoice', '1000.00', day(-50), day(-40));
    await add(parts, 'payment', '400.00', day(-38));
    await add(parts, 'payment', '600.00', day(-20));
    // An old debt still open counts however old; an old one paid in time is outside the window.
    await add(await dealer('OLD-OPEN'), 'invoice', '100.00', day(-260), day(-250));
    await debtPaid(await dealer('OLD-PAID'), '100.00', -250, 0);
    // Nothing due yet; and no ledger at all.
    await add(await dealer('NOT-DUE'), 'invoice', '100.00', day(-5), day(10));
    await dealer('EMPTY');
    // Paid ahead: the payment comes before the invoice it pays.
    const ahead = await dealer('AHEAD');
    await add(ahead, 'payment', '800.00', day(-90));
    await add(ahead, 'invoice', '800.00', day(-60), day(-40));

    // Random ledgers for the independent check.
    const random = rng(61500);
    for (let d = 0; d < 8; d += 1) {
      const id = await dealer(`R-${d}`);
      const count = 30 + Math.floor(random() * 60);
      for (let k = 0; k < count; k += 1) {
        const date = day(-400 + Math.floor(random() * 410));
        const roll = random();
        if (roll < 0.5) await add(id, random() < 0.8 ? 'invoice' : 'delivery_charge', money(BigInt(1 + Math.floor(random() * 3_000_000))), date, random() < 0.9 ? day(daysBetween(TODAY, date) + Math.floor(random() * 45)) : null);
        else if (roll < 0.5 + 0.4 * (0.4 + d / 8)) await add(id, random() < 0.9 ? 'payment' : 'compensation', money(BigInt(1 + Math.floor(random() * 3_000_000))), date);
        else await add(id, 'adjustment', money(BigInt(Math.floor(random() * 200_000)) - 100_000n || 1n), date);
      }
    }
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('computes the figures of an independent first-in-first-out matching, exactly', async () => {
    const figures = await getPayerFigures(database.db, DEFAULT_PAYER_RULE, { today: TODAY });
    for (const [code, id] of ids) expect(figures.get(id), code).toEqual(figuresFor(entries.get(id)!, DEFAULT_PAYER_RULE.graceDays));
    expect(figures.get(ids.get('AVG-5')!)).toEqual({ avgDaysLate: '5.00', latePercent: '50.00', amount: '2000.00' });
    expect(figures.get(ids.get('PARTS')!)).toEqual({ avgDaysLate: '12.80', latePercent: '60.00', amount: '1000.00' });
    expect(figures.get(ids.get('OLD-OPEN')!)).toEqual({ avgDaysLate: '250.00', latePercent: '100.00', amount: '100.00' });
    expect(figures.get(ids.get('AHEAD')!)).toEqual({ avgDaysLate: '0.00', latePercent: '0.00', amount: '800.00' });
    for (const code of ['OLD-PAID', 'NOT-DUE', 'EMPTY']) expect(figures.has(ids.get(code)!), code).toBe(false);
    // One dealer alone gives the same figures.
    const one = await getPayerFigures(database.db, DEFAULT_PAYER_RULE, { today: TODAY, dealerIds: [ids.get('PARTS')!] });
    expect([...one.keys()]).toEqual([ids.get('PARTS')]);
  });

  it('stores each dealer’s category by the rule at its thresholds, with an audit row per change', async () => {
    const result = await recomputePayerCategories(database.db, { today: TODAY });
    const stored = new Map((await database.db.select({ id: dealers.id, category: dealers.payerCategory }).from(dealers)).map((d) => [d.id, d.category]));
    const category = (code: string) => stored.get(ids.get(code)!);
    expect(category('AVG-5')).toBe('hesitant');
    expect(category('SHARE-30')).toBe('hesitant');
    expect(category('SHARE-29.99')).toBe('punctual');
    expect(category('U-25-50')).toBe('unreliable');
    expect(category('U-24.99')).toBe('hesitant');
    expect(category('GRACE-3')).toBe('punctual');
    expect(category('GRACE-4')).toBe('hesitant');
    expect(category('PARTS')).toBe('hesitant');
    expect(category('OLD-OPEN')).toBe('unreliable');
    for (const code of ['OLD-PAID', 'NOT-DUE', 'EMPTY', 'AHEAD']) expect(category(code), code).toBe('punctual');
    // AVG-4.99: 4.99 days on average but 49.99 % late (over 30 %), so hesitant; with the share out of play, punctual.
    expect(category('AVG-4.99')).toBe('hesitant');

    const changed = [...stored.values()].filter((c) => c !== 'punctual').length;
    expect(result).toEqual({ dealers: ids.size, changed });
    const audits = await database.db.select().from(auditLog).where(eq(auditLog.action, 'dealer.payer_category'));
    expect(audits).toHaveLength(changed);
    expect(audits.find((a) => a.entityId === 'PARTS')).toMatchObject({
      actorKind: 'system',
      dealerId: ids.get('PARTS'),
      data: { from: 'punctual', to: 'hesitant', avgDaysLate: '12.80', latePercent: '60.00' },
    });
    expect(await recomputePayerCategories(database.db, { today: TODAY })).toEqual({ dealers: ids.size, changed: 0 });
  });

  it('recomputes one dealer alone', async () => {
    const id = ids.get('GRACE-3')!;
    await add(id, 'invoice', '5000.00', day(-70), day(-60));
    expect(await recomputePayerCategories(database.db, { today: TODAY, dealerId: id })).toEqual({ dealers: 1, changed: 1 });
    const [row] = await database.db.select({ category: dealers.payerCategory }).from(dealers).where(eq(dealers.id, id));
    expect(row?.category).toBe('unreliable');
  });

  it('lets only administrators change the thresholds, checks them, and recomputes with them at once', async () => {
    const rule: PayerRule = { ...DEFAULT_PAYER_RULE, hesitantAvgDays: 6, hesitantLatePercent: 60, unreliableLatePercent: 60 };
    await expect(savePayerRule(database.db, { ...admin, role: 'factory' }, rule)).rejects.toThrow(ForbiddenError);
    expect(await savePayerRule(database.db, admin, { ...rule, lookbackMonths: 0, unreliableAvgDays: 2 })).toEqual({
      ok: false,
      error: 'invalid',
      fields: { lookbackMonths: 'outOfRange', unreliableAvgDays: 'belowHesitant' },
    });
    expect((await getPayerRule(database.db)).updatedAt).toBeNull();

    // From the form: strings. AVG-5 (5.00 days, 50 %) and SHARE-30 (1.20 days, 30 %) become punctual.
    const before = new Map((await database.db.select({ id: dealers.id, category: dealers.payerCategory }).from(dealers)).map((d) => [d.id, d.category]));
    const saved = await savePayerRule(database.db, admin, Object.fromEntries(Object.entries(rule).map(([k, v]) => [k, String(v)])), { today: TODAY });
    const settings = await getPayerRule(database.db);
    expect(settings.rule).toEqual(rule);
    expect(settings.updatedById).toBe(admin.userId);
    const now = await database.db.select({ id: dealers.id, category: dealers.payerCategory }).from(dealers);
    for (const code of ['AVG-5', 'SHARE-30']) expect(now.find((d) => d.id === ids.get(code))?.category, code).toBe('punctual');
    expect(saved).toEqual({ ok: true, changed: now.filter((d) => before.get(d.id) !== d.category).length });
    const [row] = await database.db.select().from(financeSettings);
    expect(row).toMatchObject({ id: 1, hesitantAvgDays: 6, hesitantLatePercent: 60 });
    expect(await database.db.select().from(auditLog).where(and(eq(auditLog.action, 'finance.payer_rule'), eq(auditLog.actorId, admin.userId)))).toHaveLength(1);
  });
});
