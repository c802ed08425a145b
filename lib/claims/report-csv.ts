import type { ClaimReports, ReportGroup } from './reports';

// CSV exports of the claims desk's reports, one file per report. UTF-8 with a byte order mark and
// CRLF line ends, so Excel opens Cyrillic names right; numbers with a dot, money as decimals.

export const REPORT_KINDS = ['category', 'kind', 'profile', 'dealer', 'specialist', 'weeks'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export function isReportKind(value: unknown): value is ReportKind {
  return typeof value === 'string' && (REPORT_KINDS as readonly string[]).includes(value);
}

type Translate = (key: string) => string;

/** Names of what the groups are, in the reader's language. */
export type CsvLabels = {
  /** Column titles, by key under claimsReports.column. */
  column: Translate;
  category: Translate;
  kind: Translate;
  unknown: string;
  noProfile: string;
  nobody: string;
};

/** A field as CSV: quoted when needed; text that a spreadsheet would run as a formula is defused. */
function field(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function toCsv(rows: (string | number | null)[][]): string {
  return '\uFEFF' + rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

const FIGURES = ['claims', 'decided', 'approved', 'rejected', 'met', 'missed', 'avgHours', 'compensation'] as const;

function figures(group: ReportGroup): (string | number | null)[] {
  return [group.claims, group.decided, group.approved, group.rejected, group.slaMet, group.slaMissed, group.avgDecisionHours, group.compensation];
}

export function reportCsv(reports: ClaimReports, kind: ReportKind, labels: CsvLabels): string {
  const head = (...first: string[]) => [...first, ...FIGURES].map((key) => labels.column(key));
  switch (kind) {
    case 'category':
      return toCsv([head('category'), ...reports.byCategory.map((g) => [labels.category(g.key), ...figures(g)])]);
    case 'kind':
      return toCsv([head('kind'), ...reports.byKind.map((g) => [g.key ? labels.kind(g.key) : labels.unknown, ...figures(g)])]);
    case 'profile':
      return toCsv([head('profile'), ...reports.byProfile.map((g) => [g.key || labels.noProfile, ...figures(g)])]);
    case 'dealer':
      return toCsv([head('dealerCode', 'dealerName'), ...reports.byDealer.map((g) => [g.key, g.label, ...figures(g)])]);
    case 'specialist':
      return toCsv([head('specialist'), ...reports.bySpecialist.map((g) => [g.key ? g.label : labels.nobody, ...figures(g)])]);
    case 'weeks':
      return toCsv([
        ['week', 'filed', 'met', 'missed', 'running', 'firstMet', 'firstMissed'].map((key) => labels.column(key)),
        ...reports.weeks.map((w) => [w.week, w.filed, w.met, w.missed, w.running, w.firstMet, w.firstMissed]),
      ]);
  }
}

export function reportFileName(kind: ReportKind, reports: Pick<ClaimReports, 'period'>): string {
  return `claims-${kind}-${reports.period.from}-${reports.period.to}.csv`;
}
