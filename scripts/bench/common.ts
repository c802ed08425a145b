// What the benchmarks under scripts/bench share: starting and stopping the portal's own server on
// a database of their own, percentiles and Markdown tables, the machine's description, and
// replacing one section of docs/BENCHMARKS.md.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { register } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import postgres from 'postgres';

export const root = path.resolve(import.meta.dirname, '..', '..');

export class UsageError extends Error {}

/** A flag's whole-number value within bounds, or a UsageError naming the flag. */
export function wholeArg(flag: string, value: string | undefined, min: number, max: number): number {
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return Number(value);
}

/** A flag's non-empty text value, or a UsageError naming the flag. */
export function textArg(flag: string, value: string | undefined): string {
  if (value === undefined || value === '' || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
  return value;
}

/**
 * Walks the arguments (`--flag value` or `--flag=value`): `take` handles a flag it knows, reading
 * its value with `value()`, and answers false for one it does not; `--help` prints the usage.
 */
export function eachFlag(argv: readonly string[], usage: string, take: (flag: string, value: () => string | undefined) => boolean): void {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--help' || flag === '-h') {
      console.log(usage);
      process.exit(0);
    }
    if (!take(flag, () => inline ?? argv[++i])) throw new UsageError(`Unknown argument "${arg}"`);
  }
}

/** Runs a benchmark's main and exits with its code: 2 after a usage error, 1 after any other. */
export function runMain(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : err);
      process.exit(err instanceof UsageError ? 2 : 1);
    },
  );
}

const PREFERRED_PORT = 3490;
/** The first start may build the app (next build on 2 cores): several minutes. */
export const STARTUP_TIMEOUT_MS = 15 * 60_000;

// ---------------------------------------------------------------------------------------------
// Small helpers

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? NaN;
}

export const fmtInt = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–');
export const fmtMs = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString('en-US')) : '–');
export const fmtRate = (n: number) => (Number.isFinite(n) ? (n < 100 ? n.toFixed(1) : Math.round(n).toLocaleString('en-US')) : '–');

export function markdownTable(head: string[], rows: string[][], alignRight: boolean[] = []): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const rule = head.map((_, i) => (alignRight[i] ? '---:' : '---'));
  return [line(head), line(rule), ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------
// The server under test

export type ServerLogCounts = Map<string, number>;

/** Set once the benchmark stops the server itself, so its exit is not reported as a crash. */
let stopping = false;

export type Server = {
  url: string;
  port: number;
  child: ChildProcess;
  exited: Promise<void>;
  isAlive(): boolean;
  /** Warnings and errors the server logged, by message, since the last take(). */
  takeLogCounts(): ServerLogCounts;
};

export type LogEntry = { level?: unknown; msg?: unknown; code?: unknown; err?: { message?: unknown; cause?: { message?: unknown } } };

export const PG_CODES: Record<string, string> = { '40P01': 'deadlock detected', '40001': 'serialization failure' };

/** What a warning or error was about: the database's error code or the error's own message. */
export function logDetail(entry: LogEntry): string | null {
  if (typeof entry.code === 'string') return PG_CODES[entry.code] ? `${entry.code}, ${PG_CODES[entry.code]}` : entry.code;
  const message = entry.err?.cause?.message ?? entry.err?.message;
  return typeof message === 'string' ? (message.split('\n')[0] ?? '').slice(0, 80) : null;
}

export async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

export async function freePort(): Promise<number> {
  for (let port = PREFERRED_PORT; port < PREFERRED_PORT + 10; port++) if (await portIsFree(port)) return port;
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export function forwardLines(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void) {
  if (!stream) return;
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    rest += chunk;
    const lines = rest.split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  });
  stream.on('end', () => {
    if (rest) onLine(rest);
  });
}

/**
 * Starts the portal on `databaseUrl`, or with `{ dataDir }` on the embedded database (PGlite) in a
 * directory of its own, as the Playwright suite's server runs (the demo data seeded anew).
 */
