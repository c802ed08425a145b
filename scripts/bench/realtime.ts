// Benchmark of the realtime fan-out (CONTRACT.md section 5): N dealer sockets (1,000 and 5,000 by
// default) connected to one portal process, `order.status` events pushed through the sync API at
// 200 events/s, and the time from sending each event to each of its dealer's sockets hearing it.
// Beside it, in the same run, a bare Socket.IO server (nothing but emit) with the same number of
// sockets in the same rooms and the same rate: the floor the portal's figures stand on.
//
//   npx tsx scripts/bench/realtime.ts [--sockets 1000,5000] [--rate 200] [--seconds 20]
//                                     [--database-url postgres://postgres@127.0.0.1:5432/test]
//                                     [--out docs/BENCHMARKS.md]
//
// It creates a database portal_bench_rt_<random> on the --database-url server, starts the portal
// on it (node scripts/start.mjs with SEED_DEMO=1, one process, no Redis), signs in as the owners of
// the demo dealers and spreads the sockets over them. The database is dropped at the end.
// Localhost only; every loop is bounded in time, and a watchdog ends a hung run.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import postgres from 'postgres';
import { io as connect, type Socket } from 'socket.io-client';
import {
  describeMachine,
  eachFlag,
  fmtInt,
  fmtMs,
  freePort,
  guardRun,
  type Machine,
  markdownTable,
  percentile,
  runMain,
  type Server,
  signIn,
  sleep,
  startServer,
  STARTUP_TIMEOUT_MS,
  stopServer,
  UsageError,
  wholeArg,
  withDatabase,
  writeSection,
} from './common';

const USAGE =
  'Usage: npx tsx scripts/bench/realtime.ts [--sockets 1000,5000] [--rate 200] [--seconds 20]\n' +
  '                                         [--database-url postgres://postgres@127.0.0.1:5432/test] [--out docs/BENCHMARKS.md]';

const TARGET = { p99Ms: 250, sockets: 5000 } as const;
const PASSWORD = 'demo12345';
const TOKEN = 'demo-production-token';
/** Events per sync request: the rate is reached with a request every 1000 / (rate / BATCH) ms. */
const BATCH = 10;
const CONNECT_TIMEOUT_MS = 120_000;
/** Receipts still arriving after the last send are waited for this long. */
const DRAIN_MS = 3_000;

type Options = { sockets: number[]; rate: number; seconds: number; databaseUrl: string; out: string };

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { sockets: [1000, 5000], rate: 200, seconds: 20, databaseUrl: 'postgres://postgres@127.0.0.1:5432/test', out: 'docs/BENCHMARKS.md' };
  eachFlag(argv, USAGE, (flag, value) => {
    switch (flag) {
      case '--sockets':
        options.sockets = (value() ?? '').split(',').map((n) => wholeArg(flag, n, 1, 20_000));
        return true;
      case '--rate':
        options.rate = wholeArg(flag, value(), BATCH, 5_000);
        return true;
      case '--seconds':
        options.seconds = wholeArg(flag, value(), 1, 600);
        return true;
      case '--database-url': {
        const url = value();
        if (!url || !/^postgres(ql)?:\/\//.test(url)) throw new UsageError(`--database-url must be a postgres:// URL, got "${url ?? ''}"`);
        options.databaseUrl = url;
        return true;
      }
      case '--out': {
        const out = value();
        if (!out || out.startsWith('--')) throw new UsageError('--out needs a value');
        options.out = out;
        return true;
      }
      default:
        return false;
    }
  });
  return options;
}

// ---------------------------------------------------------------------------------------------
// Memory of a process tree, from /proc (Linux)

function rssTreeBytes(rootPid: number | undefined): number {
  if (rootPid === undefined) return NaN;
  try {
    const parents = new Map<number, number>();
    for (const name of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
        parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      } catch {
        // Gone meanwhile.
      }
    }
    const tree = new Set([rootPid]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [pid, ppid] of parents) {
        if (!tree.has(pid) && tree.has(ppid)) {
          tree.add(pid);
          grew = true;
        }
      }
    }
    let kb = 0;
    for (const pid of tree) {
      try {
        const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
        kb += Number(line?.replace(/\D+/g, '') ?? 0);
      } catch {
        // Gone meanwhile.
      }
    }
    return kb * 1024;
  } catch {
    return NaN;
  }
}

