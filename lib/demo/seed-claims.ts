import { claimHistory, claimMessages, claims, ledgerEntries } from '@/drizzle/schema';
import type { ClaimCategory, ClaimStatus, ResolutionKind } from '@/drizzle/schema/values';
import type { Db, DbOrTx } from '@/lib/db';
import { FEMALE_NAMES, MALE_NAMES, STREETS, SURNAMES } from './data';
import { assertSameOrder, insertMany, slicesFor } from './insert';
import { ledgerRow } from './ledger';
import { formatKop, uah } from './money';
import { Rng } from './random';
import { SLA_HOURS, drawMobile, type DealerRecord, type SeedWorld } from './seed-base';
import {
  CLAIM_DESCRIPTIONS,
  DEALER_NUDGES,
  DEALER_REPLIES,
  DECISIONS,
  INFO_REQUESTS,
  INTERNAL_NOTES,
  REJECTIONS,
  RESOLVED_REPLIES,
  TAKEN_IN_WORK,
  fill,
} from './texts';
import { addWorkingHours } from '@/lib/claims/sla';
import { DAY, HOUR, MINUTE, intoHoursBefore, startOfDay } from './time';

// Claims on delivered orders, each with the whole story the desk would have left behind: every
// status move in claim_history, the thread with the dealer (and internal notes), SLA deadlines,
// and for a compensation the ledger entry the dealer sees in his finances.

export type ItemRef = { position: number; name: string; widthMm: number; heightMm: number };

export type ClaimCandidate = {
  orderId: number;
  orderNumber: string;
  dealer: DealerRecord;
  dealerIndex: number;
  plantId: number;
  deliveredAt: number;
  items: readonly ItemRef[];
};

type Move = { to: ClaimStatus; at: number; actorId: string; comment: string | null };
type Message = { authorId: string; body: string; internal: boolean; at: number };

export type ClaimDraft = {
  candidate: ClaimCandidate;
  row: Omit<typeof claims.$inferInsert, 'number'>;
  moves: Move[];
  messages: Message[];
  compensation: { kop: number; at: number } | null;
};

type ClaimSpec = { status: ClaimStatus; category: ClaimCategory; resolution?: ResolutionKind; assigneeId?: string };

const RESOLUTION_BY_CATEGORY: Record<ClaimCategory, readonly (readonly [ResolutionKind, number])[]> = {
  defect: [['replacement', 50], ['compensation', 25], ['repair', 25]],
  transit_damage: [['replacement', 70], ['compensation', 30]],
  missing_part: [['replacement', 100]],
  wrong_dimensions: [['replacement', 80], ['refund', 20]],
  hardware: [['repair', 80], ['replacement', 20]],
  other: [['repair', 50], ['compensation', 50]],
};

/** The statuses a claim passed through to reach `status`, the way the desk's workflow moves. */
function pathTo(rng: Rng, spec: ClaimSpec): ClaimStatus[] {
  const review: ClaimStatus[] = rng.chance(0.4) ? ['submitted', 'in_review', 'info_requested', 'in_review'] : ['submitted', 'in_review'];
  switch (spec.status) {
    case 'submitted':
      return ['submitted'];
    case 'in_review':
      return ['submitted', 'in_review'];
    case 'info_requested':
      return ['submitted', 'in_review', 'info_requested'];
    case 'approved':
      return [...review, 'approved'];
    case 'rejected':
      return [...review, 'rejected'];
    case 'resolved':
      return [...review, 'approved', 'resolved'];
    case 'closed':
      return spec.resolution || rng.chance(0.6) ? [...review, 'approved', 'resolved', 'closed'] : [...review, 'rejected', 'closed'];
  }
}

/** Minutes from the previous move to a move into `to`. */
function gapBefore(rng: Rng, to: ClaimStatus, afterInfo: boolean): number {
  switch (to) {
    case 'in_review':
      return afterInfo ? rng.int(240, 2880) : rng.int(40, 600);
    case 'info_requested':
      return rng.int(120, 1440);
    case 'approved':
    case 'rejected':
      return rng.int(240, 3600);
    case 'resolved':
      return rng.int(3, 12) * 24 * 60;
    case 'closed':
      return rng.int(1, 5) * 24 * 60;
    case 'submitted':
      return 0;
  }
}

