import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { formatDateTime } from '@/lib/i18n/format';
import type { Progress, TimelineStep } from '@/lib/orders/detail';

const DOT: Record<TimelineStep['state'], string> = {
  done: 'border-brand-700 bg-brand-700 text-white',
  current: 'border-brand-700 bg-white text-brand-700 ring-4 ring-brand-100',
  upcoming: 'border-slate-300 bg-white text-slate-500',
};

function ProgressBar({ progress, label, text }: { progress: Progress; label: string; text: string }) {
  return (
    <div className="mt-2 flex flex-col gap-1">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.done}
        aria-valuetext={text}
        className="h-2.5 w-full max-w-xs overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-brand-700" style={{ width: `${progress.percent}%` }} />
      </div>
      <p className="text-sm font-medium text-slate-800" data-testid="order-progress">
        {text}
      </p>
    </div>
  );
}

/** The stages of the order, top to bottom, each with when it was reached. */
export async function DetailTimeline({ steps }: { steps: TimelineStep[] }) {
  const t = await getTranslations('orderDetail');
  const locale = (await getLocale()) as Locale;
  return (
    <section aria-labelledby="order-timeline" className="rounded-2xl border border-slate-200 bg-white p-4 md:p-5">
      <h2 id="order-timeline" className="text-base font-semibold">
        {t('timelineTitle')}
      </h2>
      <ol className="mt-3 flex flex-col" data-testid="order-timeline">
        {steps.map((step, i) => {
          const cancelled = step.stage === 'cancelled';
          const last = i === steps.length - 1;
          return (
            <li
              key={step.stage}
              data-stage={step.stage}
              data-state={step.state}
              aria-current={step.state === 'current' ? 'step' : undefined}
              className="relative grid grid-cols-[1.75rem_minmax(0,1fr)] gap-x-3 pb-4 last:pb-0"
            >
              {last ? null : (
                <span aria-hidden="true" className={`absolute top-7 bottom-0 left-[0.8125rem] w-0.5 ${step.state === 'done' ? 'bg-brand-700' : 'bg-slate-200'}`} />
              )}
              <span
                aria-hidden="true"
                className={`relative z-[1] flex h-7 w-7 items-center justify-center rounded-full border-2 text-xs font-bold ${
                  cancelled ? 'border-slate-500 bg-slate-100 text-slate-700' : DOT[step.state]
                }`}
              >
                {cancelled ? '×' : step.state === 'done' ? '✓' : i + 1}
              </span>
              <div className="min-w-0 pt-0.5">
                <p className={`font-medium ${step.state === 'upcoming' ? 'text-slate-600' : 'text-slate-900'}`}>
                  {t(`stage.${step.stage}`)}
                  {step.state === 'current' ? <span className="sr-only"> ({t('currentStage')})</span> : null}
                </p>
                <p className="text-sm text-slate-600">
                  {step.at ? (
                    <time dateTime={step.at.toISOString()}>{formatDateTime(step.at, locale)}</time>
                  ) : step.state === 'upcoming' ? (
                    t('notYet')
                  ) : (
                    t('dateUnknown')
                  )}
                </p>
                {step.progress ? (
                  <ProgressBar progress={step.progress} label={t('progressLabel')} text={t('progress', { done: step.progress.done, total: step.progress.total })} />
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
