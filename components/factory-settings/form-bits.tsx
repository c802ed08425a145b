'use client';

import { useTranslations } from 'next-intl';
import type { SettingsFormState } from '@/lib/settings/form-actions';

export const FIELD =
  'min-h-11 w-full min-w-0 rounded-lg border bg-white px-3 text-base focus:ring-2 focus:outline-none aria-invalid:border-red-600 aria-invalid:focus:ring-red-100 border-slate-300 focus:border-brand-600 focus:ring-brand-100';
export const LABEL = 'text-sm font-medium text-slate-700';
export const BUTTON = 'min-h-11 rounded-lg bg-brand-700 px-5 text-base font-semibold text-white hover:bg-brand-800 disabled:opacity-60';

/** A field's error in words, below the field (`settings.error.<code>`). */
export function FieldError({ id, code }: { id: string; code: string | undefined }) {
  const t = useTranslations('settings.error');
  if (!code) return null;
  return (
    <p id={id} className="text-sm text-red-800" data-testid="settings-field-error">
      {t.has(code) ? t(code) : t('invalid')}
    </p>
  );
}

/** Saved, nothing to save, or what went wrong for the whole form. */
export function FormOutcome({ state, testId }: { state: SettingsFormState; testId: string }) {
  const t = useTranslations('settings');
  if (state.status === 'saved') {
    return (
      <p role="status" className="text-sm text-green-800" data-testid={`${testId}-saved`}>
        {t(state.changed ? 'saved' : 'unchanged')}
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <p role="alert" className="text-sm text-red-800" data-testid={`${testId}-error`}>
        {t(`failure.${state.error}`)}
      </p>
    );
  }
  return null;
}
