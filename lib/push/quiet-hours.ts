import { TIME_ZONE } from '@/lib/i18n/config';

// Quiet hours for push: from `quietFrom` to `quietTo`, minutes after midnight factory time
// (Europe/Kyiv), the start included and the end not. They may wrap midnight (22:00–07:00). Equal
// ends or a missing one: no quiet hours. Pure, for the push sender and its tests.

const MINUTES_PER_DAY = 24 * 60;

const clock = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Minutes after midnight on the factory's clock at this instant (DST included). */
export function kyivMinuteOfDay(at: Date): number {
  const parts = clock.formatToParts(at);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
  return (hour % 24) * 60 + minute;
}

export function isWithinQuietHours(at: Date, quietFrom: number | null | undefined, quietTo: number | null | undefined): boolean {
  if (quietFrom == null || quietTo == null) return false;
  const from = ((quietFrom % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  const to = ((quietTo % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  if (from === to) return false;
  const now = kyivMinuteOfDay(at);
  return from < to ? now >= from && now < to : now >= from || now < to;
}
