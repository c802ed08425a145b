import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import { auditLog, dealers, financeSettings, ledgerEntries } from '@/drizzle/schema';
import type { PayerCategory } from '@/drizzle/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { diffFields } from '@/lib/audit/record';
import { assertCan } from '@/lib/auth/assert';
import { factoryToday } from '@/lib/calendar';
import { rowsOf, type Db, type DbOrTx } from '@/lib/db';
import { log } from '@/lib/log';
import { DEFAULT_PAYER_RULE, payerCategoryOf, payerRuleSchema, type PayerRule } from './payer-rule';

// Payer categories computed from payment behaviour (the rule in words: ./payer-rule.ts) and
// stored on dealers.payer_category, where every screen reads it. Recomputed for all dealers by a
// timer in server.ts (payment behaviour changes with the calendar too: a debt left unpaid grows
// later every day) and at once when an administrator changes the thresholds. Not marked
// server-only because server.ts (plain Node) runs the timer; nothing here reaches a browser.

export type PayerRuleSettings = { rule: PayerRule; updatedAt: Date | null; updatedById: string | null };

/** The thresholds in force: the administrator's, else the defaults. */
export async function getPayerRule(db: DbOrTx): Promise<PayerRuleSettings> {
  const [row] = await db.select().from(financeSettings).where(eq(financeSettings.id, 1)).limit(1);
  if (!row) return { rule: DEFAULT_PAYER_RULE, updatedAt: null, updatedById: null };
  const { id: _id, updatedAt, updatedById, ...rule } = row;
  return { rule, updatedAt, updatedById };
}

export type PayerFigures = {
  /** Amount-weighted average days late, truncated to 2 decimals (so it compares with whole thresholds exactly). */
  avgDaysLate: string;
  /** Percentage of the amount paid or open more than graceDays late, truncated to 2 decimals. */
  latePercent: string;
  /** The amount looked at. */
  amount: string;
};

/**
 * Steps 1-3 of the rule for the dealers whose ledger rows match `where`: one row per dealer with
 * anything looked at (dealer_id, avg_days, late_pct, amount). Credits and debts are matched first
 * in, first out by cumulative amounts: each credit and debt is a point at its running total, and
 * the part between two neighbouring points was paid by the next credit and belongs to the next
 * debt (a window counting debts and credits from the top finds both), in O(n log n) per dealer.
 */
function payerFiguresSql(today: string, rule: PayerRule, where: SQL): SQL {
  const l = ledgerEntries;
  const since = sql`(${today}::date - make_interval(months => ${rule.lookbackMonths}))::date`;
  return sql`
    with e as (
      select ${l.dealerId} as dealer_id, ${l.id} as id, ${l.date} as date, coalesce(${l.dueDate}, ${l.date}) as due_on, ${l.effect} as effect
      from ${l}
      where ${where} and ${l.effect} <> 0
    ), points as (
      select dealer_id, id, 1 as kind, due_on, null::date as paid_on,
             sum(effect) over (partition by dealer_id order by due_on, id) as hi
      from e where effect > 0
      union all
      select dealer_id, id, 0, null, date,
             sum(-effect) over (partition by dealer_id order by date, id)
      from e where effect < 0
    ), counted as (
      select dealer_id, due_on, paid_on,
             hi - coalesce(lag(hi) over up, 0) as part,
             count(due_on) over down as debt_no,
             count(paid_on) over down as credit_no
      from points
      window up as (partition by dealer_id order by hi, kind, id),
             down as (partition by dealer_id order by hi desc, kind desc, id desc rows unbounded preceding)
    ), parts as (
      select dealer_id, part, debt_no,
             max(due_on) over (partition by dealer_id, debt_no) as due_on,
             case when credit_no = 0 then null else max(paid_on) over (partition by dealer_id, credit_no) end as paid_on
      from counted
    ), late as (
      select dealer_id, part, greatest(0, coalesce(paid_on, ${today}::date) - due_on) as days
      from parts
      where debt_no > 0 and part > 0 and due_on < ${today}::date
        and (due_on >= ${since} or paid_on is null or paid_on >= ${since})
    )
    select dealer_id,
           -- Truncated to hundredths by an exact integer division (div), never rounded up to a threshold.
           (div(100 * sum(part * days), sum(part)) / 100)::numeric(12,2)::text as avg_days,
           (div(10000 * coalesce(sum(part) filter (where days > ${rule.graceDays}), 0), sum(part)) / 100)::numeric(12,2)::text as late_pct,
           sum(part)::numeric(18,2)::text as amount
    from late
    group by dealer_id
  `;
}

type FiguresRow = { dealer_id: number | string; avg_days: string; late_pct: string; amount: string };

/** The figures of the rule per dealer id (dealers with nothing looked at are missing). */
export async function getPayerFigures(db: DbOrTx, rule: PayerRule, options: { dealerIds?: number[]; today?: string } = {}): Promise<Map<number, PayerFigures>> {
  const today = options.today ?? factoryToday();
  const where = options.dealerIds ? inArray(ledgerEntries.dealerId, options.dealerIds.length ? options.dealerIds : [-1]) : sql`true`;
  const rows = rowsOf<FiguresRow>(await db.execute(payerFiguresSql(today, rule, where)));
  return new Map(rows.map((r) => [Number(r.dealer_id), { avgDaysLate: r.avg_days, latePercent: r.late_pct, amount: r.amount }]));
}

