// Benchmark of the factory's reports (/factory/reports) on a database of 3,000 dealers and
// 1,000,000 orders with their status history and trips: each report's query as the data layer
// runs it (lib/reports/factory.ts, called in this process with a factory manager's actor), for the
// last 30, 90 and 365 days, for all plants and for one plant, p50/p95 over a few runs, and the
// query plans (explain analyze) of the orders and deliveries reports.
//
//   npx tsx scripts/bench/reports.ts [--dealers 3000] [--orders 1000000] [--runs 7] [--out docs/BENCHMARKS.md]
//                                    [--database-url postgres://postgres@127.0.0.1:5432/test]
//                                    [--keep] [--reuse portal_bench_reports_<id>|portal_bench_orders_<id>]
//
// It creates a database portal_bench_reports_<random> on the --database-url server, applies the
// migrations and seeds the demo data (as the server does with SEED_DEMO=1; no server is started:
// the queries are called directly), then fills it with SQL (generate_series) up to --dealers
// dealers and --orders orders, one in ten of them at the second plant, each with its status
// history, and trips of fifteen orders (planned for the day of shipping, delivered with the last
// of their orders). The database is dropped at the end unless --keep; --reuse runs on a database
// kept earlier by this benchmark or by scripts/bench/orders.ts (its migrations are brought up to
// date first) and skips the filling. Every loop is bounded, and a watchdog ends a hung run.
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
  'Usage: npx tsx scripts/bench/reports.ts [--dealers 3000] [--orders 1000000] [--runs 7] [--out docs/BENCHMARKS.md]\n' +
  '                                        [--database-url postgres://postgres@127.0.0.1:5432/test]\n' +
  '                                        [--keep] [--reuse portal_bench_reports_<id>|portal_bench_orders_<id>]';

const TARGET_P95_MS = 500;
const PERIODS = [30, 90, 365] as const;
/** Orders inserted per statement while filling. */
const CHUNK = 100_000;
const BUDGET_MS = 90 * 60_000;

type Options = { dealers: number; orders: number; runs: number; out: string; databaseUrl: string; keep: boolean; reuse: string | null };

