import type { Locale } from '@/drizzle/schema/values';
import { intlLocale } from '@/lib/i18n/config';

// How the finance documents write amounts, days and currencies. Amounts are formatted from the
// decimal string itself (Intl formats a numeric string exactly), never through a float.

/** The words of a document in the reader's language: the "financeDocuments" messages. */
export type DocumentTexts = (key: string, values?: Record<string, string | number>) => string;

const DECIMAL = /^-?\d+(\.\d+)?$/;

const amountFormats = new Map<Locale, Intl.NumberFormat>();

/** "12345.6" → "12 345,60" (uk, ru) or "12,345.60" (en): grouped, two decimals, no currency. */
export function formatAmount(amount: string, locale: Locale): string {
  if (!DECIMAL.test(amount)) throw new Error(`Not a decimal amount: "${amount}"`);
  let format = amountFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale[locale], { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    amountFormats.set(locale, format);
  }
  return format.format(amount as Intl.StringNumericLiteral);
}

const dayFormats = new Map<Locale, Intl.DateTimeFormat>();

/** A ledger day (YYYY-MM-DD) in figures: 31.03.2026 (uk, ru) or 31/03/2026 (en). */
export function formatDay(day: string, locale: Locale): string {
  let format = dayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale[locale], { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
    dayFormats.set(locale, format);
  }
  return format.format(new Date(`${day}T12:00:00Z`));
}

/** The currency as accounting writes it after an amount: "грн" in Ukrainian and Russian, "UAH" in English. */
export function currencyLabel(currency: string, locale: Locale): string {
  // ICU gives the sign (₴) for Ukrainian; documents spell the abbreviation.
  if (currency === 'UAH' && locale !== 'en') return 'грн';
  const parts = new Intl.NumberFormat(intlLocale[locale], { style: 'currency', currency }).formatToParts(0);
  return parts.find((part) => part.type === 'currency')?.value ?? currency;
}

/** Debit and credit of a line from its effect on the dealer's debt (positive: debit). */
export function debitCredit(effect: string): { debit: string | null; credit: string | null } {
  const trimmed = effect.trim();
  if (!DECIMAL.test(trimmed)) throw new Error(`Not a decimal amount: "${effect}"`);
  if (/^-?0*(\.0*)?$/.test(trimmed)) return { debit: null, credit: null };
  return trimmed.startsWith('-') ? { debit: null, credit: trimmed.slice(1) } : { debit: trimmed, credit: null };
}

/** A dealer code or period safe for a file name: letters, digits, dashes. */
export function fileNamePart(text: string): string {
  return text.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'dealer';
}
