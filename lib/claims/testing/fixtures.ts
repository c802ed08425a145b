import { asc, sql } from 'drizzle-orm';
import { claims, claimSlaPolicies, dealers, orderItems, orders, plants, users } from '@/drizzle/schema';
import type { Role } from '@/drizzle/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { rowsOf, type Db } from '@/lib/db';

// Shared by the claims integration tests: two dealers with orders, the claims desk, a lead and
// factory staff, the SLA policies; and a fingerprint of everything a claim's write may touch, to
// prove that a refused request changed nothing.

export type ClaimsWorld = {
  dealerA: Actor;
  staffA: Actor;
  dealerB: Actor;
  specialist: Actor;
  colleague: Actor;
  lead: Actor;
  factory: Actor;
  dealerIdA: number;
  dealerIdB: number;
  /** A's delivered order with positions 1 and 2; A's order still in production; B's delivered order. */
  orders: { delivered: string; inProduction: string; foreign: string };
};

export async function prepareClaimsWorld(db: Db): Promise<ClaimsWorld> {
  const [plant] = await db.insert(plants).values({ code: 'MAIN', name: 'Main', city: 'Vinnytsia', isMain: true }).returning();
  const [a, b] = await db
    .insert(dealers)
    .values([
      { code: 'D-A', name: 'Dealer A', taxId: '11111111', payerCategory: 'hesitant' },
      { code: 'D-B', name: 'Dealer B', taxId: '22222222' },
    ])
    .returning();
  const person = (key: string, role: Role, dealerId: number | null, minutes: number) => ({
    email: `${key}@x.test`,
    name: `Person ${key}`,
    role,
    dealerId,
    passwordHash: 'x',
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, minutes)),
  });
  const people = await db
    .insert(users)
    .values([
      person('dealer-a', 'dealer_owner', a!.id, 0),
      person('staff-a', 'dealer_staff', a!.id, 1),
      person('dealer-b', 'dealer_owner', b!.id, 2),
      person('specialist', 'claims', null, 3),
      person('colleague', 'claims', null, 4),
      person('lead', 'admin', null, 5),
      person('factory', 'factory', null, 6),
    ])
    .returning();
  const actor = (i: number): Actor => {
    const u = people[i]!;
    return { userId: u.id, role: u.role, dealerId: u.dealerId, name: u.name, email: u.email, locale: null };
  };
  const at = new Date('2026-10-01T10:00:00Z');
  const order = (number: string, dealerId: number, status: 'delivered' | 'in_production') => ({
    number,
    dealerId,
    plantId: plant!.id,
    status,
    statusAt: at,
    createdAt: at,
    total: '24000.00',
    currency: 'UAH',
  });
  const [delivered] = await db
    .insert(orders)
    .values([order('A-1', a!.id, 'delivered'), order('A-2', a!.id, 'in_production'), order('B-1', b!.id, 'delivered')])
    .returning();
  const item = (position: number) => ({ orderId: delivered!.id, position, kind: 'window' as const, name: `Window ${position}`, widthMm: 1200, heightMm: 1400, quantity: 1, price: '12000.00' });
  await db.insert(orderItems).values([item(1), item(2)]);
  await db.insert(claimSlaPolicies).values([
    { category: 'defect', firstResponseHours: 8, decisionHours: 40 },
    { category: 'transit_damage', firstResponseHours: 4, decisionHours: 16 },
    { category: 'hardware', firstResponseHours: 8, decisionHours: 32 },
  ]);
  return {
    dealerA: actor(0),
    staffA: actor(1),
    dealerB: actor(2),
    specialist: actor(3),
    colleague: actor(4),
    lead: actor(5),
    factory: actor(6),
    dealerIdA: a!.id,
    dealerIdB: b!.id,
    orders: { delivered: 'A-1', inProduction: 'A-2', foreign: 'B-1' },
  };
}

/** Everything a claim's write may change, as one comparable value. */
export async function fingerprint(db: Db) {
  const count = async (table: string) => rowsOf<{ n: number }>(await db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0]?.n;
  return {
    claims: await db.select().from(claims).orderBy(asc(claims.id)),
    history: await count('claim_history'),
    messages: await count('claim_messages'),
    audit: await count('audit_log'),
    outbox: await count('outbox'),
    ledger: await count('ledger_entries'),
    sequence: rowsOf<{ n: string }>(await db.execute(sql`select last_value::text as n from claim_number_seq`))[0]?.n,
  };
}
