// Benchmark of the sync API (CONTRACT.md section 3): POST /api/sync/v1/events through the real
// HTTP server against PostgreSQL, in batches of 1, 100 and 1,000 events, with a plain multi-row
// upsert of the same kind of rows beside it as the baseline.
//
//   npx tsx scripts/bench/sync.ts [--seconds 20] [--concurrency 4] [--out docs/BENCHMARKS.md]
//                                 [--database-url postgres://postgres@127.0.0.1:5432/test]
//                                 [--url http://127.0.0.1:3000 --token demo-production-token]
//
// It creates a fresh database portal_bench_<random> on the --database-url server and drops it at
// the end. Without --url it starts its own server on that database (node scripts/start.mjs with
// SEED_DEMO=1, which builds the app first when the build is stale) and stops it at the end. With
// --url it loads that server instead (which must have the demo dealers D-1001..D-1010 and accept
// --token); the fresh database then only serves the baseline. Localhost load only; every loop
// is bounded in time and count, and a watchdog ends the run if anything hangs.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import postgres from 'postgres';
import {
  describeMachine,
  guardRun,
  fmtInt,
  fmtMs,
  fmtRate,
  markdownTable,
  percentile,
  sleep,
  startServer,
  stopServer,
  STARTUP_TIMEOUT_MS,
  textArg,
  UsageError,
  wholeArg,
  withDatabase,
  writeSection,
  type Machine,
  type Server,
  type ServerLogCounts,
} from './common';

const USAGE =
  'Usage: npx tsx scripts/bench/sync.ts [--seconds 20] [--concurrency 4] [--out docs/BENCHMARKS.md]\n' +
  '                                     [--database-url postgres://postgres@127.0.0.1:5432/test]\n' +
  '                                     [--url http://host:port] [--token demo-production-token]';

const BATCH_SIZES = [1, 100, 1000] as const;
const BASELINE_CHUNKS = [100, 1000] as const;
const DEALER_CODES = Array.from({ length: 10 }, (_, i) => `D-${1001 + i}`);
const TARGET = { eventsPerSecond: 2000, batch: 100 } as const;

const REQUEST_TIMEOUT_MS = 120_000;
/** A batch shed with 429 (or failed with 503) is sent again at most this often. */
const MAX_RESENDS = 20;
const MAX_RETRY_AFTER_S = 30;
/** Resends stop this long after a scenario's time is up. */
const RESEND_GRACE_MS = 60_000;
/** A count bound besides the time bound, per client and scenario. */
const MAX_REQUESTS_PER_CLIENT = 1_000_000;
const WARMUP_MS = 3_000;


type Options = {
  url: string | null;
  token: string;
  databaseUrl: string;
  seconds: number;
  concurrency: number;
  out: string;
};

function parseArgs(argv: readonly string[]): Options {
  const options: Options = {
    url: null,
    token: 'demo-production-token',
    databaseUrl: 'postgres://postgres@127.0.0.1:5432/test',
    seconds: 20,
    concurrency: 4,
    out: 'docs/BENCHMARKS.md',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    // Both "--seconds 15" and "--seconds=15".
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--url': {
        const url = textArg(flag, value()).replace(/\/+$/, '');
        if (!/^https?:\/\//.test(url)) throw new UsageError(`--url must be an http:// address, got "${url}"`);
        options.url = url;
        break;
      }
      case '--token':
        options.token = textArg(flag, value());
        break;
      case '--database-url': {
        const url = textArg(flag, value());
        if (!/^postgres(ql)?:\/\//.test(url)) throw new UsageError(`--database-url must be a postgres:// URL, got "${url}"`);
        options.databaseUrl = url;
        break;
      }
      case '--seconds':
        options.seconds = wholeArg(flag, value(), 1, 600);
        break;
      case '--concurrency':
        options.concurrency = wholeArg(flag, value(), 1, 64);
        break;
      case '--out':
        options.out = textArg(flag, value());
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
      default:
        throw new UsageError(`Unknown argument "${arg}"`);
    }
  }
  return options;
}

// ---------------------------------------------------------------------------------------------
// Small helpers


/** A small deterministic random source per client (mulberry32), so runs differ only by id. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T,>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const between = (random: () => number, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const money = (kop: number) => `${Math.floor(kop / 100)}.${String(kop % 100).padStart(2, '0')}`;

/** occurredAt of every event: strictly increasing over the run, so newer events always win. */
let lastOccurredMs = 0;
function nextOccurredAt(): string {
  lastOccurredMs = Math.max(lastOccurredMs + 1, Date.now());
  return new Date(lastOccurredMs).toISOString();
}

