import { useLocale, useTranslations } from 'next-intl';
import type { Locale } from '@/drizzle/schema/values';
import type { SlaClock as Clock } from '@/lib/claims/queries';
import { formatDateTime } from '@/lib/i18n/format';
import { formatHours } from './duration';

const TONE = {
  past: 'bg-red-100 text-red-900',
  near: 'bg-amber-100 text-amber-900',
  ok: 'text-slate-800',
} as const;

/**
 * One SLA clock of a claim in the queue: working time left (or over) while it runs, red past the
 * deadline and amber near it; once stopped, when it was met.
 */
export function SlaClock({ kind, clock, doneAt }: { kind: 'first' | 'decision'; clock: Clock | null; doneAt: Date | null }) {
  const t = useTranslations('claimsHome');
  const locale = useLocale() as Locale;
  if (clock) {
    const time = formatHours(t, clock.workingHoursLeft);
    return (
      <span className="flex flex-col items-start gap-0.5" data-testid={`sla-${kind}`} data-state={clock.state}>
        <span className={`rounded-md font-semibold whitespace-nowrap tabular-nums ${clock.state === 'ok' ? '' : 'px-1.5 py-0.5'} ${TONE[clock.state]}`}>
          {clock.state === 'past' ? t('over', { time }) : t('left', { time })}
        </span>
        <span className="text-xs whitespace-nowrap text-slate-600">{t('due', { date: formatDateTime(clock.dueAt, locale) })}</span>
      </span>
    );
  }
  if (doneAt) {
    return (
      <span className="text-xs text-slate-600" data-testid={`sla-${kind}`} data-state="done">
        {t(kind === 'first' ? 'answered' : 'decided', { date: formatDateTime(doneAt, locale) })}
      </span>
    );
  }
  return (
    <span className="text-slate-500" data-testid={`sla-${kind}`} data-state="none">
      —
    </span>
  );
}
