import ExcelJS from 'exceljs';
import type { Locale } from '@/drizzle/schema/values';
import type { Ledger } from '@/lib/finance/ledger';
import { formatDay, type DocumentTexts } from './format';
import { LEDGER_COLUMNS, ledgerHeaders, ledgerRows, type LedgerColumn } from './ledger-table';

// The statement of account as an Excel workbook: a title, the period, then a table whose header
// stays frozen while scrolling. Days are real dates and amounts real numbers with two decimals,
// so the dealer's accountant can sum and filter them. An amount stays a decimal string until the
// very cell it is written to: Excel stores every number as a double, and so does this file.

export type LedgerXlsxOptions = {
  t: DocumentTexts;
  dealer: { code: string; name: string };
  /** The workbook's author. */
  creator: string;
};

/** Row of the table's header; the title and the period sit above it. */
export const XLSX_HEADER_ROW = 4;
export const AMOUNT_FORMAT = '#,##0.00;-#,##0.00';

const WIDTHS: Record<LedgerColumn, number> = { date: 12, kind: 26, document: 24, order: 14, debit: 15, credit: 15, balance: 16, dueDate: 13 };
const AMOUNT_COLUMNS: readonly LedgerColumn[] = ['debit', 'credit', 'balance'];

function dateFormat(locale: Locale): string {
  return locale === 'en' ? 'dd/mm/yyyy' : 'dd.mm.yyyy';
}

/** A ledger day as the date Excel stores for it (midnight UTC: a whole serial day). */
function excelDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** The cell value of a decimal string: converted to a number only here, at the very end. */
function excelAmount(amount: string): number {
  if (!/^-?\d+(\.\d+)?$/.test(amount)) throw new Error(`Not a decimal amount: "${amount}"`);
  return Number(amount);
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\ . */
function sheetName(text: string): string {
  return text.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1';
}

export async function ledgerXlsx(ledger: Ledger, locale: Locale, options: LedgerXlsxOptions): Promise<Buffer> {
  const { t, dealer } = options;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = options.creator;
  workbook.created = new Date();
  const title = t('ledgerTitle', { dealer: dealer.name, code: dealer.code });
  workbook.title = title;
  const sheet = workbook.addWorksheet(sheetName(t('sheetName')), {
    views: [{ state: 'frozen', ySplit: XLSX_HEADER_ROW, xSplit: 0 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = LEDGER_COLUMNS.map((key) => ({ key, width: WIDTHS[key] }));

  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  sheet.getCell(2, 1).value = t('period', { from: formatDay(ledger.from, locale), to: formatDay(ledger.to, locale) });

  const header = sheet.getRow(XLSX_HEADER_ROW);
  header.values = ledgerHeaders(ledger, locale, t);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
    cell.border = { bottom: { style: 'thin' } };
  });

  const dates = dateFormat(locale);
  for (const row of ledgerRows(ledger, t)) {
    const added = sheet.addRow({
      date: row.date ? excelDate(row.date) : null,
      kind: row.label,
      document: row.document,
      order: row.order,
      debit: row.debit === null ? null : excelAmount(row.debit),
      credit: row.credit === null ? null : excelAmount(row.credit),
      balance: row.balance === null ? null : excelAmount(row.balance),
      dueDate: row.dueDate ? excelDate(row.dueDate) : null,
    });
    added.getCell('date').numFmt = dates;
    added.getCell('dueDate').numFmt = dates;
    for (const column of AMOUNT_COLUMNS) added.getCell(column).numFmt = AMOUNT_FORMAT;
    if (row.kind !== 'entry') {
      added.font = { bold: true };
      added.eachCell({ includeEmpty: true }, (cell) => {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF6F6F6' } };
      });
    }
  }
  sheet.autoFilter = { from: { row: XLSX_HEADER_ROW, column: 1 }, to: { row: XLSX_HEADER_ROW, column: LEDGER_COLUMNS.length } };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