// ---------------------------------------------------------------------------------------------
// Sockets

type Receipt = { key: string; at: number };

/** Opens `count` sockets spread round-robin over the cookies (one per dealer), websocket only. */
async function openSockets(url: string, cookies: string[], count: number, onEvent: (dealer: number, event: string, payload: unknown) => void): Promise<Socket[]> {
  const sockets: Socket[] = [];
  const deadline = Date.now() + CONNECT_TIMEOUT_MS;
  // In waves, so the server is not handed thousands of handshakes at once.
  for (let start = 0; start < count; start += 250) {
    const wave = Array.from({ length: Math.min(250, count - start) }, (_, i) => {
      const dealer = (start + i) % cookies.length;
      const socket = connect(url, {
        transports: ['websocket'],
        extraHeaders: cookies[dealer] ? { cookie: cookies[dealer] } : {},
        reconnection: false,
        timeout: CONNECT_TIMEOUT_MS,
      });
      socket.onAny((event: string, payload: unknown) => onEvent(dealer, event, payload));
      sockets.push(socket);
      return new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', (err) => reject(new Error(`socket ${start + i} could not connect: ${err.message}`)));
      });
    });
    await Promise.all(wave);
    if (Date.now() > deadline) throw new Error(`Connecting ${count} sockets took longer than ${CONNECT_TIMEOUT_MS / 1000} s.`);
  }
  return sockets;
}

function closeSockets(sockets: Socket[]) {
  for (const socket of sockets) socket.disconnect();
}

type Tally = {
  scenario: 'portal' | 'bare';
  sockets: number;
  dealers: number;
  seconds: number;
  sent: number;
  expected: number;
  received: number;
  latencies: number[];
  rssPerSocketKiB: number;
  sendErrors: number;
  /** Sync requests shed with 429/503 and sent again (their events' latency includes the wait). */
  resends: number;
  failures: string[];
};

function summarize(t: Tally): string {
  const s = [...t.latencies].sort((a, b) => a - b);
  return `${t.scenario} with ${fmtInt(t.sockets)} sockets: sent ${fmtInt(t.sent)}, received ${fmtInt(t.received)} of ${fmtInt(t.expected)}, p50 ${fmtMs(percentile(s, 50))} ms, p99 ${fmtMs(percentile(s, 99))} ms`;
}

// ---------------------------------------------------------------------------------------------
// The portal: order.status events through the sync API

type DealerOrders = { code: string; numbers: string[] };

