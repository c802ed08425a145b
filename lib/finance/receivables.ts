// Not 'server-only': server.ts (plain Node) runs the overdue payment check (lib/finance/overdue-notices.ts) on a timer.
import { asc, isNotNull, sql, type SQL } from 'drizzle-orm';
import { dealers, ledgerEntries, paymentReminders } from '@/drizzle/schema';
import type { PayerCategory } from '@/drizzle/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/assert';
import { factoryToday } from '@/lib/calendar';
import { rowsOf, type DbOrTx } from '@/lib/db';
import { AGEING_BUCKETS, debtPositionsSql, type AgeingBucket } from './ageing';
import type { ReceivablesFilter, ReceivablesSort } from './receivables-filter';

// The factory's receivables: every dealer with balance, overdue and ageing buckets, by the one rule
// of lib/finance/ageing.ts (credits pay the oldest-due debt first), with the date of the oldest
// open overdue debt and of the last payment reminder. One statement for the whole list: the
// positions of every dealer in one aggregate pass over the ledger, then filter, totals of the
// filtered list, sort and page; the oldest overdue date read per dealer for the page's rows.

export type ReceivableRow = {
  dealerId: number;
  code: string;
  name: string;
  region: string | null;
  payerCategory: PayerCategory;
  currency: string;
  balance: string;
  overdue: string;
  buckets: Record<AgeingBucket, string>;
  /** Due date of the oldest part of the debt that is open and overdue. */
  oldestDueDate: string | null;
  lastReminderAt: Date | null;
};

export type ReceivablesTotals = { balance: string; overdue: string; buckets: Record<AgeingBucket, string> };

export type ReceivablesPage = {
  rows: ReceivableRow[];
  /** Dealers matching the filters (all pages). */
  total: number;
  /** Sums over all matching dealers; null when they keep accounts in different currencies. */
  totals: ReceivablesTotals | null;
  /** The currency of the totals. */
  currency: string | null;
  page: number;
  pageSize: number;
  today: string;
};

export const RECEIVABLES_PAGE_SIZE = 100;

const BUCKET_COLUMNS: Record<AgeingBucket, string> = {
  notDue: 'not_due',
  days1to30: 'd1_30',
  days31to60: 'd31_60',
  days61to90: 'd61_90',
  over90: 'd90_plus',
};

const SORT_COLUMNS: Record<ReceivablesSort, string> = {
  name: 'name',
  balance: 'balance',
  overdue: 'overdue',
  notDue: 'not_due',
  days1to30: 'd1_30',
  days31to60: 'd31_60',
  days61to90: 'd61_90',
  over90: 'd90_plus',
  oldestDue: 'oldest_due',
};

function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The due date of the oldest open overdue debt of the dealer `dealerId` (an SQL expression, e.g. a
 * column of the outer query), as a scalar subquery read through the ledger's (dealer, date) index.
 * Due days in order, debts summed per day: the first day whose debts through it exceed all the
 * credits is where the open debt starts (credits pay the oldest-due debt first).
 */
export function oldestOverdueSql(today: string, dealerId: SQL): SQL {
  const l = ledgerEntries;
  return sql`(
    select min(due_on)
    from (
      select due_on, debt, sum(debt) over (order by due_on) as through, sum(credit) over () as credits
      from (
        select coalesce(${l.dueDate}, ${l.date}) as due_on,
               coalesce(sum(${l.effect}) filter (where ${l.effect} > 0), 0) as debt,
               coalesce(sum(-${l.effect}) filter (where ${l.effect} < 0), 0) as credit
        from ${l}
        where ${l.dealerId} = ${dealerId}
        group by 1
      ) per_day
    ) running
    where debt > 0 and through > credits and due_on < ${today}::date
  )`;
}

/**
 * The rows of every dealer matching `dealerWhere` (a condition on dealers, alias d) as a subquery
 * (`ledgerWhere` narrows the ledger read to the same dealers when they are known by id): amounts
 * as numeric, dealers with no ledger as zeros. Inactive dealers appear only while they still owe
 * or are owed something. The oldest overdue date costs a look at each dealer's ledger, so it is
 * only here when `withOldest` (sorting by it, the export); the page adds it for its own rows.
 */
