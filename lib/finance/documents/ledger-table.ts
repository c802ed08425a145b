import type { Locale } from '@/drizzle/schema/values';
import type { Ledger } from '@/lib/finance/ledger';
import { currencyLabel, debitCredit, type DocumentTexts } from './format';

// The statement of account as rows, shared by the CSV and the XLSX: the opening balance, every
// entry with its debit, credit and running balance, the turnover and the closing balance. Amounts
// stay decimal strings here; each format writes them its own way.

export const LEDGER_COLUMNS = ['date', 'kind', 'document', 'order', 'debit', 'credit', 'balance', 'dueDate'] as const;
export type LedgerColumn = (typeof LEDGER_COLUMNS)[number];

export type LedgerRowKind = 'opening' | 'entry' | 'turnover' | 'closing';

export type LedgerTableRow = {
  kind: LedgerRowKind;
  /** YYYY-MM-DD or null. */
  date: string | null;
  label: string;
  document: string | null;
  order: string | null;
  debit: string | null;
  credit: string | null;
  balance: string | null;
  dueDate: string | null;
};

export function ledgerHeaders(ledger: Ledger, locale: Locale, t: DocumentTexts): string[] {
  const currency = currencyLabel(ledger.currency, locale);
  return LEDGER_COLUMNS.map((column) => t(`column.${column}`, { currency }));
}

export function ledgerRows(ledger: Ledger, t: DocumentTexts): LedgerTableRow[] {
  const blank = { document: null, order: null, debit: null, credit: null, balance: null, dueDate: null };
  return [
    { ...blank, kind: 'opening', date: ledger.from, label: t('openingRow'), balance: ledger.openingBalance },
    ...ledger.entries.map((line): LedgerTableRow => ({
      kind: 'entry',
      date: line.date,
      label: t(`kind.${line.kind}`),
      document: line.document,
      order: line.orderNumber,
      ...debitCredit(line.effect),
      balance: line.balanceAfter,
      dueDate: line.dueDate,
    })),
    { ...blank, kind: 'turnover', date: null, label: t('turnover'), debit: ledger.turnover.debit, credit: ledger.turnover.credit },
    { ...blank, kind: 'closing', date: ledger.to, label: t('closingRow'), balance: ledger.closingBalance },
  ];
}
