import { claimSlaPolicies, dealers, plants, syncSources, users } from '@/drizzle/schema';
import type { ClaimCategory, Locale, PayerCategory, Role } from '@/drizzle/schema/values';
import type { DbOrTx } from '@/lib/db';
import { DEMO_SYNC_TOKENS, hashSyncToken } from '@/lib/sync/tokens';
import {
  COMPANY_NAMES,
  FEMALE_NAMES,
  LEGAL_FORMS,
  MALE_NAMES,
  MOBILE_CODES,
  PATRONYMICS,
  STREETS,
  SURNAMES,
  TOWNS,
  type Town,
} from './data';
import { assertSameOrder, insertMany, slicesFor } from './insert';
import type { PlantCode } from './order-plan';
import { Rng } from './random';
import { edrpouCheckDigit } from './tax-id';
import { DAY, HOUR } from './time';

// The fixed part of the demo world: plants, sync sources, SLA policies, the factory's people,
// the dealers and one owner user per dealer.

export type DealerRecord = {
  id: number;
  code: string;
  name: string;
  town: Town;
  payerCategory: PayerCategory;
  /** Days from invoice to due date. */
  paymentTermsDays: 14 | 30;
  /** How many orders this dealer places compared with others. */
  weight: number;
  /** Share of its orders made at the western plant. */
  westShare: number;
  ownerUserId: string;
};

/** Everything later steps need from the base step. */
export type SeedWorld = {
  seed: number;
  todayMs: number;
  /** The demo data's "now": 06:00 UTC of the seeding day. Nothing happens after it. */
  now: number;
  plantIds: Record<PlantCode, number>;
  dealers: DealerRecord[];
  factoryUserId: string;
  claimsUserIds: readonly [string, string];
  demoUserIds: readonly [string, string];
};

type Person = { first: string; last: string; patronymic: string };

function drawPerson(rng: Rng): Person {
  const female = rng.chance(0.45);
  const patronymic = rng.pick(PATRONYMICS);
  return {
    first: rng.pick(female ? FEMALE_NAMES : MALE_NAMES),
    last: rng.pick(SURNAMES),
    patronymic: female ? patronymic[1] : patronymic[0],
  };
}