const today = () => new Date().toISOString().slice(0, 10);
const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------
// Events: what a factory's production and accounting systems would send

type BenchEvent = { id: string; type: string; occurredAt: string; data: Record<string, unknown> };

const STAGES = ['accepted', 'in_production', 'manufactured', 'shipped', 'delivered'] as const;
const PROFILES = ['REHAU Euro-Design 70', 'REHAU Synego 80', 'WDS 500', 'Veka Softline 70', 'Steko S500', 'Salamander bluEvolution 82'];
const GLAZINGS = ['4-16Ar-4i', '4-10-4-10-4', '4i-14Ar-4-14Ar-4i', '4-16-4'];
const COLORS = ['білий', 'золотий дуб', 'антрацит', 'горіх', 'білий / антрацит'];
const EXTRAS = ['москітна сітка', 'підвіконня 300 мм', 'відлив 200 мм', 'дитячий замок', 'мікропровітрювання'];
const CUSTOMERS = ['Коваленко О. М.', 'Шевчук І. В.', 'ТОВ «Будсервіс»', 'Мельник Т. П.', 'Бондаренко А. С.', 'ОСББ «Сонячний»'];
const OPENINGS = ['turn_left', 'turn_right', 'tilt_turn_left', 'tilt_turn_right', 'tilt'] as const;

type OpenOrder = { number: string; dealerCode: string; stage: number; pieces: number; totalKop: number; invoiced: boolean };

/**
 * One client's stream: new orders of the demo dealers (numbers unique to this run), the status
 * changes of orders it has already sent, and settlements. About 40% order.upserted, 45%
 * order.status, 15% ledger.entry.
 */
class EventStream {
  private seq = 0;
  private orders = 0;
  private payments = 0;
  private open: OpenOrder[] = [];
  private readonly random: () => number;

  constructor(
    private readonly runId: string,
    private readonly client: string,
    seed: number,
  ) {
    this.random = rng(seed);
  }

  batch(size: number): BenchEvent[] {
    return Array.from({ length: size }, () => this.next());
  }

  private id() {
    this.seq += 1;
    return `bench-${this.runId}-${this.client}-${this.seq}`;
  }

  private next(): BenchEvent {
    const r = this.random();
    if (this.open.length && r < 0.45) return this.status();
    if (r < 0.6) return this.ledger();
    return this.order();
  }

  private order(): BenchEvent {
    const random = this.random;
    this.orders += 1;
    const number = `B${this.runId}-${this.client}-${String(this.orders).padStart(6, '0')}`;
    const dealerCode = pick(random, DEALER_CODES);
    const positions = between(random, 1, 4);
    let totalKop = 0;
    let pieces = 0;
    const items = Array.from({ length: positions }, (_, i) => {
      const kind = random() < 0.75 ? 'window' : random() < 0.6 ? 'door' : 'balcony';
      const widthMm = kind === 'door' ? between(random, 800, 1000) : between(random, 600, 2400);
      const heightMm = kind === 'door' ? between(random, 2000, 2300) : between(random, 600, 1800);
      const quantity = random() < 0.8 ? 1 : between(random, 2, 4);
      const sashCount = kind === 'door' ? 1 : between(random, 1, 3);
      const priceKop = between(random, 3_500_00, 28_000_00);
      totalKop += priceKop * quantity;
      pieces += quantity;
      return {
        position: i + 1,
        kind,
        name: kind === 'window' ? `Вікно ${sashCount}-стулкове` : kind === 'door' ? 'Двері вхідні' : 'Балконний блок',
        widthMm,
        heightMm,
        quantity,
        profile: pick(random, PROFILES),
        glazing: pick(random, GLAZINGS),
        color: pick(random, COLORS),
        sashes: Array.from({ length: sashCount }, (_, s) => ({
          widthMm: Math.floor(widthMm / sashCount),
          opening: s === 0 && sashCount > 1 ? 'fixed' : pick(random, OPENINGS),
        })),
        extras: random() < 0.5 ? [pick(random, EXTRAS)] : [],
        price: money(priceKop),
      };
    });
    const occurredAt = nextOccurredAt();
    this.open.push({ number, dealerCode, stage: 0, pieces, totalKop, invoiced: false });
    // Bounded memory: the oldest orders simply stay in their status.
    if (this.open.length > 2000) this.open.shift();
    return {
      id: this.id(),
      type: 'order.upserted',
      occurredAt,
      data: {
        number,
        dealerCode,
        createdAt: new Date(Date.parse(occurredAt) - 60_000).toISOString(),
        currency: 'UAH',
        total: money(totalKop),
        customerRef: pick(random, CUSTOMERS),
        items,
      },
    };
  }

