// Benchmark of the orders client API (CONTRACT.md section 4) on a database of 3,000 dealers and
// 1,000,000 orders: GET /api/v1/orders (first page, by status, search, period, a page 10,000
// orders deep) and GET /api/v1/orders/{number}, through the real HTTP server with a signed-in
// session, plus the server-rendered pages, and the query plans of the list's queries.
//
//   npx tsx scripts/bench/orders.ts [--dealers 3000] [--orders 1000000] [--big-dealer-orders 10000]
//                                   [--seconds 10] [--concurrency 1,4] [--out docs/BENCHMARKS.md]
//                                   [--database-url postgres://postgres@127.0.0.1:5432/test]
//                                   [--keep] [--reuse portal_bench_orders_<id>]
//
// It creates a database portal_bench_orders_<random> on the --database-url server, starts the
// portal on it (node scripts/start.mjs with SEED_DEMO=1: migrations and the demo accounts), then
// fills it with SQL (generate_series) up to --dealers dealers and --orders orders, giving the demo
// dealer D-1001 (dealer@demo.test) --big-dealer-orders of them: the heaviest list a dealer has.
// The database is dropped at the end unless --keep; --reuse runs on a database kept earlier and
// skips the filling. Localhost load only; every loop is bounded, and a watchdog ends a hung run.
import postgres from 'postgres';
import {
  benchDatabase,
  benchmarksIntro,
  describeMachine,
  eachFlag,
  explainPlan,
  fmtInt,
  fmtMs,
  fmtRate,
  guardRun,
  type Machine,
  markdownTable,
  parseOptions,
  percentile,
  type Plan,
  planTable,
  runMain,
  type Server,
  signIn,
  startServer,
  STARTUP_TIMEOUT_MS,
  stopServer,
  textArg,
  timed,
  UsageError,
  wholeArg,
  writeSection,
} from './common';

const USAGE =
  'Usage: npx tsx scripts/bench/orders.ts [--dealers 3000] [--orders 1000000] [--big-dealer-orders 10000]\n' +
  '                                       [--seconds 10] [--concurrency 1,4] [--out docs/BENCHMARKS.md]\n' +
  '                                       [--database-url postgres://postgres@127.0.0.1:5432/test]\n' +
  '                                       [--keep] [--reuse portal_bench_orders_<id>]';

const TARGET_P95_MS = 50;
const PASSWORD = 'demo12345';
const BIG_DEALER = { code: 'D-1001', email: 'dealer@demo.test' };
const SMALL_DEALER = { code: 'D-1002', email: 'dealer2@demo.test' };
const STAFF_EMAIL = 'factory@demo.test';
const REQUEST_TIMEOUT_MS = 30_000;
const WARMUP_REQUESTS = 20;
/** Orders inserted per statement while filling. */
const CHUNK = 100_000;
const FILL_TIMEOUT_MS = 60 * 60_000;

type Options = {
  dealers: number;
  orders: number;
  bigDealerOrders: number;
  seconds: number;
  concurrency: number[];
  out: string;
  databaseUrl: string;
  keep: boolean;
  reuse: string | null;
};

function parseArgs(argv: readonly string[]): Options {
  const options: Options = {
    dealers: 3000,
    orders: 1_000_000,
    bigDealerOrders: 10_000,
    seconds: 10,
    concurrency: [1, 4],
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
      case '--big-dealer-orders':
        options.bigDealerOrders = wholeArg(flag, value(), 100, 1_000_000);
        return true;
      case '--seconds':
        options.seconds = wholeArg(flag, value(), 1, 600);
        return true;
      case '--concurrency': {
        const list = textArg(flag, value()).split(',');
        options.concurrency = list.map((n) => wholeArg(flag, n, 1, 64));
        return true;
      }
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
        if (!/^portal_bench_orders_[a-z0-9]+$/.test(name)) throw new UsageError(`--reuse takes a database this benchmark kept, got "${name}"`);
        options.reuse = name;
        return true;
      }
      default:
        return false;
    }
  });
  if (options.bigDealerOrders > options.orders / 2) throw new UsageError('--big-dealer-orders must be at most half of --orders');
  return options;
}

// ---------------------------------------------------------------------------------------------
// Filling the database: plain SQL, set-based, so a million orders take minutes, not the demo
// seeder's twenty.

