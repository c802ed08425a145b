import 'server-only';
import { sql } from 'drizzle-orm';
import { ledgerEntries } from '@/drizzle/schema';
import { assertDealerScope, type DealerScope } from '@/lib/auth/scope';
import { rowsOf, type DbOrTx } from '@/lib/db';

export type BalancePoint = { date: string; balance: string };
export type MonthPayments = { month: string; paid: string };
export type BalanceSeries = { step: 'day' | 'week'; points: BalancePoint[] };

/** Periods up to this many days are drawn day by day; longer ones week by week. */
export const DAILY_UP_TO_DAYS = 92;

/**
 * The balance at the end of each day (periods up to 92 days) or each week (the Sunday, and the
 * period's last day) from `from` to `to` inclusive: the opening balance plus a running sum of the
 * daily totals, in the database.
 */
export async function getBalanceSeriesForDealer(db: DbOrTx, scope: DealerScope, period: { from: string; to: string }): Promise<BalanceSeries> {
  const dealerId = assertDealerScope(scope);
  const l = ledgerEntries;
  const rows = rowsOf<{ day: string; balance: string; days: number | string }>(
    await db.execute(sql`
      with days as (
        select d::date as day from generate_series(${period.from}::date, ${period.to}::date, interval '1 day') d
      ), daily as (
        select ${l.date} as day, sum(${l.effect}) as total
        from ${l}
        where ${l.dealerId} = ${dealerId} and ${l.date} between ${period.from}::date and ${period.to}::date
        group by ${l.date}
      ), opening as (
        select coalesce(sum(${l.effect}), 0) as balance from ${l} where ${l.dealerId} = ${dealerId} and ${l.date} < ${period.from}::date
      ), running as (
        select days.day, opening.balance + sum(coalesce(daily.total, 0)) over (order by days.day) as balance
        from days left join daily using (day) cross join opening
      )
      select day::text as day, balance::numeric(18,2)::text as balance, (${period.to}::date - ${period.from}::date + 1) as days
      from running
      where (${period.to}::date - ${period.from}::date + 1) <= ${DAILY_UP_TO_DAYS}
         or extract(isodow from day) = 7 or day = ${period.to}::date
      order by day
    `),
  );
  const days = rows[0] ? Number(rows[0].days) : 0;
  return { step: days > DAILY_UP_TO_DAYS ? 'week' : 'day', points: rows.map((r) => ({ date: r.day, balance: r.balance })) };
}

/** Payments received in each calendar month touching the period (months with none answer 0.00). */
export async function getPaymentsByMonthForDealer(db: DbOrTx, scope: DealerScope, period: { from: string; to: string }): Promise<MonthPayments[]> {
  const dealerId = assertDealerScope(scope);
  const l = ledgerEntries;
  const rows = rowsOf<{ month: string; paid: string }>(
    await db.execute(sql`
      with months as (
        select m::date as month
        from generate_series(date_trunc('month', ${period.from}::date), date_trunc('month', ${period.to}::date), interval '1 month') m
      ), paid as (
        select date_trunc('month', ${l.date})::date as month, sum(${l.amount}) as total
        from ${l}
        where ${l.dealerId} = ${dealerId} and ${l.kind} = 'payment' and ${l.date} between ${period.from}::date and ${period.to}::date
        group by 1
      )
      select to_char(months.month, 'YYYY-MM') as month, coalesce(paid.total, 0)::numeric(18,2)::text as paid
      from months left join paid using (month)
      order by months.month
    `),
  );
  return rows;
}
