import { getLocale, getTranslations } from 'next-intl/server';
import type { ClaimStatus, Locale } from '@/drizzle/schema/values';
import type { ClaimDetail } from '@/lib/claims/detail';
import { slaState, workingHoursBetween, type SlaState, type WorkingCalendar } from '@/lib/claims/sla';
import { formatDateTime } from '@/lib/i18n/format';

const TONE: Record<SlaState, string> = {
  past: 'border-red-300 bg-red-50 text-red-900',
  near: 'border-amber-300 bg-amber-50 text-amber-900',
  ok: 'border-slate-200 bg-white text-slate-900',
};
const UNDECIDED: readonly ClaimStatus[] = ['submitted', 'in_review', 'info_requested'];

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Working hours and minutes in words, e.g. "3 h 20 min". */
function hoursInWords(t: Translate, hours: number): string {
  const minutes = Math.round(Math.abs(hours) * 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return t('durationM', { m });
  if (m === 0) return t('durationH', { h });
  return t('durationHm', { h, m });
}

async function Clock({ kind, dueAt, doneAt, running, now, calendar }: { kind: 'first' | 'decision'; dueAt: Date | null; doneAt: Date | null; running: boolean; now: Date; calendar: WorkingCalendar }) {
  const t = await getTranslations('claimDesk.sla');
  const locale = (await getLocale()) as Locale;
  const label = t(kind === 'first' ? 'firstResponse' : 'decision');
  let state: SlaState | 'done' | 'none' = 'none';
  let main = t('none');
  let sub: string | null = null;
  if (doneAt) {
    state = 'done';
    const late = dueAt !== null && doneAt.getTime() > dueAt.getTime();
    main = t(kind === 'first' ? 'answeredAt' : 'decidedAt', { date: formatDateTime(doneAt, locale) });
    sub = dueAt ? t(late ? 'late' : 'inTime', { date: formatDateTime(dueAt, locale) }) : null;
  } else if (dueAt && running) {
    state = slaState(dueAt, now, calendar);
    const time = hoursInWords(t, workingHoursBetween(now, dueAt, calendar));
    main = state === 'past' ? t('over', { time }) : t('left', { time });
    sub = t('due', { date: formatDateTime(dueAt, locale) });
  } else if (dueAt) {
    main = t('stopped');
  }
  const tone = state === 'past' || state === 'near' || state === 'ok' ? TONE[state] : TONE.ok;
  return (
    <div className={`flex min-w-0 flex-col gap-0.5 rounded-xl border px-3 py-2 ${tone}`} data-testid={`sla-${kind}`} data-state={state}>
      <span className="text-xs font-medium opacity-80">{label}</span>
      <span className="font-semibold tabular-nums">{main}</span>
      {sub ? <span className="text-xs opacity-80">{sub}</span> : null}
    </div>
  );
}

/**
 * The claim's two SLA clocks: time to first response until the desk first answered, time to a
 * decision while undecided; red past the deadline, amber within two working hours of it.
 */
export function SlaClocks({ status, sla, now }: { status: ClaimStatus; sla: NonNullable<ClaimDetail['sla']>; now: Date }) {
  return (
    <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
      <Clock kind="first" dueAt={sla.firstResponseDueAt} doneAt={sla.firstResponseAt} running={status !== 'closed'} now={now} calendar={sla.calendar} />
      <Clock kind="decision" dueAt={sla.decisionDueAt} doneAt={sla.decidedAt} running={UNDECIDED.includes(status)} now={now} calendar={sla.calendar} />
    </div>
  );
}