export function draftClaim(rng: Rng, world: SeedWorld, cand: ClaimCandidate, spec: ClaimSpec): ClaimDraft {
  const dealerUser = cand.dealer.ownerUserId;
  const desk = spec.assigneeId ?? rng.pick(world.claimsUserIds);
  const item = rng.pick(cand.items);
  const values = { pos: item.position, item: item.name, size: `${item.widthMm}×${item.heightMm}`, order: cand.orderNumber };
  const path = pathTo(rng, spec);
  const gaps = path.map((to, i) => gapBefore(rng, to, path[i - 1] === 'info_requested'));
  const span = gaps.reduce((a, b) => a + b, 0) * MINUTE;
  // Open claims are fresh; finished ones were filed weeks ago.
  const open = spec.status === 'submitted' || spec.status === 'in_review' || spec.status === 'info_requested';
  const idle = open ? rng.int(30, 72 * 60) * MINUTE : rng.int(1, spec.status === 'approved' ? 4 : 40) * DAY + rng.int(0, 300) * MINUTE;
  const latest = world.now - 20 * MINUTE;
  // The last move happened in office hours; the story is laid out backwards from it.
  const lastMove = open ? latest - idle : intoHoursBefore(latest - idle, 6, 15);
  let created = Math.max(lastMove - span, cand.deliveredAt + 6 * HOUR);
  // Dealers file claims in the daytime (but never before the delivery).
  const daytime = intoHoursBefore(created, 5, 19);
  if (daytime >= cand.deliveredAt + 6 * HOUR) created = daytime;
  if (created > latest - 30 * MINUTE) created = latest - 30 * MINUTE;
  // Squeeze the story if it does not fit between the claim and now.
  const scale = created + span > latest ? (latest - created) / span : 1;

  const moves: Move[] = [];
  const messages: Message[] = [];
  let at = created;
  const resolution = spec.resolution ?? rng.weighted(RESOLUTION_BY_CATEGORY[spec.category]);
  const amountKop = resolution === 'compensation' ? uah(rng.int(8, 60) * 100) : null;
  const say = (authorId: string, body: string, when: number, internal = false) =>
    messages.push({ authorId, body: fill(body, values), internal, at: Math.min(when, latest) });

  path.forEach((to, i) => {
    at += Math.round((gaps[i] ?? 0) * MINUTE * scale);
    const previous = path[i - 1];
    let comment: string | null = null;
    let actorId = desk;
    if (to === 'submitted') actorId = dealerUser;
    else if (to === 'in_review' && previous === 'info_requested') {
      actorId = dealerUser;
      comment = 'Дилер надав додаткову інформацію';
      say(dealerUser, rng.pick(DEALER_REPLIES), at - 5 * MINUTE);
    } else if (to === 'in_review') {
      say(desk, rng.pick(TAKEN_IN_WORK), at + rng.int(2, 20) * MINUTE);
      if (rng.chance(0.7)) say(desk, INTERNAL_NOTES[spec.category], at + rng.int(25, 90) * MINUTE, true);
    } else if (to === 'info_requested') {
      comment = INFO_REQUESTS[spec.category];
      say(desk, comment, at + MINUTE);
    } else if (to === 'approved') {
      comment = fill(DECISIONS[resolution], { ...values, amount: amountKop === null ? '' : formatKop(amountKop) });
      say(desk, comment, at + MINUTE);
    } else if (to === 'rejected') {
      comment = rng.pick(REJECTIONS);
      say(desk, comment, at + MINUTE);
    } else if (to === 'resolved') {
      say(dealerUser, rng.pick(RESOLVED_REPLIES), at - rng.int(20, 120) * MINUTE);
      comment = resolution === 'repair' ? 'Роботи виконано, дилер підтвердив' : 'Рішення виконано';
    } else if (to === 'closed') {
      comment = previous === 'rejected' ? 'Закрито: дилер не оскаржив рішення' : 'Закрито після підтвердження дилера';
    }
    moves.push({ to, at, actorId, comment: comment === null ? null : fill(comment, values) });
  });
  if (spec.status === 'submitted' && rng.chance(0.5)) say(dealerUser, rng.pick(DEALER_NUDGES), created + rng.int(30, 600) * MINUTE);
  messages.sort((a, b) => a.at - b.at);

  const reachedIn = moves.find((m) => m.to === 'in_review')?.at ?? null;
  const decided = moves.find((m) => m.to === 'approved' || m.to === 'rejected') ?? null;
  const approved = decided?.to === 'approved';
  const sla = SLA_HOURS.get(spec.category) ?? { first: 8, decision: 40 };
  const updated = Math.max(at, ...messages.map((m) => m.at));
  const female = rng.chance(0.5);
  const row: ClaimDraft['row'] = {
    dealerId: cand.dealer.id,
    orderId: cand.orderId,
    itemPosition: item.position,
    category: spec.category,
    status: spec.status,
    description: fill(rng.pick(CLAIM_DESCRIPTIONS[spec.category]), values),
    customerAddress: `${cand.dealer.town.name}, ${rng.pick(STREETS)}, ${rng.int(1, 150)}${rng.chance(0.7) ? `, кв. ${rng.int(1, 220)}` : ''}`,
    customerContact: `${rng.pick(SURNAMES)} ${rng.pick(female ? FEMALE_NAMES : MALE_NAMES)}, ${drawMobile(rng)}`,
    damageNotedOnDelivery: spec.category === 'transit_damage' ? decided?.to !== 'rejected' : null,
    createdById: dealerUser,
    assigneeId: spec.status === 'submitted' ? null : desk,
    resolutionKind: approved ? resolution : null,
    resolutionAmount: approved && amountKop !== null ? formatKop(amountKop) : null,
    resolutionComment: decided?.comment ?? null,
    firstResponseDueAt: addWorkingHours(new Date(created), sla.first),
    decisionDueAt: addWorkingHours(new Date(created), sla.decision),
    firstResponseAt: reachedIn === null ? null : new Date(reachedIn),
    decidedAt: decided === null ? null : new Date(decided.at),
    createdAt: new Date(created),
    updatedAt: new Date(updated),
  };
  return {
    candidate: cand,
    row,
    moves,
    messages,
    compensation: approved && amountKop !== null && decided ? { kop: amountKop, at: decided.at } : null,
  };
}

