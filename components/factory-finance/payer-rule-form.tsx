'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { savePayerRuleAction, type RuleFormState } from '@/lib/finance/receivables-actions';
import { PAYER_RULE_FIELDS, type PayerRule } from '@/lib/finance/payer-rule';

const LIMITS: Record<keyof PayerRule, { min: number; max: number }> = {
  lookbackMonths: { min: 1, max: 36 },
  graceDays: { min: 0, max: 60 },
  hesitantAvgDays: { min: 0, max: 365 },
  hesitantLatePercent: { min: 0, max: 100 },
  unreliableAvgDays: { min: 0, max: 365 },
  unreliableLatePercent: { min: 0, max: 100 },
};

/** An administrator changes the thresholds; every dealer's category is recomputed on saving. */
export function PayerRuleForm({ rule }: { rule: PayerRule }) {
  const t = useTranslations('factoryFinance.rule');
  const [state, action, pending] = useActionState<RuleFormState, FormData>(savePayerRuleAction, { status: 'idle' });
  const values = state.status === 'error' ? state.values : null;
  return (
    <form action={action} noValidate className="flex flex-col gap-3" data-testid="payer-rule-form">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {PAYER_RULE_FIELDS.map((key) => {
          const error = state.status === 'error' ? state.fields[key] : undefined;
          const id = `rule-${key}`;
          return (
            <div key={key} className="flex min-w-0 flex-col gap-1.5">
              <label htmlFor={id} className="text-sm font-medium text-slate-700">
                {t(`field.${key}`)}
              </label>
              <input
                id={id}
                name={key}
                type="number"
                inputMode="numeric"
                min={LIMITS[key].min}
                max={LIMITS[key].max}
                step={1}
                required
                defaultValue={values?.[key] ?? String(rule[key])}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                className={`min-h-11 w-full min-w-0 rounded-lg border bg-white px-3 text-base tabular-nums focus:ring-2 focus:outline-none ${
                  error ? 'border-red-600 focus:ring-red-100' : 'border-slate-300 focus:border-brand-600 focus:ring-brand-100'
                }`}
              />
              {error ? (
                <p id={`${id}-error`} className="text-sm text-red-800">
                  {t(`fieldError.${error === 'belowHesitant' ? 'belowHesitant' : 'outOfRange'}`, LIMITS[key])}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className="min-h-11 rounded-lg bg-brand-700 px-5 text-base font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {pending ? t('saving') : t('save')}
        </button>
        {state.status === 'saved' ? (
          <p role="status" className="text-sm text-green-800" data-testid="payer-rule-saved">
            {t('saved', { count: state.changed })}
          </p>
        ) : null}
        {state.status === 'error' && state.error !== 'invalid' ? (
          <p role="alert" className="text-sm text-red-800">
            {t(`error.${state.error}`)}
          </p>
        ) : null}
      </div>
    </form>
  );
}
