import 'server-only';
import { aliasedTable, and, eq, sql } from 'drizzle-orm';
import { claims, dealers, orderItems, users } from '@/drizzle/schema';
import { CLAIM_CATEGORIES, type ClaimCategory, type ClaimStatus, type ItemKind, type ResolutionKind } from '@/drizzle/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/assert';
import type { DbOrTx } from '@/lib/db';
import { TIME_ZONE } from '@/lib/i18n/config';
import { UNDECIDED_CLAIM_STATUSES } from './queries';
import { weekStart, weeksOf, type ReportPeriod } from './report-period';
import { getWorkingCalendar } from '@/lib/settings/queries';
import { workingHoursBetween, type WorkingCalendar } from './sla';

// The claims desk lead's reports over the claims filed in a period: by category, construction
// kind and profile, dealer and specialist; SLA met and missed per week; time to decision. One
// read of the period's claims, counted here, so every report adds up to the same totals.

/** How a claim's SLA clock ended: met, missed, still running, or no clock (no deadline, withdrawn). */
export type SlaOutcome = 'met' | 'missed' | 'running' | 'none';

export type ReportGroup = {
  /** Category, item kind, profile, dealer code or specialist id; '' for "not known" / "nobody". */
  key: string;
  /** Dealer or specialist name; null where the key is translated (category, kind) or is the label. */
  label: string | null;
  claims: number;
  decided: number;
  approved: number;
  rejected: number;
  /** Decision SLA of the group's claims. */
  slaMet: number;
  slaMissed: number;
  /** Mean working hours from filing to decision over the decided claims; null when none decided. */
  avgDecisionHours: number | null;
  /** Sum of approved compensations, a decimal string. */
  compensation: string;
};

export type WeekRow = {
  /** Monday of the week the claims were filed in (factory time zone). */
  week: string;
  filed: number;
  met: number;
  missed: number;
  running: number;
  firstMet: number;
  firstMissed: number;
};

export type ClaimReports = {
  period: ReportPeriod;
  totals: ReportGroup & { firstMet: number; firstMissed: number; avgDecisionCalendarHours: number | null };
  byCategory: ReportGroup[];
  byKind: ReportGroup[];
  byProfile: ReportGroup[];
  byDealer: ReportGroup[];
  bySpecialist: ReportGroup[];
  weeks: WeekRow[];
};

type ClaimFact = {
  category: ClaimCategory;
  status: ClaimStatus;
  createdAt: Date;
  filedOn: string;
  firstResponseDueAt: Date | null;
  firstResponseAt: Date | null;
  decisionDueAt: Date | null;
  decidedAt: Date | null;
  resolutionKind: ResolutionKind | null;
  resolutionAmount: string | null;
  dealerCode: string;
  dealerName: string;
  assigneeId: string | null;
  assigneeName: string | null;
  kind: ItemKind | null;
  profile: string | null;
};

/**
 * A clock's outcome: met when the event came by the deadline, missed when it came later or has not
 * come and the deadline passed while the claim still waits for it; running until then.
 */
export function slaOutcome(dueAt: Date | null, doneAt: Date | null, waiting: boolean, now: Date): SlaOutcome {
  if (!dueAt) return 'none';
  if (doneAt) return doneAt.getTime() <= dueAt.getTime() ? 'met' : 'missed';
  if (!waiting) return 'none';
  return now.getTime() > dueAt.getTime() ? 'missed' : 'running';
}

const assignee = aliasedTable(users, 'assignee');

export async function getClaimReports(db: DbOrTx, actor: Actor, period: ReportPeriod, now: Date = new Date()): Promise<ClaimReports> {
  assertCan(actor, 'claims.reports');
  const facts: ClaimFact[] = await db
    .select({
      category: claims.category,
      status: claims.status,
      createdAt: claims.createdAt,
      /** The day it was filed in the factory's time zone: its week in the weekly report. */
      filedOn: sql<string>`to_char(${claims.createdAt} at time zone ${TIME_ZONE}, 'YYYY-MM-DD')`,
      firstResponseDueAt: claims.firstResponseDueAt,
      firstResponseAt: claims.firstResponseAt,
      decisionDueAt: claims.decisionDueAt,
      decidedAt: claims.decidedAt,
      resolutionKind: claims.resolutionKind,
      resolutionAmount: claims.resolutionAmount,
      dealerCode: dealers.code,
      dealerName: dealers.name,
      assigneeId: claims.assigneeId,
      assigneeName: assignee.name,
      kind: orderItems.kind,
      profile: orderItems.profile,
    })
    .from(claims)
    .innerJoin(dealers, eq(dealers.id, claims.dealerId))
    .leftJoin(assignee, eq(assignee.id, claims.assigneeId))
    .leftJoin(orderItems, and(eq(orderItems.orderId, claims.orderId), eq(orderItems.position, claims.itemPosition)))
    .where(
      and(
        sql`${claims.createdAt} >= (${period.from}::date)::timestamp at time zone ${TIME_ZONE}`,
        sql`${claims.createdAt} < (${period.to}::date + 1)::timestamp at time zone ${TIME_ZONE}`,
      ),
    );
  return summarize(facts, period, now, await getWorkingCalendar(db));
}

