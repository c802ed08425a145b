import PDFDocument from 'pdfkit';
import type { Locale } from '@/drizzle/schema/values';
import type { DealerRequisites, Ledger, LedgerLine } from '@/lib/finance/ledger';
import { formatDateTime } from '@/lib/i18n/format';
import { decimalAbs, decimalSign } from '@/lib/money';
import { amountInWords } from './amount-in-words';
import type { FactoryRequisites } from './factory';
import { fontPath } from './fonts';
import { currencyLabel, debitCredit, formatAmount, formatDay, type DocumentTexts } from './format';

// The reconciliation statement ("акт звірки взаєморозрахунків"): A4, both sides' details, the
// opening balance, every entry with its debit (the dealer's debt grows) or credit, the turnover,
// the closing balance in figures and in words with who owes whom, and a signature block with a
// stamp place for each side. The table breaks across pages with its header repeated; every page
// carries its number. Drawn with pdfkit in DejaVu Sans Condensed (Cyrillic), from decimal strings.

export type ReconciliationOptions = {
  locale: Locale;
  factory: FactoryRequisites;
  t: DocumentTexts;
  /** When the document was made (its footer); now by default. */
  generatedAt?: Date;
  /** Deflate the page streams (default). Tests may switch it off to read the raw operators. */
  compress?: boolean;
};

const PAGE = { width: 595.28, height: 841.89 } as const;
const MARGIN = { top: 40, bottom: 50, left: 40, right: 40 } as const;
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE.height - MARGIN.bottom;
const PAD = 3;
const TABLE_SIZE = 8.5;
const GREY = '#555555';
/** Table rows laid out between two turns of the event loop. */
const YIELD_EVERY = 100;
const RULE = '#888888';

/** Table columns: №, date, document, debit, credit. */
const COLUMNS = (() => {
  const widths = [24, 58, 0, 86, 86];
  widths[2] = CONTENT_WIDTH - widths.reduce((a, b) => a + b, 0);
  let x = MARGIN.left;
  return widths.map((width) => {
    const column = { x, width };
    x += width;
    return column;
  });
})();

/**
 * Switches to a face by its file path. pdfkit keeps each opened font under the name it was asked
 * for, so the same path string every time means one parse per document (a registered alias for a
 * font already open as the document's first font would be parsed again on every switch).
 */
function face(doc: PDFKit.PDFDocument, weight: 'regular' | 'bold'): PDFKit.PDFDocument {
  return doc.font(fontPath(weight));
}

type Align = 'left' | 'right' | 'center';
/** `wrap`: the text may take several lines (names, documents); other cells hold one short line. */
type Cell = { text: string; span?: number; align?: Align; wrap?: boolean };
type RowStyle = { bold?: boolean; fill?: string };

class Writer {
  y = MARGIN.top;
  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly onNewPage: () => void = () => {},
  ) {}

  font(weight: 'regular' | 'bold', size: number): this {
    face(this.doc, weight).fontSize(size);
    return this;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = MARGIN.top;
    this.onNewPage();
  }

  /** Moves to a new page unless `height` more points fit on this one. */
  ensure(height: number): void {
    if (this.y + height > BOTTOM) this.newPage();
  }

  /** A paragraph across `width` at `x`, in the current font; returns its height. */
  paragraph(text: string, options: { x?: number; width?: number; align?: Align | 'justify'; color?: string; gap?: number } = {}): number {
    const width = options.width ?? CONTENT_WIDTH;
    const x = options.x ?? MARGIN.left;
    const height = this.doc.heightOfString(text, { width });
    this.ensure(height);
    this.doc.fillColor(options.color ?? 'black').text(text, x, this.y, { width, align: options.align ?? 'left' });
    this.y += height + (options.gap ?? 0);
    return height;
  }
}