async function runPortal(server: Server, cookies: string[], dealers: DealerOrders[], count: number, options: Options): Promise<Tally> {
  const sentAt = new Map<string, number>();
  const receipts: Receipt[] = [];
  const rssBefore = rssTreeBytes(server.child.pid);
  const sockets = await openSockets(server.url, cookies, count, (_dealer, event, payload) => {
    if (event !== 'order.status') return;
    const p = payload as { number?: string; occurredAt?: string };
    receipts.push({ key: `${p.number}|${p.occurredAt}`, at: performance.now() });
  });
  await sleep(2_000);
  const rssAfter = rssTreeBytes(server.child.pid);
  const perDealer = dealers.map((_, d) => sockets.filter((__, i) => i % cookies.length === d).length);

  let lastMs = Date.now();
  const occurredAt = () => new Date((lastMs = Math.max(lastMs + 1, Date.now()))).toISOString();
  let seq = 0;
  let sent = 0;
  let expected = 0;
  let sendErrors = 0;
  let resends = 0;
  const failures: string[] = [];
  const interval = 1000 / (options.rate / BATCH);
  const started = performance.now();
  const end = started + options.seconds * 1000;
  const inFlight: Promise<void>[] = [];
  for (let tick = 0; performance.now() < end; tick++) {
    const events = Array.from({ length: BATCH }, () => {
      seq += 1;
      const d = seq % dealers.length;
      const dealer = dealers[d] as DealerOrders;
      const number = dealer.numbers[Math.floor(seq / dealers.length) % dealer.numbers.length] as string;
      const at = occurredAt();
      expected += perDealer[d] ?? 0;
      return { key: `${number}|${at}`, event: { id: `rt-${seq}-${randomBytes(3).toString('hex')}`, type: 'order.status', occurredAt: at, data: { number, status: seq % 2 ? 'manufactured' : 'in_production' } } };
    });
    const now = performance.now();
    for (const e of events) sentAt.set(e.key, now);
    sent += events.length;
    const body = JSON.stringify({ events: events.map((e) => e.event) });
    inFlight.push(
      (async () => {
        // As a source system does: a batch shed with 429 (or 503) is sent again after Retry-After.
        for (let attempt = 0; attempt < 10; attempt++) {
          try {
            const r = await fetch(`${server.url}/api/sync/v1/events`, {
              method: 'POST',
              headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
              body,
              signal: AbortSignal.timeout(30_000),
            });
            const answer = (await r.json()) as { accepted?: number };
            if (r.status === 429 || r.status === 503) {
              resends += 1;
              await sleep(Math.min(5, Number(r.headers.get('retry-after')) || 1) * 1000);
              continue;
            }
            if (r.status !== 200 || answer.accepted !== events.length) {
              sendErrors += 1;
              failures.push(`HTTP ${r.status}`);
            }
            return;
          } catch (err) {
            sendErrors += 1;
            failures.push(err instanceof Error ? err.message : String(err));
            return;
          }
        }
        sendErrors += 1;
        failures.push('still shed after 10 tries');
      })(),
    );
    const next = started + (tick + 1) * interval;
    await sleep(Math.max(0, next - performance.now()));
  }
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(inFlight);
  await sleep(DRAIN_MS);
  closeSockets(sockets);
  const latencies: number[] = [];
  for (const r of receipts) {
    const at = sentAt.get(r.key);
    if (at !== undefined) latencies.push(r.at - at);
  }
  return {
    scenario: 'portal',
    sockets: count,
    dealers: dealers.length,
    seconds,
    sent,
    expected,
    received: latencies.length,
    latencies,
    rssPerSocketKiB: (rssAfter - rssBefore) / count / 1024,
    sendErrors,
    resends,
    failures: [...new Set(failures)].slice(0, 3),
  };
}

// ---------------------------------------------------------------------------------------------
// The floor: a bare Socket.IO server in a process of its own, emitting to the same rooms

const BARE_SERVER = `
const { createServer } = require('node:http');
const { Server } = require('socket.io');
const http = createServer();
const io = new Server(http, { serveClient: false });
io.on('connection', (socket) => socket.join('dealer:' + socket.handshake.query.dealer));
process.on('message', (m) => {
  if (m.type === 'emit') io.to('dealer:' + m.dealer).emit('order.status', { number: m.number, status: 'manufactured', occurredAt: m.at });
  if (m.type === 'rss') process.send({ type: 'rss', rss: process.memoryUsage().rss });
});
http.listen(Number(process.env.PORT), '127.0.0.1', () => process.send({ type: 'ready' }));
`;

