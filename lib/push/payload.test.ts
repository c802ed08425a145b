import { describe, expect, it } from 'vitest';
import { pushPayload } from './payload';

const base = { id: 5, type: 'claim.message', title: 'New message on claim 12', body: 'Please send a photo', link: '/dealer/claims/12', importance: 'normal' as const };

describe('push payload', () => {
  it('carries the words, the page and a tag per page', () => {
    expect(pushPayload(base, 'en')).toEqual({ ...base, tag: 'portal:/dealer/claims/12' });
  });

  it('marks a critical title in the recipient’s language (Ukrainian when unknown)', () => {
    expect(pushPayload({ ...base, importance: 'critical' }, 'ru').title).toBe('Важно · New message on claim 12');
    expect(pushPayload({ ...base, importance: 'critical' }, null).title).toBe('Важливо · New message on claim 12');
  });

  it('stays small: long texts are cut, and only the portal’s own paths are kept as links', () => {
    const long = pushPayload({ ...base, title: 'T'.repeat(1000), body: 'B'.repeat(10_000) }, 'en');
    expect(long.title).toHaveLength(160);
    expect(long.body).toHaveLength(600);
    expect(Buffer.byteLength(JSON.stringify(pushPayload({ ...base, title: 'Я'.repeat(1000), body: 'Ї'.repeat(10_000) }, 'uk')))).toBeLessThan(3000);
    for (const link of ['https://evil.example/', '//evil.example/x', 'javascript:alert(1)']) {
      expect(pushPayload({ ...base, link }, 'en')).toMatchObject({ link: null, tag: 'portal:n5' });
    }
  });
});