const RANDOM_STATUS: readonly (readonly [ClaimStatus, number])[] = [
  ['submitted', 12],
  ['in_review', 14],
  ['info_requested', 8],
  ['approved', 10],
  ['rejected', 10],
  ['resolved', 14],
  ['closed', 32],
];

const RANDOM_CATEGORY: readonly (readonly [ClaimCategory, number])[] = [
  ['defect', 30],
  ['transit_damage', 15],
  ['missing_part', 15],
  ['wrong_dimensions', 10],
  ['hardware', 22],
  ['other', 8],
];

export function draftRandomClaim(rng: Rng, world: SeedWorld, cand: ClaimCandidate): ClaimDraft {
  return draftClaim(rng, world, cand, { status: rng.weighted(RANDOM_STATUS), category: rng.weighted(RANDOM_CATEGORY) });
}

/** Writes claims with their history, thread and compensations; returns the numbers given. */
export async function insertClaims(db: DbOrTx, world: SeedWorld, drafts: readonly ClaimDraft[]): Promise<{ claims: number; ledgerEntries: number; numbers: string[] }> {
  const written: { id: number; number: string }[] = [];
  for (const slice of slicesFor(claims, drafts)) {
    const rows = slice.map((d) => d.row);
    const back = await db.insert(claims).values(rows).returning({ id: claims.id, number: claims.number, orderId: claims.orderId });
    assertSameOrder(rows, back, (r) => r.orderId, (r) => r.orderId);
    written.push(...back);
  }
  const history: (typeof claimHistory.$inferInsert)[] = [];
  const thread: (typeof claimMessages.$inferInsert)[] = [];
  const money: (typeof ledgerEntries.$inferInsert)[] = [];
  drafts.forEach((d, i) => {
    const claim = written[i];
    if (!claim) return;
    let from: ClaimStatus | null = null;
    for (const m of d.moves) {
      history.push({ claimId: claim.id, fromStatus: from, toStatus: m.to, actorId: m.actorId, comment: m.comment, at: new Date(m.at) });
      from = m.to;
    }
    for (const m of d.messages) thread.push({ claimId: claim.id, authorId: m.authorId, body: m.body, internal: m.internal, createdAt: new Date(m.at) });
    if (d.compensation) {
      money.push(
        ledgerRow(
          {
            kind: 'compensation',
            documentId: `CMP-${claim.number}`,
            dealerId: d.candidate.dealer.id,
            plantId: d.candidate.plantId,
            kop: d.compensation.kop,
            dayMs: startOfDay(d.compensation.at),
            document: `Компенсація за рекламацією № ${claim.number}`,
            orderNumber: d.candidate.orderNumber,
            orderId: d.candidate.orderId,
          },
          world.now,
        ),
      );
    }
  });
  await insertMany(db, claimHistory, history);
  await insertMany(db, claimMessages, thread);
  await insertMany(db, ledgerEntries, money);
  return { claims: written.length, ledgerEntries: money.length, numbers: written.map((w) => w.number) };
}

