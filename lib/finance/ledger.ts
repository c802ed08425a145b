import 'server-only';
import { eq, sql, type SQL } from 'drizzle-orm';
import { dealers, ledgerEntries } from '@/drizzle/schema';
import { LEDGER_KINDS, type LedgerKind } from '@/drizzle/schema/values';
import { assertDealerScope, type DealerScope } from '@/lib/auth/scope';
import { rowsOf, type DbOrTx } from '@/lib/db';

// The dealer's ledger for a period: the lines with a running balance, and the balances at its edges.
// Exact numeric arithmetic in the database; amounts leave it as decimal strings.

export { LEDGER_KINDS, type LedgerKind };

export type LedgerLine = {
  id: number;
  /** YYYY-MM-DD. */
  date: string;
  kind: LedgerKind;
  document: string | null;
  orderNumber: string | null;
  /** As accounting sent it (payments and compensations positive). */
  amount: string;
  /** What it does to the dealer's debt: positive, he owes more. */
  effect: string;
  dueDate: string | null;
  /** The balance of the whole ledger after this line (by date, then id). */
  balanceAfter: string;
};

export type Ledger = {
  currency: string;
  from: string;
  to: string;
  /** The balance of the whole ledger at the start of `from` (what the dealer owes; negative: the factory owes). */
  openingBalance: string;
  entries: LedgerLine[];
  /** The balance of the whole ledger at the end of `to`. */
  closingBalance: string;
  /** Sum of debits (effect > 0) and credits (-effect where effect < 0) of the whole period, unfiltered. */
  turnover: { debit: string; credit: string };
};

export type LedgerFilter = {
  /** First day of the period, inclusive (YYYY-MM-DD). */
  from: string;
  /** Last day of the period, inclusive (YYYY-MM-DD). */
  to: string;
  /** Narrow the lines to one kind. */
  kind?: LedgerKind;
  /** Narrow the lines to those whose document or order number contains this text (wildcards literal). */
  q?: string;
};

/** A LIKE pattern that matches the text anywhere, with the text's own wildcards taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The SQL conditions of the optional line filters (kind, q) on the ledger rows. */
function lineFilters(filter: Pick<LedgerFilter, 'kind' | 'q'>): SQL {
  const conditions: SQL[] = [sql`true`];
  if (filter.kind) conditions.push(sql`kind = ${filter.kind}::ledger_kind`);
  const q = filter.q?.trim();
  if (q) {
    const pattern = containsPattern(q);
    conditions.push(sql`(coalesce(document, '') ilike ${pattern} or coalesce(order_number, '') ilike ${pattern})`);
  }
  return sql.join(conditions, sql` and `);
}

type LineRow = {
  id: number | string;
  date: string;
  kind: LedgerKind;
  document: string | null;
  order_number: string | null;
  amount: string;
  effect: string;
  due_date: string | null;
  balance_after: string;
};

type EdgeRow = { opening: string; closing: string; debit: string; credit: string; currency: string | null };

/**
 * The dealer's ledger from `from` to `to` inclusive. The running balance is a window sum over the
 * whole ledger ordered by date then id; the kind and q filters narrow the lines shown, but the
 * opening, closing and running balances and the turnover stay those of the whole ledger.
 */
export async function getLedgerForDealer(db: DbOrTx, scope: DealerScope, filter: LedgerFilter): Promise<Ledger> {
  const dealerId = assertDealerScope(scope);
  checkFilter(filter);
  const [lines, edges] = await Promise.all([selectLines(db, dealerId, filter, null), selectEdges(db, dealerId, filter)]);
  return { ...edges, entries: lines.entries };
}

export type LedgerPage = Ledger & {
  /** Lines matching the filters in the whole period (entries holds at most `limit` of them). */
  totalLines: number;
  offset: number;
  limit: number;
};

export const LEDGER_PAGE_SIZE = 100;

/**
 * One page of the ledger for the page: `limit` lines from `offset` (in date, id order) of the
 * lines matching the filters; balances as in getLedgerForDealer. A period of thousands of lines
 * costs the database one window pass and sends the browser one page.
 */
export async function getLedgerPageForDealer(
  db: DbOrTx,
  scope: DealerScope,
  filter: LedgerFilter,
  page: { offset: number; limit?: number },
): Promise<LedgerPage> {
  const dealerId = assertDealerScope(scope);
  checkFilter(filter);
  const limit = Math.min(Math.max(Math.trunc(page.limit ?? LEDGER_PAGE_SIZE), 1), 1000);
  const offset = Math.max(Math.trunc(page.offset), 0);
  const [lines, edges] = await Promise.all([selectLines(db, dealerId, filter, { offset, limit }), selectEdges(db, dealerId, filter)]);
  return { ...edges, entries: lines.entries, totalLines: lines.total, offset, limit };
}

function checkFilter(filter: LedgerFilter) {
  if (!DATE.test(filter.from) || !DATE.test(filter.to)) throw new RangeError(`A ledger period needs YYYY-MM-DD dates, got ${filter.from}..${filter.to}`);
  if (filter.kind && !LEDGER_KINDS.includes(filter.kind)) throw new RangeError(`Unknown ledger kind ${filter.kind}`);
}