function parseArgs(argv: readonly string[]): Options {
  const options: Options = {
    dealers: 3000,
    orders: 1_000_000,
    runs: 7,
    out: 'docs/BENCHMARKS.md',
    databaseUrl: 'postgres://postgres@127.0.0.1:5432/test',
    keep: false,
    reuse: null,
  };
  eachFlag(argv, USAGE, (flag, value) => {
    switch (flag) {
      case '--dealers':
        options.dealers = wholeArg(flag, value(), 50, 100_000);
        return true;
      case '--orders':
        options.orders = wholeArg(flag, value(), 1_000, 10_000_000);
        return true;
      case '--runs':
        options.runs = wholeArg(flag, value(), 2, 100);
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
        if (!/^portal_bench_(reports|orders)_[a-z0-9]+$/.test(name)) throw new UsageError(`--reuse takes a database this benchmark or the orders benchmark kept, got "${name}"`);
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
// Filling the database: plain SQL, set-based (the constructions of the orders are left out: no
// report reads them).

const SURNAMES = ['Коваленко', 'Шевчук', 'Мельник', 'Бондаренко', 'Ткаченко', 'Кравченко', 'Олійник', 'Литвиненко', 'Савченко', 'Руденко'];

type Counts = {
  dealers: number;
  orders: number;
  history: number;
  trips: number;
  secondPlantOrders: number;
  claims: number;
  ledger: number;
  /** Rows of order_moves_daily, and the moves they count (as many as history rows when exact). */
  dailyRows: number;
  dailyMoves: number;
};

async function fill(sql: postgres.Sql, options: Options): Promise<void> {
  const plantRows = await sql<{ id: string }[]>`select id from plants order by is_main desc, id limit 2`;
  const [main, second] = plantRows;
  if (!main || !second) throw new Error('The demo data should have two plants.');
  const regions = (await sql<{ region: string }[]>`select distinct region from dealers where region is not null order by region`).map((r) => r.region);
  const [{ n: existingDealers } = { n: 0 }] = await sql<{ n: number }[]>`select count(*)::int as n from dealers`;
  const [{ n: existingOrders } = { n: 0 }] = await sql<{ n: number }[]>`select count(*)::int as n from orders`;

  const newDealers = Math.max(0, options.dealers - existingDealers);
  await timed(`${fmtInt(newDealers)} dealers`, () => sql`
    insert into dealers (code, name, tax_id, region, town, currency, payer_category)
    select 'BD-' || lpad(i::text, 6, '0'), 'Дилер BD-' || lpad(i::text, 6, '0'), 'B' || lpad(i::text, 9, '0'),
           (${sql.array(regions.length ? regions : ['Київська'])}::text[])[1 + i % ${Math.max(regions.length, 1)}], 'Місто ' || (i % 300),
           'UAH', (array['punctual', 'punctual', 'hesitant', 'unreliable'])[1 + i % 4]::payer_category
    from generate_series(1, ${newDealers}) i
    on conflict do nothing`);
  await sql`drop table if exists bench_dealers`;
  await sql`create unlogged table bench_dealers (idx int primary key, id bigint not null)`;
  await sql`insert into bench_dealers select row_number() over (order by id), id from dealers`;
  const [{ n: dealerCount } = { n: 0 }] = await sql<{ n: number }[]>`select count(*)::int as n from bench_dealers`;

  const total = Math.max(0, options.orders - existingOrders);
  await sql`select setseed(0.42)`;
  for (let from = 1; from <= total; from += CHUNK) {
    const to = Math.min(total, from + CHUNK - 1);
    const first = `BR-${String(from).padStart(8, '0')}`;
    const last = `BR-${String(to).padStart(8, '0')}`;
    await timed(`orders ${fmtInt(from)}–${fmtInt(to)} with their history`, async () => {
      await sql.begin(async (tx) => {
        await tx`
          insert into orders (number, dealer_id, plant_id, customer_ref, status, status_at, status_event_at, currency, total,
                              planned_delivery, created_at, accepted_at, in_production_at,
                              manufactured_at, shipped_at, delivered_at, cancelled_at, source_updated_at)
          select number, dealer_id, plant_id, customer_ref, status::order_status,
                 coalesce(cancelled_at, delivered_at, shipped_at, manufactured_at, in_production_at, accepted_at),
                 coalesce(cancelled_at, delivered_at, shipped_at, manufactured_at, in_production_at, accepted_at),
                 'UAH', total, (created_at + interval '14 days')::date, created_at,
                 accepted_at, in_production_at, manufactured_at, shipped_at, delivered_at, cancelled_at, created_at
          from (
            select t.*,
                   created_at + interval '1 minute' as accepted_at,
                   case when status not in ('accepted', 'cancelled') then created_at + interval '2 days' end as in_production_at,
                   case when status in ('manufactured', 'shipped', 'delivered') then created_at + interval '10 days' end as manufactured_at,
                   case when status in ('shipped', 'delivered') then created_at + interval '12 days' end as shipped_at,
                   case when status = 'delivered' then created_at + interval '13 days' end as delivered_at,
                   case when status = 'cancelled' then created_at + interval '1 day' end as cancelled_at
            from (
              select s.*,
                     case
                       when age < 2 then 'accepted'
                       when age < 10 then 'in_production'
                       when age < 12 then 'manufactured'
                       when age < 13 then 'shipped'
                       when r < 0.03 then 'cancelled'
                       else 'delivered'
                     end as status
              from (
                select 'BR-' || lpad(g.i::text, 8, '0') as number, d.id as dealer_id,
                       case when g.i % 10 = 0 then ${second.id}::bigint else ${main.id}::bigint end as plant_id,
                       (${sql.array(SURNAMES)}::text[])[1 + g.i % ${SURNAMES.length}] || ' ' || chr(1040 + g.i % 28) || '. ' || (g.i % 97) as customer_ref,
                       x.created_at, extract(epoch from now() - x.created_at) / 86400 as age, x.r,
                       (3500 + (g.i * 31) % 60000 + (g.i % 100) / 100.0)::numeric(14, 2) as total
                from generate_series(${from}::int, ${to}::int) g(i)
                cross join lateral (select now() - random() * interval '1095 days' - (g.i % 1000) * interval '1 second' as created_at, random() as r) x
                join bench_dealers d on d.idx = 1 + ((g.i::bigint * 7919) % ${dealerCount})
              ) s
            ) t
          ) u`;
        await tx`
          insert into order_status_history (order_id, status, occurred_at, applied)
          select o.id, st.status::order_status, st.at, true
          from orders o
          cross join lateral (values ('accepted', o.accepted_at), ('in_production', o.in_production_at), ('manufactured', o.manufactured_at),
                                     ('shipped', o.shipped_at), ('delivered', o.delivered_at), ('cancelled', o.cancelled_at)) st(status, at)
          where o.number between ${first} and ${last} and st.at is not null`;
      });
    });
  }
  await timed('trips of the shipped orders, and trips planned for the made ones', async () => {
    // Fifteen orders of one plant a trip (in the order they left), planned for the day they left.
    await sql`drop table if exists bench_trips`;
    await sql`
      create unlogged table bench_trips as
      select id as order_id, plant_id, status, shipped_at, delivered_at, manufactured_at,
             (case when shipped_at is not null then 'TR-' else 'TP-' end) || plant_id || '-' ||
               (row_number() over (partition by plant_id, shipped_at is not null order by coalesce(shipped_at, manufactured_at), id) / 15) as trip
      from orders where number like 'BR-%' and (shipped_at is not null or status = 'manufactured')`;
    await sql`
      insert into shipments (number, plant_id, planned_date, status, driver_name, driver_phone, vehicle, departed_at, delivered_at)
      select trip, plant_id, min((shipped_at at time zone 'Europe/Kyiv')::date),
             case when bool_and(delivered_at is not null) then 'delivered' else 'in_transit' end::shipment_status,
             'Водій ' || (min(order_id) % 200), '+38067' || lpad((min(order_id) % 10000000)::text, 7, '0'), 'MAN TGL AA ' || lpad((min(order_id) % 10000)::text, 4, '0') || ' KB',
             min(shipped_at), case when bool_and(delivered_at is not null) then max(delivered_at) end
      from bench_trips where shipped_at is not null
      group by trip, plant_id`;
    // The made orders wait for a trip planned two days after they were made.
    await sql`
      insert into shipments (number, plant_id, planned_date, status)
      select trip, plant_id, min((manufactured_at at time zone 'Europe/Kyiv')::date) + 2, 'planned'::shipment_status
      from bench_trips where shipped_at is null
      group by trip, plant_id`;
    await sql`insert into shipment_orders (shipment_id, order_id) select s.id, t.order_id from bench_trips t join shipments s on s.number = t.trip`;
    await sql`drop table bench_trips`;
  });
  await sql`drop table bench_dealers`;
  await timed('vacuum and analyze', () => sql`vacuum (analyze) orders, order_status_history, shipments, shipment_orders, dealers, ledger_entries, claims`);
}

async function countRows(sql: postgres.Sql): Promise<Counts> {
  const [row] = await sql<Counts[]>`
    select (select count(*) from dealers)::int as dealers, (select count(*) from orders)::int as orders,
           (select count(*) from order_status_history)::int as history, (select count(*) from shipments)::int as trips,
           (select count(*) from orders where plant_id <> (select id from plants order by is_main desc, id limit 1))::int as "secondPlantOrders",
           (select count(*) from claims)::int as claims, (select count(*) from ledger_entries)::int as ledger,
           (select count(*) from order_moves_daily)::int as "dailyRows", (select coalesce(sum(moves), 0) from order_moves_daily)::int as "dailyMoves"`;
  if (!row) throw new Error('Could not count the rows.');
  return row;
}

// ---------------------------------------------------------------------------------------------
// Measuring

type Timing = { report: string; days: number; plant: string; latencies: number[] };

function timingTable(timings: Timing[]): string {
  return markdownTable(
    ['report', 'period', 'plants', 'runs', 'p50 ms', 'p95 ms', 'max ms'],
    timings.map((t) => [
      t.report,
      `${t.days} days`,
      t.plant,
      String(t.latencies.length),
      fmtMs(percentile(t.latencies, 50)),
      fmtMs(percentile(t.latencies, 95)),
      fmtMs(t.latencies.at(-1) ?? NaN),
    ]),
    [false, true, false, true, true, true, true],
  );
}

type Report = { command: string; date: string; machine: Machine; database: string; fillSeconds: number | null; counts: Counts; timings: Timing[]; plans: Plan[] };

function renderSection(report: Report): string {
  const m = report.machine;
  const c = report.counts;
  const worst = report.timings.reduce((a, t) => (percentile(t.latencies, 95) > percentile(a.latencies, 95) ? t : a), report.timings[0] as Timing);
  const worstP95 = percentile(worst.latencies, 95);
  return [
    '## Factory reports',
    '',
    `The four reports of \`/factory/reports\` (lib/reports/factory.ts) called as the page calls them, with a factory manager's actor, ` +
      `against PostgreSQL holding ${fmtInt(c.dealers)} dealers, ${fmtInt(c.orders)} orders (${fmtInt(c.secondPlantOrders)} of them at the second plant) ` +
      `with ${fmtInt(c.history)} status history rows, ${fmtInt(c.trips)} trips, ${fmtInt(c.claims)} claims and ${fmtInt(c.ledger)} ledger entries. ` +
      `Measured ${report.date} with \`${report.command}\` on ${m.nproc} CPUs (\`nproc\`, ${m.cpuModel}), ${m.memoryGiB} GiB memory, Node ${m.node}, PostgreSQL ${m.postgres} on the same machine; load average before the run ${m.load}.`,
    '',
    report.fillSeconds !== null
      ? `Filling took ${Math.round(report.fillSeconds)} s (migrations and the demo seed, then set-based SQL with \`generate_series\`; \`vacuum (analyze)\` at the end).`
      : `The database was filled by an earlier run (\`--reuse ${report.database}\`).`,
    '',
    'Each row: the report for the last N days (ending today, factory time zone), for all plants and for the main plant alone, called one after another after one unrecorded warm-up call; ' +
      'the time from calling the data layer to having its rows in JavaScript. The receivables summary is as of today and has no period or plant (it is measured once per period all the same).',
    '',
    timingTable(report.timings),
    '',
    `**Target** (from the issue): each report ≤ ${TARGET_P95_MS} ms p95 at 1 M orders: the slowest is ${worst.report}, ${worst.days} days, ${worst.plant}, at ${fmtMs(worstP95)} ms p95: **${worstP95 <= TARGET_P95_MS ? 'met' : 'not met'}**.` +
      (worstP95 <= TARGET_P95_MS
        ? ''
        : ` Over: ${report.timings
            .filter((t) => percentile(t.latencies, 95) > TARGET_P95_MS)
            .map((t) => `${t.report}, ${t.days} days, ${t.plant}`)
            .join('; ')}.`),
    '',
    `The claims figures read the ${fmtInt(c.claims)} claims of the demo seed (the claims table grows by thousands a year, not millions: one aggregate over the claims filed in the period); the receivables read the whole ledger as the receivables page does.`,
    '',
    'Query plans (`explain (analyze, buffers)`, second run) of the statements the data layer sends, for 365 days:',
    '',
    planTable(report.plans),
    '',
    `The orders report reads \`order_moves_daily\` (moves per Kyiv day, plant and status: ${fmtInt(c.dailyRows)} rows holding the ${fmtInt(c.dailyMoves)} status events), ` +
      'not the events: statement-level triggers on `order_status_history` (insert, update, delete, truncate) and on `orders` (a change of plant, a deletion) keep it exact in the same transaction as the events (migration 0017), and the benchmark checks that it holds as many moves as there are events. ' +
      'A bar (day or week) is a sum over those rows, read through its primary key `(kyiv_day, plant_id, status)`; a plant filter is one more condition on it, so the time no longer grows with the number of events or orders. ' +
      'Every statement runs with JIT compilation off. ' +
      'The orders in work now per status come from `orders_status_idx` or, for a plant, `orders_plant_status_idx (plant_id, status, id)`. The deliveries report reads `shipments_planned_date_idx` and `shipments_delivered_at_idx` and counts the orders of those trips through the primary key of `shipment_orders`.',
    '',
    `Run it again with \`${USAGE.replace(/^Usage: /, '').replace(/\n\s+/g, ' ')}\`; it creates and (without \`--keep\`) drops a database \`portal_bench_reports_<random>\` and replaces this section.`,
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const options = parseOptions(parseArgs, USAGE);
  if (!options) return 2;
  const command = ['npx tsx scripts/bench/reports.ts', ...process.argv.slice(2)].join(' ');
  const database = benchDatabase({ databaseUrl: options.databaseUrl, kind: 'reports', reuse: options.reuse, keep: options.keep });
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

    let fillSeconds: number | null = null;
    if (!options.reuse) {
      if (await isDatabaseEmpty(handle.db)) await timed('demo data', () => seedDemoData(handle!.db));
      console.log(`Filling to ${fmtInt(options.dealers)} dealers and ${fmtInt(options.orders)} orders…`);
      await fill(bench, options);
      fillSeconds = (Date.now() - started) / 1000;
    }
    const reports = await import('@/lib/reports/factory');
    const { periodOfLastDays } = await import('@/lib/reports/period');
    const counts = await countRows(bench);
    console.log(`Database: ${fmtInt(counts.dealers)} dealers, ${fmtInt(counts.orders)} orders, ${fmtInt(counts.history)} history rows, ${fmtInt(counts.trips)} trips.`);
    if (counts.dailyMoves !== counts.history) {
      throw new Error(`order_moves_daily counts ${fmtInt(counts.dailyMoves)} moves for ${fmtInt(counts.history)} status history rows: the daily counts are not exact.`);
    }

    const [actorRow] = await bench<{ id: string; name: string; email: string }[]>`select id, name, email from users where role = 'factory' and active order by email limit 1`;
    if (!actorRow) throw new Error('No factory manager in the database.');
    const actor = { userId: actorRow.id, role: 'factory' as const, dealerId: null, name: actorRow.name, email: actorRow.email, locale: null };
    const [mainPlant] = await bench<{ id: string }[]>`select id from plants order by is_main desc, id limit 1`;
    const mainPlantId = Number(mainPlant?.id);

    const db = handle.db;
    const today = factoryToday();
    type Run = { report: string; plant: string; call: (days: number) => Promise<unknown> };
    const runs: Run[] = [
      { report: 'orders per status and day', plant: 'all', call: (days) => reports.getOrdersFlow(db, actor, periodOfLastDays(days, today), null) },
      { report: 'orders per status and day', plant: 'main plant', call: (days) => reports.getOrdersFlow(db, actor, periodOfLastDays(days, today), mainPlantId) },
      { report: 'deliveries planned vs done', plant: 'all', call: (days) => reports.getDeliveries(db, actor, periodOfLastDays(days, today), null) },
      { report: 'deliveries planned vs done', plant: 'main plant', call: (days) => reports.getDeliveries(db, actor, periodOfLastDays(days, today), mainPlantId) },
      { report: 'claims KPIs', plant: 'all', call: (days) => reports.getClaimsKpis(db, actor, periodOfLastDays(days, today)) },
      { report: 'receivables summary', plant: 'all', call: () => reports.getReceivablesSummary(db, actor, today) },
    ];
    const timings: Timing[] = [];
    for (const run of runs) {
      for (const days of PERIODS) {
        await run.call(days);
        const latencies: number[] = [];
        for (let i = 0; i < options.runs; i++) {
          const t0 = performance.now();
          await run.call(days);
          latencies.push(performance.now() - t0);
        }
        latencies.sort((a, b) => a - b);
        const timing = { report: run.report, days, plant: run.plant, latencies };
        timings.push(timing);
        console.log(`${run.report}, ${days} days, ${run.plant}: p50 ${fmtMs(percentile(latencies, 50))} ms, p95 ${fmtMs(percentile(latencies, 95))} ms`);
      }
    }

    console.log('Query plans…');
    const dialect = new PgDialect({ casing: 'snake_case' });
    const year = periodOfLastDays(365, today);
    const plans: Plan[] = [];
    const [secondPlant] = await bench<{ id: string }[]>`select id from plants where id <> ${mainPlantId} order by id limit 1`;
    for (const [label, query] of [
      ['orders: moves per status and week, all plants', reports.ordersFlowSql(year, null)],
      ['orders: moves per status and week, main plant', reports.ordersFlowSql(year, mainPlantId)],
      ['orders: moves per status and week, second plant', reports.ordersFlowSql(year, Number(secondPlant?.id))],
      ['orders: in work now per status, main plant', reports.currentStatusSql(mainPlantId)],
      ['orders: in work now per status, all plants', reports.currentStatusSql(null)],
      ['deliveries: trips and orders per week, all plants', reports.deliveriesSql(year, null)],
      ['deliveries: trips and orders per week, main plant', reports.deliveriesSql(year, mainPlantId)],
    ] as const) {
      // Without JIT, as the data layer (lib/reports/factory.ts readReport) runs them.
      plans.push(await explainPlan(bench, label, dialect.sqlToQuery(query), (tx) => tx`set local jit = off`));
    }
    console.log(planTable(plans));

    const report: Report = { command, date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), machine, database: databaseName, fillSeconds, counts, timings, plans };
    console.log('');
    console.log(timingTable(timings));
    writeSection(options.out, '## Factory reports', renderSection(report), benchmarksIntro(machine));
    return 0;
  } finally {
    disarm();
    await database.cleanup();
  }
}

runMain(main);
