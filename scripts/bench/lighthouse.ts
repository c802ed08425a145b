// What a dealer's phone gets from the portal (issue 9): Lighthouse's scores and metrics on the
// dealer's home, orders list and one order; the JavaScript each dealer page loads on its first
// visit; and how fast the orders list opens again offline from the service worker's cache.
//
//   npx tsx scripts/bench/lighthouse.ts [--runs 3] [--reopen-runs 5] [--out docs/BENCHMARKS.md] [--reports DIR]
//
// It builds the app when the build is stale (node scripts/start.mjs --build-only), starts the
// production server on a port of its own and on a fresh embedded database (PGlite) in a temporary
// DATA_DIR, seeded with the demo data, as the Playwright suite's server runs, and signs in as the
// demo dealer over HTTP (next-auth credentials). Then:
// - Lighthouse (Node API, its default mobile settings: mobile form factor and screen, simulated
//   throttling) in Debian's Chromium, --runs times per route, with the session cookie as an extra
//   header; medians of each figure, and the accessibility audits that failed in any run;
// - first-load JS: each dealer page opened in a fresh Playwright context (phone viewport, service
//   workers blocked, nothing cached), the bodies of every script it loads until the load event and
//   a short quiet after it, each gzipped with node:zlib at level 9 and summed;
// - offline reopen: with service workers allowed, /dealer/orders opened online until the worker
//   controls it and reloaded once (so the page goes through the worker into its cache), then the
//   context offline and --reopen-runs reloads, each timed to its first contentful paint and load
//   event from the page's own performance entries. Skipped, with a note, without public/sw.js.
// The server's data directory is removed at the end; a watchdog ends a hung run.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContextOptions } from '@playwright/test';
import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { BANNER_FROM_VISIT, VISITS_KEY } from '../../components/pwa/install-state';
import {
  benchmarksIntro,
  describeMachine,
  eachFlag,
  fmtMs,
  guardRun,
  type Machine,
  markdownTable,
  parseOptions,
  percentile,
  root,
  runMain,
  type Server,
  signIn,
  sleep,
  startServer,
  STARTUP_TIMEOUT_MS,
  stopServer,
  textArg,
  wholeArg,
  writeSection,
} from './common';

const USAGE = 'Usage: npx tsx scripts/bench/lighthouse.ts [--runs 3] [--reopen-runs 5] [--out docs/BENCHMARKS.md] [--reports DIR]';

const SECTION = '## PWA: Lighthouse, first-load JS, offline reopen';
const TARGET = { performance: 95, accessibility: 100, firstLoadKiB: 150 } as const;
const DEALER = { email: 'dealer@demo.test', password: 'demo12345' } as const;
const CHROMIUM = '/usr/bin/chromium';
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
/** As the Playwright suite's phone project. */
const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'en-GB' };
/** Scripts still arriving this long after the load event count as the first visit's too. */
const QUIET_AFTER_LOAD_MS = 2_000;
const PAGE_TIMEOUT_MS = 60_000;
const BUDGET_MS = STARTUP_TIMEOUT_MS + 30 * 60_000;
const SW_FILE = path.join(root, 'public', 'sw.js');

type Options = { runs: number; reopenRuns: number; out: string; reports: string | null };

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { runs: 3, reopenRuns: 5, out: 'docs/BENCHMARKS.md', reports: null };
  eachFlag(argv, USAGE, (flag, value) => {
    switch (flag) {
      case '--runs':
        options.runs = wholeArg(flag, value(), 1, 15);
        return true;
      case '--reopen-runs':
        options.reopenRuns = wholeArg(flag, value(), 1, 50);
        return true;
      case '--out':
        options.out = textArg(flag, value());
        return true;
      case '--reports':
        options.reports = textArg(flag, value());
        return true;
      default:
        return false;
    }
  });
  return options;
}