/** Height of a text block at (x, y) written without moving the writer: for side-by-side columns. */
function block(doc: PDFKit.PDFDocument, lines: { text: string; bold?: boolean; size: number; color?: string }[], x: number, y: number, width: number): number {
  let top = y;
  for (const line of lines) {
    face(doc, line.bold ? 'bold' : 'regular').fontSize(line.size);
    const height = doc.heightOfString(line.text, { width });
    doc.fillColor(line.color ?? 'black').text(line.text, x, top, { width });
    top += height + 1;
  }
  return top - y;
}

function measureBlock(doc: PDFKit.PDFDocument, lines: { text: string; bold?: boolean; size: number }[], width: number): number {
  return lines.reduce((sum, line) => sum + face(doc, line.bold ? 'bold' : 'regular').fontSize(line.size).heightOfString(line.text, { width }) + 1, 0);
}

function tableRow(w: Writer, cells: Cell[], style: RowStyle, header: () => void): void {
  const { doc } = w;
  w.font(style.bold ? 'bold' : 'regular', TABLE_SIZE);
  let column = 0;
  const placed = cells.map((cell) => {
    const span = cell.span ?? 1;
    const first = COLUMNS[column]!;
    const last = COLUMNS[column + span - 1]!;
    column += span;
    return { ...cell, x: first.x, width: last.x + last.width - first.x };
  });
  // Only the cells that may wrap are measured: laying text out is the costly part of a long ledger.
  const oneLine = doc.currentLineHeight(true);
  const height = Math.max(oneLine, ...placed.filter((c) => c.wrap && c.text).map((c) => doc.heightOfString(c.text, { width: c.width - 2 * PAD }))) + 2 * PAD;
  if (w.y + height > BOTTOM) {
    w.newPage();
    header();
    w.font(style.bold ? 'bold' : 'regular', TABLE_SIZE);
  }
  if (style.fill) doc.rect(MARGIN.left, w.y, CONTENT_WIDTH, height).fill(style.fill);
  doc.lineWidth(0.5).strokeColor(RULE);
  for (const cell of placed) {
    doc.rect(cell.x, w.y, cell.width, height).stroke();
    if (cell.text) doc.fillColor('black').text(cell.text, cell.x + PAD, w.y + PAD, { width: cell.width - 2 * PAD, align: cell.align ?? 'left' });
  }
  w.y += height;
}

/** A balance as a (debit, credit) pair of cells: owed by the dealer on the left, to him on the right. */
function balanceCells(balance: string, locale: Locale): Cell[] {
  const sign = decimalSign(balance);
  const amount = formatAmount(decimalAbs(balance), locale);
  return [
    { text: sign >= 0 ? amount : '', align: 'right' },
    { text: sign < 0 ? amount : '', align: 'right' },
  ];
}

function documentText(line: LedgerLine, t: DocumentTexts): string {
  const kind = t(`kind.${line.kind}`);
  const main = line.document ? t('documentLine', { kind, document: line.document }) : kind;
  return line.orderNumber ? `${main}, ${t('orderLine', { order: line.orderNumber })}` : main;
}

function requisiteLines(title: string, name: string, details: (string | null)[]): { text: string; bold?: boolean; size: number; color?: string }[] {
  return [
    { text: title, size: 8, color: GREY },
    { text: name, bold: true, size: 9.5 },
    ...details.filter((d): d is string => Boolean(d)).map((text) => ({ text, size: 8.5 })),
  ];
}

/** The closing sentence: who owes whom as of the last day, in figures and in words. */
export function closingSentence(ledger: Ledger, dealerName: string, factoryName: string, locale: Locale, t: DocumentTexts): string {
  const sign = decimalSign(ledger.closingBalance);
  const date = formatDay(ledger.to, locale);
  if (sign === 0) return t('result.settled', { date, dealer: dealerName, factory: factoryName });
  const abs = decimalAbs(ledger.closingBalance);
  const amount = `${formatAmount(abs, locale)} ${currencyLabel(ledger.currency, locale)}`;
  const words = amountInWords(abs, ledger.currency, locale);
  return t(sign > 0 ? 'result.dealerOwes' : 'result.factoryOwes', { date, dealer: dealerName, factory: factoryName, amount, words });
}

