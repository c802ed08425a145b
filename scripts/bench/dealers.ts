// Benchmark of the factory's dealers list (/factory/dealers) on a database of 3,000 dealers and
// 3,000,000 ledger entries: the list's page as the data layer reads it (lib/dealers/list.ts, called
// in this process with a factory manager's actor): the first page and a page deep in by name, the
// first page by code, a search, the sort by balance (all dealers and one region), the dealer page
// (lib/dealers/detail.ts) and, for comparison, the receivables page that reads the same ledger
// (lib/finance/receivables.ts); p50/p95 over a number of runs, and the query plans (explain
// analyze) of the list's statement.
//
//   npx tsx scripts/bench/dealers.ts [--dealers 3000] [--ledger 3000000] [--runs 30] [--out docs/BENCHMARKS.md]
//                                    [--database-url postgres://postgres@127.0.0.1:5432/test]
//                                    [--keep] [--reuse portal_bench_dealers_<id>|portal_bench_orders_<id>|portal_bench_reports_<id>]
//
// It creates a database portal_bench_dealers_<random> on the --database-url server, applies the
// migrations and seeds the demo data (as the server does with SEED_DEMO=1; no server is started:
// the queries are called directly), then fills it with SQL (generate_series) up to --dealers
// dealers and --ledger ledger entries (invoices and delivery charges due in 14 or 30 days, payments
// and a few adjustments over three years, spread evenly over the dealers, some of them paying
// late or paying ahead). The database is dropped at the end unless --keep; --reuse runs on a
// database kept earlier by this benchmark or by the orders or reports benchmark (its migrations are
// brought up to date first, and dealers and ledger entries topped up to the figures asked for).
// Every loop is bounded, and a watchdog ends a hung run.
import { PgDialect } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import {
  allowServerOnlyModules,
  benchDatabase,
  benchmarksIntro,
  describeMachine,
  eachFlag,
  explainPlan,
  fmtInt,
  fmtMs,
  guardRun,
  type Machine,
  markdownTable,
  parseOptions,
  percentile,
  type Plan,
  planTable,
  runMain,
  textArg,
  timed,
  UsageError,
  wholeArg,
  writeSection,
} from './common';

allowServerOnlyModules();

const USAGE =
  'Usage: npx tsx scripts/bench/dealers.ts [--dealers 3000] [--ledger 3000000] [--runs 30] [--out docs/BENCHMARKS.md]\n' +
  '                                        [--database-url postgres://postgres@127.0.0.1:5432/test]\n' +
  '                                        [--keep] [--reuse portal_bench_dealers_<id>|portal_bench_orders_<id>|portal_bench_reports_<id>]';

const TARGET_P95_MS = 100;
/** Ledger entries inserted per statement while filling. */
const CHUNK = 500_000;
const BUDGET_MS = 60 * 60_000;
const SECTION = '## Factory dealers list';

type Options = { dealers: number; ledger: number; runs: number; out: string; databaseUrl: string; keep: boolean; reuse: string | null };