export function drawMobile(rng: Rng): string {
  return `+380${rng.pick(MOBILE_CODES)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
}

/** Dealer's own contact mailbox, on the reserved .test domain so nothing is ever really sent. */
function mailboxFor(code: string): string {
  return `office.${code.toLowerCase()}@dealers.demo.test`;
}

type DealerSpec = Omit<DealerRecord, 'id' | 'ownerUserId'> & {
  taxId: string;
  address: string;
  phone: string;
  createdAt: Date;
  owner: { email: string; name: string; phone: string; locale: Locale | null };
};

/** The two demo dealers the contract names; everything else about them is drawn like the rest. */
const DEMO_DEALERS = [
  {
    name: 'ТОВ «Вікна Поділля»',
    town: 'Вінниця',
    payerCategory: 'hesitant',
    terms: 14,
    owner: { email: 'dealer@demo.test', name: 'Андрій Мельник' },
  },
  {
    name: 'ПП «Теплий Дім»',
    town: 'Тернопіль',
    payerCategory: 'punctual',
    terms: 30,
    owner: { email: 'dealer2@demo.test', name: 'Оксана Бондаренко' },
  },
] as const;

function buildDealerSpecs(seed: number, count: number, todayMs: number): DealerSpec[] {
  const rng = Rng.for(seed, 'dealers');
  const taxIds = new Set<string>();
  const specs: DealerSpec[] = [];
  for (let i = 0; i < count; i++) {
    const code = `D-${1001 + i}`;
    let taxId = '';
    while (taxId === '' || taxIds.has(taxId)) {
      const first7 = String(rng.int(2_000_000, 4_499_999));
      taxId = `${first7}${edrpouCheckDigit(first7)}`;
    }
    taxIds.add(taxId);
    const demo = DEMO_DEALERS[i as 0 | 1] as (typeof DEMO_DEALERS)[number] | undefined;
    const form = rng.weighted(LEGAL_FORMS);
    const person = drawPerson(rng);
    const town = demo ? (TOWNS.find((t) => t.name === demo.town) ?? rng.pick(TOWNS)) : rng.pick(TOWNS);
    const name =
      demo?.name ??
      (form === 'ФОП'
        ? `ФОП ${person.last} ${person.first} ${person.patronymic}`
        : `${form} «${COMPANY_NAMES[(i * 7 + rng.int(0, 2)) % COMPANY_NAMES.length]}»`);
    const payerCategory: PayerCategory =
      demo?.payerCategory ?? rng.weighted([['punctual', 60], ['hesitant', 28], ['unreliable', 12]] as const);
    const paymentTermsDays = demo?.terms ?? (payerCategory === 'punctual' && rng.chance(0.5) ? 30 : 14);
    const office = rng.chance(0.4) ? `, офіс ${rng.int(1, 40)}` : '';
    specs.push({
      code,
      name,
      town,
      payerCategory,
      paymentTermsDays,
      weight: rng.weighted([[1, 45], [2, 30], [4, 17], [9, 8]] as const),
      westShare: town.direction === 'west' ? 0.7 : 0.03,
      taxId,
      address: `${rng.pick(STREETS)}, ${rng.int(1, 180)}${office}`,
      phone: drawMobile(rng),
      createdAt: new Date(todayMs - rng.int(200, 2500) * DAY + rng.int(7, 15) * HOUR),
      owner: {
        email: demo?.owner.email ?? `owner.${code.toLowerCase()}@demo.test`,
        name: demo?.owner.name ?? `${person.first} ${person.last}`,
        phone: drawMobile(rng),
        // The demo accounts follow the browser's language until their user picks one.
        locale: demo ? null : rng.chance(0.85) ? 'uk' : 'ru',
      },
    });
  }
  return specs;
}

/** Every working-hour SLA of the claims desk; transit damage is checked fastest. */
const SLA: readonly (readonly [ClaimCategory, number, number])[] = [
  ['defect', 8, 40],
  ['transit_damage', 4, 16],
  ['missing_part', 8, 24],
  ['wrong_dimensions', 8, 40],
  ['hardware', 8, 32],
  ['other', 16, 56],
];

export const SLA_HOURS = new Map(SLA.map(([category, first, decision]) => [category, { first, decision }]));

type FactoryPerson = { key: string; email: string; name: string; role: Role };

const FACTORY_PEOPLE: readonly FactoryPerson[] = [
  { key: 'factory', email: 'factory@demo.test', name: 'Олег Савченко', role: 'factory' },
  { key: 'admin', email: 'admin@demo.test', name: 'Сергій Коваль', role: 'admin' },
  { key: 'claims', email: 'claims@demo.test', name: 'Ірина Ткаченко', role: 'claims' },
  { key: 'claims2', email: 'claims2@demo.test', name: 'Наталія Гнатюк', role: 'claims' },
];

export type BaseCounts = { dealers: number; users: number };

/**
 * Writes the base rows and returns the world the orders are generated in. One transaction: the
 * base is small, and a failure leaves the database empty so the next start tries again.
 */
export async function seedBase(
  db: DbOrTx,
  input: { seed: number; todayMs: number; now: number; dealers: number; passwordHash: string },
): Promise<{ world: SeedWorld; counts: BaseCounts }> {
  const { seed, todayMs, passwordHash } = input;
  const since = (days: number) => new Date(todayMs - days * DAY + 9 * HOUR);
  const userId = (email: string) => Rng.for(seed, 'user', email).uuid();

  // A plant or an SLA row that start-up code created already is kept as it is.
  await db
    .insert(plants)
    .values([
      { code: 'MAIN', name: 'Головний завод', city: 'Київ', isMain: true, createdAt: since(3000) },
      { code: 'WEST', name: 'Західний завод', city: 'Львів', isMain: false, createdAt: since(400) },
    ])
    .onConflictDoNothing();
  const plantRows = await db.select({ id: plants.id, code: plants.code }).from(plants);
  const plantId = (code: PlantCode) => {
    const row = plantRows.find((p) => p.code === code);
    if (!row) throw new Error(`Plant ${code} was not written`);
    return row.id;
  };

  // The sources may already exist when the server configured real tokens from the environment;
  // those tokens win over the demo ones.
  await db
    .insert(syncSources)
    .values([
      { code: 'production', name: 'Виробнича система (MES)', tokenHash: hashSyncToken(DEMO_SYNC_TOKENS.production), createdAt: since(400) },
      { code: 'accounting', name: 'Бухгалтерія (1С)', tokenHash: hashSyncToken(DEMO_SYNC_TOKENS.accounting), createdAt: since(400) },
    ])
    .onConflictDoNothing();

  await db
    .insert(claimSlaPolicies)
    .values(SLA.map(([category, firstResponseHours, decisionHours]) => ({ category, firstResponseHours, decisionHours, updatedAt: since(300) })))
    .onConflictDoNothing();

  const phones = Rng.for(seed, 'factory-phones');
  const factoryIds = new Map(FACTORY_PEOPLE.map((p) => [p.key, userId(p.email)]));
  await db.insert(users).values(
    FACTORY_PEOPLE.map((p) => ({
      id: factoryIds.get(p.key),
      email: p.email,
      name: p.name,
      role: p.role,
      locale: null,
      phone: drawMobile(phones),
      passwordHash,
      createdAt: since(700),
      updatedAt: since(700),
    })),
  );
  const factoryUserId = factoryIds.get('factory') ?? '';

  const specs = buildDealerSpecs(seed, input.dealers, todayMs);
  const dealerRecords: DealerRecord[] = [];
  for (const slice of slicesFor(dealers, specs)) {
    const rows = slice.map((s) => ({
      code: s.code,
      name: s.name,
      taxId: s.taxId,
      region: s.town.region,
      town: s.town.name,
      address: s.address,
      phone: s.phone,
      email: mailboxFor(s.code),
      currency: 'UAH',
      payerCategory: s.payerCategory,
      managerUserId: factoryUserId,
      sourceUpdatedAt: s.createdAt,
      createdAt: s.createdAt,
      updatedAt: s.createdAt,
    }));
    const back = await db.insert(dealers).values(rows).returning({ id: dealers.id, code: dealers.code });
    assertSameOrder(rows, back, (r) => r.code, (r) => r.code);
    slice.forEach((s, i) => {
      const { taxId: _t, address: _a, phone: _p, createdAt: _c, owner, ...rest } = s;
      dealerRecords.push({ ...rest, id: back[i]?.id ?? 0, ownerUserId: userId(owner.email) });
    });
  }

  const dealerUsers: (typeof users.$inferInsert)[] = specs.map((s, i) => ({
    id: userId(s.owner.email),
    email: s.owner.email,
    name: s.owner.name,
    role: 'dealer_owner',
    dealerId: dealerRecords[i]?.id,
    locale: s.owner.locale,
    phone: s.owner.phone,
    passwordHash,
    createdAt: s.createdAt,
    updatedAt: s.createdAt,
  }));
  // D-1001 also has an employee: the manager who measures and sells in the field.
  const staffEmail = 'staff.d-1001@demo.test';
  dealerUsers.push({
    id: userId(staffEmail),
    email: staffEmail,
    name: 'Віталій Романюк',
    role: 'dealer_staff',
    dealerId: dealerRecords[0]?.id,
    locale: null,
    phone: drawMobile(phones),
    passwordHash,
    createdAt: since(150),
    updatedAt: since(150),
  });
  await insertMany(db, users, dealerUsers);

  const [d1, d2] = dealerRecords;
  if (!d1 || !d2) throw new Error('The two demo dealers were not written');
  return {
    world: {
      seed,
      todayMs,
      now: input.now,
      plantIds: { MAIN: plantId('MAIN'), WEST: plantId('WEST') },
      dealers: dealerRecords,
      factoryUserId,
      claimsUserIds: [factoryIds.get('claims') ?? '', factoryIds.get('claims2') ?? ''],
      demoUserIds: [d1.ownerUserId, d2.ownerUserId],
    },
    counts: { dealers: dealerRecords.length, users: FACTORY_PEOPLE.length + dealerUsers.length },
  };
}
