import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { intlLocale, TIME_ZONE } from '@/lib/i18n/config';
import { AsOfLine } from './as-of-line';

/**
 * "As of 14:32, 30 Nov" under a page's title when the page is shown from the copy saved on the
 * device (offline, or the network was too slow): the moment its data was read. A page shown fresh
 * shows nothing. Rendered with the page, so the time is the time of this render. `className` places
 * the line where the page has no gap of its own around it.
 */
export async function AsOf({ className }: { className?: string } = {}) {
  const renderedAt = new Date();
  const [t, locale] = await Promise.all([getTranslations('pwa'), getLocale() as Promise<Locale>]);
  const options = { timeZone: TIME_ZONE } as const;
  const time = new Intl.DateTimeFormat(intlLocale[locale], { ...options, hour: '2-digit', minute: '2-digit' }).format(renderedAt);
  const date = new Intl.DateTimeFormat(intlLocale[locale], { ...options, day: 'numeric', month: 'short' }).format(renderedAt);
  return <AsOfLine renderedAt={renderedAt.toISOString()} label={t('asOf', { time, date })} className={className} />;
}