function signatureBlock(doc: PDFKit.PDFDocument, x: number, y: number, width: number, side: { heading: string; name: string; position: string | null; person: string | null }, t: DocumentTexts): void {
  const caption = (text: string, cx: number, cy: number, cw: number) =>
    face(doc, 'regular').fontSize(6.5).fillColor(GREY).text(text, cx, cy, { width: cw, align: 'center' });
  const rule = (rx: number, ry: number, rw: number) => doc.lineWidth(0.5).strokeColor('black').moveTo(rx, ry).lineTo(rx + rw, ry).stroke();

  let top = y + block(doc, [{ text: side.heading, bold: true, size: 9 }, { text: side.name, size: 9 }], x, y, width) + 14;
  // Position.
  if (side.position) face(doc, 'regular').fontSize(9).fillColor('black').text(side.position, x, top - 11, { width, align: 'center' });
  rule(x, top, width);
  caption(t('position'), x, top + 1.5, width);
  top += 30;
  // Signature / name.
  const signWidth = width * 0.42;
  const nameX = x + signWidth + 10;
  const nameWidth = width - signWidth - 10;
  rule(x, top, signWidth);
  caption(t('signature'), x, top + 1.5, signWidth);
  if (side.person) face(doc, 'regular').fontSize(9).fillColor('black').text(side.person, nameX, top - 11, { width: nameWidth, align: 'center' });
  rule(nameX, top, nameWidth);
  caption(t('fullName'), nameX, top + 1.5, nameWidth);
  // The place for the stamp.
  const cx = x + 34;
  const cy = top + 44;
  doc.save().lineWidth(0.5).strokeColor(RULE).dash(2, { space: 2 }).circle(cx, cy, 27).stroke().undash().restore();
  face(doc, 'regular').fontSize(8).fillColor(GREY).text(t('stamp'), cx - 27, cy - 4, { width: 54, align: 'center' });
}

const SIGNATURE_HEIGHT = 150;

