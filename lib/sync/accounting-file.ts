import { createHash } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { ledgerEntrySchema } from './schemas';

// The accounting system's weekly file of overdue and upcoming payments (CSV or XLSX). Each row is
// one ledger document and goes through the same path as a `ledger.entry` sync event. The columns
// are documented in README.md ("Weekly accounting file").

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_ROWS = 20_000;

/** Column → the header names accepted for it (case and spacing do not matter). */
const COLUMNS = {
  id: ['document_id', 'document id', 'id', 'номер документа', 'документ id'],
  dealerCode: ['dealer_code', 'dealer code', 'dealer', 'код дилера', 'дилер'],
  kind: ['kind', 'type', 'вид'],
  amount: ['amount', 'sum', 'сума', 'сумма'],
  currency: ['currency', 'валюта'],
  date: ['date', 'дата'],
  dueDate: ['due_date', 'due date', 'термін оплати', 'срок оплаты'],
  orderNumber: ['order_number', 'order number', 'order', 'замовлення', 'заказ'],
  document: ['document', 'document name', 'назва документа', 'название документа'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['id', 'dealerCode', 'kind', 'amount', 'date'];

export type FileRow =
  | { line: number; ok: true; entry: ReturnType<typeof ledgerEntrySchema.parse> }
  | { line: number; ok: false; error: string };

export class FileError extends Error {
  constructor(readonly code: 'too_large' | 'unreadable' | 'no_header' | 'missing_columns' | 'too_many_rows' | 'empty', message: string) {
    super(message);
    this.name = 'FileError';
  }
}

/** A stable fingerprint of the file: rows of the same file re-sent are duplicates, never doubled. */
export function fileFingerprint(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

const norm = (value: string) => value.trim().toLowerCase().replace(/\s+/g, ' ');

/** Reads the file (by its content, not its name) into rows, each valid or with its reason. */
export async function readAccountingFile(bytes: Uint8Array): Promise<FileRow[]> {
  if (bytes.byteLength > MAX_FILE_BYTES) throw new FileError('too_large', `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB.`);
  if (bytes.byteLength === 0) throw new FileError('empty', 'The file is empty.');
  const isXlsx = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const table = isXlsx ? await readXlsx(bytes) : readCsv(bytes);
  const [header, ...rows] = table;
  if (!header) throw new FileError('no_header', 'The file has no header row.');
  const index = {} as Record<Column, number>;
  for (const column of Object.keys(COLUMNS) as Column[]) {
    index[column] = header.findIndex((name) => (COLUMNS[column] as readonly string[]).includes(norm(name)));
  }
  const missing = REQUIRED.filter((c) => index[c] < 0);
  if (missing.length) {
    throw new FileError('missing_columns', `Columns missing: ${missing.map((c) => COLUMNS[c][0]).join(', ')}.`);
  }
  const filled = rows.map((cells, i) => ({ cells, line: i + 2 })).filter(({ cells }) => cells.some((c) => c.trim() !== ''));
  if (filled.length > MAX_ROWS) throw new FileError('too_many_rows', `The file has ${filled.length} rows; at most ${MAX_ROWS} are read at once.`);
  return filled.map(({ cells, line }) => {
    const value = (c: Column) => (index[c] >= 0 ? (cells[index[c]] ?? '').trim() : '');
    const candidate = {
      id: value('id'),
      dealerCode: value('dealerCode'),
      kind: value('kind').toLowerCase(),
      amount: value('amount').replace(/\s/g, '').replace(',', '.'),
      currency: value('currency').toUpperCase() || 'UAH',
      date: toIsoDate(value('date')),
      dueDate: value('dueDate') ? toIsoDate(value('dueDate')) : null,
      orderNumber: value('orderNumber') || null,
      document: value('document') || null,
    };
    const parsed = ledgerEntrySchema.safeParse(candidate);
    if (parsed.success) return { line, ok: true as const, entry: parsed.data };
    const issue = parsed.error.issues[0];
    return { line, ok: false as const, error: `${issue?.path.join('.') ?? 'row'}: ${issue?.message ?? 'invalid'}` };
  });
}

/** Accepts YYYY-MM-DD and DD.MM.YYYY (how accounting writes dates). */
function toIsoDate(value: string): string {
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  if (dotted) return `${dotted[3]}-${dotted[2]!.padStart(2, '0')}-${dotted[1]!.padStart(2, '0')}`;
  return value.slice(0, 10);
}

function readCsv(bytes: Uint8Array): string[][] {
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    return parseCsv(text, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (err) {
    throw new FileError('unreadable', `The file could not be read as CSV: ${(err as Error).message}`);
  }
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new FileError('unreadable', 'The file could not be read as an Excel workbook (.xlsx).');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new FileError('no_header', 'The workbook has no sheet.');
  const out: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const v = cell.value;
      cells[col - 1] =
        v instanceof Date
          ? v.toISOString().slice(0, 10)
          : typeof v === 'number'
            ? String(v)
            : v && typeof v === 'object' && 'result' in v
              ? String((v as { result: unknown }).result ?? '')
              : v && typeof v === 'object' && 'text' in v
                ? String((v as { text: unknown }).text)
                : String(v ?? '');
    });
    out.push(Array.from(cells, (c) => c ?? ''));
  });
  return out;
}