function parseArgs(argv: readonly string[]): Options {
  const options: Options = {
    dealers: 3000,
    ledger: 3_000_000,
    runs: 30,
    out: 'docs/BENCHMARKS.md',
    databaseUrl: 'postgres://postgres@127.0.0.1:5432/test',
    keep: false,
    reuse: null,
  };
  eachFlag(argv, USAGE, (flag, value) => {
    switch (flag) {
      case '--dealers':
        options.dealers = wholeArg(flag, value(), 100, 100_000);
        return true;
      case '--ledger':
        options.ledger = wholeArg(flag, value(), 1_000, 30_000_000);
        return true;
      case '--runs':
        options.runs = wholeArg(flag, value(), 2, 1000);
        return true;
      case '--out':
        options.out = textArg(flag, value());
        return true;
      case '--database-url': {
        const url = textArg(flag, value());
        if (!/^postgres(ql)?:\/\//.test(url)) throw new UsageError(`--database-url must be a postgres:// URL, got "${url}"`);
        options.databaseUrl = url;
        return true;
      }
      case '--keep':
        options.keep = true;
        return true;
      case '--reuse': {
        const name = textArg(flag, value());
        if (!/^portal_bench_(dealers|orders|reports)_[a-z0-9]+$/.test(name)) {
          throw new UsageError(`--reuse takes a database this benchmark or the orders or reports benchmark kept, got "${name}"`);
        }
        options.reuse = name;
        return true;
      }
      default:
        return false;
    }
  });
  return options;
}

// ---------------------------------------------------------------------------------------------
// Filling the database: plain SQL, set-based.

type Counts = { dealers: number; ledger: number; claims: number; orders: number };

async function fill(sql: postgres.Sql, options: Options): Promise<boolean> {
  const regions = (await sql<{ region: string }[]>`select distinct region from dealers where region is not null order by region`).map((r) => r.region);
  const [{ n: existingDealers } = { n: 0 }] = await sql<{ n: number }[]>`select count(*)::int as n from dealers`;
  const [{ n: existingLedger } = { n: 0 }] = await sql<{ n: number }[]>`select count(*)::int as n from ledger_entries`;
  const newDealers = Math.max(0, options.dealers - existingDealers);
  const newEntries = Math.max(0, options.ledger - existingLedger);
  if (!newDealers && !newEntries) return false;

  if (newDealers) {
    await timed(`${fmtInt(newDealers)} dealers`, () => sql`
      insert into dealers (code, name, tax_id, region, town, currency, payer_category)
      select 'BD-' || lpad(i::text, 6, '0'), 'Дилер BD-' || lpad(i::text, 6, '0'), 'B' || lpad(i::text, 9, '0'),
             (${sql.array(regions.length ? regions : ['Київська'])}::text[])[1 + i % ${Math.max(regions.length, 1)}], 'Місто ' || (i % 300),
             'UAH', (array['punctual', 'punctual', 'hesitant', 'unreliable'])[1 + i % 4]::payer_category
      from generate_series(1, ${newDealers}) i
      on conflict do nothing`);
  }
  await sql`drop table if exists bench_dealers`;
  await sql`create unlogged table bench_dealers (idx int primary key, id bigint not null)`;
  await sql`insert into bench_dealers select row_number() over (order by id), id from dealers`;
  const [{ n: dealerCount } = { n: 0 }] = await sql<{ n: number }[]>`select count(*)::int as n from bench_dealers`;

  // Entry i goes to dealer 1 + (i * 7919) mod n. Six in ten are invoices and one in ten a delivery
  // charge (due in 14 or 30 days), one in twenty an adjustment, the rest payments; how much a
  // dealer pays against what it is billed depends on the dealer (from 80 % to 105 %), so some owe
  // a lot, some a little and some are ahead.
  await sql`select setseed(0.42)`;
  const offset = await sql<{ n: number }[]>`select coalesce(max(substr(document_id, 4)::int), 0)::int as n from ledger_entries where source = 'bench' and document_id like 'BL-%'`;
  const base = offset[0]?.n ?? 0;
  for (let from = 1; from <= newEntries; from += CHUNK) {
    const to = Math.min(newEntries, from + CHUNK - 1);
    await timed(`ledger entries ${fmtInt(from)}–${fmtInt(to)}`, () => sql`
      insert into ledger_entries (source, document_id, dealer_id, kind, amount, effect, currency, date, due_date, document, source_updated_at, updated_at)
      select 'bench', 'BL-' || lpad((${base} + g.i)::text, 9, '0'), d.id, k.kind::ledger_kind, a.amount,
             case when k.kind in ('payment', 'compensation') then -a.amount else a.amount end,
             'UAH', x.day, case when k.kind in ('invoice', 'delivery_charge') then x.day + (case when g.i % 3 = 0 then 30 else 14 end) end,
             'Документ ' || g.i, now(), now() - (g.i % 1000) * interval '1 hour'
      from generate_series(${from}::int, ${to}::int) g(i)
      join bench_dealers d on d.idx = 1 + ((g.i::bigint * 7919) % ${dealerCount})
      cross join lateral (select case when g.i % 20 < 12 then 'invoice' when g.i % 20 < 14 then 'delivery_charge'
                                      when g.i % 20 = 14 then 'adjustment' else 'payment' end as kind) k
      cross join lateral (select (current_date - (random() * 1095)::int) as day) x
      cross join lateral (select (case k.kind
                                    when 'invoice' then 2000 + (g.i * 31) % 40000 + (g.i % 100) / 100.0
                                    when 'delivery_charge' then 800 + (g.i % 7) * 100
                                    when 'adjustment' then (g.i % 11) * 10 - 50
                                    -- Payments: five in twenty entries carry the dealer's share of twelve invoices and two charges.
                                    else (12 * (2000 + 20000) + 2 * 1100) / 5.0 * (0.8 + (d.idx % 26) / 100.0) * (0.9 + random() * 0.2)
                                  end)::numeric(14, 2) as amount) a`);
  }
  await sql`drop table bench_dealers`;
  await timed('vacuum and analyze', () => sql`vacuum (analyze) dealers, ledger_entries, claims`);
  return true;
}

async function countRows(sql: postgres.Sql): Promise<Counts> {
  const [row] = await sql<Counts[]>`
    select (select count(*) from dealers)::int as dealers, (select count(*) from ledger_entries)::int as ledger,
           (select count(*) from claims)::int as claims, (select count(*) from orders)::int as orders`;
  if (!row) throw new Error('Could not count the rows.');
  return row;
}

// ---------------------------------------------------------------------------------------------
// Measuring

type Timing = { label: string; latencies: number[] };

function timingTable(timings: Timing[]): string {
  return markdownTable(
    ['query', 'runs', 'p50 ms', 'p95 ms', 'max ms'],
    timings.map((t) => [t.label, String(t.latencies.length), fmtMs(percentile(t.latencies, 50)), fmtMs(percentile(t.latencies, 95)), fmtMs(t.latencies.at(-1) ?? NaN)]),
    [false, true, true, true, true],
  );
}

type Report = {
  command: string;
  date: string;
  machine: Machine;
  database: string;
  fillSeconds: number | null;
  counts: Counts;
  timings: Timing[];
  /** The rows under the target: every list page but the sort by balance of all dealers. */
  targetLabels: string[];
  /** The sort by balance of all dealers: as fast as it can be, it reads every ledger entry. */
  wholeLedgerLabel: string;
  plans: Plan[];
};

function renderSection(report: Report): string {
  const m = report.machine;
  const c = report.counts;
  const list = report.timings.filter((t) => report.targetLabels.includes(t.label));
  const worst = list.reduce((a, t) => (percentile(t.latencies, 95) > percentile(a.latencies, 95) ? t : a), list[0] as Timing);
  const worstP95 = percentile(worst.latencies, 95);
  const whole = report.timings.find((t) => t.label === report.wholeLedgerLabel);
  return [
    SECTION,
    '',
    `The list of \`/factory/dealers\` (lib/dealers/list.ts) and a dealer's page (lib/dealers/detail.ts) called as the pages call them, with a factory manager's actor, ` +
      `against PostgreSQL holding ${fmtInt(c.dealers)} dealers, ${fmtInt(c.ledger)} ledger entries, ${fmtInt(c.orders)} orders and ${fmtInt(c.claims)} claims. ` +
      `Measured ${report.date} with \`${report.command}\` on ${m.nproc} CPUs (\`nproc\`, ${m.cpuModel}), ${m.memoryGiB} GiB memory, Node ${m.node}, PostgreSQL ${m.postgres} on the same machine; load average before the run ${m.load}.`,
    '',
    report.fillSeconds !== null
      ? `Filling took ${Math.round(report.fillSeconds)} s (migrations and the demo seed, then set-based SQL with \`generate_series\`; \`vacuum (analyze)\` at the end).`
      : `The database was filled by an earlier run (\`--reuse ${report.database}\`).`,
    '',
    'Each row: the call one after another after one unrecorded warm-up call, pages of 50; the time from calling the data layer to having its rows in JavaScript. ' +
      'Searches and dealer codes vary per call. The receivables page (all dealers with their ageing, sorted by overdue) reads the same ledger and is there for comparison.',
    '',
    timingTable(report.timings),
    '',
    `**Target**: every list page ≤ ${TARGET_P95_MS} ms p95 at this size: the slowest is ${worst.label} at ${fmtMs(worstP95)} ms p95: **${worstP95 <= TARGET_P95_MS ? 'met' : 'not met'}**. ` +
      `The sort by balance of all dealers, which has to sum every ledger entry before it can cut a page, is outside it: ${fmtMs(whole ? percentile(whole.latencies, 50) : NaN)} ms p50, ${fmtMs(whole ? percentile(whole.latencies, 95) : NaN)} ms p95.`,
    '',
    'Query plans (`explain (analyze, buffers)`, second run) of the list\'s statement as the data layer sends it:',
    '',
    planTable(report.plans),
    '',
    'Sorted by name or code (or narrowed by a search), the dealers are filtered, sorted and cut to the page of 50 first (a top-N sort of at most a few thousand rows), and only then is the debt position of lib/finance/ageing.ts computed, for the page\'s dealers alone, each from ' +
      '`ledger_entries_dealer_covering_idx (dealer_id, effect, date, due_date, updated_at)` by an index-only scan: the rule reads no other column, so no ledger row is fetched from the table (before this index, each page read some 50,000 table pages, a dealer\'s entries being scattered over the table). ' +
      'Sorted by balance, every matching dealer\'s sum is needed before the page can be cut, so this sort grows with the ledger: for all dealers one pass over the whole covering index grouped by dealer (a parallel index-only scan of 3 M entries; ' +
      'the statement costs random reads as for cached data, `random_page_cost` 1.1 in its transaction, or the planner would read the whole table, twice as slow), for a region, category, search or "my dealers" each dealer\'s entries from the same index. ' +
      'The list\'s statement runs with JIT compilation off: the planner\'s estimate of the page\'s reads passes the JIT threshold and compiling cost 30–70 ms, more than a whole page. ' +
      'The dealer page\'s position and the receivables page\'s oldest overdue date per row read the same index alone.',
    '',
    `Run it again with \`${USAGE.replace(/^Usage: /, '').replace(/\n\s+/g, ' ')}\`; it creates and (without \`--keep\`) drops a database \`portal_bench_dealers_<random>\` and replaces this section.`,
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const options = parseOptions(parseArgs, USAGE);
  if (!options) return 2;
  const command = ['npx tsx scripts/bench/dealers.ts', ...process.argv.slice(2)].join(' ');
  const database = benchDatabase({ databaseUrl: options.databaseUrl, kind: 'dealers', reuse: options.reuse, keep: options.keep });
  const { name: databaseName, url: benchUrl } = database;

  // The data layer, loaded after the hook above is in place.
  const { openDatabase } = await import('@/lib/db/client');
  const { seedDemoData, isDatabaseEmpty } = await import('@/lib/demo/seed');
  const { factoryToday } = await import('@/lib/calendar');

  let bench: postgres.Sql | null = null;
  let handle: ReturnType<typeof openDatabase> | null = null;
  database.onCleanup(async () => handle?.close());
  database.onCleanup(async () => bench?.end({ timeout: 5 }));
  const disarm = guardRun(BUDGET_MS, database.cleanup);

  try {
    const machine = describeMachine(await database.serverVersion());
    await database.prepare();
    handle = openDatabase({ kind: 'postgres', url: benchUrl, poolMax: 2 });
    bench = postgres(benchUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
    const started = Date.now();
    await timed('migrations', () => handle!.migrate());
    if (await isDatabaseEmpty(handle.db)) await timed('demo data', () => seedDemoData(handle!.db));
    console.log(`Filling to ${fmtInt(options.dealers)} dealers and ${fmtInt(options.ledger)} ledger entries…`);
    const filled = await fill(bench, options);
    const fillSeconds = filled ? (Date.now() - started) / 1000 : null;
    const counts = await countRows(bench);
    console.log(`Database: ${fmtInt(counts.dealers)} dealers, ${fmtInt(counts.ledger)} ledger entries.`);

    const { listDealers, listDealersSettingsSql, listDealersSql } = await import('@/lib/dealers/list');
    const { getDealerDetail } = await import('@/lib/dealers/detail');
    const { listReceivables } = await import('@/lib/finance/receivables');
    const { DEFAULT_DEALER_FILTER, DEALERS_PAGE_SIZE } = await import('@/lib/dealers/list-filter');
    const { DEFAULT_RECEIVABLES_FILTER } = await import('@/lib/finance/receivables-filter');
    type Filter = Parameters<typeof listDealers>[2];

    const [actorRow] = await bench<{ id: string; name: string; email: string }[]>`select id, name, email from users where role = 'factory' and active order by email limit 1`;
    if (!actorRow) throw new Error('No factory manager in the database.');
    const actor = { userId: actorRow.id, role: 'factory' as const, dealerId: null, name: actorRow.name, email: actorRow.email, locale: null };
    const codes = (await bench<{ code: string }[]>`select code from dealers order by md5(code) limit 200`).map((r) => r.code);
    const [region] = await bench<{ region: string }[]>`select region from dealers where region is not null group by 1 order by count(*) desc limit 1`;
    const pages = Math.max(1, Math.ceil(counts.dealers / DEALERS_PAGE_SIZE));
    const deepPage = Math.max(1, Math.floor(pages * 0.8));
    // Parts of codes, names, towns and tax ids, from a few dealers to a few hundred.
    const searches = ['BD-0012', 'Місто 12', 'BD-002', '00000123', 'Дилер BD-0007', 'Місто 250', 'D-100', 'BD-0029'];

    const db = handle.db;
    const today = factoryToday();
    let n = 0;
    const nth = <T>(list: readonly T[]) => list[n++ % list.length] as T;
    const page = (filter: Partial<Filter>): Filter => ({ ...DEFAULT_DEALER_FILTER, ...filter });
    const wholeLedgerLabel = 'by balance, largest first (all dealers)';
    const runs: { label: string; target: boolean; call: () => Promise<unknown> }[] = [
      { label: 'by name, first page', target: true, call: () => listDealers(db, actor, page({}), { today }) },
      { label: `by name, page ${deepPage} of ${pages}`, target: true, call: () => listDealers(db, actor, page({ page: deepPage }), { today }) },
      { label: 'by code, first page', target: true, call: () => listDealers(db, actor, page({ sort: 'code' }), { today }) },
      { label: 'search (code, name, town or tax id)', target: true, call: () => listDealers(db, actor, page({ q: nth(searches) }), { today }) },
      { label: wholeLedgerLabel, target: false, call: () => listDealers(db, actor, page({ sort: 'balance', dir: 'desc' }), { today }) },
      {
        label: `by balance, one region (${region?.region ?? '–'})`,
        target: true,
        call: () => listDealers(db, actor, page({ sort: 'balance', dir: 'desc', region: region?.region }), { today }),
      },
      { label: 'dealer page (card, users, orders, position, claims, audit)', target: false, call: () => getDealerDetail(db, actor, nth(codes), today) },
      { label: 'receivables page (all dealers, by overdue)', target: false, call: () => listReceivables(db, actor, { ...DEFAULT_RECEIVABLES_FILTER }, { today }) },
    ];
    const timings: Timing[] = [];
    for (const run of runs) {
      await run.call();
      const latencies: number[] = [];
      for (let i = 0; i < options.runs; i++) {
        const t0 = performance.now();
        await run.call();
        latencies.push(performance.now() - t0);
      }
      latencies.sort((a, b) => a - b);
      timings.push({ label: run.label, latencies });
      console.log(`${run.label}: p50 ${fmtMs(percentile(latencies, 50))} ms, p95 ${fmtMs(percentile(latencies, 95))} ms`);
    }

    console.log('Query plans…');
    const dialect = new PgDialect({ casing: 'snake_case' });
    const plans: Plan[] = [];
    for (const [label, filter] of [
      ['by name, first page', page({})],
      [`by name, page ${deepPage}`, page({ page: deepPage })],
      ['search "Місто 12"', page({ q: 'Місто 12' })],
      ['by balance, largest first', page({ sort: 'balance', dir: 'desc' })],
      [`by balance, one region`, page({ sort: 'balance', dir: 'desc', region: region?.region })],
    ] as const) {
      // With the settings the data layer gives the statement in its transaction.
      const settings = dialect.sqlToQuery(listDealersSettingsSql(filter));
      const prepare = (tx: postgres.TransactionSql) => tx.unsafe(settings.sql, settings.params as postgres.ParameterOrJSON<never>[]);
      plans.push(await explainPlan(bench, label, dialect.sqlToQuery(listDealersSql(actor, filter, today, DEALERS_PAGE_SIZE)), prepare));
    }
    console.log(planTable(plans));

    const report: Report = {
      command,
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      machine,
      database: databaseName,
      fillSeconds,
      counts,
      timings,
      targetLabels: runs.filter((r) => r.target).map((r) => r.label),
      wholeLedgerLabel,
      plans,
    };
    console.log('');
    console.log(timingTable(timings));
    writeSection(options.out, SECTION, renderSection(report), benchmarksIntro(machine));
    return 0;
  } finally {
    disarm();
    await database.cleanup();
  }
}

runMain(main);
