import 'server-only';
import { and, asc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { claims, dealers, ledgerEntries, users } from '@/drizzle/schema';
import type { PayerCategory } from '@/drizzle/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/assert';
import { rolesWith } from '@/lib/auth/permissions';
import { factoryToday } from '@/lib/calendar';
import { CLOSED_CLAIM_STATUSES } from '@/lib/claims/queries';
import { rowsOf, type DbOrTx } from '@/lib/db';
import { debtPositionsSql } from '@/lib/finance/ageing';
import { DEALERS_PAGE_SIZE, type DealerListFilter, type DealerSort } from './list-filter';
import { alphabeticalKey } from '@/lib/db/alphabetical';

// The factory's dealers list: search, filters, sort and offset paging over the dealers table
// (thousands of rows), then the page's balances and overdue by the one debt rule of
// lib/finance/ageing.ts, computed only for the page's dealers from the ledger's covering index
// (ledger_entries_dealer_covering_idx: every column the rule reads, so no table rows are read).

export type DealerListRow = {
  id: number;
  code: string;
  name: string;
  taxId: string;
  region: string | null;
  town: string | null;
  payerCategory: PayerCategory;
  currency: string;
  active: boolean;
  /** Created on this page and not (yet) sent by accounting. */
  handMade: boolean;
  balance: string;
  overdue: string;
  openClaims: number;
};

export type DealerListPage = {
  rows: DealerListRow[];
  /** Dealers matching the filters (all pages). */
  total: number;
  page: number;
  pageSize: number;
  today: string;
};

function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function filterConditions(actor: Actor, filter: DealerListFilter): SQL {
  const conditions: SQL[] = [sql`true`];
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    const digits = filter.q.replace(/[\s-]/g, '');
    conditions.push(
      sql`(d.code ilike ${pattern} or d.name ilike ${pattern} or d.town ilike ${pattern} or d.tax_id like ${containsPattern(digits || filter.q)})`,
    );
  }
  if (filter.region) conditions.push(sql`d.region = ${filter.region}`);
  if (filter.category) conditions.push(sql`d.payer_category = ${filter.category}`);
  if (filter.state) conditions.push(filter.state === 'active' ? sql`d.active` : sql`not d.active`);
  if (filter.mine) conditions.push(sql`d.manager_user_id = ${actor.userId}`);
  return sql.join(conditions, sql` and `);
}

// Names in alphabetical order on any collation (lib/db/alphabetical.ts), codes as they are.
const SORT_COLUMNS: Record<DealerSort, string> = { name: 'name_sort', code: 'code', balance: 'balance_sort' };

type Row = {
  total: number | string;
  id: number | string | null;
  code: string;
  name: string;
  tax_id: string;
  region: string | null;
  town: string | null;
  payer_category: PayerCategory;
  currency: string;
  active: boolean;
  hand_made: boolean;
  balance: string | null;
  overdue: string | null;
  open_claims: number | string;
};

/** Sorted by balance with no filter narrowing the dealers: every dealer's sum is needed. */
function readsWholeLedger(filter: DealerListFilter): boolean {
  return filter.sort === 'balance' && !(filter.q || filter.region || filter.category || filter.mine);
}

/**
 * The settings the page's statement runs with, local to its transaction (also for EXPLAIN in
 * benchmarks). JIT compilation off: the planner's estimate of the page's lateral reads (hundreds
 * of rows per dealer, where there is one) passes the JIT threshold, and compiling costs more than
 * the whole statement (30-70 ms against 20 ms for a page by name). For the sums of all dealers,
 * random reads are costed as reads of cached pages (1.1, not the default 4 of a disk), so the
 * planner reads the ledger's covering index alone, in parallel, instead of the whole table (two to
 * three times slower at 3 M entries).
 */
export function listDealersSettingsSql(filter: DealerListFilter): SQL {
  return readsWholeLedger(filter)
    ? sql`select set_config('jit', 'off', true), set_config('random_page_cost', '1.1', true)`
    : sql`select set_config('jit', 'off', true)`;
}

