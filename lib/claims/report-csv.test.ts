import { describe, expect, it } from 'vitest';
import { reportCsv, reportFileName, type CsvLabels } from './report-csv';
import type { ClaimReports, ReportGroup } from './reports';

const group = (key: string, label: string | null, claims: number, extra: Partial<ReportGroup> = {}): ReportGroup => ({
  key,
  label,
  claims,
  decided: 0,
  approved: 0,
  rejected: 0,
  slaMet: 0,
  slaMissed: 0,
  avgDecisionHours: null,
  compensation: '0.00',
  ...extra,
});

const reports: ClaimReports = {
  period: { from: '2026-11-02', to: '2026-11-15' },
  totals: { ...group('', null, 3), firstMet: 0, firstMissed: 0, avgDecisionCalendarHours: null },
  byCategory: [group('defect', null, 2, { decided: 1, approved: 1, slaMet: 1, avgDecisionHours: 7.5, compensation: '1500.50' })],
  byKind: [group('window', null, 2), group('', null, 1)],
  byProfile: [group('Rehau', null, 2), group('', null, 1)],
  byDealer: [group('D-1001', 'ТОВ "Вікна, двері"', 2), group('D-2', '=HYPERLINK("x")', 1)],
  bySpecialist: [group('u1', 'Ірина Ткаченко', 2), group('', null, 1)],
  weeks: [{ week: '2026-11-02', filed: 3, met: 1, missed: 1, running: 1, firstMet: 2, firstMissed: 0 }],
};

const labels: CsvLabels = {
  column: (key) => `[${key}]`,
  category: (key) => ({ defect: 'Дефект' })[key] ?? key,
  kind: (key) => ({ window: 'Вікно' })[key] ?? key,
  unknown: 'Невідомо',
  noProfile: 'Не вказано',
  nobody: 'Не призначено',
};

const lines = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n');

describe('reportCsv', () => {
  it('writes a byte order mark, a header in the reader’s words and CRLF rows', () => {
    const csv = reportCsv(reports, 'category', labels);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines(csv)).toEqual([
      '[category],[claims],[decided],[approved],[rejected],[met],[missed],[avgHours],[compensation]',
      'Дефект,2,1,1,0,1,0,7.5,1500.50',
      '',
    ]);
  });

  it('quotes commas and quotes, and defuses formulas', () => {
    expect(lines(reportCsv(reports, 'dealer', labels))).toEqual([
      '[dealerCode],[dealerName],[claims],[decided],[approved],[rejected],[met],[missed],[avgHours],[compensation]',
      'D-1001,"ТОВ ""Вікна, двері""",2,0,0,0,0,0,,0.00',
      'D-2,"\'=HYPERLINK(""x"")",1,0,0,0,0,0,,0.00',
      '',
    ]);
  });

  it('names the unknown kind, profile and the unassigned', () => {
    expect(lines(reportCsv(reports, 'kind', labels)).slice(1, 3)).toEqual(['Вікно,2,0,0,0,0,0,,0.00', 'Невідомо,1,0,0,0,0,0,,0.00']);
    expect(lines(reportCsv(reports, 'profile', labels)).slice(1, 3)).toEqual(['Rehau,2,0,0,0,0,0,,0.00', 'Не вказано,1,0,0,0,0,0,,0.00']);
    expect(lines(reportCsv(reports, 'specialist', labels)).slice(1, 3)).toEqual(['Ірина Ткаченко,2,0,0,0,0,0,,0.00', 'Не призначено,1,0,0,0,0,0,,0.00']);
  });

  it('writes the weeks', () => {
    expect(lines(reportCsv(reports, 'weeks', labels))).toEqual([
      '[week],[filed],[met],[missed],[running],[firstMet],[firstMissed]',
      '2026-11-02,3,1,1,1,2,0',
      '',
    ]);
    expect(reportFileName('weeks', reports)).toBe('claims-weeks-2026-11-02-2026-11-15.csv');
  });
});
