import { TIME_ZONE } from '@/lib/i18n/config';

// The factory schedules announcements in its own time (Kyiv), whatever the browser's zone: the
// form's `datetime-local` value is read and written as Kyiv wall-clock time.

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function wallClock(date: Date): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const get = (type: string) => Number(parts.formatToParts(date).find((p) => p.type === type)?.value);
  return { y: get('year'), mo: get('month'), d: get('day'), h: get('hour'), mi: get('minute'), s: get('second') };
}

/** Kyiv's offset from UTC at this instant, in milliseconds. */
function offsetAt(ms: number): number {
  const w = wallClock(new Date(ms));
  return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - Math.floor(ms / 1000) * 1000;
}

/** "2026-12-01T09:30" in Kyiv → the instant; null when it is not such a value or not a real time. */
export function kyivLocalToDate(value: string): Date | null {
  const m = LOCAL.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(asUtc);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return null;
  // Twice, for the hour around a clock change.
  let ms = asUtc - offsetAt(asUtc);
  ms = asUtc - offsetAt(ms);
  return new Date(ms);
}

/** The instant as a `datetime-local` value in Kyiv time. */
export function dateToKyivLocal(date: Date): string {
  const w = wallClock(date);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${w.y}-${two(w.mo)}-${two(w.d)}T${two(w.h)}:${two(w.mi)}`;
}
