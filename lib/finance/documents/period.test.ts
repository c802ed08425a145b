import { describe, expect, it } from 'vitest';
import { isDay } from '@/lib/finance/period';
import { documentHref, isFinanceDocument, parseDocumentPeriod } from './period';

const parse = (query: string) => parseDocumentPeriod(new URLSearchParams(query));

describe('document period', () => {
  it('takes two real days in order', () => {
    expect(parse('from=2026-01-01&to=2026-03-31')).toEqual({ period: { from: '2026-01-01', to: '2026-03-31' } });
    expect(parse('from=2026-03-31&to=2026-03-31')).toEqual({ period: { from: '2026-03-31', to: '2026-03-31' } });
  });

  it('names the field that is wrong', () => {
    expect(parse('to=2026-03-31')).toEqual({ error: { field: 'from', problem: 'badDate' } });
    expect(parse('from=2026-02-30&to=2026-03-31')).toEqual({ error: { field: 'from', problem: 'badDate' } });
    expect(parse('from=2026-01-01&to=31.03.2026')).toEqual({ error: { field: 'to', problem: 'badDate' } });
    expect(parse('from=2026-01-01')).toEqual({ error: { field: 'to', problem: 'badDate' } });
    expect(parse('from=2026-04-01&to=2026-03-31')).toEqual({ error: { field: 'to', problem: 'badOrder' } });
    expect(parse('from=2020-01-01&to=2025-01-02')).toEqual({ error: { field: 'from', problem: 'tooLong' } });
    // The longest period the ledger page shows (five years to the day) downloads.
    expect(parse('from=2020-01-01&to=2025-01-01')).toHaveProperty('period');
  });

  it('knows its documents and builds their links', () => {
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isFinanceDocument('reconciliation.pdf')).toBe(true);
    expect(isFinanceDocument('../ledger.csv')).toBe(false);
    expect(documentHref('ledger.xlsx', { from: '2026-01-01', to: '2026-03-31' })).toBe('/api/v1/finance/documents/ledger.xlsx?from=2026-01-01&to=2026-03-31');
  });
});
