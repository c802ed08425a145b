import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, ledgerEntries } from '@/drizzle/schema';
import type { Actor } from '@/lib/auth/actor';
import { ForbiddenError } from '@/lib/auth/scope';
import { createTestDatabase } from '@/lib/testing/database';
import { FileError, fileFingerprint, MAX_FILE_BYTES, readAccountingFile } from './accounting-file';
import { applyAccountingRows, previewAccountingRows } from './accounting-import';
import { dealerEvent, ledgerEvent, prepareSyncDatabase, send, TOKENS } from './testing/fixtures';

const factory: Actor = { userId: '00000000-0000-4000-8000-000000000001', role: 'factory', dealerId: null, name: 'F', email: 'f@x', locale: null };
const encode = (text: string) => new TextEncoder().encode(text);

const CSV = [
  'document_id;dealer_code;kind;amount;currency;date;due_date;order_number;document',
  'INV-100;D-10;invoice;1 250,50;UAH;20.11.2026;04.12.2026;;Рахунок № 100',
  'INV-101;D-10;invoice;900.00;UAH;2026-11-20;2026-11-27;;Рахунок № 101',
  'INV-102;D-10;invoice;300.00;UAH;2026-11-20;;;',
  'INV-103;D-99;invoice;10.00;UAH;2026-11-20;;;',
  'INV-104;D-10;invoice;12.345;UAH;2026-11-20;;;',
  'INV-100;D-10;invoice;1.00;UAH;2026-11-20;;;',
  '',
].join('\r\n');

describe('weekly accounting file', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    await prepareSyncDatabase(database.db);
    await send(database.db, [dealerEvent('D-10', '10101010', 0)]);
    await send(
      database.db,
      [
        ledgerEvent('INV-101', 'D-10', 'invoice', '800.00', 1, { dueDate: '2026-11-27' }),
        ledgerEvent('INV-102', 'D-10', 'invoice', '300.00', 1),
      ],
      TOKENS.accounting,
    );
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('previews new, changed, unchanged and invalid rows with reasons, changing nothing', async () => {
    const rows = await readAccountingFile(encode(CSV));
    const preview = await previewAccountingRows(database.db, factory, rows);
    expect(preview.counts).toEqual({ new: 1, changed: 1, unchanged: 1, invalid: 3 });
    const byLine = Object.fromEntries(preview.rows.map((r) => [r.line, r]));
    expect(byLine[2]).toMatchObject({ status: 'new', amount: '1250.50', dueDate: '2026-12-04' });
    expect(byLine[3]).toMatchObject({ status: 'changed', previousAmount: '800.00', amount: '900.00' });
    expect(byLine[4]).toMatchObject({ status: 'unchanged' });
    expect(byLine[5]?.error).toMatch(/dealer D-99 is not known/);
    expect(byLine[6]?.error).toMatch(/amount/);
    expect(byLine[7]?.error).toMatch(/already on line 2/);
    expect(await database.db.select().from(ledgerEntries).where(eq(ledgerEntries.documentId, 'INV-100'))).toHaveLength(0);
  });

  it('applies only on request, through the sync path, and a second time changes nothing', async () => {
    const bytes = encode(CSV);
    const rows = await readAccountingFile(bytes);
    const result = await applyAccountingRows(database.db, factory, rows, fileFingerprint(bytes));
    expect(result).toMatchObject({ accepted: 2, duplicates: 0, rejected: [] });
    const entries = await database.db.select().from(ledgerEntries).where(eq(ledgerEntries.source, 'accounting'));
    expect(entries.find((e) => e.documentId === 'INV-100')).toMatchObject({ amount: '1250.50', effect: '1250.50', dueDate: '2026-12-04' });
    expect(entries.find((e) => e.documentId === 'INV-101')).toMatchObject({ amount: '900.00' });
    const again = await previewAccountingRows(database.db, factory, rows);
    expect(again.counts).toEqual({ new: 0, changed: 0, unchanged: 3, invalid: 3 });
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, 'accounting_file.applied'));
    expect(audit).toHaveLength(1);
  });

  it('reads an Excel workbook the same way', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Платежі');
    sheet.addRow(['Document ID', 'Dealer code', 'Kind', 'Amount', 'Date', 'Due date']);
    sheet.addRow(['PAY-200', 'D-10', 'payment', 500.25, new Date(Date.UTC(2026, 10, 21)), null]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const rows = await readAccountingFile(bytes);
    expect(rows).toEqual([{ line: 2, ok: true, entry: expect.objectContaining({ id: 'PAY-200', kind: 'payment', amount: '500.25', date: '2026-11-21' }) }]);
  });

  it('refuses files it cannot use, with reasons, and other roles', async () => {
    await expect(readAccountingFile(new Uint8Array(MAX_FILE_BYTES + 1))).rejects.toBeInstanceOf(FileError);
    await expect(readAccountingFile(encode('a;b;c\n1;2;3\n'))).rejects.toThrow(/Columns missing: document_id, dealer_code, kind, amount, date/);
    await expect(readAccountingFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toThrow(/Excel/);
    await expect(readAccountingFile(new Uint8Array())).rejects.toThrow(/empty/);
    const dealerActor: Actor = { ...factory, role: 'dealer_owner', dealerId: 1 };
    await expect(previewAccountingRows(database.db, dealerActor, [])).rejects.toBeInstanceOf(ForbiddenError);
  });
});