  private status(): BenchEvent {
    const random = this.random;
    const index = Math.floor(random() * this.open.length);
    const order = this.open[index] as OpenOrder;
    const cancel = order.stage === 0 && random() < 0.03;
    order.stage += 1;
    const status = cancel ? 'cancelled' : (STAGES[order.stage] ?? 'delivered');
    const data: Record<string, unknown> = { number: order.number, status };
    if (status === 'in_production') {
      data.itemsTotal = order.pieces;
      data.itemsDone = between(random, 0, order.pieces - 1);
    }
    if (status === 'shipped') data.note = `Рейс T-${between(random, 100, 999)}`;
    if (cancel || order.stage >= STAGES.length - 1) this.open.splice(index, 1);
    return { id: this.id(), type: 'order.status', occurredAt: nextOccurredAt(), data };
  }

  private ledger(): BenchEvent {
    const random = this.random;
    const order = this.open.find((o) => !o.invoiced);
    if (order && random() < 0.6) {
      order.invoiced = true;
      return {
        id: this.id(),
        type: 'ledger.entry',
        occurredAt: nextOccurredAt(),
        data: {
          id: `INV-${order.number}`,
          dealerCode: order.dealerCode,
          kind: 'invoice',
          amount: money(order.totalKop),
          currency: 'UAH',
          date: today(),
          dueDate: daysFromToday(14),
          orderNumber: order.number,
          document: `Рахунок на оплату № ${order.number}`,
        },
      };
    }
    this.payments += 1;
    const document = `PAY-${this.runId}-${this.client}-${this.payments}`;
    return {
      id: this.id(),
      type: 'ledger.entry',
      occurredAt: nextOccurredAt(),
      data: {
        id: document,
        dealerCode: order?.dealerCode ?? pick(random, DEALER_CODES),
        kind: 'payment',
        amount: money(between(random, 1_000_00, 50_000_00)),
        currency: 'UAH',
        date: today(),
        document: `Платіжне доручення № ${document}`,
      },
    };
  }
}

// CPU accounting from /proc (Linux): how the machine's time split between the portal's Node
// process, PostgreSQL and this benchmark while a scenario ran.

const CLOCK_TICKS = 100;

type CpuSnapshot = { machineBusy: number; serverTree: number; postgresByPid: Map<number, number>; client: number } | null;

function readProcStat(pid: number): { ppid: number; comm: string; cpu: number } | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = text.lastIndexOf(')');
    const comm = text.slice(text.indexOf('(') + 1, close);
    const fields = text.slice(close + 2).split(' ');
    // After the name: state(0) ppid(1) … utime(11) stime(12).
    return { ppid: Number(fields[1]), comm, cpu: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS };
  } catch {
    return null;
  }
}

function cpuSnapshot(serverPid: number | undefined): CpuSnapshot {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const values = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal
    const busy = values.slice(0, 8).reduce((a, b) => a + b, 0) - (values[3] ?? 0) - (values[4] ?? 0);
    const processes = new Map<number, { ppid: number; comm: string; cpu: number }>();
    for (const name of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      const stat = readProcStat(Number(name));
      if (stat) processes.set(Number(name), stat);
    }
    let serverTree = 0;
    if (serverPid !== undefined) {
      const tree = new Set([serverPid]);
      // Descendants: repeat until no new child is found (the tree is shallow).
      for (let grew = true; grew; ) {
        grew = false;
        for (const [pid, stat] of processes) {
          if (!tree.has(pid) && tree.has(stat.ppid)) {
            tree.add(pid);
            grew = true;
          }
        }
      }
      for (const pid of tree) serverTree += processes.get(pid)?.cpu ?? 0;
    }
    const postgresByPid = new Map<number, number>();
    for (const [pid, stat] of processes) if (stat.comm === 'postgres') postgresByPid.set(pid, stat.cpu);
    const usage = process.cpuUsage();
    return { machineBusy: busy / CLOCK_TICKS, serverTree, postgresByPid, client: (usage.user + usage.system) / 1e6 };
  } catch {
    return null;
  }
}

type CpuSplit = { server: number | null; postgres: number; client: number; machine: number };

