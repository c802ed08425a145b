import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import { deviceLabel } from './device-label';
import { endpointSchema, subscriptionSchema } from './schemas';

const keys = { p256dh: `B${'A'.repeat(86)}`, auth: 'A'.repeat(22) };

describe('push subscription rules', () => {
  it('in production only https:// push services with a host name', () => {
    const production = endpointSchema(true);
    expect(production.safeParse('https://fcm.googleapis.com/fcm/send/abc').success).toBe(true);
    expect(production.safeParse('https://web.push.apple.com/QGx').success).toBe(true);
    for (const bad of ['http://127.0.0.1:4000/push', 'https://127.0.0.1/push', 'https://localhost/push', 'https://[::1]/push', 'https://10.0.0.5/push', 'http://push.example.com/x', 'https://user:pw@push.example.com/x', 'javascript:alert(1)']) {
      expect(production.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('outside production also http:// to this machine (the tests’ push service), nothing else', () => {
    const dev = endpointSchema(false);
    expect(dev.safeParse('http://127.0.0.1:4000/push/1').success).toBe(true);
    expect(dev.safeParse('http://localhost:4000/push/1').success).toBe(true);
    expect(dev.safeParse('http://10.0.0.5/push').success).toBe(false);
  });

  it('keys of the right size, padded or not', () => {
    const schema = subscriptionSchema(true);
    const endpoint = 'https://push.example.com/x';
    expect(schema.safeParse({ endpoint, keys }).success).toBe(true);
    expect(schema.safeParse({ endpoint, keys: { p256dh: `${keys.p256dh}=`, auth: `${keys.auth}==` } }).success).toBe(true);
    expect(schema.safeParse({ endpoint, keys: { ...keys, p256dh: keys.p256dh.slice(0, 80) } }).success).toBe(false);
    expect(schema.safeParse({ endpoint, keys: { ...keys, auth: 'A'.repeat(21) } }).success).toBe(false);
  });
});

describe('device names', () => {
  it('says the browser and the system', () => {
    expect(deviceLabel('Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36')).toEqual({ browser: 'Chrome', os: 'Android' });
    expect(deviceLabel('Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1')).toEqual({ browser: 'Safari', os: 'iPhone' });
    expect(deviceLabel('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0')).toEqual({ browser: 'Edge', os: 'Windows' });
    expect(deviceLabel('Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0')).toEqual({ browser: 'Firefox', os: 'Linux' });
    expect(deviceLabel(null)).toEqual({ browser: null, os: null });
  });
});

describe('VAPID configuration', () => {
  it('wants both keys or neither', () => {
    const pub = `B${'A'.repeat(86)}`;
    const priv = 'A'.repeat(43);
    expect(parseEnv({ VAPID_PUBLIC_KEY: pub, VAPID_PRIVATE_KEY: priv }).VAPID_PUBLIC_KEY).toBe(pub);
    expect(parseEnv({}).VAPID_PUBLIC_KEY).toBeUndefined();
    expect(() => parseEnv({ VAPID_PUBLIC_KEY: pub })).toThrow(/VAPID_PRIVATE_KEY: set VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY together/);
    expect(() => parseEnv({ VAPID_PRIVATE_KEY: priv })).toThrow(/VAPID_PUBLIC_KEY: set/);
  });
});