const SURNAMES = ['Коваленко', 'Шевчук', 'Мельник', 'Бондаренко', 'Ткаченко', 'Кравченко', 'Олійник', 'Литвиненко', 'Савченко', 'Руденко', 'Марченко', 'Поліщук'];
const PROFILES = ['REHAU Euro-Design 70', 'REHAU Synego 80', 'WDS 500', 'Veka Softline 70', 'Steko S500'];

type FillReport = { seconds: number; dealers: number; orders: number; items: number; history: number; trips: number; bigDealerOrders: number; smallDealerOrders: number };

async function fill(sql: postgres.Sql, options: Options): Promise<void> {
  const [plant] = await sql<{ id: string }[]>`select id from plants order by id limit 1`;
  if (!plant) throw new Error('The demo data has no plant: was the server started with SEED_DEMO=1?');
  const [big] = await sql<{ id: string }[]>`select id from dealers where code = ${BIG_DEALER.code}`;
  if (!big) throw new Error(`The demo dealer ${BIG_DEALER.code} is missing.`);
  const regions = (await sql<{ region: string }[]>`select distinct region from dealers where region is not null order by region`).map((r) => r.region);
  const [{ n: existingDealers } = { n: 0 }] = await sql<{ n: number }[]>`select count(*)::int as n from dealers`;
  const [{ n: existingOrders } = { n: 0 }, { n: existingBig } = { n: 0 }] = [
    ...(await sql<{ n: number }[]>`select count(*)::int as n from orders`),
    ...(await sql<{ n: number }[]>`select count(*)::int as n from orders where dealer_id = ${big.id}`),
  ];

  const newDealers = Math.max(0, options.dealers - existingDealers);
  await timed(`${fmtInt(newDealers)} dealers`, () => sql`
    insert into dealers (code, name, tax_id, region, town, currency, payer_category)
    select 'BD-' || lpad(i::text, 6, '0'), 'Дилер BD-' || lpad(i::text, 6, '0'), 'B' || lpad(i::text, 9, '0'),
           (${sql.array(regions.length ? regions : ['Київська'])}::text[])[1 + i % ${Math.max(regions.length, 1)}], 'Місто ' || (i % 300),
           'UAH', (array['punctual', 'punctual', 'hesitant', 'unreliable'])[1 + i % 4]::payer_category
    from generate_series(1, ${newDealers}) i
    on conflict do nothing`);
  // Every dealer but the big one shares the rest of the orders evenly.
  await sql`drop table if exists bench_dealers`;
  await sql`create unlogged table bench_dealers (idx int primary key, id bigint not null)`;
  await sql`insert into bench_dealers select row_number() over (order by id), id from dealers where id <> ${big.id}`;
  const [{ n: others } = { n: 0 }] = await sql<{ n: number }[]>`select count(*)::int as n from bench_dealers`;

  const bigNeeded = Math.max(0, options.bigDealerOrders - existingBig);
  const total = Math.max(0, options.orders - existingOrders);
  await sql`select setseed(0.42)`;
  for (let from = 1; from <= total; from += CHUNK) {
    const to = Math.min(total, from + CHUNK - 1);
    await timed(`orders ${fmtInt(from)}–${fmtInt(to)} with constructions and history`, async () => {
      await sql.begin(async (tx) => {
        await tx`
          insert into orders (number, dealer_id, plant_id, customer_ref, status, status_at, status_event_at, currency, total,
                              items_done, items_total, planned_delivery, created_at, accepted_at, in_production_at,
                              manufactured_at, shipped_at, delivered_at, cancelled_at, source_updated_at)
          select number, dealer_id, ${plant.id}, customer_ref, status::order_status,
                 coalesce(cancelled_at, delivered_at, shipped_at, manufactured_at, in_production_at, accepted_at),
                 coalesce(cancelled_at, delivered_at, shipped_at, manufactured_at, in_production_at, accepted_at),
                 'UAH', total,
                 case when status = 'in_production' then pieces / 2 when status in ('accepted', 'cancelled') then null else pieces end,
                 case when status in ('accepted', 'cancelled') then null else pieces end,
                 (created_at + interval '14 days')::date, created_at,
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
                select 'BN-' || lpad(g.i::text, 8, '0') as number,
                       case when g.i <= ${bigNeeded} then ${big.id}::bigint else d.id end as dealer_id,
                       (${sql.array(SURNAMES)}::text[])[1 + g.i % ${SURNAMES.length}] || ' ' || chr(1040 + g.i % 28) || '. ' || (g.i % 97) as customer_ref,
                       x.created_at, extract(epoch from now() - x.created_at) / 86400 as age, x.r,
                       (select sum(1 + ((g.i + p) % 5 = 0)::int) from generate_series(1, 1 + g.i % 4) p)::int as pieces,
                       (select sum((3500 + (g.i * 31 + p * 17) % 24500 + ((g.i + p) % 100) / 100.0) * (1 + ((g.i + p) % 5 = 0)::int))
                          from generate_series(1, 1 + g.i % 4) p)::numeric(14, 2) as total
                from generate_series(${from}::int, ${to}::int) g(i)
                cross join lateral (select now() - random() * interval '1095 days' - (g.i % 1000) * interval '1 second' as created_at, random() as r) x
                join bench_dealers d on d.idx = 1 + ((g.i::bigint * 7919) % ${others})
              ) s
            ) t
          ) u`;
        await tx`
          insert into order_items (order_id, position, kind, name, width_mm, height_mm, quantity, profile, glazing, color, hardware, sashes, extras, price)
          select o.id, p,
                 kind::item_kind,
                 case kind when 'door' then 'Двері вхідні' when 'balcony' then 'Балконний блок' else 'Вікно ' || c || '-стулкове' end,
                 w, case kind when 'door' then 2100 else 600 + (i * 13 + p) % 1200 end,
                 1 + ((i + p) % 5 = 0)::int,
                 (${sql.array(PROFILES)}::text[])[1 + (i + p) % ${PROFILES.length}], '4-16Ar-4i', 'білий', 'Roto NT',
                 (select jsonb_agg(jsonb_build_object('widthMm', w / c,
                           'opening', case when kind = 'door' then 'turn_left' when c > 1 and s = 1 then 'fixed' when s % 2 = 0 then 'tilt_turn_right' else 'tilt_turn_left' end))
                    from generate_series(1, c) s),
                 case when (i + p) % 3 = 0 then '["москітна сітка"]'::jsonb else '[]'::jsonb end,
                 (3500 + (i * 31 + p * 17) % 24500 + ((i + p) % 100) / 100.0)::numeric(14, 2)
          from (
            select o.id, substr(o.number, 4)::int as i from orders o
            where o.number between ${`BN-${String(from).padStart(8, '0')}`} and ${`BN-${String(to).padStart(8, '0')}`}
          ) o
          cross join lateral generate_series(1, 1 + o.i % 4) p
          cross join lateral (select case when p = 1 and o.i % 10 = 0 then 'door' when o.i % 13 = 0 then 'balcony' else 'window' end as kind) k
          cross join lateral (select case when kind = 'door' then 1 else 1 + (o.i + p) % 3 end as c,
                                     case when kind = 'door' then 900 else 600 + (o.i * 7 + p) % 1800 end as w) z`;
        await tx`
          insert into order_status_history (order_id, status, occurred_at, items_done, items_total, applied)
          select o.id, st.status::order_status, st.at, null, null, true
          from orders o
          cross join lateral (values ('accepted', o.accepted_at), ('in_production', o.in_production_at), ('manufactured', o.manufactured_at),
                                     ('shipped', o.shipped_at), ('delivered', o.delivered_at), ('cancelled', o.cancelled_at)) st(status, at)
          where o.number between ${`BN-${String(from).padStart(8, '0')}`} and ${`BN-${String(to).padStart(8, '0')}`} and st.at is not null`;
      });
    });
  }
  await timed('trips of the shipped orders', async () => {
    await sql`
      insert into shipments (number, plant_id, planned_date, status, driver_name, driver_phone, vehicle, departed_at, delivered_at)
      select 'TB-' || k, ${plant.id}, min(shipped_at)::date,
             case when bool_and(delivered_at is not null) then 'delivered' else 'in_transit' end::shipment_status,
             'Водій ' || (k % 200), '+38067' || lpad((k % 10000000)::text, 7, '0'), 'MAN TGL AA ' || lpad((k % 10000)::text, 4, '0') || ' KB',
             min(shipped_at), max(delivered_at)
      from (select id / 15 as k, shipped_at, delivered_at from orders where shipped_at is not null and number like 'BN-%') x
      group by k`;
    await sql`
      insert into shipment_orders (shipment_id, order_id)
      select s.id, o.id from orders o join shipments s on s.number = 'TB-' || (o.id / 15)
      where o.shipped_at is not null and o.number like 'BN-%'`;
  });
  await sql`drop table bench_dealers`;
  await timed('vacuum and analyze', () => sql`vacuum (analyze) orders, order_items, order_status_history, shipments, shipment_orders, dealers`);
}

