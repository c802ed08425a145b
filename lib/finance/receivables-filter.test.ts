import { describe, expect, it } from 'vitest';
import { DEFAULT_RECEIVABLES_FILTER, receivablesFilterFromSearchParams, receivablesHref, sortHref } from './receivables-filter';

describe('receivables filter in the URL', () => {
  it('reads what it understands and drops the rest', () => {
    expect(receivablesFilterFromSearchParams({})).toEqual(DEFAULT_RECEIVABLES_FILTER);
    expect(
      receivablesFilterFromSearchParams({ q: ' Вікна ', region: 'Київська область', category: 'hesitant', min: '10 000,50', sort: 'over90', dir: 'asc', page: '3' }),
    ).toEqual({ q: 'Вікна', region: 'Київська область', category: 'hesitant', minOverdue: '10000.50', sort: 'over90', dir: 'asc', page: 3 });
    expect(receivablesFilterFromSearchParams({ category: 'rich', min: '-5', sort: 'dropTable', dir: 'up', page: '0' })).toEqual(DEFAULT_RECEIVABLES_FILTER);
    expect(receivablesFilterFromSearchParams({ min: '0' }).minOverdue).toBeUndefined();
    expect(receivablesFilterFromSearchParams({ min: '1.999' }).minOverdue).toBeUndefined();
    // A column chosen without a direction sorts its natural way.
    expect(receivablesFilterFromSearchParams({ sort: 'name' }).dir).toBe('asc');
    expect(receivablesFilterFromSearchParams({ sort: 'balance' }).dir).toBe('desc');
  });

  it('writes links in a fixed order without the defaults, and round-trips', () => {
    expect(receivablesHref('/factory/finance', DEFAULT_RECEIVABLES_FILTER)).toBe('/factory/finance');
    const filter = { ...DEFAULT_RECEIVABLES_FILTER, q: 'a&b', region: 'R', category: 'punctual' as const, minOverdue: '5', sort: 'name' as const, dir: 'desc' as const, page: 2 };
    const href = receivablesHref('/factory/finance', filter);
    expect(href).toBe('/factory/finance?q=a%26b&region=R&category=punctual&min=5&sort=name&dir=desc&page=2');
    expect(receivablesFilterFromSearchParams(new URL(href, 'http://x').searchParams)).toEqual(filter);
  });

  it('sorts a header’s column its natural way first, then the other way, from the first page', () => {
    const onPage3 = { ...DEFAULT_RECEIVABLES_FILTER, page: 3 };
    expect(sortHref('/f', onPage3, 'overdue')).toBe('/f?dir=asc');
    expect(sortHref('/f', onPage3, 'balance')).toBe('/f?sort=balance');
    expect(sortHref('/f', { ...onPage3, sort: 'name', dir: 'asc' }, 'name')).toBe('/f?sort=name&dir=desc');
  });
});