async function runBare(count: number, dealers: number, options: Options): Promise<Tally> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['-e', BARE_SERVER], {
    cwd: process.cwd(),
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ask = <T>(message: Record<string, unknown>, type: string) =>
    new Promise<T>((resolve) => {
      const on = (m: { type?: string }) => {
        if (m.type === type) {
          child.off('message', on);
          resolve(m as T);
        }
      };
      child.on('message', on);
      child.send(message);
    });
  try {
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`The bare Socket.IO server exited (${code}).`)));
    });
    const rssBefore = (await ask<{ rss: number }>({ type: 'rss' }, 'rss')).rss;
    const receipts: Receipt[] = [];
    const sockets: Socket[] = [];
    for (let start = 0; start < count; start += 250) {
      const wave = Array.from({ length: Math.min(250, count - start) }, (_, i) => {
        const socket = connect(`http://127.0.0.1:${port}`, { transports: ['websocket'], reconnection: false, query: { dealer: String((start + i) % dealers) } });
        socket.on('order.status', (p: { number: string; occurredAt: string }) => receipts.push({ key: `${p.number}|${p.occurredAt}`, at: performance.now() }));
        sockets.push(socket);
        return new Promise<void>((resolve, reject) => {
          socket.once('connect', () => resolve());
          socket.once('connect_error', reject);
        });
      });
      await Promise.all(wave);
    }
    await sleep(2_000);
    const rssAfter = (await ask<{ rss: number }>({ type: 'rss' }, 'rss')).rss;
    const perDealer = Array.from({ length: dealers }, (_, d) => sockets.filter((__, i) => i % dealers === d).length);
    const sentAt = new Map<string, number>();
    let seq = 0;
    let expected = 0;
    const interval = 1000 / (options.rate / BATCH);
    const started = performance.now();
    const end = started + options.seconds * 1000;
    for (let tick = 0; performance.now() < end; tick++) {
      for (let i = 0; i < BATCH; i++) {
        seq += 1;
        const dealer = seq % dealers;
        const key = `B-${seq}|${seq}`;
        sentAt.set(key, performance.now());
        expected += perDealer[dealer] ?? 0;
        child.send({ type: 'emit', dealer, number: `B-${seq}`, at: String(seq) });
      }
      const next = started + (tick + 1) * interval;
      await sleep(Math.max(0, next - performance.now()));
    }
    const seconds = (performance.now() - started) / 1000;
    await sleep(DRAIN_MS);
    closeSockets(sockets);
    const latencies = receipts.flatMap((r) => {
      const at = sentAt.get(r.key);
      return at === undefined ? [] : [r.at - at];
    });
    return { scenario: 'bare', sockets: count, dealers, seconds, sent: seq, expected, received: latencies.length, latencies, rssPerSocketKiB: (rssAfter - rssBefore) / count / 1024, sendErrors: 0, resends: 0, failures: [] };
  } finally {
    child.kill('SIGTERM');
  }
}

// ---------------------------------------------------------------------------------------------
// The report

type Report = { command: string; date: string; machine: Machine; options: Options; tallies: Tally[]; dealers: number };

function table(tallies: Tally[]): string {
  return markdownTable(
    ['server', 'sockets', 'events sent', 'deliveries expected', 'received', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'memory per socket', 'sync requests shed and resent', 'failed sync requests'],
    tallies.map((t) => {
      const s = [...t.latencies].sort((a, b) => a - b);
      return [
        t.scenario === 'portal' ? 'portal (sync API → outbox → dispatcher → Socket.IO)' : 'bare Socket.IO emit',
        fmtInt(t.sockets),
        fmtInt(t.sent),
        fmtInt(t.expected),
        fmtInt(t.received),
        fmtMs(percentile(s, 50)),
        fmtMs(percentile(s, 95)),
        fmtMs(percentile(s, 99)),
        fmtMs(s.at(-1) ?? NaN),
        Number.isFinite(t.rssPerSocketKiB) ? `${t.rssPerSocketKiB.toFixed(1)} KiB` : '–',
        t.scenario === 'portal' ? String(t.resends) : '–',
        t.scenario === 'portal' ? `${t.sendErrors}${t.failures.length ? ` (${t.failures.join('; ')})` : ''}` : '–',
      ];
    }),
    [false, true, true, true, true, true, true, true, true, true, true, true],
  );
}

