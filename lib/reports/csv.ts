import type { PayerCategory } from '@/drizzle/schema/values';
import { AGEING_BUCKETS } from '@/lib/finance/ageing';
import type { ClaimsKpis, Deliveries, OrdersFlow, ReceivablesSummary } from './factory';
import type { ReportPeriod } from './period';

// CSV exports of the factory's reports, one file per report, for Excel as the factory has it
// (Ukrainian regional settings): UTF-8 with a byte order mark, `;` between fields, CRLF line ends,
// amounts and other decimals written from decimal strings with a decimal comma, counts as whole
// numbers, days as YYYY-MM-DD. Text a spreadsheet would run as a formula is defused with a
// leading apostrophe (the conventions of lib/finance/receivables-csv.ts).

export const FACTORY_REPORT_KINDS = ['orders', 'deliveries', 'claims', 'receivables'] as const;
export type FactoryReportKind = (typeof FACTORY_REPORT_KINDS)[number];

export function isFactoryReportKind(value: unknown): value is FactoryReportKind {
  return typeof value === 'string' && (FACTORY_REPORT_KINDS as readonly string[]).includes(value);
}

/** A field: text, a whole number, a decimal (from its string, exact), or empty. */
export type CsvCell = { text: string } | { count: number } | { decimal: string } | null;

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** A text field: quoted when needed; a leading = + - @ tab or CR is defused. */
export function csvText(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvCell(cell: CsvCell): string {
  if (cell === null) return '';
  if ('text' in cell) return csvText(cell.text);
  if ('count' in cell) {
    if (!Number.isSafeInteger(cell.count)) throw new Error(`Not a whole number: ${cell.count}`);
    return String(cell.count);
  }
  if (!DECIMAL.test(cell.decimal)) throw new Error(`Not a decimal: "${cell.decimal}"`);
  return cell.decimal.replace('.', ',');
}

/** Rows as a CSV file's text (byte order mark, `;`, CRLF, a line end after the last row). */
export function toCsv(rows: CsvCell[][]): string {
  return '\uFEFF' + rows.map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
}

const text = (value: string): CsvCell => ({ text: value });
const count = (value: number): CsvCell => ({ count: value });
const decimal = (value: string | null): CsvCell => (value === null ? null : { decimal: value });

/** Names in the reader's language. */
export type FactoryCsvLabels = {
  /** Column and row titles, by key under factoryReports.csv. */
  column: (key: string) => string;
  payer: (category: PayerCategory) => string;
};

function ordersCsv(flow: OrdersFlow, labels: FactoryCsvLabels): string {
  const statuses = ['accepted', 'manufactured', 'shipped', 'delivered'] as const;
  return toCsv([
    ['from', 'to', ...statuses].map((key) => text(labels.column(key))),
    ...flow.buckets.map((b) => [text(b.start), text(b.end), ...statuses.map((s) => count(b[s]))]),
    [text(labels.column('total')), null, ...statuses.map((s) => count(flow.totals[s]))],
  ]);
}

function deliveriesCsv(deliveries: Deliveries, labels: FactoryCsvLabels): string {
  const figures = ['plannedTrips', 'plannedOrders', 'deliveredTrips', 'deliveredOrders'] as const;
  return toCsv([
    ['from', 'to', ...figures].map((key) => text(labels.column(key))),
    ...deliveries.buckets.map((b) => [text(b.start), text(b.end), ...figures.map((f) => count(b[f]))]),
    [text(labels.column('total')), null, ...figures.map((f) => count(deliveries.totals[f]))],
  ]);
}

function claimsCsv(kpis: ClaimsKpis, labels: FactoryCsvLabels): string {
  const row = (key: string, value: CsvCell): CsvCell[] => [text(labels.column(key)), value];
  return toCsv([
    [text(labels.column('figure')), text(labels.column('value'))],
    row('filed', count(kpis.filed)),
    row('resolved', count(kpis.resolved)),
    row('medianFirstResponseHours', decimal(kpis.medianFirstResponseHours)),
    row('medianDecisionHours', decimal(kpis.medianDecisionHours)),
    row('firstResponseMet', count(kpis.firstResponse.met)),
    row('firstResponseMissed', count(kpis.firstResponse.missed)),
    row('firstResponseMetPercent', decimal(kpis.firstResponseMetPercent)),
    row('decisionMet', count(kpis.decision.met)),
    row('decisionMissed', count(kpis.decision.missed)),
    row('decisionMetPercent', decimal(kpis.decisionMetPercent)),
  ]);
}

function receivablesSummaryCsv(summary: ReceivablesSummary, labels: FactoryCsvLabels): string {
  const rows: CsvCell[][] = [['currency', 'category', 'debtors', 'balance', 'overdue', ...AGEING_BUCKETS].map((key) => text(labels.column(key)))];
  for (const c of summary.currencies) {
    const figures = (f: ReceivablesSummary['currencies'][number]['byCategory'][number] | ReceivablesSummary['currencies'][number]): CsvCell[] => [
      count(f.debtors),
      decimal(f.balance),
      decimal(f.overdue),
      ...AGEING_BUCKETS.map((b) => decimal(f.buckets[b])),
    ];
    for (const category of c.byCategory) rows.push([text(c.currency), text(labels.payer(category.category)), ...figures(category)]);
    rows.push([text(c.currency), text(labels.column('allCategories')), ...figures(c)]);
  }
  return toCsv(rows);
}

export type FactoryReportData =
  | { kind: 'orders'; data: OrdersFlow }
  | { kind: 'deliveries'; data: Deliveries }
  | { kind: 'claims'; data: ClaimsKpis }
  | { kind: 'receivables'; data: ReceivablesSummary };

export function factoryReportCsv(report: FactoryReportData, labels: FactoryCsvLabels): string {
  switch (report.kind) {
    case 'orders':
      return ordersCsv(report.data, labels);
    case 'deliveries':
      return deliveriesCsv(report.data, labels);
    case 'claims':
      return claimsCsv(report.data, labels);
    case 'receivables':
      return receivablesSummaryCsv(report.data, labels);
  }
}

/** factory-orders-2026-03-01-2026-03-30.csv, with the plant's code when one plant is shown. */
export function factoryReportFileName(kind: FactoryReportKind, period: ReportPeriod, plantCode: string | null, today: string): string {
  if (kind === 'receivables') return `factory-receivables-${today}.csv`;
  const plant = plantCode ? `-${plantCode.replace(/[^A-Za-z0-9_-]/g, '')}` : '';
  return `factory-${kind}-${period.from}-${period.to}${plant}.csv`;
}
