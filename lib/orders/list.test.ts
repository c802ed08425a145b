import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES } from '@/drizzle/schema/values';
import { zodDetails } from '@/lib/http/errors';
import {
  decodeCursor,
  encodeCursor,
  filterFromSearchParams,
  MAX_ORDER_PAGE_SIZE,
  MAX_SEARCH_LENGTH,
  orderListHref,
  orderListQuerySchema,
} from './list';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

describe('filterFromSearchParams: a page never fails on its query string', () => {
  it('reads every filter from a URL and from Next’s searchParams record alike', () => {
    const cursor = encodeCursor({ createdAt: '2026-03-01T10:00:00.000Z', id: 42 });
    const expected = { q: '26-0001', status: 'shipped', from: '2026-01-01', to: '2026-01-31', cursor: { createdAt: '2026-03-01T10:00:00.000Z', id: 42 } };
    const query = `q=26-0001&status=shipped&from=2026-01-01&to=2026-01-31&cursor=${cursor}`;
    expect(filterFromSearchParams(new URLSearchParams(query))).toEqual(expected);
    expect(filterFromSearchParams(Object.fromEntries(new URLSearchParams(query)))).toEqual(expected);
  });

  it('takes the first of repeated parameters', () => {
    expect(filterFromSearchParams({ status: ['delivered', 'accepted'], q: ['a', 'b'] })).toEqual({ status: 'delivered', q: 'a' });
  });

  it('leaves out an unknown status, whatever its case or padding', () => {
    for (const status of ['teleported', 'Shipped', ' shipped', '', 'accepted,shipped']) {
      expect(filterFromSearchParams({ status }), status).toEqual({});
    }
    for (const status of ORDER_STATUSES) expect(filterFromSearchParams({ status })).toEqual({ status });
  });

  it('leaves out days that are not real calendar days', () => {
    for (const day of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '2026-1-5', '01.02.2026', '2026-02-01T00:00', 'yesterday', '']) {
      expect(filterFromSearchParams({ from: day, to: day }), day).toEqual({});
    }
    expect(filterFromSearchParams({ from: '2024-02-29' })).toEqual({ from: '2024-02-29' });
  });

  it('keeps the good filters next to the bad ones', () => {
    expect(filterFromSearchParams({ from: '2026-02-30', to: '2026-03-05', status: 'lost', q: '  17 ' })).toEqual({ to: '2026-03-05', q: '17' });
  });

  it('swaps a period given backwards', () => {
    expect(filterFromSearchParams({ from: '2026-03-31', to: '2026-03-01' })).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(filterFromSearchParams({ from: '2026-03-01', to: '2026-03-01' })).toEqual({ from: '2026-03-01', to: '2026-03-01' });
  });

  it('trims the search, drops an empty one and cuts an overlong one to the limit', () => {
    expect(filterFromSearchParams({ q: '   ' })).toEqual({});
    expect(filterFromSearchParams({ q: '  Кравець ' })).toEqual({ q: 'Кравець' });
    const long = 'x'.repeat(MAX_SEARCH_LENGTH * 10);
    expect(filterFromSearchParams({ q: long }).q).toBe('x'.repeat(MAX_SEARCH_LENGTH));
  });

  it('ignores a cursor it did not hand out', () => {
    expect(filterFromSearchParams({ cursor: 'garbage!' })).toEqual({});
    expect(filterFromSearchParams({ cursor: b64('2026-02-30T10:00:00Z|5') })).toEqual({});
  });
});

describe('the cursor', () => {
  it('round-trips what a page hands out, up to microseconds', () => {
    for (const cursor of [
      { createdAt: '2026-03-01T22:30:00.000Z', id: 1 },
      { createdAt: '2026-03-01T22:30:00Z', id: 999_999_999_999_999 },
      { createdAt: '2026-03-01T22:30:00.123456Z', id: 77 },
    ]) {
      const encoded = encodeCursor(cursor);
      expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(encoded)).toEqual(cursor);
    }
  });

  it('refuses anything else, without throwing', () => {
    const tampered = [
      '',
      'not base64!',
      '%%%',
      'a'.repeat(201),
      b64('hello'),
      b64('2026-03-01T22:30:00.000Z'),
      b64('2026-03-01T22:30:00.000Z|'),
      b64('|5'),
      b64('2026-03-01T22:30:00.000Z|-5'),
      b64('2026-03-01T22:30:00.000Z|5.5'),
      b64('2026-03-01T22:30:00.000Z|1e3'),
      b64('2026-03-01T22:30:00.000Z|1234567890123456'),
      b64('2026-03-01T22:30:00.000Z|5 or 1=1'),
      b64("2026-03-01T22:30:00.000Z'; drop table orders; --|5"),
      b64('2026-03-01 22:30:00|5'),
      b64('2026-03-01T22:30:00+02:00|5'),
      b64('2026-03-01T22:30:00.1234567Z|5'),
      b64('2026-13-01T22:30:00.000Z|5'),
      // Days and times JavaScript rolls over but the database refuses: never a 500.
      b64('2026-02-30T10:00:00.000Z|5'),
      b64('2025-02-29T10:00:00Z|5'),
      b64('2026-04-31T10:00:00Z|5'),
      b64('2026-03-01T24:00:00Z|5'),
      b64('2026-03-01T23:60:00Z|5'),
      b64('2026-03-01T23:59:60Z|5'),
      b64('0000-01-01T00:00:00Z|5'),
    ];
    for (const value of tampered) expect(decodeCursor(value), value).toBeNull();
  });
});