async function fillReport(sql: postgres.Sql, seconds: number): Promise<FillReport> {
  const [row] = await sql<Omit<FillReport, 'seconds'>[]>`
    select (select count(*) from dealers)::int as dealers, (select count(*) from orders)::int as orders,
           (select count(*) from order_items)::int as items, (select count(*) from order_status_history)::int as history,
           (select count(*) from shipments)::int as trips,
           (select count(*) from orders o join dealers d on d.id = o.dealer_id where d.code = ${BIG_DEALER.code})::int as "bigDealerOrders",
           (select count(*) from orders o join dealers d on d.id = o.dealer_id where d.code = ${SMALL_DEALER.code})::int as "smallDealerOrders"`;
  if (!row) throw new Error('Could not count the rows.');
  return { seconds, ...row };
}

async function getJson<T>(url: string, cookie: string): Promise<T> {
  const response = await fetch(url, { headers: { cookie }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  return (await response.json()) as T;
}

// ---------------------------------------------------------------------------------------------
// The load

type Scenario = {
  key: string;
  label: string;
  kind: 'api' | 'page';
  /** Who asks. */
  cookie: string;
  /** The next URL (path and query) to ask for. */
  next: () => string;
};

type Tally = { key: string; label: string; kind: Scenario['kind']; concurrency: number; seconds: number; ok: number; errors: number; latencies: number[]; samples: string[] };

async function runScenario(baseUrl: string, scenario: Scenario, concurrency: number, seconds: number): Promise<Tally> {
  const tally: Tally = { key: scenario.key, label: scenario.label, kind: scenario.kind, concurrency, seconds: 0, ok: 0, errors: 0, latencies: [], samples: [] };
  const ask = async (record: boolean) => {
    const url = `${baseUrl}${scenario.next()}`;
    const started = performance.now();
    try {
      const response = await fetch(url, { headers: { cookie: scenario.cookie }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS), redirect: 'manual' });
      await response.arrayBuffer();
      const ms = performance.now() - started;
      if (!record) return;
      if (response.status === 200) {
        tally.ok += 1;
        tally.latencies.push(ms);
      } else {
        tally.errors += 1;
        if (tally.samples.length < 3) tally.samples.push(`${response.status} ${url}`);
      }
    } catch (err) {
      if (!record) return;
      tally.errors += 1;
      if (tally.samples.length < 3) tally.samples.push(`${err instanceof Error ? err.message : String(err)} ${url}`);
    }
  };
  for (let i = 0; i < WARMUP_REQUESTS; i++) await ask(false);
  const started = Date.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let n = 0; n < 1_000_000 && Date.now() < deadline; n++) await ask(true);
    }),
  );
  tally.seconds = (Date.now() - started) / 1000;
  tally.latencies.sort((a, b) => a - b);
  return tally;
}