/** The statement of one page (also for EXPLAIN in benchmarks). */
export function listDealersSql(actor: Actor, filter: DealerListFilter, today: string, pageSize: number): SQL {
  const direction = sql.raw(filter.dir === 'desc' ? 'desc' : 'asc');
  const column = sql.raw(SORT_COLUMNS[filter.sort]);
  const byBalance = filter.sort === 'balance';
  const l = ledgerEntries;
  // Sorting by balance needs every matching dealer's sum(effect) before the page can be cut, read
  // from the covering index alone. For a narrowed list, dealer by dealer (an index-only scan of
  // each one's entries); for (nearly) all dealers, one pass over the whole index grouped by dealer
  // (in parallel), which listDealersSettingsSql makes the planner prefer to the table.
  const balanceSort = !byBalance
    ? sql``
    : readsWholeLedger(filter)
      ? sql`left join (select ${l.dealerId} as dealer_id, sum(${l.effect}) as balance from ${l} group by 1) b on b.dealer_id = m.id`
      : sql`left join lateral (select sum(${l.effect}) as balance from ${l} where ${l.dealerId} = m.id) b on true`;
  const closed = sql.join(
    CLOSED_CLAIM_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  // The dealers are filtered, sorted and cut to the page first; only then are the page's positions
  // read, dealer by dealer (lateral), each from the covering index: a condition "dealer in (the
  // page)" makes the planner scan the whole ledger.
  return sql`
    with matching as (
      select d.id, d.code, d.name, d.tax_id, d.region, d.town, d.payer_category::text as payer_category, d.currency, d.active,
             (d.created_by_id is not null and d.source_updated_at is null) as hand_made,
             ${alphabeticalKey(sql.raw('d.name'))} as name_sort
      from ${dealers} d
      where ${filterConditions(actor, filter)}
    ), paged as (
      select m.*, ${byBalance ? sql`coalesce(b.balance, 0)` : sql`0`} as balance_sort
      from matching m ${balanceSort}
      order by ${column} ${direction} nulls last, m.code asc
      limit ${pageSize} offset ${(filter.page - 1) * pageSize}
    )
    select t.total, r.*
    from (select count(*) as total from matching) t
    left join lateral (
      select p.id, p.code, p.name, p.tax_id, p.region, p.town, p.payer_category, p.currency, p.active, p.hand_made,
             coalesce(pos.balance, '0.00') as balance, coalesce(pos.overdue, '0.00') as overdue,
             (select count(*) from ${claims} c where c.dealer_id = p.id and c.status not in (${closed})) as open_claims,
             p.balance_sort
      from paged p
      left join lateral (${debtPositionsSql(today, sql`${l.dealerId} = p.id`)}) pos on true
      order by p.${column} ${direction} nulls last, p.code asc
    ) r on true
  `;
}

/** One page of the dealers under the filters, with the count of all that match. */
export async function listDealers(
  db: DbOrTx,
  actor: Actor | null,
  filter: DealerListFilter,
  options: { today?: string; pageSize?: number } = {},
): Promise<DealerListPage> {
  assertCan(actor, 'dealers.read');
  const today = options.today ?? factoryToday();
  const pageSize = Math.min(Math.max(options.pageSize ?? DEALERS_PAGE_SIZE, 1), 200);
  const result = await db.transaction(async (tx) => {
    await tx.execute(listDealersSettingsSql(filter));
    return tx.execute(listDealersSql(actor, filter, today, pageSize));
  });
  const rows = rowsOf<Row>(result);
  return {
    rows: rows
      .filter((r) => r.id !== null)
      .map((r) => ({
        id: Number(r.id),
        code: r.code,
        name: r.name,
        taxId: r.tax_id,
        region: r.region,
        town: r.town,
        payerCategory: r.payer_category,
        currency: r.currency,
        active: r.active,
        handMade: r.hand_made,
        balance: r.balance ?? '0.00',
        overdue: r.overdue ?? '0.00',
        openClaims: Number(r.open_claims),
      })),
    total: Number(rows[0]?.total ?? 0),
    page: filter.page,
    pageSize,
    today,
  };
}

/** The regions dealers are in, for the filter and the form's suggestions. */
export async function listRegions(db: DbOrTx, actor: Actor | null): Promise<string[]> {
  assertCan(actor, 'dealers.read');
  const rows = await db.selectDistinct({ region: dealers.region }).from(dealers).where(isNotNull(dealers.region)).orderBy(asc(dealers.region));
  return rows.map((r) => r.region).filter((r): r is string => r !== null);
}

/** The roles of a dealer's factory manager. */
export const MANAGER_ROLES = rolesWith('area.factory');

export type ManagerOption = { id: string; name: string; email: string };

/** Who may look after a dealer: active factory managers and administrators. */
export async function listManagerCandidates(db: DbOrTx, actor: Actor | null): Promise<ManagerOption[]> {
  assertCan(actor, 'dealers.read');
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(inArray(users.role, [...MANAGER_ROLES]), eq(users.active, true)))
    .orderBy(asc(users.name));
}
