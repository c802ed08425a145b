import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEnv } from '@/lib/env';
import { connect, settle, type TestClient } from './testing/fixtures';

// The test of several processes: two real portal processes (the production build through
// `node scripts/start.mjs`) on one PostgreSQL database, joined by the local Redis. A sync event
// POSTed to process A reaches a dealer's socket on process B, once; another dealer's socket hears
// nothing; a socket without a session is refused. Runs in the PostgreSQL project when Redis answers.

const env = getEnv();
const REDIS_URL = 'redis://127.0.0.1:6379';
const SYNC_TOKEN = `rt-processes-${randomBytes(8).toString('hex')}`;
const root = path.resolve(import.meta.dirname, '..', '..');

async function redisAnswers(): Promise<boolean> {
  const client = createClient({ url: REDIS_URL, socket: { connectTimeout: 1_000, reconnectStrategy: false } });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    await client.quit();
    return true;
  } catch {
    return false;
  }
}

const enabled = env.TEST_DB_DRIVER === 'postgres' && Boolean(env.TEST_DATABASE_URL) && (await redisAnswers());

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

type Portal = { name: string; url: string; child: ChildProcess; output: string[] };

async function startPortal(name: string, extra: Record<string, string>): Promise<Portal> {
  const port = await freePort();
  const output: string[] = [];
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
    cwd: root,
    // eslint-disable-next-line no-restricted-properties -- a child process inherits the environment (PATH and the like)
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', REDIS_URL, SYNC_TOKEN_PRODUCTION: SYNC_TOKEN, ...extra },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const portal = { name, url: `http://127.0.0.1:${port}`, child, output };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${portal.url}/api/health`)).ok) return portal;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`portal ${name} did not start:\n${output.join('').slice(-4000)}`);
}

async function stopPortal(portal: Portal | undefined) {
  if (!portal || portal.child.exitCode !== null) return;
  const exited = new Promise((resolve) => portal.child.once('exit', resolve));
  portal.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 12_000))]);
  if (portal.child.exitCode === null) portal.child.kill('SIGKILL');
}

const cookiesOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(';')[0]!);

/** Signs in through next-auth as the browser does and answers the Cookie header of the session. */
async function signIn(portal: Portal, email: string): Promise<string> {
  const csrf = await fetch(`${portal.url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${portal.url}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookiesOf(csrf).join('; ') },
    body: new URLSearchParams({ email, password: 'demo12345', csrfToken, json: 'true' }),
  });
  const session = cookiesOf(response).find((c) => c.startsWith('next-auth.session-token='));
  if (!session) throw new Error(`signing in as ${email} gave no session (status ${response.status})`);
  return session;
}

describe.skipIf(!enabled)('two portal processes joined by Redis', () => {
  const name = `portal_rt_${randomBytes(6).toString('hex')}`;
  let admin: postgres.Sql;
  let a: Portal | undefined;
  let b: Portal | undefined;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    // The build the processes run: already there under `npm test` (its build step), else made now.
    const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'start.mjs'), '--build-only'], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`the production build failed:\n${(build.stdout + build.stderr).slice(-4000)}`);
    admin = postgres(env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-rt-'));
    // A seeds the demo data (and makes the session secret both then share through the database).
    a = await startPortal('A', { DATABASE_URL: url.toString(), SEED_DEMO: '1', DATA_DIR: dataDir });
    b = await startPortal('B', { DATABASE_URL: url.toString(), SEED_DEMO: '0', DATA_DIR: dataDir });
  }, 900_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    await Promise.all([stopPortal(a), stopPortal(b)]);
    if (admin) {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }, 60_000);

  it('brings an event committed through A to the dealer’s sockets on B, once, and to nobody else', async () => {
    const dealerCookie = await signIn(a!, 'dealer@demo.test');
    const otherCookie = await signIn(a!, 'dealer2@demo.test');
    const onB = await connect(b!.url, dealerCookie);
    const onA = await connect(a!.url, dealerCookie);
    const otherOnB = await connect(b!.url, otherCookie);
    const otherOnA = await connect(a!.url, otherCookie);
    clients.push(onB, onA, otherOnB, otherOnA);
    await expect(connect(b!.url)).rejects.toThrow('unauthorized');

    const url = new URL(env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    const db = postgres(url.toString(), { max: 1, onnotice: () => {} });
    const [order] = await db<{ number: string }[]>`
      select o.number from orders o join dealers d on d.id = o.dealer_id
      where d.code = 'D-1001' and o.status in ('accepted', 'in_production', 'manufactured')
      order by o.number limit 1`;
    await db.end();
    expect(order).toBeDefined();

    const occurredAt = new Date().toISOString();
    const response = await fetch(`${a!.url}/api/sync/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${SYNC_TOKEN}` },
      body: JSON.stringify({ events: [{ id: `rt-${randomBytes(4).toString('hex')}`, type: 'order.status', occurredAt, data: { number: order!.number, status: 'shipped' } }] }),
    });
    expect(await response.json()).toMatchObject({ accepted: 1 });

    const expected = { number: order!.number, status: 'shipped', occurredAt };
    expect(await onB.waitFor('order.status', (p) => (p as { number: string }).number === order!.number)).toEqual(expected);
    expect(await onA.waitFor('order.status', (p) => (p as { number: string }).number === order!.number)).toEqual(expected);
    expect(await onB.waitFor('notification', (p) => (p as { type: string }).type === 'order.status')).toMatchObject({
      type: 'order.status',
      importance: 'normal',
      title: expect.stringContaining(order!.number),
    });
    await settle(1_000);
    // Both processes were woken; one of them sent it, once.
    expect(onB.of('order.status')).toHaveLength(1);
    expect(onA.of('order.status')).toHaveLength(1);
    expect(otherOnB.heard.map((h) => h.event)).toEqual(['ready']);
    expect(otherOnA.heard.map((h) => h.event)).toEqual(['ready']);
  });
});
