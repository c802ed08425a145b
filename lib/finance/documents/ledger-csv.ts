import type { Locale } from '@/drizzle/schema/values';
import type { Ledger } from '@/lib/finance/ledger';
import type { DocumentTexts } from './format';
import { ledgerHeaders, ledgerRows } from './ledger-table';

// The statement of account as CSV for a spreadsheet: UTF-8 with a byte order mark (Excel reads
// the Cyrillic right), CRLF line ends, and the reader's spreadsheet conventions: in Ukrainian and
// Russian a semicolon between fields and a decimal comma, in English a comma and a decimal point.
// Days are ISO (YYYY-MM-DD), which every spreadsheet reads as a date. Text that a spreadsheet
// would run as a formula is defused with a leading apostrophe; amounts are written as numbers.

type Field = { text: string } | { amount: string } | null;

function conventions(locale: Locale): { separator: string; decimal: string } {
  return locale === 'en' ? { separator: ',', decimal: '.' } : { separator: ';', decimal: ',' };
}

/** A text field: quoted when it holds a separator, quote or line break; formulas defused. */
export function csvText(value: string, separator: string): string {
  const text = /^[=+\-@\t\r\n]/.test(value) ? `'${value}` : value;
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function ledgerCsv(ledger: Ledger, locale: Locale, t: DocumentTexts): string {
  const { separator, decimal } = conventions(locale);
  const field = (value: Field): string => {
    if (value === null) return '';
    if ('amount' in value) {
      if (!/^-?\d+(\.\d+)?$/.test(value.amount)) throw new Error(`Not a decimal amount: "${value.amount}"`);
      return value.amount.replace('.', decimal);
    }
    return csvText(value.text, separator);
  };
  const text = (value: string | null): Field => (value === null ? null : { text: value });
  const amount = (value: string | null): Field => (value === null ? null : { amount: value });

  const lines = [
    ledgerHeaders(ledger, locale, t).map((h) => field({ text: h })),
    ...ledgerRows(ledger, t).map((row) =>
      [text(row.date), text(row.label), text(row.document), text(row.order), amount(row.debit), amount(row.credit), amount(row.balance), text(row.dueDate)].map(field),
    ),
  ];
  return '\uFEFF' + lines.map((cells) => cells.join(separator)).join('\r\n') + '\r\n';
}
