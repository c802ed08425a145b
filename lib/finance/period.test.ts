import { describe, expect, it } from 'vitest';
import { addYears, ledgerApiQuerySchema, ledgerHref, ledgerQueryFromSearchParams, monthStartBefore, presetOf, presetPeriod } from './period';

const TODAY = '2026-02-17';

describe('ledger periods', () => {
  it('names the presets as of today', () => {
    expect(presetPeriod('thisMonth', TODAY)).toEqual({ from: '2026-02-01', to: TODAY });
    expect(presetPeriod('lastMonth', TODAY)).toEqual({ from: '2026-01-01', to: '2026-01-31' });
    expect(presetPeriod('lastMonth', '2026-01-05')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetPeriod('lastMonth', '2024-03-31')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(presetPeriod('thisQuarter', '2026-12-31')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(presetPeriod('thisYear', TODAY)).toEqual({ from: '2026-01-01', to: TODAY });
    expect(presetOf({ from: '2026-01-01', to: '2026-01-31' }, TODAY)).toBe('lastMonth');
    expect(presetOf({ from: '2026-01-02', to: '2026-01-31' }, TODAY)).toBeNull();
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(monthStartBefore('2026-02-17', 11)).toBe('2025-03-01');
    expect(monthStartBefore('2026-12-31', 0)).toBe('2026-12-01');
  });

  it('reads a page’s URL leniently: default this month, backwards turned round, too long cut', () => {
    expect(ledgerQueryFromSearchParams({}, TODAY)).toEqual({ from: '2026-02-01', to: TODAY, clamped: false });
    expect(ledgerQueryFromSearchParams({ from: '2026-02-30', to: 'x', kind: 'nope', q: '  ' }, TODAY)).toEqual({ from: '2026-02-01', to: TODAY, clamped: false });
    expect(ledgerQueryFromSearchParams({ from: '2026-01-31', to: '2026-01-01', kind: 'payment', q: ' 26-1 ' }, TODAY)).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
      kind: 'payment',
      q: '26-1',
      clamped: false,
    });
    expect(ledgerQueryFromSearchParams(new URLSearchParams('from=2010-01-01&to=2026-01-31'), TODAY)).toEqual({ from: '2021-01-31', to: '2026-01-31', clamped: true });
  });

  it('answers the API’s bad queries with the field named', () => {
    const schema = ledgerApiQuerySchema(TODAY);
    expect(schema.parse({})).toEqual({ from: '2026-02-01', to: TODAY });
    expect(schema.parse({ from: '2025-01-01' })).toEqual({ from: '2025-01-01', to: TODAY });
    expect(schema.parse({ to: '2025-06-10' })).toEqual({ from: '2025-06-01', to: '2025-06-10' });
    const fields = (query: Record<string, string>) => {
      const r = schema.safeParse(query);
      return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
    };
    expect(fields({ from: '2026-13-01' })).toEqual(['from']);
    expect(fields({ to: 'yesterday' })).toEqual(['to']);
    expect(fields({ from: '2026-02-10', to: '2026-02-01' })).toEqual(['from']);
    expect(fields({ from: '2020-01-01', to: '2025-01-02' })).toEqual(['to']);
    expect(fields({ from: '2020-01-01', to: '2025-01-01' })).toEqual([]);
    expect(fields({ kind: 'gift' })).toEqual(['kind']);
    expect(fields({ q: 'x'.repeat(65) })).toEqual(['q']);
  });

  it('writes the page’s links', () => {
    expect(ledgerHref('/l', { from: '2026-01-01', to: '2026-01-31', kind: 'invoice', q: 'a&b' }, { page: '2' })).toBe('/l?from=2026-01-01&to=2026-01-31&kind=invoice&q=a%26b&page=2');
    expect(ledgerHref('/l', {})).toBe('/l');
  });
});