type Tally = ReportGroup & { decisionHoursSum: number; compensationKop: bigint };

function emptyTally(key: string, label: string | null): Tally {
  return { key, label, claims: 0, decided: 0, approved: 0, rejected: 0, slaMet: 0, slaMissed: 0, avgDecisionHours: null, compensation: '0.00', decisionHoursSum: 0, compensationKop: 0n };
}

function kopOf(amount: string): bigint {
  const [whole = '0', fraction = ''] = amount.replace('-', '').split('.');
  const kop = BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
  return amount.startsWith('-') ? -kop : kop;
}

function decimalOf(kop: bigint): string {
  const sign = kop < 0n ? '-' : '';
  const abs = kop < 0n ? -kop : kop;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function finish({ decisionHoursSum, compensationKop, ...group }: Tally): ReportGroup {
  return { ...group, avgDecisionHours: group.decided ? round1(decisionHoursSum / group.decided) : null, compensation: decimalOf(compensationKop) };
}

/** The most claims first, then by key, so equal groups keep a stable order. */
const byClaims = (a: ReportGroup, b: ReportGroup) => b.claims - a.claims || (a.key === '' ? 1 : b.key === '' ? -1 : a.key.localeCompare(b.key));

function summarize(facts: ClaimFact[], period: ReportPeriod, now: Date, calendar: WorkingCalendar): ClaimReports {
  const totals = emptyTally('', null);
  let firstMet = 0;
  let firstMissed = 0;
  let calendarHoursSum = 0;
  const groups = {
    category: new Map<string, Tally>(CLAIM_CATEGORIES.map((c) => [c, emptyTally(c, null)])),
    kind: new Map<string, Tally>(),
    profile: new Map<string, Tally>(),
    dealer: new Map<string, Tally>(),
    specialist: new Map<string, Tally>(),
  };
  const weeks = new Map<string, WeekRow>(weeksOf(period).map((week) => [week, { week, filed: 0, met: 0, missed: 0, running: 0, firstMet: 0, firstMissed: 0 }]));

  for (const fact of facts) {
    const waitingForDecision = UNDECIDED_CLAIM_STATUSES.includes(fact.status);
    const decision = slaOutcome(fact.decisionDueAt, fact.decidedAt, waitingForDecision, now);
    const first = slaOutcome(fact.firstResponseDueAt, fact.firstResponseAt, fact.status !== 'closed', now);
    const decisionHours = fact.decidedAt ? workingHoursBetween(fact.createdAt, fact.decidedAt, calendar) : null;
    const compensationKop = fact.decidedAt && fact.resolutionKind === 'compensation' && fact.resolutionAmount ? kopOf(fact.resolutionAmount) : 0n;
    const keyed: [Map<string, Tally>, string, string | null][] = [
      [groups.category, fact.category, null],
      [groups.kind, fact.kind ?? '', null],
      [groups.profile, fact.profile ?? '', null],
      [groups.dealer, fact.dealerCode, fact.dealerName],
      [groups.specialist, fact.assigneeId ?? '', fact.assigneeName],
    ];
    const tallies = [totals, ...keyed.map(([map, key, label]) => map.get(key) ?? map.set(key, emptyTally(key, label)).get(key)!)];
    for (const tally of tallies) {
      tally.claims += 1;
      if (decisionHours !== null) {
        tally.decided += 1;
        tally.decisionHoursSum += decisionHours;
        if (fact.resolutionKind) tally.approved += 1;
        else tally.rejected += 1;
      }
      if (decision === 'met') tally.slaMet += 1;
      if (decision === 'missed') tally.slaMissed += 1;
      tally.compensationKop += compensationKop;
    }
    if (first === 'met') firstMet += 1;
    if (first === 'missed') firstMissed += 1;
    if (fact.decidedAt) calendarHoursSum += (fact.decidedAt.getTime() - fact.createdAt.getTime()) / 3_600_000;

    const week = weeks.get(weekStart(fact.filedOn));
    if (week) {
      week.filed += 1;
      if (decision === 'met') week.met += 1;
      if (decision === 'missed') week.missed += 1;
      if (decision === 'running') week.running += 1;
      if (first === 'met') week.firstMet += 1;
      if (first === 'missed') week.firstMissed += 1;
    }
  }

  const list = (map: Map<string, Tally>) => [...map.values()].map(finish).sort(byClaims);
  return {
    period,
    totals: { ...finish(totals), firstMet, firstMissed, avgDecisionCalendarHours: totals.decided ? round1(calendarHoursSum / totals.decided) : null },
    // Every category, in the contract's order, so two periods read side by side.
    byCategory: CLAIM_CATEGORIES.map((c) => finish(groups.category.get(c)!)),
    byKind: list(groups.kind),
    byProfile: list(groups.profile),
    byDealer: list(groups.dealer),
    bySpecialist: list(groups.specialist),
    weeks: [...weeks.values()],
  };
}
