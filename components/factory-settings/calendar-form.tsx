'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { CalendarSettings } from '@/lib/settings/calendar';
import { saveCalendarAction, type SettingsFormState } from '@/lib/settings/form-actions';
import { timeOf } from '@/lib/settings/schemas';
import { BUTTON, FIELD, FieldError, FormOutcome, LABEL } from './form-bits';

const IDLE: SettingsFormState = { status: 'idle' };
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The days and hours the SLA clocks run, holidays and extra working days. */
export function CalendarForm({ calendar }: { calendar: CalendarSettings }) {
  const t = useTranslations('settings.calendar');
  const [state, action, pending] = useActionState(saveCalendarAction, IDLE);
  const errors = state.status === 'error' ? state.fields : {};
  const values = state.status === 'error' ? state.values : null;
  const workDays = values ? (values.workDays ?? '').split(',').filter(Boolean).map(Number) : calendar.workDays;
  const described = (name: string) => (errors[name] ? `cal-${name}-error` : undefined);
  return (
    <form action={action} noValidate className="flex flex-col gap-4" data-testid="calendar-form">
      <fieldset className="flex flex-col gap-2" aria-describedby={described('workDays')}>
        <legend className={LABEL}>{t('workDays')}</legend>
        <div className="flex flex-wrap gap-2">
          {WEEKDAYS.map((day) => (
            <label key={day} className="flex min-h-11 items-center gap-2 rounded-lg border border-slate-200 px-3">
              <input type="checkbox" name="workDays" value={day} defaultChecked={workDays.includes(day)} className="size-5 accent-brand-700" />
              <span>{t(`weekday.${day}`)}</span>
            </label>
          ))}
        </div>
        <FieldError id="cal-workDays-error" code={errors.workDays} />
      </fieldset>
      <div className="grid grid-cols-2 gap-3 sm:max-w-md">
        {(['opensAt', 'closesAt'] as const).map((name) => (
          <div key={name} className="flex min-w-0 flex-col gap-1.5">
            <label htmlFor={`cal-${name}`} className={LABEL}>
              {t(name)}
            </label>
            <input
              id={`cal-${name}`}
              name={name}
              type="time"
              required
              defaultValue={values?.[name] ?? timeOf(name === 'opensAt' ? calendar.openMinute : calendar.closeMinute)}
              aria-invalid={errors[name] ? true : undefined}
              aria-describedby={described(name)}
              className={`${FIELD} tabular-nums`}
              data-testid={`cal-${name}`}
            />
            <FieldError id={`cal-${name}-error`} code={errors[name]} />
          </div>
        ))}
      </div>
      <label className="flex min-h-11 items-start gap-3">
        <input
          type="checkbox"
          name="publicHolidays"
          defaultChecked={values ? values.publicHolidays === 'on' : calendar.publicHolidays}
          className="mt-0.5 size-5 shrink-0 accent-brand-700"
          data-testid="cal-publicHolidays"
        />
        <span className="flex flex-col">
          <span className="font-medium">{t('publicHolidays')}</span>
          <span className="text-sm text-slate-600">{t('publicHolidaysHint')}</span>
        </span>
      </label>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {(['extraHolidays', 'extraWorkingDays'] as const).map((name) => (
          <div key={name} className="flex min-w-0 flex-col gap-1.5">
            <label htmlFor={`cal-${name}`} className={LABEL}>
              {t(name)}
            </label>
            <textarea
              id={`cal-${name}`}
              name={name}
              rows={4}
              spellCheck={false}
              placeholder="2026-12-31"
              defaultValue={values?.[name] ?? calendar[name].join('\n')}
              aria-invalid={errors[name] ? true : undefined}
              aria-describedby={errors[name] ? `cal-${name}-error` : `cal-${name}-hint`}
              className={`${FIELD} py-2 font-mono text-sm`}
              data-testid={`cal-${name}`}
            />
            {errors[name] ? null : (
              <p id={`cal-${name}-hint`} className="text-xs text-slate-600">
                {t(`${name}Hint`)}
              </p>
            )}
            <FieldError id={`cal-${name}-error`} code={errors[name]} />
          </div>
        ))}
      </div>
      <p className="text-xs text-slate-600">{t('note')}</p>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={BUTTON} data-testid="calendar-save">
          {t('save')}
        </button>
        <FormOutcome state={state} testId="calendar" />
      </div>
    </form>
  );
}