export async function startServer(database: string | { dataDir: string }): Promise<Server> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...(typeof database === 'string' ? { DATABASE_URL: database } : { DATA_DIR: database.dataDir }),
    SEED_DEMO: '1',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  // The demo tokens must be the ones in force, and the server one process on its own.
  delete env.SYNC_TOKEN_PRODUCTION;
  delete env.SYNC_TOKEN_ACCOUNTING;
  delete env.REDIS_URL;
  delete env.NEXTAUTH_URL;
  if (typeof database !== 'string') delete env.DATABASE_URL;
  console.log(`Starting the server on port ${port} (node scripts/start.mjs; builds first when the build is stale)…`);
  // Its own process group, so a build under way is stopped together with start.mjs.
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let alive = true;
  const exited = new Promise<void>((resolve) => {
    child.on('exit', (code, signal) => {
      alive = false;
      if (!stopping) console.error(`[server] exited (${signal ?? `code ${code}`})`);
      resolve();
    });
  });
  let counts: ServerLogCounts = new Map();
  let shown = 0;
  const onLine = (line: string) => {
    if (!line.trim()) return;
    let entry: LogEntry | null = null;
    try {
      entry = JSON.parse(line) as LogEntry;
    } catch {
      // Not a log line: build output and the like.
    }
    if (entry && typeof entry.msg === 'string' && (entry.level === 'warn' || entry.level === 'error')) {
      const detail = logDetail(entry);
      const key = `${entry.level}: ${entry.msg}${detail ? ` (${detail})` : ''}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      // A few are shown; the rest are counted and reported.
      if (shown++ < 10) process.stderr.write(`[server] ${line.slice(0, 400)}\n`);
      return;
    }
    process.stderr.write(`[server] ${line}\n`);
  };
  forwardLines(child.stdout, onLine);
  forwardLines(child.stderr, onLine);
  const url = `http://127.0.0.1:${port}`;
  const server: Server = {
    url,
    port,
    child,
    exited,
    isAlive: () => alive,
    takeLogCounts() {
      const taken = counts;
      counts = new Map();
      return taken;
    },
  };

  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    if (!alive) throw new Error('The server stopped before it answered /api/health; see the [server] lines above.');
    if (Date.now() > deadline) throw new Error(`The server did not answer /api/health with 200 within ${STARTUP_TIMEOUT_MS / 60_000} minutes.`);
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.status === 200) break;
    } catch {
      // Not listening yet.
    }
    await sleep(1_000);
  }
  console.log(`Server ready at ${url}.`);
  return server;
}

export async function stopServer(server: Server): Promise<void> {
  stopping = true;
  if (!server.isAlive() || server.child.pid === undefined) return;
  const group = -server.child.pid;
  try {
    process.kill(group, 'SIGTERM');
  } catch {
    // Already gone.
  }
  const stopped = await Promise.race([server.exited.then(() => true), sleep(20_000).then(() => false)]);
  if (!stopped) {
    console.error('The server did not stop within 20 s of SIGTERM; killing it.');
    try {
      process.kill(group, 'SIGKILL');
    } catch {
      // Already gone.
    }
    await Promise.race([server.exited, sleep(5_000)]);
  }
}

// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// Signing in over HTTP, as the browser does (next-auth credentials)

const SIGN_IN_TIMEOUT_MS = 30_000;