/** Claims of D-1001 and D-1002: every status of the workflow, every category between them. */
const DEMO_CLAIMS: readonly (readonly ClaimSpec[])[] = [
  [
    { status: 'submitted', category: 'defect' },
    { status: 'in_review', category: 'hardware' },
    { status: 'info_requested', category: 'transit_damage' },
    { status: 'approved', category: 'defect', resolution: 'compensation' },
    { status: 'rejected', category: 'other' },
    { status: 'resolved', category: 'missing_part', resolution: 'replacement' },
    { status: 'closed', category: 'wrong_dimensions', resolution: 'replacement' },
  ],
  [
    { status: 'submitted', category: 'hardware' },
    { status: 'in_review', category: 'wrong_dimensions' },
    { status: 'info_requested', category: 'defect' },
    { status: 'approved', category: 'transit_damage', resolution: 'replacement' },
    { status: 'rejected', category: 'wrong_dimensions' },
    { status: 'resolved', category: 'hardware', resolution: 'repair' },
    { status: 'closed', category: 'other', resolution: 'repair' },
  ],
];

export type DemoClaimsOutcome = {
  claims: number;
  ledgerEntries: number;
  /** The demo claims waiting for the dealer's answer, with when the question was asked. */
  infoRequested: { dealerIndex: number; number: string; at: number }[];
};

export async function seedDemoClaims(db: Db, world: SeedWorld, delivered: readonly ClaimCandidate[]): Promise<DemoClaimsOutcome> {
  const drafts: ClaimDraft[] = [];
  const [mainDesk, secondDesk] = world.claimsUserIds;
  DEMO_CLAIMS.forEach((specs, dealerIndex) => {
    // The newest deliveries get the open claims, older ones the finished.
    const orders = delivered.filter((c) => c.dealerIndex === dealerIndex).sort((a, b) => b.deliveredAt - a.deliveredAt);
    specs.forEach((spec, k) => {
      const cand = orders[k % Math.max(1, orders.length)];
      if (!cand) throw new Error(`Demo dealer ${dealerIndex + 1} has no delivered order for a claim`);
      // Most demo claims sit with claims@demo.test, one with the colleague, as on a real desk.
      const assigneeId = dealerIndex === 1 && k === 3 ? secondDesk : mainDesk;
      drafts.push(draftClaim(Rng.for(world.seed, 'demo-claim', dealerIndex, k), world, cand, { ...spec, assigneeId }));
    });
  });
  const outcome = await db.transaction((tx) => insertClaims(tx, world, drafts));
  const infoRequested = drafts.flatMap((d, i) =>
    d.row.status === 'info_requested'
      ? [{ dealerIndex: d.candidate.dealerIndex, number: outcome.numbers[i] ?? '', at: d.moves[d.moves.length - 1]?.at ?? world.now }]
      : [],
  );
  return { claims: outcome.claims, ledgerEntries: outcome.ledgerEntries, infoRequested };
}