/** Several processes run the timer; one recomputes at a time. */
const RECOMPUTE_LOCK = 724_201_007;

export type RecomputeResult = { dealers: number; changed: number; skipped?: true };

/**
 * Computes the payer category of one dealer (`dealerId`) or of every dealer and stores the ones
 * that changed, each with an audit row (the figures that decided it). Answers how many changed.
 */
export async function recomputePayerCategories(
  db: Db,
  options: { dealerId?: number; today?: string; actorId?: string } = {},
): Promise<RecomputeResult> {
  const today = options.today ?? factoryToday();
  return db.transaction(async (tx) => {
    if (options.dealerId === undefined && options.actorId) {
      // Someone waits for the answer: after a timer's run, if one is going.
      await tx.execute(sql`select pg_advisory_xact_lock(${RECOMPUTE_LOCK})`);
    } else if (options.dealerId === undefined) {
      const [lock] = rowsOf<{ ok: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${RECOMPUTE_LOCK}) as ok`));
      if (!lock?.ok) return { dealers: 0, changed: 0, skipped: true };
    }
    const { rule } = await getPayerRule(tx);
    const ids = options.dealerId === undefined ? undefined : [options.dealerId];
    const figures = await getPayerFigures(tx, rule, { dealerIds: ids, today });
    const current = await tx
      .select({ id: dealers.id, code: dealers.code, category: dealers.payerCategory })
      .from(dealers)
      .where(ids ? inArray(dealers.id, ids) : undefined);
    const changes: { id: number; code: string; from: PayerCategory; to: PayerCategory; figures: PayerFigures | null }[] = [];
    for (const dealer of current) {
      const f = figures.get(dealer.id) ?? null;
      const to = payerCategoryOf(rule, f?.avgDaysLate ?? null, f?.latePercent ?? null);
      if (to !== dealer.category) changes.push({ id: dealer.id, code: dealer.code, from: dealer.category, to, figures: f });
    }
    for (const category of ['punctual', 'hesitant', 'unreliable'] as const) {
      const ids = changes.filter((c) => c.to === category).map((c) => c.id);
      for (let i = 0; i < ids.length; i += 1000) {
        await tx
          .update(dealers)
          .set({ payerCategory: category, updatedAt: sql`now()` })
          .where(inArray(dealers.id, ids.slice(i, i + 1000)));
      }
    }
    for (let i = 0; i < changes.length; i += 500) {
      await tx.insert(auditLog).values(
        changes.slice(i, i + 500).map((c) => ({
          actorKind: options.actorId ? ('user' as const) : ('system' as const),
          actorId: options.actorId ?? 'payer-category',
          action: 'dealer.payer_category',
          entityType: 'dealer',
          entityId: c.code,
          dealerId: c.id,
          data: { from: c.from, to: c.to, today, ...(c.figures ?? {}), rule },
        })),
      );
    }
    if (changes.length) log.info('payer categories recomputed', { dealers: current.length, changed: changes.length, today });
    return { dealers: current.length, changed: changes.length };
  });
}

export type SaveRuleResult = { ok: true; changed: number } | { ok: false; error: 'invalid'; fields: Partial<Record<keyof PayerRule, string>> };

/** An administrator sets the thresholds; every dealer's category is recomputed with them at once. */
export async function savePayerRule(db: Db, actor: Actor | null, input: unknown, options: { today?: string } = {}): Promise<SaveRuleResult> {
  assertCan(actor, 'finance.settings');
  const parsed = payerRuleSchema.safeParse(input);
  if (!parsed.success) {
    const fields: Partial<Record<keyof PayerRule, string>> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as keyof PayerRule;
      fields[key] ??= issue.message === 'belowHesitant' ? 'belowHesitant' : 'outOfRange';
    }
    return { ok: false, error: 'invalid', fields };
  }
  const rule = parsed.data;
  const now = new Date();
  await db.transaction(async (tx) => {
    const { rule: before } = await getPayerRule(tx);
    await tx
      .insert(financeSettings)
      .values({ id: 1, ...rule, updatedById: actor.userId, updatedAt: now })
      .onConflictDoUpdate({ target: financeSettings.id, set: { ...rule, updatedById: actor.userId, updatedAt: now } });
    await tx.insert(auditLog).values({
      actorKind: 'user',
      actorId: actor.userId,
      action: 'finance.payer_rule',
      entityType: 'finance_settings',
      entityId: '1',
      data: { changes: diffFields(before, rule), before, after: rule },
    });
  });
  const { changed } = await recomputePayerCategories(db, { actorId: actor.userId, today: options.today });
  return { ok: true, changed };
}

/** The payer categories of these dealers (by code), for staff screens that list dealers. */
export async function getPayerCategoriesByCode(db: DbOrTx, actor: Actor | null, codes: string[]): Promise<Map<string, PayerCategory>> {
  assertCan(actor, 'orders.readAll');
  if (!codes.length) return new Map();
  const rows = await db.select({ code: dealers.code, category: dealers.payerCategory }).from(dealers).where(inArray(dealers.code, codes));
  return new Map(rows.map((r) => [r.code, r.category]));
}