function cpuBetween(before: CpuSnapshot, after: CpuSnapshot, haveServer: boolean): CpuSplit | null {
  if (!before || !after) return null;
  let postgresCpu = 0;
  for (const [pid, cpu] of after.postgresByPid) postgresCpu += cpu - (before.postgresByPid.get(pid) ?? 0);
  return {
    server: haveServer ? after.serverTree - before.serverTree : null,
    postgres: postgresCpu,
    client: after.client - before.client,
    machine: after.machineBusy - before.machineBusy,
  };
}

// ---------------------------------------------------------------------------------------------
// The load

type Tally = {
  batch: number;
  seconds: number;
  requests: number;
  ok: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  /** 200 answers whose accepted count was not the batch size. */
  short: number;
  http429: number;
  http503: number;
  otherErrors: number;
  networkErrors: number;
  /** Batches given up after MAX_RESENDS or the grace time. */
  abandoned: number;
  latencies: number[];
  samples: string[];
  cpu: CpuSplit | null;
  serverLog: ServerLogCounts;
};

const newTally = (batch: number): Tally => ({
  batch,
  seconds: 0,
  requests: 0,
  ok: 0,
  accepted: 0,
  duplicates: 0,
  rejected: 0,
  short: 0,
  http429: 0,
  http503: 0,
  otherErrors: 0,
  networkErrors: 0,
  abandoned: 0,
  latencies: [],
  samples: [],
  cpu: null,
  serverLog: new Map(),
});

type SyncAnswer = { accepted?: unknown; duplicates?: unknown; rejected?: unknown };

function retryAfterMs(header: string | null): number {
  if (!header) return 1_000;
  const seconds = /^\d+$/.test(header.trim()) ? Number(header) : (Date.parse(header) - Date.now()) / 1000;
  return Math.min(MAX_RETRY_AFTER_S, Math.max(0, Number.isFinite(seconds) ? seconds : 1)) * 1000;
}

/** Aborted when the run is stopped (signal, watchdog): every loop and request ends. */
const abortAll = new AbortController();

class StoppedError extends Error {
  constructor() {
    super('The benchmark was stopped.');
  }
}

/** Sends one batch as a source system would: again, after Retry-After, when shed or failed. */
async function sendBatch(endpoint: string, token: string, events: BenchEvent[], tally: Tally, deadline: number): Promise<void> {
  const body = JSON.stringify({ events });
  const note = (text: string) => {
    if (tally.samples.length < 5) tally.samples.push(text.slice(0, 300));
  };
  for (let attempt = 0; ; attempt++) {
    if (abortAll.signal.aborted) return;
    tally.requests += 1;
    const started = performance.now();
    let status: number;
    let text: string;
    let retryAfter: string | null;
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
        signal: AbortSignal.any([abortAll.signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
      });
      text = await response.text();
      status = response.status;
      retryAfter = response.headers.get('retry-after');
    } catch (err) {
      if (abortAll.signal.aborted) return;
      tally.networkErrors += 1;
      note(`network: ${(err as Error).message}`);
      // The batch may or may not have been stored: not sent again (that is for a real source's
      // own bookkeeping; here it would only count as duplicates).
      return;
    }
    const ms = performance.now() - started;
    if (status === 200) {
      tally.ok += 1;
      tally.latencies.push(ms);
      let answer: SyncAnswer = {};
      try {
        answer = JSON.parse(text) as SyncAnswer;
      } catch {
        note(`200 with a body that is not JSON: ${text}`);
      }
      const accepted = typeof answer.accepted === 'number' ? answer.accepted : 0;
      const rejected = Array.isArray(answer.rejected) ? answer.rejected : [];
      tally.accepted += accepted;
      tally.duplicates += typeof answer.duplicates === 'number' ? answer.duplicates : 0;
      tally.rejected += rejected.length;
      if (accepted !== events.length) {
        tally.short += 1;
        note(`accepted ${accepted} of ${events.length}: ${JSON.stringify(rejected.slice(0, 2))}`);
      }
      return;
    }
    if (status === 429 || status === 503) {
      if (status === 429) tally.http429 += 1;
      else tally.http503 += 1;
      if (status === 503) note(`503: ${text}`);
      if (attempt >= MAX_RESENDS || Date.now() > deadline + RESEND_GRACE_MS) {
        tally.abandoned += 1;
        return;
      }
      await sleep(retryAfterMs(retryAfter));
      continue;
    }
    tally.otherErrors += 1;
    note(`${status}: ${text}`);
    return;
  }
}

