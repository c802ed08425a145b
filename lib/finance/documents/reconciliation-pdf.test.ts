import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/drizzle/schema/values';
import en from '@/lib/i18n/messages/en.json';
import ru from '@/lib/i18n/messages/ru.json';
import uk from '@/lib/i18n/messages/uk.json';
import { factoryRequisites } from './factory';
import { fontPath } from './fonts';
import { currencyLabel, formatAmount, formatDay } from './format';
import { closingSentence, reconciliationPdf } from './reconciliation-pdf';
import { normaliseSpaces, pdfText } from './testing/pdf-text';
import { SAMPLE_DEALER, sampleLedger } from './testing/sample-ledger';
import { documentTexts } from './testing/texts';

const TITLES = { uk: 'Акт звірки взаєморозрахунків', ru: 'Акт сверки взаиморасчетов', en: 'Reconciliation statement' } as const;
const PAGE = { uk: 'Сторінка', ru: 'Страница', en: 'Page' } as const;

describe('reconciliation statement PDF', () => {
  for (const locale of LOCALES) {
    it(`holds the title, both sides, every entry and the closing balance in ${locale}`, async () => {
      // Opening 2,500.00 owed by the dealer; he pays more than he is invoiced, and still owes.
      const ledger = sampleLedger(12, 250_000n);
      expect(ledger.closingBalance).toBe('2314.80');
      const t = documentTexts(locale);
      const pdf = await reconciliationPdf(ledger, SAMPLE_DEALER, { locale, factory: factoryRequisites(locale), t });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const { pages, text, info } = await pdfText(pdf);

      expect(text).toContain(TITLES[locale]);
      expect(info.Title).toContain(TITLES[locale]);
      expect(text).toContain('ТОВ «Вікна Поділля»');
      expect(text).toContain(factoryRequisites(locale).legalName);
      expect(text).toContain(SAMPLE_DEALER.taxId);
      expect(text).toContain(normaliseSpaces(t('period', { from: formatDay(ledger.from, locale), to: formatDay(ledger.to, locale) })));
      // Every entry's document, and the balances and turnover in figures.
      for (const line of ledger.entries) if (line.document) expect(text).toContain(line.document);
      expect(text).toContain(normaliseSpaces(formatAmount('2500.00', locale)));
      expect(text).toContain(normaliseSpaces(formatAmount(ledger.closingBalance, locale)));
      expect(text).toContain(normaliseSpaces(formatAmount(ledger.turnover.debit, locale)));
      expect(text).toContain(normaliseSpaces(formatAmount(ledger.turnover.credit, locale)));
      // Who owes whom, in figures and in words.
      expect(text).toContain(normaliseSpaces(closingSentence(ledger, SAMPLE_DEALER.name, factoryRequisites(locale).legalName, locale, t)));
      // Signature blocks with stamp places, and page numbers.
      expect(text.split(t('stamp')).length - 1).toBe(2);
      expect(text).toContain(t('signFor.supplier'));
      expect(text).toContain(t('signFor.buyer'));
      expect(pages.at(-1)).toContain(normaliseSpaces(t('page', { page: pages.length, pages: pages.length })));
    });
  }

  it('breaks a long ledger across pages, repeating the table header and numbering every page', async () => {
    const ledger = sampleLedger(150);
    const t = documentTexts('uk');
    const { pages, text } = await pdfText(await reconciliationPdf(ledger, SAMPLE_DEALER, { locale: 'uk', factory: factoryRequisites('uk'), t }));
    expect(pages.length).toBeGreaterThanOrEqual(4);
    const debitHeader = t('column.debit', { currency: currencyLabel('UAH', 'uk') });
    pages.forEach((page, index) => {
      expect(page).toContain(`${PAGE.uk} ${index + 1} з ${pages.length}`);
      // Every page that carries table rows starts them under the header.
      if (/\d{2}\.\d{2}\.2026 (Рахунок|Оплата|Доставка|Компенсація|Коригування)/.test(page)) expect(page).toContain(debitHeader);
    });
    // All 150 rows, numbered in order, and the last one before the turnover.
    expect(text).toContain(`150 ${formatDay(ledger.entries[149]!.date, 'uk')}`);
    expect(text.indexOf(`150 ${formatDay(ledger.entries[149]!.date, 'uk')}`)).toBeLessThan(text.indexOf(t('turnover')));
  });

  it('says that nobody owes anything for a settled ledger, and prints an empty period', async () => {
    const ledger = { ...sampleLedger(0, 0n) };
    const t = documentTexts('ru');
    const { text } = await pdfText(await reconciliationPdf(ledger, SAMPLE_DEALER, { locale: 'ru', factory: factoryRequisites('ru'), t }));
    expect(text).toContain(t('noEntries'));
    expect(text).toContain('взаимной задолженности');
  });

  it('says the factory owes the dealer when the balance is negative', () => {
    const ledger = { ...sampleLedger(0, -123_456n) };
    const sentence = closingSentence(ledger, SAMPLE_DEALER.name, 'ТОВ «Оптима вікна та двері»', 'uk', documentTexts('uk'));
    expect(normaliseSpaces(sentence)).toBe(
      'Станом на 31.03.2026 заборгованість ТОВ «Оптима вікна та двері» перед ТОВ «Вікна Поділля» становить 1 234,56 грн (одна тисяча двісті тридцять чотири гривні 56 копійок).',
    );
  });

  it('has a glyph in the embedded font for every character the documents print', () => {
    // The font pdfkit embeds (its fontkit face): a missing glyph would print as an empty box.
    const doc = new PDFDocument({ font: fontPath('regular') });
    const face = (doc as unknown as { _font: { font: { hasGlyphForCodePoint(cp: number): boolean } } })._font.font;
    const strings: string[] = [];
    const collect = (value: unknown) => {
      if (typeof value === 'string') strings.push(value);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    for (const messages of [uk, ru, en]) collect(messages.financeDocuments);
    for (const locale of LOCALES) {
      collect(factoryRequisites(locale));
      strings.push(formatAmount('-1234567.89', locale), formatDay('2026-12-31', locale), currencyLabel('UAH', locale), currencyLabel('EUR', locale));
    }
    strings.push('ЄєІіЇїҐґ’ЁёЪъЫыЭэ№«»—–₴€$');
    const missing = new Set<string>();
    for (const text of strings) for (const char of text) if (!face.hasGlyphForCodePoint(char.codePointAt(0)!)) missing.add(char);
    expect([...missing]).toEqual([]);
  });
});