function cookiesOf(response: Response, jar: Map<string, string>) {
  for (const line of response.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    const eq = pair.indexOf('=');
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

/** Signs in as the browser does and returns the Cookie header of the session. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { signal: AbortSignal.timeout(SIGN_IN_TIMEOUT_MS) });
  cookiesOf(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken?: string };
  if (!csrfToken) throw new Error('next-auth gave no CSRF token.');
  const answer = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
    redirect: 'manual',
    signal: AbortSignal.timeout(SIGN_IN_TIMEOUT_MS),
  });
  cookiesOf(answer, jar);
  await answer.arrayBuffer();
  if (![...jar.keys()].some((k) => k.includes('session-token'))) throw new Error(`Signing in as ${email} gave no session (HTTP ${answer.status}).`);
  return cookieHeader(jar);
}

// ---------------------------------------------------------------------------------------------
// The machine and the report

export type Machine = { nproc: string; memoryGiB: string; cpuModel: string; node: string; postgres: string; load: string };

export function describeMachine(postgresVersion: string): Machine {
  let nproc = String(os.availableParallelism());
  try {
    nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  } catch {
    // No coreutils: the Node figure stands.
  }
  return {
    nproc,
    memoryGiB: (os.totalmem() / 1024 ** 3).toFixed(1),
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
    node: process.version,
    postgres: postgresVersion,
    load: os.loadavg().map((n) => n.toFixed(2)).join(', '),
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Replaces the section under `heading` ("## …") of a Markdown file, or appends it. */
export function writeSection(file: string, heading: string, section: string, intro: string): void {
  const abs = path.resolve(root, file);
  let text = fs.existsSync(abs) ? fs.readFileSync(abs, 'utf8') : `${intro}\n`;
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === heading);
  if (start >= 0) {
    let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
    if (end < 0) end = lines.length;
    const after = lines.slice(end).join('\n');
    text = `${lines.slice(0, start).join('\n')}\n${section}${after ? `\n${after}` : ''}`.replace(/^\n+/, '');
  } else {
    text = `${text.replace(/\n*$/, '\n\n')}${section}`;
  }
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, text.replace(/\n{3,}/g, '\n\n').replace(/\n*$/, '\n'));
  console.log(`Wrote the "${heading}" section of ${path.relative(root, abs)}.`);
}

/**
 * Ends a run that hangs past its allowance, and a run stopped by SIGINT or SIGTERM, after the
 * cleanup (stop the server, drop the database). Returns the function that disarms the watchdog.
 */
export function guardRun(budgetMs: number, cleanup: () => Promise<void>): () => void {
  const watchdog = setTimeout(() => {
    console.error(`The benchmark ran past its ${Math.round(budgetMs / 60_000)}-minute allowance; stopping.`);
    void cleanup().finally(() => process.exit(1));
  }, budgetMs);
  watchdog.unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`${signal}: stopping.`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  return () => clearTimeout(watchdog);
}