async function runScenario(
  endpoint: string,
  token: string,
  runId: string,
  batch: number,
  options: Options,
  server: Server | null,
  label: string,
  durationMs: number,
): Promise<Tally> {
  const tally = newTally(batch);
  server?.takeLogCounts();
  const before = cpuSnapshot(server?.child.pid);
  const started = performance.now();
  const deadline = Date.now() + durationMs;
  await Promise.all(
    Array.from({ length: options.concurrency }, async (_, c) => {
      const stream = new EventStream(runId, `${label}${c}`, (Number.parseInt(runId, 16) ^ (batch * 7919 + c * 104_729)) >>> 0);
      for (let n = 0; n < MAX_REQUESTS_PER_CLIENT && Date.now() < deadline && !abortAll.signal.aborted; n++) {
        await sendBatch(endpoint, token, stream.batch(batch), tally, deadline);
        if (server && !server.isAlive()) throw new Error('The server stopped during the benchmark.');
      }
    }),
  );
  if (abortAll.signal.aborted) throw new StoppedError();
  tally.seconds = (performance.now() - started) / 1000;
  tally.cpu = cpuBetween(before, cpuSnapshot(server?.child.pid), server !== null);
  tally.serverLog = server?.takeLogCounts() ?? new Map();
  tally.latencies.sort((a, b) => a - b);
  return tally;
}

// ---------------------------------------------------------------------------------------------
// The baseline: the same kind of rows written by a plain multi-row upsert, without the API

type Baseline = { chunk: number; seconds: number; statements: number; rows: number };

async function runBaseline(sql: postgres.Sql, runId: string, chunk: number, options: Options): Promise<Baseline> {
  const dealers = await sql<{ id: string }[]>`select id::text as id from dealers where code in ${sql(DEALER_CODES)} order by code`;
  const [plant] = await sql<{ id: string }[]>`select id::text as id from plants where is_main limit 1`;
  if (dealers.length === 0 || !plant) throw new Error('The benchmark database has no demo dealers D-1001..D-1010 or no main plant.');
  const result: Baseline = { chunk, seconds: 0, statements: 0, rows: 0 };
  const started = performance.now();
  const deadline = Date.now() + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.concurrency }, async (_, c) => {
      const random = rng(chunk * 31 + c);
      let seq = 0;
      for (let n = 0; n < MAX_REQUESTS_PER_CLIENT && Date.now() < deadline && !abortAll.signal.aborted; n++) {
        const now = new Date();
        const rows = Array.from({ length: chunk }, () => {
          seq += 1;
          const at = new Date(nextOccurredAt());
          return {
            number: `BASE${runId}-${chunk}-${c}-${String(seq).padStart(7, '0')}`,
            dealer_id: pick(random, dealers).id,
            plant_id: plant.id,
            customer_ref: pick(random, CUSTOMERS),
            status: 'accepted',
            status_at: at,
            currency: 'UAH',
            total: money(between(random, 3_500_00, 90_000_00)),
            created_at: new Date(at.getTime() - 60_000),
            accepted_at: at,
            source_updated_at: at,
            updated_at: now,
          };
        });
        await sql`
          insert into orders ${sql(rows)}
          on conflict (number) do update set
            dealer_id = excluded.dealer_id,
            plant_id = excluded.plant_id,
            customer_ref = excluded.customer_ref,
            currency = excluded.currency,
            total = excluded.total,
            created_at = excluded.created_at,
            source_updated_at = excluded.source_updated_at,
            updated_at = excluded.updated_at
          where orders.source_updated_at is null or orders.source_updated_at <= excluded.source_updated_at`;
        result.statements += 1;
        result.rows += rows.length;
      }
    }),
  );
  if (abortAll.signal.aborted) throw new StoppedError();
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

// ---------------------------------------------------------------------------------------------
// Report


type Report = {
  options: Options;
  command: string;
  date: string;
  machine: Machine;
  ownServer: boolean;
  maxInFlight: string;
  warmup: Tally | null;
  tallies: Tally[];
  baselines: Baseline[];
  states: { state: string; n: number }[] | null;
};

const eventsPerSecond = (t: Tally) => t.accepted / t.seconds;

function scenarioTable(tallies: Tally[]): string {
  return markdownTable(
    ['events per batch', 'requests (200)', 'events accepted', 'events/s', 'requests/s', 'p50 ms', 'p95 ms', 'p99 ms', 'rejected', '429', '503', 'other errors'],
    tallies.map((t) => [
      fmtInt(t.batch),
      fmtInt(t.ok),
      fmtInt(t.accepted),
      fmtRate(eventsPerSecond(t)),
      fmtRate(t.ok / t.seconds),
      fmtMs(percentile(t.latencies, 50)),
      fmtMs(percentile(t.latencies, 95)),
      fmtMs(percentile(t.latencies, 99)),
      fmtInt(t.rejected),
      fmtInt(t.http429),
      fmtInt(t.http503),
      fmtInt(t.otherErrors + t.networkErrors + t.short),
    ]),
    [true, true, true, true, true, true, true, true, true, true, true, true],
  );
}