async function selectLines(
  db: DbOrTx,
  dealerId: number,
  filter: LedgerFilter,
  page: { offset: number; limit: number } | null,
): Promise<{ entries: LedgerLine[]; total: number }> {
  const { from, to } = filter;
  const l = ledgerEntries;
  const result = await db.execute(sql`
    with opening as (
      select coalesce(sum(${l.effect}), 0) as balance
      from ${l}
      where ${l.dealerId} = ${dealerId} and ${l.date} < ${from}::date
    ), period as (
      select ${l.id} as id, ${l.date} as date, ${l.kind} as kind,
             ${l.document} as document, ${l.orderNumber} as order_number,
             ${l.amount} as amount, ${l.effect} as effect, ${l.dueDate} as due_date,
             sum(${l.effect}) over (order by ${l.date}, ${l.id} rows between unbounded preceding and current row) as running
      from ${l}
      where ${l.dealerId} = ${dealerId} and ${l.date} between ${from}::date and ${to}::date
    )
    select id, date::text as date, kind::text as kind, document, order_number,
           amount::text as amount, effect::text as effect, due_date::text as due_date,
           (opening.balance + running)::numeric(18,2)::text as balance_after,
           count(*) over () as line_count
    from period, opening
    where ${lineFilters(filter)}
    order by period.date, period.id
    ${page ? sql`limit ${page.limit} offset ${page.offset}` : sql``}
  `);
  const rows = rowsOf<LineRow & { line_count: number | string }>(result);
  let lineCount = rows[0] ? Number(rows[0].line_count) : 0;
  if (page && rows.length === 0 && page.offset > 0) {
    // Past the last page: count what there is, so the page can offer a way back.
    const counted = rowsOf<{ line_count: number | string }>(
      await db.execute(sql`
        select count(*) as line_count from (
          select ${l.kind} as kind, ${l.document} as document, ${l.orderNumber} as order_number
          from ${l} where ${l.dealerId} = ${dealerId} and ${l.date} between ${from}::date and ${to}::date
        ) period where ${lineFilters(filter)}
      `),
    );
    lineCount = Number(counted[0]?.line_count ?? 0);
  }
  return {
    total: lineCount,
    entries: rows.map((r) => ({
      id: Number(r.id),
      date: r.date,
      kind: r.kind,
      document: r.document,
      orderNumber: r.order_number,
      amount: r.amount,
      effect: r.effect,
      dueDate: r.due_date,
      balanceAfter: r.balance_after,
    })),
  };
}

async function selectEdges(db: DbOrTx, dealerId: number, filter: LedgerFilter): Promise<Omit<Ledger, 'entries'>> {
  const { from, to } = filter;
  const l = ledgerEntries;
  const result = await db.execute(sql`
    select (o.balance)::numeric(18,2)::text as opening,
           (o.balance + p.total)::numeric(18,2)::text as closing,
           p.debit::numeric(18,2)::text as debit,
           p.credit::numeric(18,2)::text as credit,
           (select ${dealers.currency} from ${dealers} where ${dealers.id} = ${dealerId}) as currency
    from (
      select coalesce(sum(${l.effect}), 0) as balance
      from ${l}
      where ${l.dealerId} = ${dealerId} and ${l.date} < ${from}::date
    ) o, (
      select coalesce(sum(${l.effect}), 0) as total,
             coalesce(sum(${l.effect}) filter (where ${l.effect} > 0), 0) as debit,
             coalesce(sum(-${l.effect}) filter (where ${l.effect} < 0), 0) as credit
      from ${l}
      where ${l.dealerId} = ${dealerId} and ${l.date} between ${from}::date and ${to}::date
    ) p
  `);
  const [edges] = rowsOf<EdgeRow>(result);
  return {
    currency: edges?.currency ?? 'UAH',
    from,
    to,
    openingBalance: edges?.opening ?? '0.00',
    closingBalance: edges?.closing ?? '0.00',
    turnover: { debit: edges?.debit ?? '0.00', credit: edges?.credit ?? '0.00' },
  };
}

export type DealerRequisites = {
  name: string;
  code: string;
  taxId: string;
  address: string | null;
  town: string | null;
  region: string | null;
  phone: string | null;
  email: string | null;
  currency: string;
};

/** The dealer's own details, as a reconciliation statement prints them. Null if the dealer is gone. */
export async function getDealerRequisites(db: DbOrTx, scope: DealerScope): Promise<DealerRequisites | null> {
  const dealerId = assertDealerScope(scope);
  const [row] = await db
    .select({
      name: dealers.name,
      code: dealers.code,
      taxId: dealers.taxId,
      address: dealers.address,
      town: dealers.town,
      region: dealers.region,
      phone: dealers.phone,
      email: dealers.email,
      currency: dealers.currency,
    })
    .from(dealers)
    .where(eq(dealers.id, dealerId))
    .limit(1);
  return row ?? null;
}
