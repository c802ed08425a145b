import type { Locale } from '@/drizzle/schema/values';
import { formatDate } from '@/lib/i18n/format';
import { intlLocale, TIME_ZONE } from '@/lib/i18n/config';
import type { Bucket, Granularity } from '@/lib/reports/period';

/** A bar's short label (under the chart) and full label (in the table): the day, or the week's days. */
export function bucketLabels(bucket: Bucket, granularity: Granularity, locale: Locale): { short: string; label: string } {
  const short = new Intl.DateTimeFormat(intlLocale[locale], { day: '2-digit', month: '2-digit', timeZone: TIME_ZONE }).format(new Date(`${bucket.start}T12:00:00Z`));
  if (granularity === 'day' || bucket.start === bucket.end) return { short, label: formatDate(bucket.start, locale) };
  return { short, label: `${formatDate(bucket.start, locale)} – ${formatDate(bucket.end, locale)}` };
}
