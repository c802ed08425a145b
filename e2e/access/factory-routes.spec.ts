import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { signIn, type DemoUser } from '../fixtures/users';

// Every page of the factory area, found on disk (app/(factory)/factory/**/page.tsx), so a page
// added later is covered without touching this spec: dealers and the claims desk never get in, a
// factory manager is kept out of the administrators' pages, an administrator reaches all.

const ROOT = path.join(process.cwd(), 'app', '(factory)');
/** Administrators only (capabilities users.manage, audit.read, settings.manage, mail.view). */
const ADMIN_ONLY = ['/factory/users', '/factory/audit', '/factory/settings', '/factory/mail'];

type Route = { file: string; pattern: string; segments: string[] };

function findPages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findPages(full);
    return entry.name === 'page.tsx' ? [full] : [];
  });
}

/** The URL pattern of a page file: route groups dropped, dynamic segments kept as [name]. */
function routeOf(file: string): Route {
  const parts = path
    .relative(ROOT, path.dirname(file))
    .split(path.sep)
    .filter((p) => p && !/^\(.*\)$/.test(p));
  return { file: path.relative(process.cwd(), file), pattern: `/${parts.join('/')}`, segments: parts.filter((p) => p.startsWith('[')) };
}

const ROUTES = findPages(ROOT).map(routeOf).sort((a, b) => a.pattern.localeCompare(b.pattern));
const isAdminOnly = (pattern: string) => ADMIN_ONLY.some((p) => pattern === p || pattern.startsWith(`${p}/`));

/**
 * Demo values for dynamic segments, by the segment's place: what a staff member would open. A
 * segment not named here is filled with a placeholder for the roles that are turned away at the
 * area's door, and skipped (with the reason) for those who would see the page itself.
 */
const DEMO_VALUES: Record<string, (page: Page) => Promise<string | null>> = {
  '/factory/orders/[number]': demoOrderNumber,
  '/factory/dealers/[code]': async () => 'D-1001',
};

/** The dealer's newest order: an order the factory sees too. */
async function demoOrderNumber(page: Page): Promise<string | null> {
  const context = await page.context().browser()!.newContext({ baseURL: test.info().project.use.baseURL, locale: 'en-GB' });
  const dealerPage = await context.newPage();
  await signIn(dealerPage, 'dealer');
  const response = await dealerPage.request.get('/api/v1/orders?limit=1');
  const body = (await response.json()) as { items?: { number: string }[] };
  await context.close();
  return body.items?.[0]?.number ?? null;
}

/** The page's URL with its dynamic segments filled; null when a segment has no demo value. */
async function fill(route: Route, page: Page, placeholder: boolean): Promise<string | null> {
  let url = route.pattern;
  for (const segment of route.segments) {
    const upTo = route.pattern.slice(0, route.pattern.indexOf(segment) + segment.length);
    const value = placeholder ? 'x-1' : ((await DEMO_VALUES[upTo]?.(page)) ?? null);
    if (value === null) return null;
    url = url.replace(segment, encodeURIComponent(value));
  }
  return url;
}

async function visit(page: Page, url: string) {
  const response = await page.goto(url);
  return { status: response?.status() ?? 0, pathname: new URL(page.url()).pathname };
}

test('the factory area has pages to check', () => {
  expect(ROUTES.map((r) => r.pattern)).toEqual(expect.arrayContaining(['/factory', '/factory/orders', '/factory/finance', '/factory/audit', '/factory/settings']));
});

for (const user of ['dealer', 'claims'] as const satisfies readonly DemoUser[]) {
  test(`${user === 'dealer' ? 'a dealer' : 'the claims desk'} is turned away from every factory page`, async ({ page }) => {
    // One page load per factory page, and the area keeps growing.
    test.setTimeout(120_000);
    await signIn(page, user);
    const home = user === 'dealer' ? '/dealer' : '/claims';
    for (const route of ROUTES) {
      const url = (await fill(route, page, true))!;
      const { status, pathname } = await visit(page, url);
      expect.soft(pathname, `${url} (${route.file})`).toBe(home);
      expect.soft(status, `${url} (${route.file})`).toBeLessThan(500);
    }
  });
}

test('a factory manager is kept out of the administrators’ pages and reaches the others', async ({ page }) => {
  // One page load per factory page, and the area keeps growing.
  test.setTimeout(120_000);
  await signIn(page, 'factory');
  for (const route of ROUTES) {
    const url = await fill(route, page, isAdminOnly(route.pattern));
    if (url === null) {
      test.info().annotations.push({ type: 'skipped', description: `${route.pattern}: no demo value for ${route.segments.join(', ')}` });
      continue;
    }
    const { status, pathname } = await visit(page, url);
    if (isAdminOnly(route.pattern)) {
      expect.soft(pathname !== url || status === 403 || status === 404, `${url} must be refused (got ${status} at ${pathname})`).toBe(true);
    } else {
      expect.soft(status, `${url} (${route.file})`).toBe(200);
      expect.soft(pathname, `${url} (${route.file})`).toBe(url);
    }
  }
});

test('an administrator reaches every factory page', async ({ page }) => {
  // One page load per factory page, and the area keeps growing.
  test.setTimeout(120_000);
  await signIn(page, 'admin');
  for (const route of ROUTES) {
    const url = await fill(route, page, false);
    if (url === null) {
      test.info().annotations.push({ type: 'skipped', description: `${route.pattern}: no demo value for ${route.segments.join(', ')}` });
      continue;
    }
    const { status, pathname } = await visit(page, url);
    expect.soft(status, `${url} (${route.file})`).toBe(200);
    expect.soft(pathname, `${url} (${route.file})`).toBe(url);
  }
});