const median = (values: readonly number[]) => percentile([...values].sort((a, b) => a - b), 50);
const kib = (bytes: number) => (Number.isFinite(bytes) ? (bytes / 1024).toFixed(1) : '–');

// ---------------------------------------------------------------------------------------------
// Lighthouse

/** `scored`: false for the audits Lighthouse runs but leaves out of the score (weight 0). */
type FailedAudit = { id: string; title: string; scored: boolean; selectors: string[] };

type LighthouseRun = {
  scores: Record<(typeof CATEGORIES)[number], number>;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Scripts' transfer size by Lighthouse's resource summary. */
  scriptBytes: number;
  failedA11y: FailedAudit[];
  benchmarkIndex: number;
  version: string;
};

/** `returning`: the dealer's third visit, when the home offers to install the app. */
type RouteResult = { label: string; path: string; returning: boolean; runs: LighthouseRun[] };

/** Lighthouse's own failure to record a run (NO_NAVSTART and the like): worth another try. */
class LighthouseRunError extends Error {}
/** Tries per run before a Lighthouse failure ends the benchmark. */
const LIGHTHOUSE_TRIES = 3;

type Lhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

function failedAccessibilityAudits(lhr: Lhr): FailedAudit[] {
  const failed: FailedAudit[] = [];
  for (const ref of lhr.categories.accessibility?.auditRefs ?? []) {
    const audit = lhr.audits[ref.id];
    if (!audit || audit.score === null || audit.score >= 1) continue;
    const details = audit.details as { type?: string; items?: { node?: { selector?: string } }[] } | undefined;
    const selectors = (details?.type === 'table' ? (details.items ?? []) : []).map((item) => item.node?.selector).filter((s): s is string => Boolean(s));
    failed.push({ id: ref.id, title: audit.title, scored: ref.weight > 0, selectors });
  }
  return failed;
}

