import { expect, test } from '@playwright/test';
import { io } from 'socket.io-client';
import { signIn } from '../fixtures/users';

function connect(baseURL: string, cookie?: string) {
  const socket = io(baseURL, {
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: cookie ? { cookie } : {},
    timeout: 5_000,
  });
  return new Promise<{ ok: true; ready: unknown } | { ok: false; error: string }>((resolve) => {
    socket.on('ready', (ready) => {
      resolve({ ok: true, ready });
      socket.close();
    });
    socket.on('connect_error', (err) => {
      resolve({ ok: false, error: err.message });
      socket.close();
    });
  });
}

test('the realtime handshake refuses a connection without a session', async ({ baseURL }) => {
  expect(await connect(baseURL!)).toEqual({ ok: false, error: 'unauthorized' });
  expect(await connect(baseURL!, 'next-auth.session-token=forged')).toEqual({ ok: false, error: 'unauthorized' });
});

test('the realtime handshake accepts the session cookie of a signed-in user', async ({ page, baseURL }) => {
  await signIn(page, 'claims');
  const cookies = await page.context().cookies();
  const header = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const result = await connect(baseURL!, header);
  expect(result.ok).toBe(true);
});