/** The arguments parsed, or null after printing what is wrong and the usage (exit code 2). */
export function parseOptions<T>(parse: (argv: readonly string[]) => T, usage: string): T | null {
  try {
    return parse(process.argv.slice(2));
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n${usage}`);
      return null;
    }
    throw err;
  }
}

/**
 * The data layer's modules say `import 'server-only'` (Next.js refuses them in client bundles);
 * outside Next.js that package throws, so a benchmark calling the data layer directly resolves it
 * to its empty variant. Call before importing anything from lib/.
 */
export function allowServerOnlyModules(): void {
  register(
    `data:text/javascript,${encodeURIComponent(
      `export async function resolve(specifier, context, next) {
        if (specifier === 'server-only') return { url: ${JSON.stringify(pathToFileURL(path.join(root, 'node_modules/server-only/empty.js')).href)}, shortCircuit: true };
        return next(specifier, context);
      }`,
    )}`,
  );
}

/** Runs one step of preparing the data and prints how long it took. */
export async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await work();
  console.log(`  ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/** The first lines of docs/BENCHMARKS.md, written when the file does not exist yet. */
export function benchmarksIntro(machine: Machine): string {
  return [
    '# Benchmarks',
    '',
    'How fast the portal does the things that come in bulk. Each section names how it was measured and the exact command, so it can be run again and compared.',
    '',
    `Machine of the figures below unless a section says otherwise: ${machine.nproc} CPUs (\`nproc\`, ${machine.cpuModel}), ${machine.memoryGiB} GiB memory, Node ${machine.node}.`,
    '',
  ].join('\n');
}

/**
 * The database a benchmark fills and measures: a new `portal_bench_<kind>_<random>` on the
 * server of `databaseUrl`, or with `reuse` one an earlier run kept. `cleanup` runs what was
 * registered with `onCleanup` (newest first), then drops the database unless it was reused or
 * `keep` is set (saying how to reuse or drop it), once however often it is called.
 */
export function benchDatabase(options: { databaseUrl: string; kind: string; reuse: string | null; keep: boolean }) {
  const name = options.reuse ?? `portal_bench_${options.kind}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(options.databaseUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  const closers: (() => Promise<unknown>)[] = [];
  let created = false;
  let cleaned: Promise<void> | null = null;
  return {
    name,
    url: withDatabase(options.databaseUrl, name),
    /** The server's version, for the machine's description. */
    async serverVersion(): Promise<string> {
      const [version] = await admin<{ v: string }[]>`select current_setting('server_version') as v`;
      return version?.v ?? 'unknown';
    },
    /** Creates the database, or checks that the one to reuse exists. */
    async prepare(): Promise<void> {
      if (options.reuse) {
        const [exists] = await admin<{ n: number }[]>`select count(*)::int as n from pg_database where datname = ${options.reuse}`;
        if (!exists?.n) throw new UsageError(`There is no database ${options.reuse} to reuse.`);
        return;
      }
      await admin.unsafe(`create database "${name}"`);
      created = true;
      console.log(`Created the database ${name}.`);
    },
    onCleanup(close: () => Promise<unknown>): void {
      closers.unshift(close);
    },
    cleanup(): Promise<void> {
      return (cleaned ??= (async () => {
        for (const close of closers) await close().catch((err: unknown) => console.error('Could not close:', err));
        if (created && !options.keep) {
          await admin
            .unsafe(`drop database if exists "${name}" with (force)`)
            .then(() => console.log(`Dropped the database ${name}.`))
            .catch((err: unknown) => console.error(`Could not drop the database ${name}:`, err));
        } else if (created || options.reuse) {
          console.log(`Kept the database ${name}: run again with --reuse ${name}, drop it with: psql -c 'drop database "${name}"'`);
        }
        await admin.end({ timeout: 5 }).catch(() => {});
      })());
    },
  };
}

export type Plan = { label: string; ms: number; nodes: string[]; sharedHit: number; sharedRead: number };
type PlanNode = { 'Node Type': string; 'Index Name'?: string; 'Relation Name'?: string; Plans?: PlanNode[] };

function planNodes(node: PlanNode, out: string[] = []): string[] {
  const where = node['Index Name'] ? ` using ${node['Index Name']}` : node['Relation Name'] ? ` on ${node['Relation Name']}` : '';
  if (!['Limit', 'Result', 'Subquery Scan', 'CTE Scan'].includes(node['Node Type'])) out.push(`${node['Node Type']}${where}`);
  for (const child of node.Plans ?? []) planNodes(child, out);
  return out;
}

/**
 * `explain (analyze, buffers)` of a statement, twice (the first run warms the cache as the measured
 * runs before it did), in a transaction where `prepare` first sets what the data layer sets for it.
 */
export async function explainPlan(
  sql: postgres.Sql,
  label: string,
  query: { sql: string; params: readonly unknown[] },
  prepare: (tx: postgres.TransactionSql) => Promise<unknown> = async () => {},
): Promise<Plan> {
  type Answer = { 'QUERY PLAN': [{ Plan: PlanNode & { 'Shared Hit Blocks'?: number; 'Shared Read Blocks'?: number }; 'Execution Time': number }] }[];
  const run = () =>
    sql.begin(async (tx) => {
      await prepare(tx);
      return tx.unsafe<Answer>(`explain (analyze, buffers, format json) ${query.sql}`, query.params as postgres.ParameterOrJSON<never>[]);
    });
  await run();
  const [row] = await run();
  const plan = row?.['QUERY PLAN'][0];
  if (!plan) throw new Error(`No plan for ${label}`);
  return {
    label,
    ms: plan['Execution Time'],
    nodes: [...new Set(planNodes(plan.Plan))],
    sharedHit: plan.Plan['Shared Hit Blocks'] ?? 0,
    sharedRead: plan.Plan['Shared Read Blocks'] ?? 0,
  };
}

export function planTable(list: readonly Plan[]): string {
  return markdownTable(
    ['query', 'plan', 'execution ms', 'buffers hit / read'],
    list.map((p) => [p.label, p.nodes.join(' → '), p.ms.toFixed(2), `${fmtInt(p.sharedHit)} / ${fmtInt(p.sharedRead)}`]),
    [false, false, true, true],
  );
}