// ---------------------------------------------------------------------------------------------
// Query plans: the list's queries written out as the data layer sends them (lib/orders/queries.ts)

type KeyedPlan = Plan & { key: string };

async function explain(sql: postgres.Sql, key: string, label: string, query: string, params: (string | number)[]): Promise<KeyedPlan> {
  return { key, ...(await explainPlan(sql, label, { sql: query, params })) };
}

const ROW_COLUMNS = `o.number, o.status, o.status_at, o.total, o.currency,
  (select count(*) from order_items i where i.order_id = o.id) as items_count, o.customer_ref, o.planned_delivery, o.created_at, o.id`;

async function plans(sql: postgres.Sql, dealerId: string, cursor: { createdAt: string; id: number }, depth: number, search: string, number: string): Promise<Plan[]> {
  const list = (where: string) => `select ${ROW_COLUMNS} from orders o where o.dealer_id = $1 ${where} order by o.created_at desc, o.id desc limit 26`;
  return [
    await explain(sql, 'list', 'first page', list(''), [dealerId]),
    await explain(sql, 'status', 'by status (in production)', list(`and o.status = 'in_production'`), [dealerId]),
    await explain(sql, 'search', `search "${search}"`, list(`and (o.number ilike $2 or o.customer_ref ilike $2)`), [dealerId, `%${search}%`]),
    await explain(sql, 'deep', `a page ${fmtInt(depth)} orders deep (cursor)`, list(`and (o.created_at, o.id) < ($2::timestamptz, $3)`), [dealerId, cursor.createdAt, cursor.id]),
    await explain(sql, 'counts', 'counts per status', `select status, count(*) from orders where dealer_id = $1 group by status`, [dealerId]),
    await explain(
      sql,
      'detail',
      'order by number (dealer-scoped)',
      `select o.*, d.code, d.name from orders o join dealers d on d.id = o.dealer_id where o.number = $1 and o.dealer_id = $2 limit 1`,
      [number, dealerId],
    ),
    await explain(sql, 'items', 'its constructions', `select * from order_items where order_id = (select id from orders where number = $1) order by position`, [number]),
  ];
}

