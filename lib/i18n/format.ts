import type { Locale } from '@/drizzle/schema/values';
import { intlLocale, TIME_ZONE } from './config';

// Money arrives as decimal strings and is formatted from the string itself (Intl formats a numeric
// string exactly), so no amount ever passes through a float.

const DECIMAL = /^-?\d+(\.\d+)?$/;

export function formatMoney(amount: string, currency: string, locale: Locale): string {
  if (!DECIMAL.test(amount)) throw new Error(`Not a decimal amount: "${amount}"`);
  return new Intl.NumberFormat(intlLocale[locale], {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(amount as Intl.StringNumericLiteral);
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale[locale]).format(value);
}

export function formatDate(value: Date | string, locale: Locale): string {
  const date = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T12:00:00Z` : value) : value;
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'medium', timeZone: TIME_ZONE }).format(date);
}

export function formatDateTime(value: Date | string, locale: Locale): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(intlLocale[locale], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  }).format(date);
}
