import type { Locale } from '@/drizzle/schema/values';
import { intlLocale, TIME_ZONE } from '@/lib/i18n/config';

/** "Monday 9 June" / "Понеділок, 9 червня" of a YYYY-MM-DD date, as a day heading. */
export function formatDayHeading(day: string, locale: Locale): string {
  const text = new Intl.DateTimeFormat(intlLocale[locale], { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );
  return text.charAt(0).toLocaleUpperCase(intlLocale[locale]) + text.slice(1);
}

/** "9 June" of a YYYY-MM-DD date. */
export function formatDayShort(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
}

/** The time of day in the factory's time zone, "07:40". */
export function formatTimeOfDay(value: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { timeStyle: 'short', timeZone: TIME_ZONE }).format(value);
}
