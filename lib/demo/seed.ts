import { auditLog, ledgerEntries, users } from '@/drizzle/schema';
import { hashPassword } from '@/lib/auth/password';
import type { Db } from '@/lib/db';
import { filesRoot } from '@/lib/files/store';
import { insertMany } from './insert';
import { ledgerRow, openingEntries } from './ledger';
import { MIN_DEMO_ORDERS } from './order-plan';
import { seedBase } from './seed-base';
import { seedDemoClaims } from './seed-claims';
import { seedAnnouncements, seedCatalog, seedNotifications } from './seed-content';
import { seedLibrary } from './seed-library';
import { seedOrders } from './seed-orders';
import { HOUR, dayString, parseDay } from './time';

// The demo data of the portal (CONTRACT.md, section 2): realistic, reproducible, and large on
// request. The same seed and day always give the same rows; only the audit row's time is real,
// because it records when the seeding actually happened.

export const DEMO_PASSWORD = 'demo12345';

export type SeedOptions = {
  dealers?: number;
  orders?: number;
  /** YYYY-MM-DD the data is relative to; default: today (UTC, from 06:00 on). */
  today?: string;
  seed?: number;
  /** Where the library's demo files go: DATA_DIR/files of the environment by default. */
  filesRoot?: string;
  onProgress?: (message: string) => void;
};

export type SeedSummary = {
  dealers: number;
  users: number;
  orders: number;
  items: number;
  shipments: number;
  ledgerEntries: number;
  claims: number;
  announcements: number;
  catalogItems: number;
  documents: number;
};

export const SEED_DEFAULTS = { dealers: 40, orders: 600, seed: 1 } as const;
/** Both demo dealers need their own minimum of orders. */
export const MIN_ORDERS = 2 * MIN_DEMO_ORDERS;

/** The demo data's "now" is 06:00 UTC of its day: the day defaults to one whose 06:00 has passed. */
const NOW_HOUR = 6;

type ValidOptions = { dealers: number; orders: number; today: string; seed: number };

/** Checks the options and fills in the defaults; throws an Error that says what is wrong. */
export function resolveSeedOptions(options: SeedOptions = {}): ValidOptions {
  const dealers = options.dealers ?? SEED_DEFAULTS.dealers;
  const orders = options.orders ?? SEED_DEFAULTS.orders;
  const seed = options.seed ?? SEED_DEFAULTS.seed;
  const today = options.today ?? dayString(Date.now() - NOW_HOUR * HOUR);
  const problems: string[] = [];
  if (!Number.isSafeInteger(dealers) || dealers < 2) problems.push(`dealers must be a whole number of at least 2 (got ${dealers})`);
  if (!Number.isSafeInteger(orders) || orders < MIN_ORDERS) {
    problems.push(`orders must be a whole number of at least ${MIN_ORDERS}, enough for both demo dealers (got ${orders})`);
  }
  if (!Number.isSafeInteger(seed) || seed < 0) problems.push(`seed must be a non-negative whole number (got ${seed})`);
  if (parseDay(today) === null) problems.push(`today must be a real date as YYYY-MM-DD (got "${today}")`);
  if (problems.length > 0) throw new Error(`Invalid demo data options: ${problems.join('; ')}`);
  return { dealers, orders, today, seed };
}

/** True when no user exists yet: the portal then seeds demo data (in demo mode). */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).limit(1);
  return rows.length === 0;
}

export async function seedDemoData(db: Db, options: SeedOptions = {}): Promise<SeedSummary> {
  const { dealers, orders, today, seed } = resolveSeedOptions(options);
  const started = Date.now();
  const progress = (message: string) => options.onProgress?.(`${message} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (!(await isDatabaseEmpty(db))) {
    throw new Error('The database already has data (there are users): demo data is only seeded into an empty database.');
  }
  const todayMs = parseDay(today) as number;
  const now = todayMs + NOW_HOUR * HOUR;

  // argon2 is slow on purpose: one hash serves every demo account, they share the password.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const { world, counts } = await db.transaction((tx) => seedBase(tx, { seed, todayMs, now, dealers, passwordHash }));
  progress(`plants, users and ${counts.dealers} dealers`);

  let openingCount = 0;
  await db.transaction(async (tx) => {
    const rows = world.dealers.flatMap((d, i) => openingEntries(seed, todayMs, d, world.plantIds.MAIN, i < 2).map((e) => ledgerRow(e, now)));
    await insertMany(tx, ledgerEntries, rows);
    openingCount = rows.length;
  });

  const ordered = await seedOrders(db, world, { orders, onProgress: progress });
  const demoClaims = await seedDemoClaims(db, world, ordered.demoDelivered);
  progress(`${ordered.counts.claims + demoClaims.claims} claims`);

  const content = await db.transaction(async (tx) => {
    const announcements = await seedAnnouncements(tx, world);
    const catalogItems = await seedCatalog(tx, world);
    await seedNotifications(tx, world, ordered.demoShipped, demoClaims);
    return { announcements, catalogItems };
  });
  const documents = await seedLibrary(db, world, options.filesRoot ?? filesRoot());

  const summary: SeedSummary = {
    dealers: counts.dealers,
    users: counts.users,
    orders: ordered.counts.orders,
    items: ordered.counts.items,
    shipments: ordered.counts.shipments,
    ledgerEntries: openingCount + ordered.counts.ledgerEntries + demoClaims.ledgerEntries,
    claims: ordered.counts.claims + demoClaims.claims,
    announcements: content.announcements,
    catalogItems: content.catalogItems,
    documents,
  };
  await db.insert(auditLog).values({
    actorKind: 'system',
    actorId: 'demo-seed',
    action: 'demo.seeded',
    entityType: 'database',
    entityId: 'demo',
    data: { seed, today, requested: { dealers, orders }, summary },
  });
  progress('announcements, catalogue, documents and notifications');
  return summary;
}