function baselineTable(baselines: Baseline[], tallies: Tally[]): string {
  return markdownTable(
    ['rows per statement', 'statements', 'rows', 'rows/s', 'API events/s in batches of the same size', 'API share of the baseline rate'],
    baselines.map((b) => {
      const rate = b.rows / b.seconds;
      const api = tallies.find((t) => t.batch === b.chunk);
      return [
        fmtInt(b.chunk),
        fmtInt(b.statements),
        fmtInt(b.rows),
        fmtRate(rate),
        api ? fmtRate(eventsPerSecond(api)) : '–',
        api ? `${((eventsPerSecond(api) / rate) * 100).toFixed(1)} %` : '–',
      ];
    }),
    [true, true, true, true, true, true],
  );
}

function cpuTable(tallies: Tally[], nproc: number): string | null {
  if (!tallies.some((t) => t.cpu)) return null;
  const share = (part: number | null, t: Tally) =>
    part === null ? '–' : `${part.toFixed(1)} s (${((part / (t.seconds * nproc)) * 100).toFixed(0)} %)`;
  return markdownTable(
    ['events per batch', 'portal (Node)', 'PostgreSQL', 'benchmark client', 'other processes', 'whole machine busy', 'CPU ms per event (portal + PostgreSQL)'],
    tallies.map((t) => {
      const cpu = t.cpu;
      if (!cpu) return [fmtInt(t.batch), '–', '–', '–', '–', '–', '–'];
      const perEvent = t.accepted ? (((cpu.server ?? 0) + cpu.postgres) * 1000) / t.accepted : NaN;
      const other = cpu.server === null ? null : Math.max(0, cpu.machine - cpu.server - cpu.postgres - cpu.client);
      return [fmtInt(t.batch), share(cpu.server, t), share(cpu.postgres, t), share(cpu.client, t), share(other, t), share(cpu.machine, t), fmtMs(perEvent)];
    }),
    [true, true, true, true, true, true, true],
  );
}

