'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useRef } from 'react';
import { saveDeliverySettingsAction, type DeliveryState } from '@/lib/notifications/form-actions';
import { EMAIL_MODE_CHOICES } from '@/lib/notifications/schemas';
import type { DeliverySettings } from '@/lib/notifications/settings';

const IDLE: DeliveryState = { status: 'idle' };

const OPTION =
  'flex min-h-11 min-w-0 cursor-pointer items-start gap-3 rounded-lg border border-slate-300 bg-white px-3 py-2.5 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600';

/**
 * How e-mail notifications arrive (each at once, a daily or a weekly digest) and the quiet hours
 * for push. A plain form: it works before the script has loaded.
 */
export function DeliveryForm({ settings }: { settings: DeliverySettings }) {
  const t = useTranslations('notifications.settings.delivery');
  const [state, action, pending] = useActionState(saveDeliverySettingsAction, IDLE);
  const hours = useRef<HTMLInputElement>(null);
  const errors = state.status === 'error' ? state.fields : {};
  const sent = state.status === 'error' ? state.values : null;
  const emailMode = sent?.emailMode ?? settings.emailMode;
  const quiet = sent ? sent.quiet === 'hours' : settings.quietFrom !== null;
  const described = (name: string) => (errors[name as keyof typeof errors] ? `delivery-${name}-error` : undefined);
  const fieldError = (name: 'emailMode' | 'quietFrom' | 'quietTo') =>
    errors[name] ? (
      <p id={`delivery-${name}-error`} className="text-sm text-red-800" data-testid={`delivery-${name}-error`}>
        {t(`fieldErrors.${errors[name]}`)}
      </p>
    ) : null;

  return (
    <form action={action} noValidate className="flex flex-col gap-5 rounded-2xl border border-slate-200 bg-white p-4" data-testid="delivery-settings">
      <fieldset className="flex min-w-0 flex-col gap-2" aria-describedby={described('emailMode')}>
        <legend className="mb-1 font-medium">{t('emailMode')}</legend>
        {EMAIL_MODE_CHOICES.map((mode) => (
          <label key={mode} className={OPTION}>
            <input
              type="radio"
              name="emailMode"
              value={mode}
              defaultChecked={emailMode === mode}
              className="mt-1 h-4 w-4 shrink-0 accent-brand-700"
              data-testid={`email-mode-${mode}`}
            />
            <span className="flex min-w-0 flex-col">
              <span className="font-medium break-words">{t(`modes.${mode}.label`)}</span>
              <span className="text-sm break-words text-slate-600">{t(`modes.${mode}.hint`)}</span>
            </span>
          </label>
        ))}
        <p className="text-sm text-slate-600">{t('criticalNote')}</p>
        {fieldError('emailMode')}
      </fieldset>

      <fieldset className="flex min-w-0 flex-col gap-2">
        <legend className="mb-1 font-medium">{t('quietTitle')}</legend>
        <p className="text-sm text-slate-600">{t('quietIntro')}</p>
        <label className={OPTION}>
          <input type="radio" name="quiet" value="none" defaultChecked={!quiet} className="mt-1 h-4 w-4 shrink-0 accent-brand-700" data-testid="quiet-none" />
          <span className="font-medium">{t('quietNone')}</span>
        </label>
        <div className="flex flex-col gap-3 rounded-lg border border-slate-300 px-3 py-2.5 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
          <label className="flex min-h-11 cursor-pointer items-center gap-3">
            <input
              ref={hours}
              type="radio"
              name="quiet"
              value="hours"
              defaultChecked={quiet}
              className="h-4 w-4 shrink-0 accent-brand-700"
              data-testid="quiet-hours"
            />
            <span className="font-medium">{t('quietOn')}</span>
          </label>
          <div className="grid grid-cols-2 gap-3">
            {(['quietFrom', 'quietTo'] as const).map((name) => (
              <div key={name} className="flex min-w-0 flex-col gap-1.5">
                <label htmlFor={`delivery-${name}`} className="text-sm font-medium text-slate-800">
                  {t(name)}
                </label>
                <input
                  id={`delivery-${name}`}
                  name={name}
                  type="time"
                  step={60}
                  defaultValue={sent?.[name] ?? settings[name] ?? ''}
                  // Choosing a time means wanting quiet hours.
                  onFocus={() => {
                    if (hours.current) hours.current.checked = true;
                  }}
                  aria-invalid={errors[name] ? true : undefined}
                  aria-describedby={described(name)}
                  className={`min-h-11 w-full min-w-0 rounded-lg border bg-white px-3 tabular-nums ${errors[name] ? 'border-red-600' : 'border-slate-300'}`}
                  data-testid={`delivery-${name}`}
                />
                {fieldError(name)}
              </div>
            ))}
          </div>
          <p className="text-sm text-slate-600">{t('quietHint')}</p>
        </div>
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="min-h-11 rounded-lg bg-brand-700 px-5 text-base font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
          data-testid="delivery-save"
        >
          {pending ? t('saving') : t('save')}
        </button>
        <p role="status" className="text-sm text-slate-700" data-testid="delivery-status">
          {state.status === 'saved' && !pending ? t('saved') : null}
        </p>
        {state.status === 'error' ? (
          <p role="alert" className="text-sm text-red-800" data-testid="delivery-error">
            {t(`errors.${state.error}`)}
          </p>
        ) : null}
      </div>
    </form>
  );
}
