import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import next from 'next';
import { CLIENT_IP_HEADER } from '@/lib/auth/client-ip';
import { publishDueAnnouncements } from '@/lib/announcements/write';
import { resolveAuthSecret } from '@/lib/auth/secret';
import { closeDatabase, getDatabase } from '@/lib/db';
import { isDatabaseEmpty, seedDemoData } from '@/lib/demo/seed';
import { EnvError, getEnv, type Env } from '@/lib/env';
import { recomputePayerCategories } from '@/lib/finance/payer-category';
import { notifyClaimsPastSla } from '@/lib/claims/sla-notices';
import { notifyOverduePayments } from '@/lib/finance/overdue-notices';
import { BASE_SECURITY_HEADERS } from '@/lib/http/security-headers';
import { log } from '@/lib/log';
import { startMailSender } from '@/lib/mail/sender';
import { startPushSender } from '@/lib/push/sender';
import { getVapidKeys } from '@/lib/push/vapid';
import { runDigests } from '@/lib/notifications/digest';
import { registerChannelSender, wakeChannelSenders } from '@/lib/notifications/wake';
import { startDispatcher } from '@/lib/realtime/dispatch';
import { registerRealtime, wakeDispatcher } from '@/lib/realtime/registry';
import { attachRealtime } from '@/lib/realtime/server';
import { checkSyncAlerts } from '@/lib/sync/alerts';
import { configureSyncSources } from '@/lib/sync/sources';

// One HTTP server on one port: Next's pages and API, and Socket.IO beside them.

