import { expect, test } from '@playwright/test';

test('health answers ok while the database answers', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'ok' });
  expect(response.headers()['cache-control']).toContain('no-store');
});

test('every response carries the security headers and a request id', async ({ request }) => {
  for (const path of ['/api/health', '/login']) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  }
  const page = await request.get('/login');
  expect(page.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
});

test('the contract sign-in over HTTP gives a session cookie; a wrong password gives none', async ({ request }) => {
  const csrf = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const wrong = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken: csrf.csrfToken, email: 'dealer2@demo.test', password: 'wrong-password', json: 'true' },
  });
  expect((await wrong.json()).url).toContain('error=invalid_credentials');
  const right = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken: csrf.csrfToken, email: 'dealer2@demo.test', password: 'demo12345', json: 'true' },
  });
  expect(right.ok()).toBeTruthy();
  const session = await (await request.get('/api/auth/session')).json();
  expect(session.user).toMatchObject({ email: 'dealer2@demo.test', role: 'dealer_owner' });
});
