// Durations on the claims desk in words of the reader's language: SLA clocks in working hours
// ("3 h 20 min left"), the age of a claim in calendar time ("2 d 5 h").

type Translate = (key: string, values?: Record<string, string | number>) => string;

const MINUTE_MS = 60_000;

/** Hours and minutes, e.g. "3 h 20 min", "45 min", "2 h" (keys durationH/durationM/durationHm). */
export function formatHours(t: Translate, hours: number): string {
  const minutes = Math.round(Math.abs(hours) * 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return t('durationM', { m });
  if (m === 0) return t('durationH', { h });
  return t('durationHm', { h, m });
}

/** Calendar time since a moment: days and hours, or hours and minutes within the first day. */
export function formatAge(t: Translate, since: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - since.getTime()) / MINUTE_MS));
  const d = Math.floor(minutes / (24 * 60));
  if (d === 0) return formatHours(t, minutes / 60);
  const h = Math.floor((minutes % (24 * 60)) / 60);
  return h === 0 ? t('durationD', { d }) : t('durationDh', { d, h });
}