export async function reconciliationPdf(ledger: Ledger, dealer: DealerRequisites, options: ReconciliationOptions): Promise<Buffer> {
  const { locale, factory, t } = options;
  const title = t('title');
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    compress: options.compress ?? true,
    font: fontPath('regular'),
    lang: locale,
    displayTitle: true,
    info: {
      Title: `${title} ${dealer.code} ${ledger.from}..${ledger.to}`,
      Author: factory.legalName,
      Subject: t('between', { factory: factory.legalName, dealer: dealer.name }),
      Creator: factory.legalName,
    },
  });

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const currency = currencyLabel(ledger.currency, locale);
  const header = () =>
    tableRow(
      w,
      [
        { text: t('column.number'), align: 'center', wrap: true },
        { text: t('column.date'), align: 'center', wrap: true },
        { text: t('column.document'), align: 'center', wrap: true },
        { text: t('column.debit', { currency }), align: 'center', wrap: true },
        { text: t('column.credit', { currency }), align: 'center', wrap: true },
      ],
      { bold: true, fill: '#ececec' },
      () => {},
    );
  const w = new Writer(doc);

  // Title and period.
  w.font('bold', 14).paragraph(title, { align: 'center', gap: 2 });
  w.font('regular', 10).paragraph(t('period', { from: formatDay(ledger.from, locale), to: formatDay(ledger.to, locale) }), { align: 'center', gap: 1 });
  w.font('regular', 10).paragraph(t('between', { factory: factory.legalName, dealer: dealer.name }), { align: 'center', gap: 12 });

  // Both sides' details, side by side.
  const half = (CONTENT_WIDTH - 20) / 2;
  const factoryLines = requisiteLines(t('supplier'), factory.legalName, [
    t('taxId', { value: factory.taxId }),
    t('address', { value: factory.address }),
    t('phone', { value: factory.phone }),
    t('email', { value: factory.email }),
    t('iban', { value: factory.iban }),
    t('bank', { value: factory.bank }),
  ]);
  const dealerAddress = [dealer.address, dealer.town, dealer.region].filter(Boolean).join(', ');
  const dealerLines = requisiteLines(t('buyer'), dealer.name, [
    t('taxId', { value: dealer.taxId }),
    t('dealerCode', { value: dealer.code }),
    dealerAddress ? t('address', { value: dealerAddress }) : null,
    dealer.phone ? t('phone', { value: dealer.phone }) : null,
    dealer.email ? t('email', { value: dealer.email }) : null,
  ]);
  const detailsHeight = Math.max(measureBlock(doc, factoryLines, half), measureBlock(doc, dealerLines, half));
  block(doc, factoryLines, MARGIN.left, w.y, half);
  block(doc, dealerLines, MARGIN.left + half + 20, w.y, half);
  w.y += detailsHeight + 12;

  w.font('regular', 9).paragraph(t('intro', { factory: factory.legalName, dealer: dealer.name }), { align: 'justify', gap: 8 });

  // The table: opening balance, every entry, turnover, closing balance.
  w.ensure(80);
  header();
  const table = (cells: Cell[], style: RowStyle = {}) => tableRow(w, cells, style, header);
  table([{ text: t('openingBalance', { date: formatDay(ledger.from, locale) }), span: 3, wrap: true }, ...balanceCells(ledger.openingBalance, locale)], { bold: true });
  if (ledger.entries.length === 0) table([{ text: t('noEntries'), span: 5, align: 'center', wrap: true }]);
  for (const [index, line] of ledger.entries.entries()) {
    const { debit, credit } = debitCredit(line.effect);
    table([
      { text: String(index + 1), align: 'right' },
      { text: formatDay(line.date, locale), align: 'center' },
      { text: documentText(line, t), wrap: true },
      { text: debit ? formatAmount(debit, locale) : '', align: 'right' },
      { text: credit ? formatAmount(credit, locale) : '', align: 'right' },
    ]);
    // A long ledger takes a while to lay out: let the server answer others in between.
    if (index % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
  }
  table(
    [
      { text: t('turnover'), span: 3, wrap: true },
      { text: formatAmount(ledger.turnover.debit, locale), align: 'right' },
      { text: formatAmount(ledger.turnover.credit, locale), align: 'right' },
    ],
    { bold: true, fill: '#f6f6f6' },
  );
  table([{ text: t('closingBalance', { date: formatDay(ledger.to, locale) }), span: 3, wrap: true }, ...balanceCells(ledger.closingBalance, locale)], { bold: true });

  w.y += 4;
  w.font('regular', 7.5).paragraph(t('columnsNote'), { color: GREY, gap: 10 });
  w.font('bold', 10).paragraph(closingSentence(ledger, dealer.name, factory.legalName, locale, t), { gap: 18 });

  // Signatures and stamp places of both sides.
  w.ensure(SIGNATURE_HEIGHT);
  signatureBlock(doc, MARGIN.left, w.y, half, { heading: t('signFor.supplier'), name: factory.legalName, position: factory.signatory.position, person: factory.signatory.name }, t);
  signatureBlock(doc, MARGIN.left + half + 20, w.y, half, { heading: t('signFor.buyer'), name: dealer.name, position: null, person: null }, t);

  // Page numbers and the generation stamp on every page, in the bottom margin.
  const range = doc.bufferedPageRange();
  const generated = t('generated', { when: formatDateTime(options.generatedAt ?? new Date(), locale) });
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = PAGE.height - 32;
    face(doc, 'regular').fontSize(7).fillColor(GREY);
    doc.text(`${dealer.code} · ${generated}`, MARGIN.left, y, { width: CONTENT_WIDTH * 0.7, lineBreak: false });
    doc.text(t('page', { page: i + 1, pages: range.count }), MARGIN.left + CONTENT_WIDTH * 0.7, y, { width: CONTENT_WIDTH * 0.3, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
