import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '@/lib/files/limits';
import { jpeg, png } from '@/lib/files/test-photos';
import { cleanDocumentName, DocumentRefusedError, verifyDocument, zipEntryNames } from '@/lib/files/verify';
import { makeDocx, makeExe, makePdf, makeXlsx, makeZip } from './test-documents';

// Library documents are judged by their content: what passes, what is refused and why.

function refusal(run: () => unknown): DocumentRefusedError {
  try {
    run();
  } catch (err) {
    if (err instanceof DocumentRefusedError) return err;
    throw err;
  }
  throw new Error('expected the document to be refused');
}

const u8 = (b: Buffer | string) => (typeof b === 'string' ? new TextEncoder().encode(b) : new Uint8Array(b));

describe('verifyDocument', () => {
  it('takes a real PDF, workbook, Word document, JPEG and PNG', async () => {
    expect(verifyDocument(u8(await makePdf()), 'prices.pdf').mime).toBe('application/pdf');
    expect(verifyDocument(u8(await makeXlsx()), 'prices.xlsx').mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(verifyDocument(u8(makeDocx()), 'guide.docx').mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(verifyDocument(jpeg(40, 30), 'certificate.jpg')).toEqual({ mime: 'image/jpeg', sizeBytes: jpeg(40, 30).length, width: 40, height: 30 });
    expect(verifyDocument(png(10, 20), 'logo.png').mime).toBe('image/png');
  });

  it('refuses a program, a web page or a text named .pdf, by content', () => {
    expect(refusal(() => verifyDocument(u8(makeExe()), 'prices.pdf')).code).toBe('not_document');
    const html = refusal(() => verifyDocument(u8('<!DOCTYPE html><html><script>alert(1)</script></html>'), 'prices.pdf'));
    expect(html.code).toBe('not_document');
    expect(html.message).toContain('"prices.pdf" is not a PDF, XLSX, DOCX, JPEG or PNG');
    expect(refusal(() => verifyDocument(u8('just text %PDF-1.7'), 'a.pdf')).code).toBe('not_document');
  });

  it('refuses a plain ZIP and an Office file with macros', () => {
    expect(refusal(() => verifyDocument(u8(makeZip({ 'readme.txt': 'hello' })), 'prices.xlsx')).code).toBe('not_document');
    expect(refusal(() => verifyDocument(u8(makeDocx({ 'word/vbaProject.bin': 'macro' })), 'guide.docx')).code).toBe('not_document');
  });

  it('names a cut-short PDF or ZIP as damaged', async () => {
    const pdf = await makePdf();
    expect(refusal(() => verifyDocument(u8(pdf.subarray(0, pdf.length - 200)), 'cut.pdf')).code).toBe('damaged');
    const docx = makeDocx();
    expect(refusal(() => verifyDocument(u8(docx.subarray(0, docx.length - 30)), 'cut.docx')).code).toBe('damaged');
  });

  it('refuses an empty file and one over the limit, saying the limit', () => {
    expect(refusal(() => verifyDocument(new Uint8Array(0), 'empty.pdf')).code).toBe('empty');
    const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    big.set(u8('%PDF-1.7\n'));
    const tooLarge = refusal(() => verifyDocument(big, 'huge.pdf'));
    expect(tooLarge.code).toBe('too_large');
    expect(tooLarge.message).toContain('at most 25 MiB');
  });

  it('reads the names of a ZIP directory', () => {
    expect(zipEntryNames(u8(makeZip({ 'a.txt': 'a', 'папка/б.xml': 'b' })))).toEqual(['a.txt', 'папка/б.xml']);
    expect(zipEntryNames(u8('PK\x03\x04 not really'))).toBeNull();
  });
});

describe('cleanDocumentName', () => {
  it('keeps the name, drops folders and control characters, adds a missing extension', () => {
    expect(cleanDocumentName('C:\\docs\\Прайс 2026.pdf', 'application/pdf')).toBe('Прайс 2026.pdf');
    expect(cleanDocumentName('Прайс.PDF', 'application/pdf')).toBe('Прайс.PDF');
    expect(cleanDocumentName('prices.exe', 'application/pdf')).toBe('prices.exe.pdf');
    expect(cleanDocumentName('photo', 'image/jpeg')).toBe('photo.jpg');
    expect(cleanDocumentName('"a\u0000b".docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe('ab.docx');
    expect(cleanDocumentName('', 'application/pdf')).toBe('document.pdf');
    expect(cleanDocumentName(`${'x'.repeat(200)}.pdf`, 'application/pdf')).toBe(`${'x'.repeat(116)}.pdf`);
  });
});
