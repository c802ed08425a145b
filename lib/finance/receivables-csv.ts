import type { AgeingBucket } from './ageing';
import type { ReceivableRow, ReceivablesPage } from './receivables';

// The receivables list as CSV for Excel as the factory has it (Ukrainian regional settings,
// whatever the portal's language): UTF-8 with a byte order mark, `;` between fields, a decimal
// comma, CRLF line ends. Text that a spreadsheet would run as a formula is defused with a leading
// apostrophe; amounts are written by us from decimal strings and stay numbers.

const BUCKETS: AgeingBucket[] = ['notDue', 'days1to30', 'days31to60', 'days61to90', 'over90'];

type Cell = { text: string } | { amount: string } | null;

/** A text field: quoted when needed; a leading = + - @ tab or CR is defused. */
export function csvText(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvAmount(amount: string): string {
  if (!/^-?\d+(\.\d+)?$/.test(amount)) throw new Error(`Not a decimal amount: "${amount}"`);
  return amount.replace('.', ',');
}

function cell(value: Cell): string {
  if (value === null) return '';
  return 'amount' in value ? csvAmount(value.amount) : csvText(value.text);
}

export type ReceivablesCsvLabels = {
  /** Column titles, by key. */
  column: (key: string) => string;
  payer: (category: ReceivableRow['payerCategory']) => string;
  total: string;
  /** A moment as the reader writes it (factory time zone). */
  dateTime: (value: Date) => string;
};

const COLUMNS = ['code', 'name', 'region', 'payer', 'currency', 'balance', 'overdue', ...BUCKETS, 'oldestDue', 'lastReminder'] as const;

export function receivablesCsv(list: Pick<ReceivablesPage, 'rows' | 'totals' | 'currency'>, labels: ReceivablesCsvLabels): string {
  const rows: Cell[][] = [
    COLUMNS.map((key) => ({ text: labels.column(key) })),
    ...list.rows.map((r): Cell[] => [
      { text: r.code },
      { text: r.name },
      r.region ? { text: r.region } : null,
      { text: labels.payer(r.payerCategory) },
      { text: r.currency },
      { amount: r.balance },
      { amount: r.overdue },
      ...BUCKETS.map((b) => ({ amount: r.buckets[b] })),
      r.oldestDueDate ? { text: r.oldestDueDate } : null,
      r.lastReminderAt ? { text: labels.dateTime(r.lastReminderAt) } : null,
    ]),
  ];
  if (list.totals && list.rows.length) {
    rows.push([
      { text: labels.total },
      null,
      null,
      null,
      list.currency ? { text: list.currency } : null,
      { amount: list.totals.balance },
      { amount: list.totals.overdue },
      ...BUCKETS.map((b) => ({ amount: list.totals?.buckets[b] ?? '0.00' })),
      null,
      null,
    ]);
  }
  return '\uFEFF' + rows.map((row) => row.map(cell).join(';')).join('\r\n') + '\r\n';
}

export function receivablesFileName(today: string): string {
  return `receivables-${today}.csv`;
}