describe('orderListQuerySchema: the client API’s strict query', () => {
  const parse = (query: string) => orderListQuerySchema.safeParse(Object.fromEntries(new URLSearchParams(query)));
  const details = (query: string) => {
    const result = parse(query);
    if (result.success) throw new Error(`${query} was accepted`);
    return zodDetails(result.error);
  };

  it('accepts a full query and turns limit and cursor into values', () => {
    const cursor = encodeCursor({ createdAt: '2026-03-01T22:30:00.000Z', id: 9 });
    const result = parse(`status=in_production&q=%20ab%20&from=2026-03-01&to=2026-03-31&limit=10&cursor=${cursor}`);
    expect(result.success && result.data).toEqual({
      status: 'in_production',
      q: 'ab',
      from: '2026-03-01',
      to: '2026-03-31',
      limit: 10,
      cursor: { createdAt: '2026-03-01T22:30:00.000Z', id: 9 },
    });
    expect(parse('').success && parse('').data).toEqual({});
    expect(parse(`limit=${MAX_ORDER_PAGE_SIZE}`).success).toBe(true);
  });

  it('reads a period given backwards the right way round, as the page does', () => {
    const result = parse('from=2026-03-31&to=2026-03-01');
    expect(result.success && result.data).toEqual({ from: '2026-03-01', to: '2026-03-31' });
  });

  it('names the field and says what is wrong', () => {
    expect(details('status=teleported')).toEqual({ status: expect.stringContaining('status must be one of: accepted, in_production') });
    expect(details('status=')).toHaveProperty('status');
    expect(details('limit=0')).toEqual({ limit: 'limit must be at least 1' });
    expect(details('limit=-3')).toEqual({ limit: 'limit must be at least 1' });
    expect(details('limit=1000')).toEqual({ limit: `limit must be at most ${MAX_ORDER_PAGE_SIZE}` });
    expect(details('limit=2.5')).toEqual({ limit: 'limit must be a whole number' });
    expect(details('limit=ten')).toEqual({ limit: 'limit must be a number' });
    expect(details('from=2026-02-30')).toEqual({ from: 'from must be a date as YYYY-MM-DD' });
    expect(details('to=31.03.2026')).toEqual({ to: 'to must be a date as YYYY-MM-DD' });
    expect(details(`q=${'x'.repeat(MAX_SEARCH_LENGTH + 1)}`)).toEqual({ q: `q must be at most ${MAX_SEARCH_LENGTH} characters` });
    expect(details('cursor=garbage')).toEqual({ cursor: expect.stringContaining('cursor is not one this API handed out') });
    expect(details(`cursor=${b64('2026-02-30T10:00:00Z|5')}`)).toHaveProperty('cursor');
  });

  it('reports every bad field at once', () => {
    expect(Object.keys(details('status=x&limit=0&from=bad&to=bad&cursor=bad')).sort()).toEqual(['cursor', 'from', 'limit', 'status', 'to']);
  });
});

describe('orderListHref', () => {
  it('is the bare list without filters', () => {
    expect(orderListHref('/dealer/orders', {})).toBe('/dealer/orders');
  });

  it('keeps the filters in the URL, encoded, in a fixed order, and reads back the same', () => {
    const filter = { q: 'Кравець & Co 50%', status: 'shipped' as const, from: '2026-03-01', to: '2026-03-31' };
    const href = orderListHref('/dealer/orders', filter);
    expect(href).toBe(`/dealer/orders?q=${encodeURIComponent('Кравець').replace(/%20/g, '+')}+%26+Co+50%25&status=shipped&from=2026-03-01&to=2026-03-31`);
    expect(filterFromSearchParams(new URL(href, 'http://x').searchParams)).toEqual(filter);
  });

  it('adds extra parameters after the filters and never carries a cursor by itself', () => {
    const filter = { status: 'accepted' as const, cursor: { createdAt: '2026-03-01T10:00:00.000Z', id: 1 } };
    expect(orderListHref('/dealer/orders', filter)).toBe('/dealer/orders?status=accepted');
    expect(orderListHref('/dealer/orders', { status: 'accepted' }, { cursor: 'abc' })).toBe('/dealer/orders?status=accepted&cursor=abc');
    expect(orderListHref('/dealer/orders', {}, { status: 'delivered' })).toBe('/dealer/orders?status=delivered');
  });
});
