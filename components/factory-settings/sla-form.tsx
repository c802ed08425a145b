'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { saveSlaAction, type SettingsFormState } from '@/lib/settings/form-actions';
import type { SlaPolicyRow } from '@/lib/settings/queries';
import { BUTTON, FIELD, FieldError, FormOutcome } from './form-bits';

const IDLE: SettingsFormState = { status: 'idle' };
const FIELDS = ['firstResponseHours', 'decisionHours'] as const;

/** Working hours to the first answer and to the decision, per claim category. */
export function SlaForm({ policies }: { policies: SlaPolicyRow[] }) {
  const t = useTranslations('settings.sla');
  const tCategory = useTranslations('claimCategory');
  const [state, action, pending] = useActionState(saveSlaAction, IDLE);
  const errors = state.status === 'error' ? state.fields : {};
  const values = state.status === 'error' ? state.values : null;
  return (
    <form action={action} noValidate className="flex flex-col gap-3" data-testid="sla-form">
      <div className="grid grid-cols-2 items-end gap-x-3 gap-y-2 md:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)_minmax(0,1fr)]">
        <span className="hidden text-xs font-medium text-slate-600 uppercase md:block">{t('category')}</span>
        {FIELDS.map((f) => (
          <span key={f} className="hidden text-xs font-medium text-slate-600 uppercase md:block">
            {t(f)}
          </span>
        ))}
        {policies.map((policy) => (
          <fieldset key={policy.category} className="contents" data-testid="sla-row" data-category={policy.category}>
            <legend className="col-span-2 pt-2 font-medium md:col-span-1 md:pt-0">{tCategory(policy.category)}</legend>
            {FIELDS.map((f) => {
              const name = `${policy.category}.${f}`;
              const id = `sla-${policy.category}-${f}`;
              return (
                <div key={f} className="flex min-w-0 flex-col gap-1">
                  <label htmlFor={id} className="text-sm text-slate-700 md:sr-only">
                    {t(f)}
                  </label>
                  <input
                    id={id}
                    name={name}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={2000}
                    step={1}
                    required
                    defaultValue={values?.[name] ?? String(policy[f])}
                    aria-invalid={errors[name] ? true : undefined}
                    aria-describedby={errors[name] ? `${id}-error` : undefined}
                    className={`${FIELD} tabular-nums`}
                  />
                  <FieldError id={`${id}-error`} code={errors[name]} />
                </div>
              );
            })}
          </fieldset>
        ))}
      </div>
      <p className="text-xs text-slate-600">{t('note')}</p>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={BUTTON} data-testid="sla-save">
          {t('save')}
        </button>
        <FormOutcome state={state} testId="sla" />
      </div>
    </form>
  );
}
