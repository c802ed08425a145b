import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dealers, ledgerEntries, notifications, outbox, users } from '@/drizzle/schema';
import type { Locale, Role } from '@/drizzle/schema/values';
import type { Db } from '@/lib/db';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { createTestDatabase } from '@/lib/testing/database';
import { notifyOverduePayments } from './overdue-notices';

// A dealer's users are told when his debt becomes overdue: the exact amount, in each user's
// language, critical; at most once a factory day, again only when more is overdue or a new debt
// became the oldest overdue one; never another dealer's users, never a dealer who owes nothing late.

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
const dealerIds = new Map<string, number>();
const userIds = new Map<string, string>();
let documents = 0;

/** Noon in Kyiv on a factory day (the check's "now"). */
const on = (day: string, hour = 12) => new Date(`${day}T${String(hour - 3).padStart(2, '0')}:00:00Z`);

async function person(key: string, role: Role, dealerCode: string, locale: Locale | null, active = true) {
  const [user] = await db
    .insert(users)
    .values({ email: `${key}@x.test`, name: `Name ${key}`, role, dealerId: dealerIds.get(dealerCode)!, locale, passwordHash: 'x', active })
    .returning();
  userIds.set(key, user!.id);
}

/** An entry of the dealer's ledger as accounting sends it (at `at`): invoices add to the debt, payments pay the oldest first. */
async function book(code: string, kind: 'invoice' | 'payment', amount: string, date: string, dueDate: string | null, at: Date) {
  documents += 1;
  await db.insert(ledgerEntries).values({
    source: 'accounting',
    documentId: `${code}-${documents}`,
    dealerId: dealerIds.get(code)!,
    kind,
    amount,
    effect: kind === 'payment' ? `-${amount}` : amount,
    date,
    dueDate,
    createdAt: at,
    updatedAt: at,
  });
}

const notices = () =>
  db
    .select({ id: notifications.id, userId: notifications.userId, title: notifications.title, body: notifications.body, importance: notifications.importance, link: notifications.link, data: notifications.data })
    .from(notifications)
    .where(eq(notifications.type, 'payment.overdue'))
    .orderBy(asc(notifications.id));

let seen = 0;
/** The notices stored since the last call. */
async function fresh() {
  const all = await notices();
  const added = all.slice(seen);
  seen = all.length;
  return added;
}
const who = (userId: string) => [...userIds].find(([, id]) => id === userId)?.[0];

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  const rows = await db
    .insert(dealers)
    .values([
      { code: 'D-A', name: 'Вікна «Поділля»', taxId: '11111111' },
      { code: 'D-B', name: 'Paid up', taxId: '22222222' },
      { code: 'D-C', name: 'Small debt', taxId: '33333333' },
    ])
    .returning();
  for (const d of rows) dealerIds.set(d.code, d.id);
  await person('ownerA', 'dealer_owner', 'D-A', 'ru');
  await person('staffA', 'dealer_staff', 'D-A', 'uk');
  await person('formerA', 'dealer_owner', 'D-A', 'en', false);
  await person('ownerB', 'dealer_owner', 'D-B', 'en');
  await person('ownerC', 'dealer_owner', 'D-C', 'en');
  // D-A: 1000.00 due 1 June, 400.00 paid, 2234.56 due 12 June, 5000.00 due 1 July.
  await book('D-A', 'invoice', '1000.00', '2026-05-20', '2026-06-01', on('2026-06-05'));
  await book('D-A', 'payment', '400.00', '2026-06-02', null, on('2026-06-05'));
  await book('D-A', 'invoice', '2234.56', '2026-06-02', '2026-06-12', on('2026-06-05'));
  await book('D-A', 'invoice', '5000.00', '2026-06-05', '2026-07-01', on('2026-06-05'));
  // D-B paid on time; its next invoice is not due yet.
  await book('D-B', 'invoice', '100.00', '2026-05-20', '2026-06-01', on('2026-06-05'));
  await book('D-B', 'payment', '100.00', '2026-05-30', null, on('2026-06-05'));
  await book('D-B', 'invoice', '900.00', '2026-06-05', '2026-12-30', on('2026-06-05'));
  // D-C: an invoice without a due date is due on its own date.
  await book('D-C', 'invoice', '50.10', '2026-06-05', null, on('2026-06-05'));
});
afterAll(async () => {
  await database?.dispose();
});