function renderSection(report: Report): string {
  const { options, machine, tallies, baselines } = report;
  const target = tallies.find((t) => t.batch === TARGET.batch);
  const targetRate = target ? eventsPerSecond(target) : NaN;
  const met = target !== undefined && targetRate >= TARGET.eventsPerSecond;
  const nproc = Number(machine.nproc) || os.availableParallelism();
  const lines: string[] = [];
  lines.push('## Sync API', '');
  lines.push(
    `\`POST /api/sync/v1/events\` through the real HTTP server ${
      report.ownServer ? '(`node scripts/start.mjs`, production build, started by the benchmark)' : `at ${options.url}`
    } against PostgreSQL, ${options.concurrency} clients sending at once with Node's \`fetch\` (keep-alive), ` +
      `${options.seconds} s per scenario. Measured ${report.date} with \`${report.command}\` on ${machine.nproc} CPUs (\`nproc\`, ${machine.cpuModel}), ` +
      `${machine.memoryGiB} GiB memory, Node ${machine.node}, PostgreSQL ${machine.postgres} on the same machine; ` +
      `\`SYNC_MAX_IN_FLIGHT\` ${report.maxInFlight}; load average before the run ${machine.load}.`,
    '',
  );
  lines.push(scenarioTable(tallies), '');
  lines.push(
    `**Target** (from the issue): ≥ ${TARGET.eventsPerSecond.toLocaleString('en-US')} events/s sustained in batches of ${TARGET.batch} on this ${machine.nproc}-core machine: ` +
      `**${met ? 'met' : 'not met'}** (${fmtRate(targetRate)} events/s, ${((targetRate / TARGET.eventsPerSecond) * 100).toFixed(0)} % of the target).`,
    '',
  );
  lines.push(
    'Events: new orders (`order.upserted`, 1–4 constructions each) of the demo dealers D-1001..D-1010 (about 40 %), ' +
      'status changes of orders sent before (`order.status`, about 45 %) and invoices and payments (`ledger.entry`, about 15 %); ' +
      'event ids and order numbers unique to the run. Every answer is checked: `accepted` must equal the batch size ' +
      '("other errors" counts answers where it did not, other statuses and network errors). A 429, or a 503 (the batch failed and nothing of it ' +
      'was applied), is waited out per `Retry-After` and the same batch sent again, as a source system would. Latency is per HTTP request, ' +
      'from sending it to having read the whole answer, over the 200 answers; events/s and requests/s count accepted events and 200 answers ' +
      "over the scenario's whole time, including the requests still under way when its time was up.",
    '',
  );
  const abandoned = tallies.filter((t) => t.abandoned > 0).map((t) => `${fmtInt(t.abandoned)} in batches of ${fmtInt(t.batch)}`);
  if (abandoned.length) lines.push(`Batches given up after ${MAX_RESENDS} resends or a minute past the scenario's time: ${abandoned.join(', ')}.`, '');
  if (report.states) {
    const states = report.states.map((s) => `${s.state} ${fmtInt(s.n)}`).join(', ') || 'none';
    lines.push(`In the database afterwards, the run's events in \`sync_events\`: ${states}.`, '');
  }
  lines.push(
    `Baseline: a plain multi-row \`insert into orders (…) values … on conflict (number) do update … where newer\` of new order rows ` +
      `of the same dealers, with postgres.js straight into the same database, ${options.concurrency} connections at once, ${options.seconds} s each. ` +
      'It writes the orders table only: no constructions, status history, ledger, audit, outbox or `sync_events` bookkeeping.',
    '',
  );
  lines.push(baselineTable(baselines, tallies), '');
  const cpu = cpuTable(tallies, nproc);
  if (cpu) {
    lines.push(`Where the CPU went while each scenario ran (CPU seconds from \`/proc\`, and the share of ${nproc} cores × the scenario's time):`, '');
    lines.push(cpu, '');
  }
  const logLines = tallies.flatMap((t) =>
    [...t.serverLog.entries()].map(([msg, n]) => `batches of ${fmtInt(t.batch)}: "${msg}" × ${fmtInt(n)}`),
  );
  if (report.ownServer) {
    lines.push(logLines.length ? `The server logged: ${logLines.join('; ')}.` : 'The server logged no warnings or errors during the scenarios.', '');
  }
  const samples = tallies.flatMap((t) => t.samples.map((s) => `batches of ${t.batch}: ${s}`)).slice(0, 5);
  if (samples.length) {
    lines.push('First unexpected answers:', '', ...samples.map((s) => `- \`${s.replace(/`/g, "'")}\``), '');
  }
  lines.push(
    'Run it again with `npx tsx scripts/bench/sync.ts [--seconds 20] [--concurrency 4] [--database-url postgres://…] [--url http://… --token …] [--out docs/BENCHMARKS.md]`; ' +
      'it creates and drops a database `portal_bench_<random>` of its own and replaces this section.',
  );
  return lines.join('\n') + '\n';
}

function intro(report: Report): string {
  const m = report.machine;
  return [
    '# Benchmarks',
    '',
    'How fast the portal does the things that come in bulk: the factory systems pushing changes through the sync API, and seeding demo data. ' +
      'Each section names how it was measured and the exact command, so it can be run again and compared.',
    '',
    `Machine of the figures below unless a section says otherwise: ${m.nproc} CPUs (\`nproc\`, ${m.cpuModel}), ${m.memoryGiB} GiB memory, ` +
      `Node ${m.node}, PostgreSQL ${m.postgres} on the same machine (127.0.0.1).`,
    '',
  ].join('\n');
}

function writeReport(file: string, report: Report) {
  writeSection(file, '## Sync API', renderSection(report), intro(report));
}


