import type { Locale } from '@/drizzle/schema/values';
import { intlLocale } from '@/lib/i18n/config';

// Amounts in the receivables table: grouped, two decimals, no currency sign (the page names the
// currency once), formatted from the decimal string itself so no float is involved.

const DECIMAL = /^-?\d+(\.\d+)?$/;

export function formatAmount(amount: string, locale: Locale): string {
  if (!DECIMAL.test(amount)) throw new Error(`Not a decimal amount: "${amount}"`);
  return new Intl.NumberFormat(intlLocale[locale], { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount as Intl.StringNumericLiteral);
}

/** Whether a decimal string is more than zero. */
export function isPositive(amount: string): boolean {
  return DECIMAL.test(amount) && !amount.startsWith('-') && /[1-9]/.test(amount);
}