describe('overdue payment notices', () => {
  it('tells each active user of a dealer with overdue debt the exact amount, in his language, critical', async () => {
    expect(await notifyOverduePayments(db, on('2026-06-10'))).toBe(3);
    const told = await fresh();
    expect(told.map((n) => who(n.userId)).sort()).toEqual(['ownerA', 'ownerC', 'staffA']);
    const of = (key: string) => told.find((n) => n.userId === userIds.get(key))!;
    expect(of('ownerA')).toEqual({
      id: expect.any(Number),
      userId: userIds.get('ownerA'),
      title: `Просроченная оплата: ${formatMoney('600.00', 'UAH', 'ru')}`,
      body: `Самая старая неоплаченная часть должна была быть оплачена ${formatDate('2026-06-01', 'ru')}`,
      importance: 'critical',
      link: '/dealer/finance',
      data: { dealerId: dealerIds.get('D-A'), dealerCode: 'D-A', overdue: '600.00', currency: 'UAH', oldestDueDate: '2026-06-01', day: '2026-06-10' },
    });
    expect(of('staffA').title).toBe(`Прострочена оплата: ${formatMoney('600.00', 'UAH', 'uk')}`);
    expect(of('ownerC')).toMatchObject({ title: `Payment overdue: ${formatMoney('50.10', 'UAH', 'en')}`, data: { dealerCode: 'D-C', overdue: '50.10', oldestDueDate: '2026-06-05' } });
    // Each one told hears the realtime event for his bell.
    const events = await db.select({ audience: outbox.audience, payload: outbox.payload }).from(outbox).where(eq(outbox.event, 'notification'));
    expect(events.map((e) => (e.audience as { userId: string }).userId).sort()).toEqual(told.map((n) => n.userId).sort());
  });

  it('tells nobody again the same day, even when more becomes overdue that day', async () => {
    expect(await notifyOverduePayments(db, on('2026-06-10', 17))).toBe(0);
    // A late invoice, already past due when accounting sends it.
    await book('D-A', 'invoice', '100.00', '2026-05-25', '2026-06-03', on('2026-06-10', 18));
    expect(await notifyOverduePayments(db, on('2026-06-10', 18))).toBe(0);
    expect(await fresh()).toEqual([]);
  });

  it('tells the dealer again on a later day when more is overdue, and only that dealer', async () => {
    expect(await notifyOverduePayments(db, on('2026-06-11'))).toBe(2);
    const told = await fresh();
    expect(told.map((n) => who(n.userId)).sort()).toEqual(['ownerA', 'staffA']);
    expect(told.every((n) => n.data.overdue === '700.00' && n.data.oldestDueDate === '2026-06-01')).toBe(true);
    // The invoice due on 12 June is overdue from the 13th, not on the day itself.
    expect(await notifyOverduePayments(db, on('2026-06-12'))).toBe(0);
    expect(await notifyOverduePayments(db, on('2026-06-13'))).toBe(2);
    const later = await fresh();
    expect(later.map((n) => n.data.overdue)).toEqual(['2934.56', '2934.56']);
    expect(later.find((n) => n.userId === userIds.get('ownerA'))!.title).toBe(`Просроченная оплата: ${formatMoney('2934.56', 'UAH', 'ru')}`);
  });

  it('keeps quiet when a payment leaves less overdue, or nothing', async () => {
    await book('D-A', 'payment', '1000.00', '2026-06-13', null, on('2026-06-13', 14));
    expect(await notifyOverduePayments(db, on('2026-06-14'))).toBe(0);
    await book('D-A', 'payment', '6000.00', '2026-06-20', null, on('2026-06-20'));
    expect(await notifyOverduePayments(db, on('2026-06-21'))).toBe(0);
    expect(await fresh()).toEqual([]);
  });

  it('tells of a new debt falling overdue after everything older was paid, though the amount is smaller', async () => {
    // Credits 7400.00 against 8334.56 of debts: the 5000.00 due 1 July is open by 934.56.
    expect(await notifyOverduePayments(db, on('2026-07-02'))).toBe(2);
    const told = await fresh();
    expect(told.every((n) => n.data.overdue === '934.56' && n.data.oldestDueDate === '2026-07-01' && n.data.day === '2026-07-02')).toBe(true);
    expect(await notifyOverduePayments(db, on('2026-07-03'))).toBe(0);
  });

  it('never told the paid-up dealer, the inactive user, or anyone of another dealer’s debt', async () => {
    const all = await notices();
    expect(all.some((n) => n.userId === userIds.get('ownerB') || n.userId === userIds.get('formerA'))).toBe(false);
    const dealerOf = new Map((await db.select({ id: users.id, dealerId: users.dealerId }).from(users)).map((u) => [u.id, u.dealerId]));
    expect(all.every((n) => dealerOf.get(n.userId) === n.data.dealerId)).toBe(true);
  });

  it('tells once when two checks run at the same time', async () => {
    await book('D-C', 'invoice', '10.00', '2026-07-01', '2026-07-02', on('2026-07-01'));
    const runs = await Promise.all([notifyOverduePayments(db, on('2026-07-04')), notifyOverduePayments(db, on('2026-07-04'))]);
    expect(runs[0] + runs[1]).toBe(1);
    expect((await fresh()).map((n) => [who(n.userId), n.data.overdue])).toEqual([['ownerC', '60.10']]);
  });
});