async function main(): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n${USAGE}`);
      return 2;
    }
    throw err;
  }
  const command = ['npx tsx scripts/bench/sync.ts', ...process.argv.slice(2)].join(' ');
  const runId = randomBytes(4).toString('hex');
  const databaseName = `portal_bench_${runId}`;
  const benchUrl = withDatabase(options.databaseUrl, databaseName);
  const ownServer = options.url === null;

  // Everything is bounded: a watchdog ends the run if a phase hangs past its allowance.
  const phases = BATCH_SIZES.length + BASELINE_CHUNKS.length;
  const budgetMs = (ownServer ? STARTUP_TIMEOUT_MS : 60_000) + phases * (options.seconds * 1000 + RESEND_GRACE_MS + REQUEST_TIMEOUT_MS) + 5 * 60_000;

  const admin = postgres(options.databaseUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  let bench: postgres.Sql | null = null;
  let server: Server | null = null;
  let created = false;
  let cleaned: Promise<void> | null = null;
  const cleanup = () =>
    (cleaned ??= (async () => {
      abortAll.abort();
      if (server) await stopServer(server).catch((err: unknown) => console.error('Could not stop the server:', err));
      if (bench) await bench.end({ timeout: 5 }).catch(() => {});
      if (created) {
        await admin
          .unsafe(`drop database if exists "${databaseName}" with (force)`)
          .then(() => console.log(`Dropped the database ${databaseName}.`))
          .catch((err: unknown) => console.error(`Could not drop the database ${databaseName}:`, err));
      }
      await admin.end({ timeout: 5 }).catch(() => {});
    })());
  const disarm = guardRun(budgetMs, cleanup);

  try {
    const [version] = await admin<{ v: string }[]>`select current_setting('server_version') as v`;
    const machine = describeMachine(version?.v ?? 'unknown');
    await admin.unsafe(`create database "${databaseName}"`);
    created = true;
    console.log(`Created the database ${databaseName}.`);

    if (ownServer) {
      server = await startServer(benchUrl);
    } else {
      // The external server keeps its own database; this one serves the baseline only.
      const { openDatabase } = await import('@/lib/db/client');
      const { seedDemoData } = await import('@/lib/demo/seed');
      const handle = openDatabase({ kind: 'postgres', url: benchUrl, poolMax: 2 });
      try {
        await handle.migrate();
        await seedDemoData(handle.db);
      } finally {
        await handle.close();
      }
    }
    const baseUrl = server?.url ?? (options.url as string);
    const endpoint = `${baseUrl}/api/sync/v1/events`;

    // Warm-up, not counted: the route's first requests load and compile its code.
    console.log(`Warming up for ${WARMUP_MS / 1000} s…`);
    const warmup = await runScenario(endpoint, options.token, runId, 10, options, server, 'w', WARMUP_MS);
    if (warmup.ok === 0) {
      throw new Error(`The sync API did not answer 200 during the warm-up: ${warmup.samples.join(' | ') || 'no answer'}`);
    }

    const tallies: Tally[] = [];
    for (const batch of BATCH_SIZES) {
      console.log(`Batches of ${batch} for ${options.seconds} s with ${options.concurrency} clients…`);
      const tally = await runScenario(endpoint, options.token, runId, batch, options, server, `s${batch}-`, options.seconds * 1000);
      tallies.push(tally);
      console.log(
        `  ${fmtRate(eventsPerSecond(tally))} events/s, ${fmtRate(tally.ok / tally.seconds)} requests/s, p50 ${fmtMs(percentile(tally.latencies, 50))} ms, ` +
          `p99 ${fmtMs(percentile(tally.latencies, 99))} ms, rejected ${tally.rejected}, 429 ${tally.http429}`,
      );
    }

    bench = postgres(benchUrl, { max: options.concurrency, onnotice: () => {}, connect_timeout: 10 });
    const baselines: Baseline[] = [];
    for (const chunk of BASELINE_CHUNKS) {
      console.log(`Baseline: plain upserts of ${chunk} rows for ${options.seconds} s with ${options.concurrency} connections…`);
      const baseline = await runBaseline(bench, runId, chunk, options);
      baselines.push(baseline);
      console.log(`  ${fmtRate(baseline.rows / baseline.seconds)} rows/s`);
    }

    const states = ownServer
      ? (
          await bench<{ state: string; n: number }[]>`
            select state::text as state, count(*)::int as n from sync_events
            where event_id like ${`bench-${runId}-s%`} group by state order by state`
        ).map((r) => ({ state: r.state, n: r.n }))
      : null;

    const report: Report = {
      options,
      command,
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      machine,
      ownServer,
      maxInFlight: ownServer ? (process.env.SYNC_MAX_IN_FLIGHT || '4 (default)') : 'of the server under test',
      warmup,
      tallies,
      baselines,
      states,
    };
    console.log('');
    console.log(scenarioTable(tallies));
    console.log('');
    console.log(baselineTable(baselines, tallies));
    const cpu = cpuTable(tallies, Number(machine.nproc) || os.availableParallelism());
    if (cpu) console.log(`\n${cpu}`);
    if (states) console.log(`\nsync_events of the run: ${states.map((s) => `${s.state} ${s.n}`).join(', ')}`);
    const target = tallies.find((t) => t.batch === TARGET.batch);
    const rate = target ? eventsPerSecond(target) : NaN;
    console.log(
      `\nTarget ≥ ${TARGET.eventsPerSecond} events/s in batches of ${TARGET.batch}: ${rate >= TARGET.eventsPerSecond ? 'met' : 'not met'} (${fmtRate(rate)} events/s).\n`,
    );
    writeReport(options.out, report);
    return 0;
  } finally {
    disarm();
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof StoppedError) return;
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
