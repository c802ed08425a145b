import { readdirSync } from 'node:fs';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dealers, users } from '@/drizzle/schema';
import type { Role } from '@/drizzle/schema/values';
import { createTestDatabase } from '@/lib/testing/database';
import { resolveAuthSecret } from './secret';

// Every route handler of the client API (app/api/v1/**/route.ts, found on disk, so routes added
// later are covered) that only factory staff may use, called with a real session cookie of a
// dealer and of the claims desk: each answers 403 (404 where the contract hides an object), and
// never does the work. The handlers run as they are; only Next's request cookies are supplied,
// as a request would carry them.

const jar = vi.hoisted(() => ({ cookies: new Map<string, string>() }));
vi.mock('next/headers', () => ({
  cookies: async () => ({
    getAll: () => [...jar.cookies].map(([name, value]) => ({ name, value })),
    get: (name: string) => (jar.cookies.has(name) ? { name, value: jar.cookies.get(name)! } : undefined),
    has: (name: string) => jar.cookies.has(name),
  }),
  headers: async () => new Headers(),
}));

const API_ROOT = path.join(process.cwd(), 'app', 'api', 'v1');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof METHODS)[number];
type Access = 'factory' | 'shared';

/**
 * Who may use each endpoint. Explicit entries first, then per area of the API; a route in an area
 * not named here fails the test below until someone says who may use it.
 */
const EXPLICIT: Record<string, Access> = {
  'GET /api/v1/announcements': 'shared',
  'POST /api/v1/announcements/[id]/read': 'shared',
  'GET /api/v1/announcements/dealers': 'factory',
};
const WRITES: readonly Method[] = ['POST', 'PUT', 'PATCH', 'DELETE'];
function accessOf(method: Method, pattern: string): Access | null {
  const explicit = EXPLICIT[`${method} ${pattern}`];
  if (explicit) return explicit;
  const area = pattern.split('/')[3] ?? '';
  if (['claims', 'orders', 'finance', 'attachments', 'push'].includes(area)) return 'shared';
  if (['announcements', 'library', 'catalog'].includes(area)) return WRITES.includes(method) ? 'factory' : 'shared';
  if (['accounting-file', 'dealers', 'users', 'reports', 'audit', 'settings', 'plants', 'sync'].includes(area)) return 'factory';
  return null;
}

type Endpoint = { method: Method; pattern: string; file: string; handler: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> };

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === 'route.ts' ? [full] : [];
  });
}

async function endpoints(): Promise<Endpoint[]> {
  const found: Endpoint[] = [];
  for (const file of routeFiles(API_ROOT).sort()) {
    const pattern = `/api/v1/${path.relative(API_ROOT, path.dirname(file)).split(path.sep).join('/')}`.replace(/\/$/, '');
    const exported = (await import(file)) as Partial<Record<Method, Endpoint['handler']>>;
    for (const method of METHODS) {
      const handler = exported[method];
      if (typeof handler === 'function') found.push({ method, pattern, file: path.relative(process.cwd(), file), handler });
    }
  }
  return found;
}

/** A request as a browser would send it: some JSON body for writes, demo values in the path. */
async function call(endpoint: Endpoint): Promise<Response> {
  const params: Record<string, string> = {};
  const url = endpoint.pattern.replace(/\[([^\]]+)\]/g, (_, name: string) => (params[name] = name === 'number' ? '10001' : '1'));
  const body = WRITES.includes(endpoint.method) ? JSON.stringify({ title: 'x', body: 'x', name: 'x' }) : undefined;
  const request = new Request(`http://portal.test${url}`, { method: endpoint.method, headers: body ? { 'content-type': 'application/json' } : {}, body });
  return endpoint.handler(request, { params: Promise.resolve(params) });
}

let database: Awaited<ReturnType<typeof createTestDatabase>>;
const cookies = {} as Record<'dealer' | 'staff' | 'claims' | 'admin', string>;
let all: Endpoint[] = [];
const store = globalThis as typeof globalThis & { __portalDatabase?: unknown };

beforeAll(async () => {
  database = await createTestDatabase();
  // The portal's one database client is the test's database (lib/db keeps it on globalThis).
  store.__portalDatabase = database;
  const { secret } = await resolveAuthSecret(database.db);
  const [dealer] = await database.db.insert(dealers).values({ code: 'D-1', name: 'Dealer', taxId: '12345678' }).returning();
  const people: [keyof typeof cookies, Role, number | null][] = [
    ['dealer', 'dealer_owner', dealer!.id],
    ['staff', 'dealer_staff', dealer!.id],
    ['claims', 'claims', null],
    ['admin', 'admin', null],
  ];
  for (const [key, role, dealerId] of people) {
    const [u] = await database.db.insert(users).values({ email: `${key}@x.test`, name: key, role, dealerId, passwordHash: 'x' }).returning();
    cookies[key] = await encode({ token: { sub: u!.id, name: u!.name, email: u!.email, role, dealerId, sessionVersion: 0 }, secret });
  }
  all = await endpoints();
});
afterAll(async () => {
  store.__portalDatabase = undefined;
  await database?.dispose();
});

function signedInAs(who: keyof typeof cookies | null) {
  jar.cookies.clear();
  if (who) jar.cookies.set('next-auth.session-token', cookies[who]);
}

describe('client API: factory-only endpoints refuse dealers and the claims desk', () => {
  it('knows who may use every endpoint on disk', () => {
    expect(all.length).toBeGreaterThan(15);
    const unknown = all.filter((e) => accessOf(e.method, e.pattern) === null).map((e) => `${e.method} ${e.pattern} (${e.file})`);
    expect(unknown, 'say in accessOf who may use these endpoints').toEqual([]);
    expect(all.filter((e) => accessOf(e.method, e.pattern) === 'factory').length).toBeGreaterThan(0);
  });

  it('answers 401 to a request without a session', async () => {
    for (const endpoint of all.filter((e) => accessOf(e.method, e.pattern) === 'factory')) {
      signedInAs(null);
      expect.soft((await call(endpoint)).status, `${endpoint.method} ${endpoint.pattern}`).toBe(401);
    }
  });

  for (const who of ['dealer', 'staff', 'claims'] as const) {
    it(`answers 403 (or 404) to ${who === 'claims' ? 'the claims desk' : `a dealer's ${who === 'dealer' ? 'owner' : 'employee'}`}, with the contract's error shape`, async () => {
      const counts = await database.query<{ n: number }>('select (select count(*) from audit_log) + (select count(*) from outbox) as n');
      for (const endpoint of all.filter((e) => accessOf(e.method, e.pattern) === 'factory')) {
        signedInAs(who);
        const response = await call(endpoint);
        const label = `${endpoint.method} ${endpoint.pattern} as ${who}`;
        expect.soft([403, 404], label).toContain(response.status);
        const json = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
        expect.soft(json?.error?.code, label).toBe(response.status === 403 ? 'forbidden' : 'not_found');
      }
      // Nothing was done on their behalf.
      expect(await database.query<{ n: number }>('select (select count(*) from audit_log) + (select count(*) from outbox) as n')).toEqual(counts);
    });
  }

  it('lets an administrator through the same doors (the sessions are real)', async () => {
    for (const endpoint of all.filter((e) => accessOf(e.method, e.pattern) === 'factory')) {
      signedInAs('admin');
      const status = (await call(endpoint)).status;
      expect.soft([401, 403], `${endpoint.method} ${endpoint.pattern} as admin answered ${status}`).not.toContain(status);
    }
  });
});