function receivablesRowsSql(today: string, dealerWhere: SQL, options: { ledgerWhere?: SQL; withOldest: boolean }): SQL {
  const zero = (column: string) => sql.raw(`coalesce(p.${column}::numeric, 0) as ${column}`);
  const oldest = options.withOldest ? sql`case when p.overdue::numeric > 0 then ${oldestOverdueSql(today, sql`d.id`)} end` : sql`null::date`;
  return sql`
    select d.id, d.code, d.name, d.region, d.payer_category, d.currency,
           ${zero('balance')}, ${zero('overdue')}, ${zero('not_due')}, ${zero('d1_30')}, ${zero('d31_60')}, ${zero('d61_90')}, ${zero('d90_plus')},
           ${oldest} as oldest_due, r.last_at
    from ${dealers} d
    left join (${debtPositionsSql(today, options.ledgerWhere ?? sql`true`)}) p on p.dealer_id = d.id
    left join (
      select ${paymentReminders.dealerId} as dealer_id, max(${paymentReminders.sentAt}) as last_at
      from ${paymentReminders}
      group by 1
    ) r on r.dealer_id = d.id
    where (d.active or coalesce(p.balance::numeric, 0) <> 0) and ${dealerWhere}
  `;
}

type Row = {
  id: number | string | null;
  code: string;
  name: string;
  region: string | null;
  payer_category: PayerCategory;
  currency: string;
  balance: string;
  overdue: string;
  not_due: string;
  d1_30: string;
  d31_60: string;
  d61_90: string;
  d90_plus: string;
  oldest_due: string | null;
  last_at: string | Date | null;
  total: number | string;
  currencies: number | string;
  currency_of_all: string | null;
  t_balance: string | null;
  t_overdue: string | null;
  t_not_due: string | null;
  t_d1_30: string | null;
  t_d31_60: string | null;
  t_d61_90: string | null;
  t_d90_plus: string | null;
};

function rowOf(r: Row): ReceivableRow {
  const buckets = Object.fromEntries(AGEING_BUCKETS.map((b) => [b, r[BUCKET_COLUMNS[b] as keyof Row] as string])) as Record<AgeingBucket, string>;
  return {
    dealerId: Number(r.id),
    code: r.code,
    name: r.name,
    region: r.region,
    payerCategory: r.payer_category,
    currency: r.currency,
    balance: r.balance,
    overdue: r.overdue,
    buckets,
    oldestDueDate: r.oldest_due,
    lastReminderAt: r.last_at ? new Date(r.last_at) : null,
  };
}

function filterConditions(filter: ReceivablesFilter): SQL {
  const conditions: SQL[] = [sql`true`];
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    conditions.push(sql`(d.name ilike ${pattern} or d.code ilike ${pattern})`);
  }
  if (filter.region) conditions.push(sql`d.region = ${filter.region}`);
  if (filter.category) conditions.push(sql`d.payer_category = ${filter.category}`);
  return sql.join(conditions, sql` and `);
}

/**
 * One page of the receivables list under the filters, with the count and the totals of everything
 * that matches. `pageSize: null` answers every matching dealer (the CSV export).
 */