async function runLighthouse(url: string, port: number, cookie: string, reportFile: string | null): Promise<LighthouseRun> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: [...CATEGORIES],
    extraHeaders: { Cookie: cookie },
  });
  if (!result) throw new Error(`Lighthouse gave no result for ${url}.`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new LighthouseRunError(`Lighthouse could not measure ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  // A page that redirected to the sign-in page would be measured as that page.
  if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname) throw new Error(`${url} ended at ${lhr.finalDisplayedUrl}: is the session cookie accepted?`);
  if (reportFile) fs.writeFileSync(reportFile, typeof result.report === 'string' ? result.report : JSON.stringify(lhr));
  const score = (id: string) => {
    const value = lhr.categories[id]?.score;
    if (value === null || value === undefined) throw new Error(`Lighthouse gave no ${id} score for ${url}.`);
    return Math.round(value * 100);
  };
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  const summary = lhr.audits['resource-summary']?.details as { items?: { resourceType?: string; transferSize?: number }[] } | undefined;
  return {
    scores: { performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices') },
    lcpMs: numeric('largest-contentful-paint'),
    tbtMs: numeric('total-blocking-time'),
    cls: numeric('cumulative-layout-shift'),
    scriptBytes: summary?.items?.find((i) => i.resourceType === 'script')?.transferSize ?? NaN,
    failedA11y: failedAccessibilityAudits(lhr),
    benchmarkIndex: lhr.environment.benchmarkIndex,
    version: lhr.lighthouseVersion,
  };
}

/** The failed accessibility audits of every run, each once, with the selectors of all runs. */
function unionFailed(runs: readonly LighthouseRun[]): FailedAudit[] {
  const byId = new Map<string, FailedAudit>();
  for (const audit of runs.flatMap((r) => r.failedA11y)) {
    const known = byId.get(audit.id);
    if (known) known.selectors = [...new Set([...known.selectors, ...audit.selectors])];
    else byId.set(audit.id, { ...audit, selectors: [...audit.selectors] });
  }
  return [...byId.values()];
}

/** Makes the browser's next visit to the dealer home its `visits + 1`th, as the home counts them. */
async function countEarlierVisits(port: number, baseUrl: string, visits: number): Promise<void> {
  const cdp = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const context = cdp.contexts()[0] ?? (await cdp.newContext());
    const page = await context.newPage();
    await page.goto(`${baseUrl}/api/health`, { timeout: PAGE_TIMEOUT_MS });
    await page.evaluate(([key, value]) => window.localStorage.setItem(key, value), [VISITS_KEY, String(visits)] as const);
    await page.close();
  } finally {
    // Disconnects; the browser stays for Lighthouse.
    await cdp.close();
  }
}

// ---------------------------------------------------------------------------------------------
// First-load JS and the offline reopen, in Playwright

type ScriptFile = { url: string; bytes: number; gzipBytes: number };
type FirstLoad = {
  path: string;
  /** The scripts the document names (script tags, preloads, the client components of its RSC payload): what the page needs to render and hydrate. */
  scripts: ScriptFile[];
  gzipBytes: number;
  rawBytes: number;
  /** Scripts the page asked for itself afterwards (import() of code it needs only later: the live connection, the outbox, the service worker's registration). */
  later: ScriptFile[];
  laterGzipBytes: number;
  htmlGzipBytes: number;
};

/** The Cookie header as Playwright's cookies for the server's origin. */
function cookiesFor(baseUrl: string, cookie: string) {
  return cookie.split('; ').map((pair) => {
    const eq = pair.indexOf('=');
    return { name: pair.slice(0, eq), value: pair.slice(eq + 1), url: baseUrl };
  });
}

async function firstLoadJs(browser: Browser, baseUrl: string, cookie: string, routePath: string): Promise<FirstLoad> {
  const context = await browser.newContext({ ...PHONE, baseURL: baseUrl, serviceWorkers: 'block' });
  try {
    await context.addCookies(cookiesFor(baseUrl, cookie));
    const page = await context.newPage();
    const bodies: Promise<ScriptFile | null>[] = [];
    const seen = new Set<string>();
    page.on('response', (response) => {
      const url = response.url();
      if (response.request().resourceType() !== 'script' || seen.has(url) || response.status() !== 200) return;
      seen.add(url);
      bodies.push(
        response.body().then(
          (body) => ({ url, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length }),
          (err: unknown) => {
            console.error(`Could not read ${url}:`, err);
            return null;
          },
        ),
      );
    });
    const answer = await page.goto(routePath, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
    if (answer?.status() !== 200 || new URL(page.url()).pathname !== routePath) {
      throw new Error(`${routePath} answered ${answer?.status() ?? 'nothing'} at ${page.url()}: is the session cookie accepted?`);
    }
    const html = await answer.body();
    const htmlGzipBytes = gzipSync(html, { level: 9 }).length;
    // Every chunk the document names, in its tags or in the RSC payload's client references.
    const named = new Set(Array.from(html.toString('utf8').matchAll(/\/_next\/static\/[^"'\\\s)]+?\.js/g), (m) => m[0]));
    await sleep(QUIET_AFTER_LOAD_MS);
    const loaded = (await Promise.all(bodies)).filter((s): s is ScriptFile => s !== null).sort((a, b) => b.gzipBytes - a.gzipBytes);
    const scripts = loaded.filter((s) => named.has(new URL(s.url).pathname));
    const later = loaded.filter((s) => !named.has(new URL(s.url).pathname));
    return {
      path: routePath,
      scripts,
      gzipBytes: scripts.reduce((sum, s) => sum + s.gzipBytes, 0),
      rawBytes: scripts.reduce((sum, s) => sum + s.bytes, 0),
      later,
      laterGzipBytes: later.reduce((sum, s) => sum + s.gzipBytes, 0),
      htmlGzipBytes,
    };
  } finally {
    await context.close();
  }
}

type Reopen = { fcpMs: number[]; loadMs: number[]; note: string | null };

async function offlineReopen(browser: Browser, baseUrl: string, cookie: string, runs: number): Promise<Reopen> {
  if (!fs.existsSync(SW_FILE)) {
    return { fcpMs: [], loadMs: [], note: 'not measured: there is no public/sw.js (the service worker is built by `npm start`\'s build step); build it and run again' };
  }
  const context = await browser.newContext({ ...PHONE, baseURL: baseUrl, serviceWorkers: 'allow' });
  try {
    await context.addCookies(cookiesFor(baseUrl, cookie));
    const page = await context.newPage();
    await page.goto('/dealer/orders', { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
    try {
      await page.waitForFunction(() => navigator.serviceWorker?.controller !== null && navigator.serviceWorker?.controller !== undefined, null, { timeout: PAGE_TIMEOUT_MS });
    } catch {
      return { fcpMs: [], loadMs: [], note: `not measured: no service worker controlled /dealer/orders within ${PAGE_TIMEOUT_MS / 1000} s` };
    }
    // The first visit came before the worker: this one goes through it, into its cache.
    await page.reload({ waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
    const heading = await page.locator('h1').first().textContent();
    await context.setOffline(true);
    const fcpMs: number[] = [];
    const loadMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      await page.reload({ waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
      // The first contentful paint may be recorded a moment after the load event.
      await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 10_000 }).catch(() => {});
      const shown = await page.evaluate(() => {
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return {
          loadMs: navigation?.loadEventEnd ?? NaN,
          fcpMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
          heading: document.querySelector('h1')?.textContent ?? null,
        };
      });
      // The worker answers the offline page when it has nothing cached: that would not be a reopen.
      if (shown.heading !== heading) {
        return { fcpMs, loadMs, note: `not measured: offline, /dealer/orders showed "${shown.heading ?? 'no heading'}" instead of "${heading ?? ''}" (not from the cache)` };
      }
      fcpMs.push(shown.fcpMs);
      loadMs.push(shown.loadMs);
      console.log(`  offline reopen ${i + 1}: first contentful paint ${fmtMs(shown.fcpMs)} ms, load event ${fmtMs(shown.loadMs)} ms`);
    }
    return { fcpMs, loadMs, note: null };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The report

type Report = {
  command: string;
  date: string;
  machine: Machine;
  chromium: string;
  routes: RouteResult[];
  firstLoads: FirstLoad[];
  reopen: Reopen;
};

const shortName = (url: string) => new URL(url).pathname.replace(/^\/_next\/static\//, '');

function renderSection(report: Report): string {
  const m = report.machine;
  const anyRun = report.routes[0]?.runs[0];
  const lighthouseRows = report.routes.map((route) => {
    const perf = route.runs.map((r) => r.scores.performance);
    return [
      `${route.label} (\`${route.path}\`)`,
      `${median(perf)} (${Math.min(...perf)}–${Math.max(...perf)})`,
      String(median(route.runs.map((r) => r.scores.accessibility))),
      String(median(route.runs.map((r) => r.scores['best-practices']))),
      fmtMs(median(route.runs.map((r) => r.lcpMs))),
      fmtMs(median(route.runs.map((r) => r.tbtMs))),
      median(route.runs.map((r) => r.cls)).toFixed(3),
      kib(median(route.runs.map((r) => r.scriptBytes))),
    ];
  });
  const failedRows = report.routes.flatMap((route) =>
    unionFailed(route.runs).map((audit) => [
      route.returning ? `\`${route.path}\` (visit ${BANNER_FROM_VISIT})` : `\`${route.path}\``,
      `\`${audit.id}\` (${audit.title.replace(/\|/g, '\\|')})`,
      audit.scored ? 'yes' : 'no (weight 0)',
      audit.selectors.length ? audit.selectors.slice(0, 6).map((s) => `\`${s.replace(/\|/g, '\\|')}\``).join(', ') + (audit.selectors.length > 6 ? ` and ${audit.selectors.length - 6} more` : '') : '–',
    ]),
  );
  const worstPerf = Math.min(...report.routes.map((r) => median(r.runs.map((x) => x.scores.performance))));
  const worstA11y = Math.min(...report.routes.map((r) => median(r.runs.map((x) => x.scores.accessibility))));
  // What every dealer route loads: the framework and the dealer layout's client code.
  const shared = report.firstLoads
    .map((f) => new Set(f.scripts.map((s) => s.url)))
    .reduce((a, b) => new Set([...a].filter((url) => b.has(url))));
  const sharedBytes = (report.firstLoads[0]?.scripts ?? []).filter((s) => shared.has(s.url)).reduce((sum, s) => sum + s.gzipBytes, 0);
  const heaviest = report.firstLoads.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a), report.firstLoads[0] as FirstLoad);
  const jsRows = report.firstLoads.map((f) => [
    `\`${f.path}\``,
    String(f.scripts.length),
    kib(f.gzipBytes),
    kib(f.rawBytes),
    kib(f.htmlGzipBytes),
    `${f.later.length}, ${kib(f.laterGzipBytes)}`,
    f.scripts
      .slice(0, 3)
      .map((s) => `${shortName(s.url)} ${kib(s.gzipBytes)}`)
      .join(', '),
  ]);
  const verdict = (met: boolean) => `**${met ? 'met' : 'not met'}**`;
  const r = report.reopen;
  return [
    SECTION,
    '',
    `The production build (\`node scripts/start.mjs\`) on a fresh embedded database (PGlite) with the demo data, signed in as the demo dealer ${DEALER.email} (D-1001); browser Debian's Chromium ${report.chromium} headless on the same machine, the server on 127.0.0.1. ` +
      `Measured ${report.date} with \`${report.command}\` on ${m.nproc} CPUs (\`nproc\`, ${m.cpuModel}), ${m.memoryGiB} GiB memory, Node ${m.node}; load average before the run ${m.load}.`,
    '',
    `**Lighthouse** ${anyRun?.version ?? ''} (Node API, default mobile settings: mobile form factor and screen, simulated throttling of a slow 4G network and a 4× slower CPU; Lighthouse's benchmark index of this machine ${Math.round(median(report.routes.flatMap((x) => x.runs.map((y) => y.benchmarkIndex))))}), ` +
      `${report.routes[0]?.runs.length ?? 0} runs per route, each a cold load in a browser of its own (a fresh profile: the dealer's first visit), the session cookie sent as an extra header. ` +
      `The last row is the home on the dealer's visit ${BANNER_FROM_VISIT} (the browser told of ${BANNER_FROM_VISIT - 1} earlier ones before the run), from which the home offers to install the app where the browser can. ` +
      'Each figure is the median of the runs (performance with the range); scripts is Lighthouse\'s transfer size of the page\'s scripts as the server sent them (compressed, headers included).',
    '',
    markdownTable(
      ['route', 'performance', 'accessibility', 'best practices', 'LCP ms', 'TBT ms', 'CLS', 'scripts kB (transfer)'],
      lighthouseRows,
      [false, true, true, true, true, true, true, true],
    ),
    '',
    `**Targets** (from the issue, over every row): performance ≥ ${TARGET.performance}: the lowest median is ${worstPerf}: ${verdict(worstPerf >= TARGET.performance)}; accessibility ${TARGET.accessibility}: the lowest is ${worstA11y}: ${verdict(worstA11y >= TARGET.accessibility)}.`,
    '',
    failedRows.length
      ? [
          'Accessibility audits that failed (in any run), with the elements Lighthouse named; an audit of weight 0 is reported by Lighthouse but does not count in the score:',
          '',
          markdownTable(['route', 'audit', 'scored', 'elements'], failedRows),
        ].join('\n')
      : 'No accessibility audit failed on these routes.',
    '',
    `**First-load JS**: each page opened once in a fresh Playwright context (phone viewport 360 × 780, nothing cached, service workers blocked, signed in by cookie); the scripts the document itself names (its script tags and preloads, and the client components its RSC payload refers to: what the page needs to draw and hydrate, as Next.js counts first-load JS), each body gzipped with \`node:zlib\` at level 9, summed (kB = 1,024 bytes). ` +
      `The column "later" counts the scripts the page asked for by itself afterwards, until ${QUIET_AFTER_LOAD_MS / 1000} s after the load event (code it needs only once it runs: the live connection's client, the outbox, the service worker's registration). ` +
      'The RSC payload inline in the HTML is not counted (it is not a script file); the HTML column gives the page\'s HTML, that payload included, gzipped the same way.',
    '',
    markdownTable(['route', 'scripts', 'gzip kB', 'uncompressed kB', 'HTML gzip kB', 'later: scripts, gzip kB', 'largest scripts (gzip kB)'], jsRows, [false, true, true, true, true, true, false]),
    '',
    `${kib(sharedBytes)} kB gzip of it (${shared.size} scripts) is loaded by every one of these routes: the framework (React DOM, the Next.js router) and the client components of the root and dealer layouts.`,
    '',
    `**Target**: ≤ ${TARGET.firstLoadKiB} kB gzip per dealer route: the heaviest is \`${heaviest?.path ?? '–'}\` at ${kib(heaviest?.gzipBytes ?? NaN)} kB: ${verdict((heaviest?.gzipBytes ?? Infinity) <= TARGET.firstLoadKiB * 1024)}.`,
    '',
    r.note
      ? `**Offline reopen**: ${r.note}.`
      : `**Offline reopen** of \`/dealer/orders\` (phone context, service workers allowed, no throttling): opened online until the service worker controlled the page and reloaded once through it, then the context set offline and reloaded ${r.loadMs.length} times; ` +
        `each time from the page's own performance entries (from the start of the navigation): first contentful paint median ${fmtMs(median(r.fcpMs))} ms (${fmtMs(Math.min(...r.fcpMs))}–${fmtMs(Math.max(...r.fcpMs))}), ` +
        `load event median ${fmtMs(median(r.loadMs))} ms (${fmtMs(Math.min(...r.loadMs))}–${fmtMs(Math.max(...r.loadMs))}). Each reload showed the orders page itself (its heading), not the offline page.`,
    '',
    `Run it again with \`${USAGE.replace(/^Usage: /, '')}\` (\`--reports DIR\` keeps each Lighthouse report as JSON); it builds the app when the build is stale, starts its own server on a temporary data directory (removed at the end) and replaces this section.`,
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const options = parseOptions(parseArgs, USAGE);
  if (!options) return 2;
  const command = ['npx tsx scripts/bench/lighthouse.ts', ...process.argv.slice(2)].join(' ');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-bench-lighthouse-'));
  if (options.reports) fs.mkdirSync(path.resolve(root, options.reports), { recursive: true });

  let server: Server | null = null;
  let chrome: LaunchedChrome | null = null;
  let browser: Browser | null = null;
  let cleaned: Promise<void> | null = null;
  const cleanup = () =>
    (cleaned ??= (async () => {
      await browser?.close().catch(() => {});
      chrome?.kill();
      if (server) await stopServer(server);
      fs.rmSync(dataDir, { recursive: true, force: true });
    })());
  const disarm = guardRun(BUDGET_MS, cleanup);

  try {
    const machine = describeMachine('none (embedded PGlite)');
    console.log('Building when the build is stale (node scripts/start.mjs --build-only)…');
    execFileSync(process.execPath, [path.join(root, 'scripts', 'start.mjs'), '--build-only'], { cwd: root, stdio: 'inherit' });
    server = await startServer({ dataDir });
    const base = server.url;
    const cookie = await signIn(base, DEALER.email, DEALER.password);

    // An order of the dealer's with constructions, as the demo data has.
    const list = await fetch(`${base}/api/v1/orders?limit=100`, { headers: { cookie }, signal: AbortSignal.timeout(30_000) });
    const { items } = (await list.json()) as { items: { number: string; itemsCount: number }[] };
    const order = items.find((o) => o.itemsCount > 0) ?? items[0];
    if (!order) throw new Error('The demo dealer has no orders.');
    const orderPath = `/dealer/orders/${encodeURIComponent(order.number)}`;

    const routes: RouteResult[] = [
      { label: 'dealer home', path: '/dealer', returning: false, runs: [] },
      { label: 'orders list', path: '/dealer/orders', returning: false, runs: [] },
      { label: `order ${order.number}`, path: orderPath, returning: false, runs: [] },
      { label: `dealer home, visit ${BANNER_FROM_VISIT} (install offer)`, path: '/dealer', returning: true, runs: [] },
    ];
    // One request per page first, so no measured run pays for the server's first render of it.
    for (const route of routes) await (await fetch(`${base}${route.path}`, { headers: { cookie }, signal: AbortSignal.timeout(60_000) })).arrayBuffer();

    for (const route of routes) {
      for (let i = 0; i < options.runs; i++) {
        const name = `${route.path.replace(/\W+/g, '_')}${route.returning ? '-returning' : ''}-${i + 1}.json`;
        let run: LighthouseRun | null = null;
        for (let attempt = 1; !run; attempt++) {
          // A browser of its own per run, as the lighthouse command has: Lighthouse clears the
          // origin's caches and service workers between runs but not its localStorage, where the
          // home counts the dealer's visits.
          chrome = await launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, logLevel: 'error' });
          try {
            if (route.returning) await countEarlierVisits(chrome.port, base, BANNER_FROM_VISIT - 1);
            run = await runLighthouse(`${base}${route.path}`, chrome.port, cookie, options.reports ? path.resolve(root, options.reports, name) : null);
          } catch (err) {
            if (!(err instanceof LighthouseRunError) || attempt >= LIGHTHOUSE_TRIES) throw err;
            console.error(`${err.message}; trying again.`);
          } finally {
            chrome.kill();
            chrome = null;
          }
        }
        route.runs.push(run);
        console.log(
          `${route.path}${route.returning ? ' (returning)' : ''} run ${i + 1}: performance ${run.scores.performance}, accessibility ${run.scores.accessibility}, best practices ${run.scores['best-practices']}, ` +
            `LCP ${fmtMs(run.lcpMs)} ms, TBT ${fmtMs(run.tbtMs)} ms, CLS ${run.cls.toFixed(3)}` +
            (run.failedA11y.length ? `; failed: ${run.failedA11y.map((a) => a.id).join(', ')}` : ''),
        );
      }
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROME_FLAGS.filter((f) => !f.startsWith('--headless')) });
    const firstLoads: FirstLoad[] = [];
    for (const routePath of ['/dealer', '/dealer/orders', orderPath, '/dealer/shipments', '/dealer/finance', '/dealer/claims', '/dealer/news']) {
      const result = await firstLoadJs(browser, base, cookie, routePath);
      firstLoads.push(result);
      console.log(`${routePath}: ${result.scripts.length} scripts, ${kib(result.gzipBytes)} kB gzip (${kib(result.rawBytes)} kB uncompressed); later ${result.later.length}, ${kib(result.laterGzipBytes)} kB gzip`);
      for (const s of result.scripts) console.log(`    ${kib(s.gzipBytes)} kB  ${shortName(s.url)}`);
    }

    console.log('Offline reopen…');
    const reopen = await offlineReopen(browser, base, cookie, options.reopenRuns);
    if (reopen.note) console.log(`Offline reopen ${reopen.note}.`);

    const report: Report = {
      command,
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      machine,
      chromium: browser.version(),
      routes,
      firstLoads,
      reopen,
    };
    writeSection(options.out, SECTION, renderSection(report), benchmarksIntro(machine));
    return 0;
  } finally {
    disarm();
    await cleanup();
  }
}

runMain(main);