// ---------------------------------------------------------------------------------------------
// The report

type Report = {
  command: string;
  date: string;
  machine: Machine;
  database: string;
  fill: FillReport | null;
  counts: FillReport;
  tallies: Tally[];
  plans: Plan[];
};

function loadTable(tallies: Tally[]): string {
  return markdownTable(
    ['request', 'clients', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors'],
    tallies.map((t) => [
      t.label,
      String(t.concurrency),
      fmtInt(t.ok),
      fmtRate(t.ok / t.seconds),
      fmtMs(percentile(t.latencies, 50)),
      fmtMs(percentile(t.latencies, 95)),
      fmtMs(percentile(t.latencies, 99)),
      fmtMs(t.latencies.at(-1) ?? NaN),
      String(t.errors),
    ]),
    [false, true, true, true, true, true, true, true, true],
  );
}

function renderSection(report: Report): string {
  const m = report.machine;
  const c = report.counts;
  const api = report.tallies.filter((t) => t.kind === 'api');
  const worst = (clients: number) =>
    api.filter((t) => t.concurrency === clients).reduce((a, t) => (percentile(t.latencies, 95) > percentile(a.latencies, 95) ? t : a), api.find((t) => t.concurrency === clients) as Tally);
  const verdicts = [...new Set(api.map((t) => t.concurrency))].map((clients) => {
    const w = worst(clients);
    const p95 = percentile(w.latencies, 95);
    return `with ${clients} client${clients > 1 ? 's' : ''} at once the slowest API request's p95 is ${fmtMs(p95)} ms (${w.label}): **${p95 <= TARGET_P95_MS ? 'met' : 'not met'}**`;
  });
  const lines = [
    '## Orders API',
    '',
    `\`GET /api/v1/orders\` and \`GET /api/v1/orders/{number}\` through the real HTTP server (\`node scripts/start.mjs\`, production build) with a signed-in session (next-auth credentials over HTTP), ` +
      `against PostgreSQL holding ${fmtInt(c.dealers)} dealers and ${fmtInt(c.orders)} orders (${fmtInt(c.items)} constructions, ${fmtInt(c.history)} status history rows, ${fmtInt(c.trips)} trips). ` +
      `The signed-in dealer ${BIG_DEALER.code} has ${fmtInt(c.bigDealerOrders)} orders (the heaviest list), ${SMALL_DEALER.code} ${fmtInt(c.smallDealerOrders)} (a usual one). ` +
      `Measured ${report.date} with \`${report.command}\` on ${m.nproc} CPUs (\`nproc\`, ${m.cpuModel}), ${m.memoryGiB} GiB memory, Node ${m.node}, PostgreSQL ${m.postgres} on the same machine; load average before the run ${m.load}.`,
    '',
    report.fill
      ? `Filling took ${Math.round(report.fill.seconds)} s (set-based SQL with \`generate_series\`, after the demo seed; \`vacuum (analyze)\` at the end).`
      : `The database was filled by an earlier run (\`--reuse ${report.database}\`).`,
    '',
    'Each row: N clients asking one after another for the scenario\'s time, after 20 unrecorded warm-up requests; latency from sending to having read the whole answer; only 200 answers count, anything else is an error. ' +
      'Search terms, statuses, months, cursors and order numbers vary per request (cursors and numbers were collected from the API before the run).',
    '',
    loadTable(report.tallies),
    '',
    `**Target** (from the issue): the list and order API answer in ≤ ${TARGET_P95_MS} ms p95 on this database: ${verdicts.join('; ')}. The page rows (server-rendered HTML, for comparison) are not under the target.`,
    '',
    `Query plans (\`explain (analyze, buffers)\`, second run) of the list's queries as the data layer sends them, for ${BIG_DEALER.code}:`,
    '',
    planTable(report.plans),
    '',
    'Every list query reads `orders_dealer_created_idx (dealer_id, created_at, id)` or, with a status, `orders_dealer_status_created_idx (dealer_id, status, created_at, id)` backwards and stops after 26 rows; a cursor is an index condition where the scan starts, so a deep page costs what the first one costs. ' +
      'A search walks the dealer\'s own orders only (the same index) and filters them, so its cost grows with the dealer\'s orders, not with the million.',
    '',
    `Run it again with \`${USAGE.replace(/^Usage: /, '').replace(/\n\s+/g, ' ')}\`; it creates and (without \`--keep\`) drops a database \`portal_bench_orders_<random>\` and replaces this section.`,
    '',
  ];
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const options = parseOptions(parseArgs, USAGE);
  if (!options) return 2;
  const command = ['npx tsx scripts/bench/orders.ts', ...process.argv.slice(2)].join(' ');
  const database = benchDatabase({ databaseUrl: options.databaseUrl, kind: 'orders', reuse: options.reuse, keep: options.keep });
  const { name: databaseName, url: benchUrl } = database;
  const scenarios = 9;
  const budgetMs =
    STARTUP_TIMEOUT_MS + FILL_TIMEOUT_MS + scenarios * options.concurrency.length * (options.seconds * 1000 + WARMUP_REQUESTS * REQUEST_TIMEOUT_MS) + 10 * 60_000;

  let bench: postgres.Sql | null = null;
  let server: Server | null = null;
  database.onCleanup(async () => server && stopServer(server));
  database.onCleanup(async () => bench?.end({ timeout: 5 }));
  const disarm = guardRun(budgetMs, database.cleanup);

  try {
    const machine = describeMachine(await database.serverVersion());
    await database.prepare();
    server = await startServer(benchUrl);
    bench = postgres(benchUrl, { max: 2, onnotice: () => {}, connect_timeout: 10 });

    let fillResult: FillReport | null = null;
    if (!options.reuse) {
      console.log(`Filling to ${fmtInt(options.dealers)} dealers and ${fmtInt(options.orders)} orders…`);
      const started = Date.now();
      await fill(bench, options);
      fillResult = await fillReport(bench, (Date.now() - started) / 1000);
    }
    const counts = fillResult ?? (await fillReport(bench, 0));
    console.log(`Database: ${fmtInt(counts.dealers)} dealers, ${fmtInt(counts.orders)} orders, ${BIG_DEALER.code} has ${fmtInt(counts.bigDealerOrders)}.`);

    const base = server.url;
    const [bigCookie, smallCookie, staffCookie] = [await signIn(base, BIG_DEALER.email, PASSWORD), await signIn(base, SMALL_DEALER.email, PASSWORD), await signIn(base, STAFF_EMAIL, PASSWORD)];

    // What the requests ask for: real cursors (every page of the big dealer's list), real numbers.
    console.log('Collecting cursors and order numbers through the API…');
    const cursors: string[] = [];
    const ownNumbers: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 1000; page++) {
      const query: string = `/api/v1/orders?limit=100${cursor ? `&cursor=${cursor}` : ''}`;
      const answer: { items: { number: string }[]; nextCursor: string | null } = await getJson(`${base}${query}`, bigCookie);
      for (const item of answer.items) ownNumbers.push(item.number);
      if (!answer.nextCursor) break;
      cursor = answer.nextCursor;
      cursors.push(cursor);
    }
    const deepCursors = cursors.slice(Math.floor(cursors.length / 2));
    if (!deepCursors.length) throw new Error('The big dealer has too few orders for deep pages.');
    const anyNumbers = (await bench<{ number: string }[]>`select number from orders tablesample system (1) limit 5000`).map((r) => r.number);
    const [bigDealer] = await bench<{ id: string }[]>`select id from dealers where code = ${BIG_DEALER.code}`;
    const months = Array.from({ length: 30 }, (_, i) => {
      const d = new Date();
      d.setUTCDate(1);
      d.setUTCMonth(d.getUTCMonth() - i);
      const from = d.toISOString().slice(0, 10);
      d.setUTCMonth(d.getUTCMonth() + 1);
      d.setUTCDate(0);
      return `from=${from}&to=${d.toISOString().slice(0, 10)}`;
    });
    const statuses = ['accepted', 'in_production', 'manufactured', 'shipped', 'delivered', 'cancelled'];
    let n = 0;
    const nth = <T>(list: readonly T[]) => list[(n++ * 7919) % list.length] as T;
    const searches = () => (n % 2 ? nth(ownNumbers).slice(-5) : nth(['Коваленко', 'Шевчук', 'Мельник О.', 'Ткаченко', '12']));
    const scenarioList: Scenario[] = [
      { key: 'list', label: `list, first page (${BIG_DEALER.code}, ${fmtInt(counts.bigDealerOrders)} orders)`, kind: 'api', cookie: bigCookie, next: () => '/api/v1/orders' },
      { key: 'list-small', label: `list, first page (${SMALL_DEALER.code}, ${fmtInt(counts.smallDealerOrders)} orders)`, kind: 'api', cookie: smallCookie, next: () => '/api/v1/orders' },
      { key: 'status', label: 'list by status', kind: 'api', cookie: bigCookie, next: () => `/api/v1/orders?status=${nth(statuses)}` },
      { key: 'search', label: 'search by number or customer', kind: 'api', cookie: bigCookie, next: () => `/api/v1/orders?q=${encodeURIComponent(searches())}` },
      { key: 'period', label: 'list of one month', kind: 'api', cookie: bigCookie, next: () => `/api/v1/orders?${nth(months)}` },
      { key: 'deep', label: `a page ${fmtInt(cursors.length * 50)}–${fmtInt(cursors.length * 100)} orders deep (cursor)`, kind: 'api', cookie: bigCookie, next: () => `/api/v1/orders?cursor=${nth(deepCursors)}` },
      { key: 'detail', label: 'order by number (dealer)', kind: 'api', cookie: bigCookie, next: () => `/api/v1/orders/${encodeURIComponent(nth(ownNumbers))}` },
      { key: 'detail-staff', label: 'order by number (factory staff, any of 1 M)', kind: 'api', cookie: staffCookie, next: () => `/api/v1/orders/${encodeURIComponent(nth(anyNumbers))}` },
      { key: 'page-list', label: 'page /dealer/orders (HTML)', kind: 'page', cookie: bigCookie, next: () => '/dealer/orders' },
      { key: 'page-detail', label: 'page /dealer/orders/{number} (HTML)', kind: 'page', cookie: bigCookie, next: () => `/dealer/orders/${encodeURIComponent(nth(ownNumbers))}` },
    ];

    const tallies: Tally[] = [];
    for (const clients of options.concurrency) {
      for (const scenario of scenarioList) {
        console.log(`${scenario.label}, ${clients} client(s), ${options.seconds} s…`);
        const tally = await runScenario(base, scenario, clients, options.seconds);
        tallies.push(tally);
        console.log(
          `  ${fmtRate(tally.ok / tally.seconds)} req/s, p50 ${fmtMs(percentile(tally.latencies, 50))} ms, p95 ${fmtMs(percentile(tally.latencies, 95))} ms, ` +
            `p99 ${fmtMs(percentile(tally.latencies, 99))} ms, errors ${tally.errors}${tally.samples.length ? ` (${tally.samples.join(' | ')})` : ''}`,
        );
      }
    }

    console.log('Query plans…');
    const deepIndex = Math.floor(ownNumbers.length * 0.75);
    const deepOrder = ownNumbers[deepIndex] as string;
    const [deepRow] = await bench<{ createdAt: Date; id: string }[]>`select created_at as "createdAt", id from orders where number = ${deepOrder}`;
    if (!deepRow || !bigDealer) throw new Error('Could not find the rows for the query plans.');
    const planList = await plans(bench, bigDealer.id, { createdAt: deepRow.createdAt.toISOString(), id: Number(deepRow.id) }, deepIndex, 'Ковал', ownNumbers[0] as string);
    console.log(planTable(planList));

    const report: Report = {
      command,
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      machine,
      database: databaseName,
      fill: fillResult,
      counts,
      tallies,
      plans: planList,
    };
    console.log('');
    console.log(loadTable(tallies));
    writeSection(options.out, '## Orders API', renderSection(report), benchmarksIntro(machine));
    const failed = tallies.some((t) => t.errors > 0);
    if (failed) console.error('Some requests did not answer 200; see the errors column.');
    return failed ? 1 : 0;
  } finally {
    disarm();
    await database.cleanup();
  }
}

runMain(main);