function loadEnv(): Env {
  try {
    return getEnv();
  } catch (err) {
    if (err instanceof EnvError) {
      process.stderr.write(`${err.message}\nSee README.md, "Configuration", for every variable and its default.\n`);
      process.exit(1);
    }
    throw err;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return (trustProxy && first) || req.socket.remoteAddress || 'unknown';
}

async function main() {
  const dev = process.argv.includes('--dev');
  const env = loadEnv();
  // next-auth reads its public address from here; derived from PORT unless given.
  process.env.NEXTAUTH_URL = env.publicUrl;

  const database = getDatabase();
  await database.migrate();
  log.info('database ready', { driver: database.kind, dataDir: env.embedded ? env.dataDir : undefined });

  const { generated } = await resolveAuthSecret(database.db);
  if (generated) log.info('session secret generated and kept in the database (set NEXTAUTH_SECRET to choose one)');
  await configureSyncSources(database.db, {
    production: env.SYNC_TOKEN_PRODUCTION,
    accounting: env.SYNC_TOKEN_ACCOUNTING,
  });
  let seeded = false;
  if (env.seedDemo && (await isDatabaseEmpty(database.db))) {
    seeded = true;
    const started = Date.now();
    const summary = await seedDemoData(database.db);
    log.info('demo data seeded', { ...summary, ms: Date.now() - started });
  }

  const app = next({ dev, hostname: 'localhost', port: env.PORT, dir: process.cwd() });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = createServer((req, res) => {
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    req.headers['x-request-id'] = requestId;
    // Always overwritten, so a client cannot choose the address its sign-in failures count against.
    req.headers[CLIENT_IP_HEADER] = clientAddress(req, env.TRUST_PROXY ?? false);
    res.setHeader('X-Request-Id', requestId);
    for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS)) res.setHeader(name, value);

    const started = performance.now();
    res.on('finish', () => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      if (path.startsWith('/_next/static')) return;
      log.info('request', {
        requestId,
        method: req.method,
        path,
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
      });
    });
    handle(req, res).catch((err: unknown) => {
      log.error('request failed', { requestId, url: req.url, err });
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({ error: { code: 'internal', message: 'Something went wrong on our side; try again.' } }));
      }
    });
  });

  const realtime = await attachRealtime(server, { redisUrl: env.REDIS_URL, db: database.db });
  // Outbox → Socket.IO and notifications, after commit; woken by NOTIFY, by local commits, by a poll.
  const dispatcher = await startDispatcher({ db: database.db, emit: realtime.emit, listen: database.listen });
  registerRealtime({ io: realtime.io, wake: dispatcher.wake });
  // Queued e-mail → SMTP (or the dev mailbox without SMTP_URL), with retries (lib/mail/sender.ts).
  const mailSender = startMailSender({ db: database.db });
  registerChannelSender('mail', mailSender.wake);
  // Push deliveries → the devices' push services, with retries (lib/push/sender.ts); the key pair
  // is resolved (generated and stored once when not configured) before anything is signed.
  await getVapidKeys(database.db);
  const pushSender = startPushSender({ db: database.db });
  registerChannelSender('push', pushSender.wake);
  if (dev) {
    const upgrade = app.getUpgradeHandler();
    server.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/socket.io')) void upgrade(req, socket, head);
    });
  }

  // Critical notices of claims past an SLA deadline and of debts newly overdue, once across
  // processes (lib/claims/sla-notices.ts, lib/finance/overdue-notices.ts); then on a timer (below).
  // On freshly seeded demo data the first check runs before taking requests, so the first pages
  // already show what is overdue; elsewhere it never holds up the start (on a big database the
  // first check ever tells every overdue dealer and takes seconds).
  const checkOverdue = () =>
    Promise.all([
      notifyClaimsPastSla(database.db).catch((err: unknown) => log.error('claims past their SLA deadline could not be checked', { err })),
      notifyOverduePayments(database.db).catch((err: unknown) => log.error('overdue payments could not be checked', { err })),
    ]);
  if (seeded) await checkOverdue();
  else void checkOverdue();

  // A client (a proxy, a phone) reusing an idle connection just as Node's default 5 s keep-alive
  // closes it gets a reset instead of an answer: keep idle connections longer than the usual
  // proxies' 60 s, so the client is the one that closes them.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.listen(env.PORT, env.HOST, () => {
    log.info('portal listening', { url: env.publicUrl, port: env.PORT, mode: dev ? 'development' : 'production' });
  });

  // Once a minute: alert administrators about a burst of rejected sync events or a silent source.
  const alertTimer = setInterval(() => {
    checkSyncAlerts(database.db, { rejectionsPerTenMinutes: env.SYNC_ALERT_REJECTIONS, silenceMinutes: env.SYNC_SILENCE_MINUTES })
      .then((raised) => {
        if (raised > 0) wakeDispatcher();
      })
      .catch((err: unknown) => log.error('sync alert check failed', { err }));
  }, 60_000);
  alertTimer.unref();

  // At start and every 10 minutes: payer categories from payment behaviour (lib/finance/payer-category.ts).
  const recomputePayers = () => recomputePayerCategories(database.db).catch((err: unknown) => log.error('payer category recompute failed', { err }));
  void recomputePayers();
  const payerTimer = setInterval(() => void recomputePayers(), 10 * 60_000);
  payerTimer.unref();

  // Every 30 seconds: announcements whose publishing time has come go out, once across processes (lib/announcements/write.ts).
  const publishDue = () =>
    publishDueAnnouncements(database.db)
      .then((ids) => {
        if (ids.length > 0) wakeDispatcher();
      })
      .catch((err: unknown) => log.error('scheduled announcements could not be published', { err }));
  void publishDue();
  const announcementTimer = setInterval(() => void publishDue(), 30_000);
  announcementTimer.unref();

  // Every 5 minutes: e-mail digests whose time has come (daily 07:00, weekly Monday 07:00 Kyiv; lib/notifications/digest.ts).
  const digestTimer = setInterval(() => {
    runDigests(database.db)
      .then((queued) => {
        if (queued > 0) wakeChannelSenders('mail');
      })
      .catch((err: unknown) => log.error('e-mail digests failed', { err }));
  }, 5 * 60_000);
  digestTimer.unref();

  // Every 5 minutes (and once at start, above): claims past an SLA deadline, debts newly overdue.
  const overdueTimer = setInterval(() => void checkOverdue(), 5 * 60_000);
  overdueTimer.unref();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    clearInterval(alertTimer);
    clearInterval(payerTimer);
    clearInterval(announcementTimer);
    clearInterval(digestTimer);
    clearInterval(overdueTimer);
    const force = setTimeout(() => process.exit(0), 10_000);
    force.unref();
    await dispatcher.stop();
    registerChannelSender('mail', undefined);
    await mailSender.stop();
    registerChannelSender('push', undefined);
    await pushSender.stop();
    registerRealtime(undefined);
    // Closes the sockets and the HTTP server together.
    await realtime.close();
    await closeDatabase();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: unknown) => {
  log.error('portal failed to start', { err });
  process.exit(1);
});
