import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AMOUNT_FORMAT, ledgerXlsx, XLSX_HEADER_ROW } from './ledger-xlsx';
import { SAMPLE_DEALER, sampleLedger } from './testing/sample-ledger';
import { documentTexts } from './testing/texts';

async function reread(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

describe('ledger XLSX', () => {
  it('re-reads with the header, the opening and closing rows, real dates and two-decimal numbers', async () => {
    const ledger = sampleLedger(20, 250_000n);
    const t = documentTexts('uk');
    const buffer = await ledgerXlsx(ledger, 'uk', { t, dealer: SAMPLE_DEALER, creator: 'ТОВ «Оптима вікна та двері»' });
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    const workbook = await reread(buffer);
    expect(workbook.creator).toBe('ТОВ «Оптима вікна та двері»');
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Виписка');
    expect(sheet.getCell('A1').value).toBe('Виписка взаєморозрахунків: ТОВ «Вікна Поділля» (D-1001)');
    expect(sheet.getCell('A2').value).toBe('за період з 01.01.2026 по 31.03.2026');

    // Frozen header, column widths, filter.
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: XLSX_HEADER_ROW });
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(20);
    expect(sheet.getRow(XLSX_HEADER_ROW).values).toEqual([
      undefined,
      'Дата',
      'Операція',
      'Документ',
      'Замовлення',
      'Дебет, грн',
      'Кредит, грн',
      'Сальдо, грн',
      'Сплатити до',
    ]);

    const opening = sheet.getRow(XLSX_HEADER_ROW + 1);
    expect(opening.getCell(1).value).toEqual(new Date(Date.UTC(2026, 0, 1)));
    expect(opening.getCell(1).numFmt).toBe('dd.mm.yyyy');
    expect(opening.getCell(2).value).toBe('Сальдо на початок періоду');
    expect(opening.getCell(7).value).toBe(2500);
    expect(opening.getCell(7).numFmt).toBe(AMOUNT_FORMAT);
    expect(opening.font?.bold).toBe(true);

    // Every entry, each amount the exact decimal of the ledger.
    ledger.entries.forEach((line, index) => {
      const row = sheet.getRow(XLSX_HEADER_ROW + 2 + index);
      expect(row.getCell(1).value).toEqual(new Date(`${line.date}T00:00:00Z`));
      expect(row.getCell(3).value ?? null).toBe(line.document);
      const debit = row.getCell(5).value as number | null;
      const credit = row.getCell(6).value as number | null;
      const effect = debit !== null ? debit : -(credit as number);
      expect(effect.toFixed(2)).toBe(Number(line.effect).toFixed(2));
      expect(String(row.getCell(7).value)).toBe(String(Number(line.balanceAfter)));
      expect(row.getCell(5).numFmt).toBe(AMOUNT_FORMAT);
      if (line.dueDate) expect(row.getCell(8).value).toEqual(new Date(`${line.dueDate}T00:00:00Z`));
    });

    const turnover = sheet.getRow(XLSX_HEADER_ROW + 2 + ledger.entries.length);
    expect(turnover.getCell(2).value).toBe('Обороти за період');
    expect(turnover.getCell(5).value).toBe(Number(ledger.turnover.debit));
    expect(turnover.getCell(6).value).toBe(Number(ledger.turnover.credit));
    const closing = sheet.getRow(XLSX_HEADER_ROW + 3 + ledger.entries.length);
    expect(closing.getCell(1).value).toEqual(new Date(Date.UTC(2026, 2, 31)));
    expect(closing.getCell(2).value).toBe('Сальдо на кінець періоду');
    expect(closing.getCell(7).value).toBe(Number(ledger.closingBalance));
    expect(sheet.rowCount).toBe(XLSX_HEADER_ROW + 3 + ledger.entries.length);
  });

  it('writes the amounts into the file as the ledger’s decimals', async () => {
    const ledger = sampleLedger(3, 10n);
    const buffer = await ledgerXlsx(ledger, 'en', { t: documentTexts('en'), dealer: SAMPLE_DEALER, creator: 'Optima' });
    const workbook = await reread(buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A2').value).toBe('for the period from 01/01/2026 to 31/03/2026');
    expect(sheet.getRow(XLSX_HEADER_ROW + 1).getCell(1).numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getRow(XLSX_HEADER_ROW + 1).getCell(7).value).toBe(0.1);
    expect(sheet.getRow(XLSX_HEADER_ROW + 2).getCell(5).value).toBe(1000);
  });
});