function renderSection(r: Report): string {
  const m = r.machine;
  const target = r.tallies.find((t) => t.scenario === 'portal' && t.sockets === TARGET.sockets);
  const p99 = target ? percentile([...target.latencies].sort((a, b) => a - b), 99) : NaN;
  const verdict = target
    ? `p99 ${fmtMs(p99)} ms with ${fmtInt(TARGET.sockets)} sockets: **${p99 <= TARGET.p99Ms && target.received === target.expected ? 'met' : 'not met'}**${target.received === target.expected ? '' : ` (and ${fmtInt(target.expected - target.received)} deliveries missing)`}`
    : `not measured (no run with ${fmtInt(TARGET.sockets)} sockets)`;
  return [
    '## Realtime',
    '',
    `\`order.status\` events pushed through \`POST /api/sync/v1/events\` (${r.options.rate} events/s in requests of ${BATCH}) to one portal process (\`node scripts/start.mjs\`, production build, PostgreSQL, no Redis), ` +
      `while N sockets (websocket transport, each signed in with a dealer owner's session cookie) are connected, spread evenly over the ${r.dealers} demo dealers; each event goes to the sockets of its order's dealer. ` +
      `Latency: from sending the sync request to a socket receiving the event, for every delivery. Memory per socket: the portal process's resident memory after connecting the sockets minus before, divided by N. ` +
      `The bare row: a Socket.IO server in a process of its own that does nothing but emit the same events to the same rooms at the same rate, measured in the same run (latency from asking it to emit to receipt). ` +
      `Measured ${r.date} with \`${r.command}\`, ${r.options.seconds} s per row, on ${m.nproc} CPUs (\`nproc\`, ${m.cpuModel}), ${m.memoryGiB} GiB memory, Node ${m.node}, PostgreSQL ${m.postgres}; the sockets and the sending run in the benchmark's own process on the same machine.`,
    '',
    table(r.tallies),
    '',
    `**Target** (from the issue): p99 ≤ ${TARGET.p99Ms} ms at ${fmtInt(TARGET.sockets)} sockets: ${verdict}.`,
    '',
    `Run it again with \`${USAGE.replace(/^Usage: /, '').replace(/\n\s+/g, ' ')}\`; it creates and drops a database \`portal_bench_rt_<random>\` and replaces this section.`,
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------

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
  const command = ['npx tsx scripts/bench/realtime.ts', ...process.argv.slice(2)].join(' ');
  const databaseName = `portal_bench_rt_${randomBytes(4).toString('hex')}`;
  const budgetMs = STARTUP_TIMEOUT_MS + options.sockets.length * 2 * (options.seconds * 1000 + CONNECT_TIMEOUT_MS + 30_000) + 5 * 60_000;
  const admin = postgres(options.databaseUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  let server: Server | null = null;
  let created = false;
  let cleaned: Promise<void> | null = null;
  const cleanup = () =>
    (cleaned ??= (async () => {
      if (server) await stopServer(server).catch((err: unknown) => console.error('Could not stop the server:', err));
      if (created) await admin.unsafe(`drop database if exists "${databaseName}" with (force)`).catch((err: unknown) => console.error(`Could not drop ${databaseName}:`, err));
      await admin.end({ timeout: 5 }).catch(() => {});
    })());
  const disarm = guardRun(budgetMs, cleanup);
  try {
    const [version] = await admin<{ v: string }[]>`select current_setting('server_version') as v`;
    const machine = describeMachine(version?.v ?? 'unknown');
    await admin.unsafe(`create database "${databaseName}"`);
    created = true;
    server = await startServer(withDatabase(options.databaseUrl, databaseName));

    // The demo dealers' owners (dealer@ and dealer2@ for the first two), with their orders.
    const db = postgres(withDatabase(options.databaseUrl, databaseName), { max: 1, onnotice: () => {} });
    const owners = await db<{ email: string; code: string }[]>`
      select u.email, d.code from users u join dealers d on d.id = u.dealer_id
      where u.role = 'dealer_owner' and u.active order by d.code`;
    const numbers = await db<{ code: string; number: string }[]>`
      select d.code, o.number from orders o join dealers d on d.id = o.dealer_id order by d.code, o.number`;
    await db.end();
    const dealers: DealerOrders[] = [];
    const cookies: string[] = [];
    for (const owner of owners) {
      const own = numbers.filter((n) => n.code === owner.code).map((n) => n.number);
      if (!own.length) continue;
      cookies.push(await signIn(server.url, owner.email, PASSWORD));
      dealers.push({ code: owner.code, numbers: own });
    }
    console.log(`Signed in as the owners of ${dealers.length} dealers.`);

    const tallies: Tally[] = [];
    for (const count of options.sockets) {
      console.log(`Portal: ${fmtInt(count)} sockets, ${options.rate} events/s for ${options.seconds} s…`);
      const portal = await runPortal(server, cookies, dealers, count, options);
      tallies.push(portal);
      console.log(`  ${summarize(portal)}`);
      console.log(`Bare Socket.IO: ${fmtInt(count)} sockets…`);
      const bare = await runBare(count, dealers.length, options);
      tallies.push(bare);
      console.log(`  ${summarize(bare)}`);
    }
    const report: Report = { command, date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), machine, options, tallies, dealers: dealers.length };
    console.log(`\n${table(tallies)}\n`);
    writeSection(options.out, '## Realtime', renderSection(report), '# Benchmarks\n');
    return 0;
  } finally {
    disarm();
    await cleanup();
  }
}

runMain(main);
