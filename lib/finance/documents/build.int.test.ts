import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dealers, ledgerEntries, plants } from '@/drizzle/schema';
import { dealerScopeOf } from '@/lib/auth/scope';
import { createTestDatabase } from '@/lib/testing/database';
import { buildFinanceDocument } from './build';
import { pdfText } from './testing/pdf-text';
import { documentTexts } from './testing/texts';

/** Every cell of a workbook as text. */
async function xlsxText(buffer: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
  return cells.join('\n');
}

// A dealer's documents hold his own entries only, whatever he asks for: the scope decides.

describe('finance documents by scope', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dealerA: number;
  let dealerB: number;
  const period = { from: '2026-01-01', to: '2026-01-31' };

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    const [plant] = await db.insert(plants).values({ code: 'MAIN', name: 'Головний завод', city: 'Київ', isMain: true }).returning();
    const rows = await db
      .insert(dealers)
      .values([
        { code: 'D-A', name: 'ТОВ «Вікна Поділля»', taxId: '11111111', town: 'Вінниця' },
        { code: 'D-B', name: 'ПП «Теплий Дім»', taxId: '22222222', town: 'Тернопіль' },
      ])
      .returning();
    dealerA = rows[0]!.id;
    dealerB = rows[1]!.id;
    const entry = (dealerId: number, documentId: string, kind: 'invoice' | 'payment', amount: string, date: string) => ({
      source: 'accounting',
      documentId,
      dealerId,
      plantId: plant!.id,
      kind,
      amount,
      effect: kind === 'payment' ? `-${amount}` : amount,
      date,
      document: documentId,
    });
    await db.insert(ledgerEntries).values([
      entry(dealerA, 'A-INV-1', 'invoice', '5000.00', '2025-12-20'),
      entry(dealerA, 'A-INV-2', 'invoice', '1234.56', '2026-01-10'),
      entry(dealerA, 'A-PAY-1', 'payment', '2000.00', '2026-01-31'),
      entry(dealerA, 'A-INV-3', 'invoice', '99.99', '2026-02-01'),
      entry(dealerB, 'B-INV-1', 'invoice', '777.70', '2026-01-15'),
    ]);
  });
  afterAll(async () => database?.dispose());

  const scopeOf = (dealerId: number) => dealerScopeOf({ userId: `user-${dealerId}`, role: 'dealer_owner', dealerId });

  it('builds the reconciliation statement of the scope’s dealer from his ledger', async () => {
    const built = await buildFinanceDocument(database.db, scopeOf(dealerA), { document: 'reconciliation.pdf', period, locale: 'uk', t: documentTexts('uk') });
    expect(built).not.toBeNull();
    expect(built!.contentType).toBe('application/pdf');
    expect(built!.fileName).toBe('reconciliation-D-A-2026-01-01-2026-01-31.pdf');
    const { text } = await pdfText(built!.body as Buffer);
    expect(text).toContain('ТОВ «Вікна Поділля»');
    // Opening 5,000.00; +1,234.56 −2,000.00 on the edges of the period; February is outside it.
    expect(text).toContain('Сальдо на 01.01.2026 5 000,00');
    expect(text).toContain('A-INV-2');
    expect(text).toContain('A-PAY-1');
    expect(text).not.toContain('A-INV-3');
    expect(text).toContain('Сальдо на 31.01.2026 4 234,56');
    expect(text).toContain('чотири тисячі двісті тридцять чотири гривні 56 копійок');
    expect(text).not.toContain('B-INV-1');
    expect(text).not.toContain('Теплий Дім');
  });

  it('gives another dealer only his own entries in every format', async () => {
    for (const document of ['ledger.csv', 'reconciliation.pdf', 'ledger.xlsx'] as const) {
      const built = await buildFinanceDocument(database.db, scopeOf(dealerB), { document, period, locale: 'ru', t: documentTexts('ru') });
      expect(built!.fileName).toBe(`${document.split('.')[0]}-D-B-2026-01-01-2026-01-31.${document.split('.')[1]}`);
      const text =
        document === 'reconciliation.pdf'
          ? (await pdfText(built!.body as Buffer)).text
          : document === 'ledger.csv'
            ? (built!.body as string)
            : await xlsxText(built!.body as Buffer);
      expect(text).not.toContain('A-INV');
      expect(text).not.toContain('A-PAY');
      expect(text).toContain('B-INV-1');
    }
    const csv = (await buildFinanceDocument(database.db, scopeOf(dealerB), { document: 'ledger.csv', period, locale: 'uk', t: documentTexts('uk') }))!.body as string;
    expect(csv).toContain('2026-01-01;Сальдо на початок періоду;;;;;0,00;');
    expect(csv).toContain('2026-01-15;Рахунок;B-INV-1;;777,70;;777,70;');
    expect(csv).toContain('2026-01-31;Сальдо на кінець періоду;;;;;777,70;');
  });

  it('finds nothing for a dealer that is not there', async () => {
    const built = await buildFinanceDocument(database.db, scopeOf(dealerB + 1000), { document: 'ledger.csv', period, locale: 'en', t: documentTexts('en') });
    expect(built).toBeNull();
  });
});