export async function listReceivables(
  db: DbOrTx,
  actor: Actor | null,
  filter: ReceivablesFilter,
  options: { today?: string; pageSize?: number | null } = {},
): Promise<ReceivablesPage> {
  assertCan(actor, 'finance.readAll');
  const today = options.today ?? factoryToday();
  const pageSize = options.pageSize === undefined ? RECEIVABLES_PAGE_SIZE : options.pageSize;
  const page = pageSize === null ? 1 : filter.page;
  const column = sql.raw(SORT_COLUMNS[filter.sort]);
  const direction = sql.raw(filter.dir === 'asc' ? 'asc' : 'desc');
  const paging = pageSize === null ? sql`` : sql`limit ${pageSize} offset ${(page - 1) * pageSize}`;
  const withOldest = filter.sort === 'oldestDue' || pageSize === null;
  const pageOldest = withOldest ? sql`m.oldest_due` : sql`case when m.overdue > 0 then ${oldestOverdueSql(today, sql`m.id`)} end`;
  const minOverdue = filter.minOverdue ? sql`overdue >= ${filter.minOverdue}::numeric` : sql`true`;
  const sum = (column: string) => sql.raw(`sum(${column})::numeric(18,2)::text as t_${column}`);
  const text = (column: string) => sql.raw(`${column}::numeric(18,2)::text as ${column}`);
  const result = await db.execute(sql`
    with matching as (
      select * from (${receivablesRowsSql(today, filterConditions(filter), { withOldest })}) x where ${minOverdue}
    ), totals as (
      select count(*) as total, count(distinct currency) as currencies, min(currency) as currency_of_all,
             ${sum('balance')}, ${sum('overdue')}, ${sum('not_due')}, ${sum('d1_30')}, ${sum('d31_60')}, ${sum('d61_90')}, ${sum('d90_plus')}
      from matching
    )
    select t.*, p.*
    from totals t
    left join lateral (
      select id, code, name, region, payer_category::text as payer_category, currency,
             ${text('balance')}, ${text('overdue')}, ${text('not_due')}, ${text('d1_30')}, ${text('d31_60')}, ${text('d61_90')}, ${text('d90_plus')},
             ${pageOldest}::text as oldest_due, last_at
      from matching m
      order by m.${column} ${direction} nulls last, m.code asc
      ${paging}
    ) p on true
  `);
  const rows = rowsOf<Row>(result);
  const first = rows[0];
  const total = Number(first?.total ?? 0);
  const oneCurrency = Number(first?.currencies ?? 0) === 1;
  const totals: ReceivablesTotals | null =
    first && oneCurrency
      ? {
          balance: first.t_balance ?? '0.00',
          overdue: first.t_overdue ?? '0.00',
          buckets: Object.fromEntries(AGEING_BUCKETS.map((b) => [b, (first[`t_${BUCKET_COLUMNS[b]}` as keyof Row] as string | null) ?? '0.00'])) as Record<
            AgeingBucket,
            string
          >,
        }
      : null;
  return {
    rows: rows.filter((r) => r.id !== null).map(rowOf),
    total,
    totals,
    currency: oneCurrency ? (first?.currency_of_all ?? null) : null,
    page,
    pageSize: pageSize ?? total,
    today,
  };
}

/** The receivables of these dealers (by id), for reminders: same numbers as the list. */
export async function getReceivablesForDealers(db: DbOrTx, actor: Actor | null, dealerIds: number[], today = factoryToday()): Promise<ReceivableRow[]> {
  assertCan(actor, 'finance.readAll');
  if (!dealerIds.length) return [];
  const ids = sql.join(
    dealerIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const text = (column: string) => sql.raw(`${column}::numeric(18,2)::text as ${column}`);
  const result = await db.execute(sql`
    select id, code, name, region, payer_category::text as payer_category, currency,
           ${text('balance')}, ${text('overdue')}, ${text('not_due')}, ${text('d1_30')}, ${text('d31_60')}, ${text('d61_90')}, ${text('d90_plus')},
           oldest_due::text as oldest_due, last_at
    from (${receivablesRowsSql(today, sql`d.id in (${ids})`, { ledgerWhere: sql`${ledgerEntries.dealerId} in (${ids})`, withOldest: true })}) x
    order by code
  `);
  return rowsOf<Row>(result).map(rowOf);
}

/** The regions dealers are in, for the filter. */
export async function listDealerRegions(db: DbOrTx, actor: Actor | null): Promise<string[]> {
  assertCan(actor, 'finance.readAll');
  const rows = await db.selectDistinct({ region: dealers.region }).from(dealers).where(isNotNull(dealers.region)).orderBy(asc(dealers.region));
  return rows.map((r) => r.region).filter((r): r is string => r !== null);
}
