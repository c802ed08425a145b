import { addYears, isDay, MAX_PERIOD_YEARS } from '@/lib/finance/period';

// The period of a finance document, read from the download link, and the links themselves. The
// same days and cap as the ledger page (lib/finance/period.ts), so every period the page shows
// can be downloaded. No server imports: the download panel builds its links here.

export { MAX_PERIOD_YEARS };

export const FINANCE_DOCUMENTS = ['reconciliation.pdf', 'ledger.xlsx', 'ledger.csv'] as const;
export type FinanceDocument = (typeof FINANCE_DOCUMENTS)[number];

export function isFinanceDocument(value: unknown): value is FinanceDocument {
  return typeof value === 'string' && (FINANCE_DOCUMENTS as readonly string[]).includes(value);
}

export type DocumentPeriod = { from: string; to: string };

export type PeriodProblem = { field: 'from' | 'to'; problem: 'badDate' | 'badOrder' | 'tooLong' };

/** `from` and `to` of a download link: both required, in order, at most MAX_PERIOD_YEARS apart. */
export function parseDocumentPeriod(params: URLSearchParams): { period: DocumentPeriod } | { error: PeriodProblem } {
  const from = params.get('from')?.trim() ?? '';
  const to = params.get('to')?.trim() ?? '';
  if (!isDay(from)) return { error: { field: 'from', problem: 'badDate' } };
  if (!isDay(to)) return { error: { field: 'to', problem: 'badDate' } };
  if (to < from) return { error: { field: 'to', problem: 'badOrder' } };
  if (to > addYears(from, MAX_PERIOD_YEARS)) return { error: { field: 'from', problem: 'tooLong' } };
  return { period: { from, to } };
}

export function documentHref(document: FinanceDocument, period: DocumentPeriod): string {
  return `/api/v1/finance/documents/${document}?${new URLSearchParams({ from: period.from, to: period.to }).toString()}`;
}
