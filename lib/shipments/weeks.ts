import { addDays, factoryToday } from '@/lib/calendar';

export type DayRange = { from: string; to: string };

/** 0 = Monday … 6 = Sunday, of a YYYY-MM-DD date. */
function mondayBasedWeekday(day: string): number {
  return (new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7;
}

/**
 * This week and next, as the factory's calendar counts them (Monday to Sunday, Europe/Kyiv):
 * the Monday of the week `now` falls in, and the Sunday thirteen days after it.
 */
export function thisWeekAndNext(now: Date = new Date()): DayRange {
  const today = factoryToday(now);
  const from = addDays(today, -mondayBasedWeekday(today));
  return { from, to: addDays(from, 13) };
}
