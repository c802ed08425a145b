'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormField } from '@/components/dealer-users/form-field';
import type { DealerFormState, DealerFormValues } from '@/lib/dealers/form-actions';
import {
  ADDRESS_MAX_LENGTH,
  CODE_MAX_LENGTH,
  COMMON_CURRENCIES,
  dealerHref,
  EMAIL_MAX_LENGTH,
  NAME_MAX_LENGTH,
  PHONE_MAX_LENGTH,
  REGION_MAX_LENGTH,
  TOWN_MAX_LENGTH,
} from '@/lib/dealers/schemas';

type Manager = { id: string; name: string; email: string };
type Initial = Required<Omit<DealerFormValues, 'active'>> & { active: boolean };

const MAX: Record<string, number> = {
  code: CODE_MAX_LENGTH,
  name: NAME_MAX_LENGTH,
  region: REGION_MAX_LENGTH,
  town: TOWN_MAX_LENGTH,
  address: ADDRESS_MAX_LENGTH,
  phone: PHONE_MAX_LENGTH,
  email: EMAIL_MAX_LENGTH,
};
const SELECT =
  'min-h-12 w-full min-w-0 rounded-lg border bg-white px-2 text-base focus:ring-2 focus:outline-none disabled:bg-slate-50 disabled:text-slate-700';

/**
 * Creates a dealer, or edits one. On a dealer accounting sends (`synced`), the fields accounting
 * sends are shown but not editable. A tax id or code another dealer has is answered with a link
 * to that dealer.
 */
export function DealerForm({
  action,
  initial,
  synced,
  managers,
  regions,
  cancelHref,
  mode,
}: {
  action: (state: DealerFormState, form: FormData) => Promise<DealerFormState>;
  initial: Initial;
  synced: boolean;
  managers: Manager[];
  regions: string[];
  cancelHref: string;
  mode: 'create' | 'edit';
}) {
  const t = useTranslations('factoryDealers');
  const [state, formAction, pending] = useActionState<DealerFormState, FormData>(action, { status: 'idle' });
  const sent = state.status === 'error' ? state.values : {};
  const value = (name: keyof Initial & string) => (sent[name as keyof DealerFormValues] as string | undefined) ?? (initial[name] as string);
  const active = state.status === 'error' && sent.active !== undefined ? sent.active : initial.active;
  const fields = state.status === 'error' ? state.fields : {};
  const error = (name: string) => {
    const code = fields[name];
    return code ? t(`fieldErrors.${code}`, { max: MAX[name] ?? 0 }) : undefined;
  };
  const text = (name: 'code' | 'name' | 'taxId' | 'region' | 'town' | 'address' | 'phone' | 'email', extra: Record<string, unknown> = {}) => {
    const locked = synced && name !== 'town';
    return (
      <FormField
        name={name}
        label={t(`field.${name}`)}
        defaultValue={value(name)}
        error={error(name)}
        readOnly={locked}
        maxLength={MAX[name] ?? 20}
        autoComplete="off"
        {...extra}
      />
    );
  };
  const currencies = COMMON_CURRENCIES.includes(value('currency') as (typeof COMMON_CURRENCIES)[number]) ? [...COMMON_CURRENCIES] : [value('currency'), ...COMMON_CURRENCIES];
  const fieldCount = Object.keys(fields).length;
  const existing = state.status === 'error' ? state.existing : undefined;
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4 rounded-2xl border border-slate-200 bg-white p-4 md:p-5" data-testid="dealer-form">
      {synced ? <p className="rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-700">{t('form.syncedNote')}</p> : null}
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        {text('code', { required: true, hint: synced ? undefined : t('form.codeHint'), autoCapitalize: 'characters', spellCheck: false })}
        {text('taxId', { required: true, inputMode: 'numeric', hint: synced ? undefined : t('form.taxIdHint') })}
        {text('name', { required: true, className: 'md:col-span-2' })}
        {text('region', { list: synced ? undefined : 'dealer-regions' })}
        {text('town')}
        {text('address', { className: 'md:col-span-2' })}
        {text('phone', { type: 'tel', inputMode: 'tel', hint: synced ? undefined : t('form.phoneHint') })}
        {text('email', { type: 'email', inputMode: 'email', autoCapitalize: 'none', spellCheck: false })}
        <div className="flex flex-col gap-1.5">
          <label htmlFor="field-currency" className="text-sm font-medium text-slate-700">
            {t('field.currency')}
          </label>
          <select
            id="field-currency"
            name="currency"
            defaultValue={value('currency')}
            disabled={synced}
            aria-invalid={error('currency') ? true : undefined}
            aria-describedby={error('currency') ? 'field-currency-error' : undefined}
            className={`${SELECT} ${error('currency') ? 'border-red-600' : 'border-slate-300'}`}
          >
            {currencies.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
          {error('currency') ? (
            <p id="field-currency-error" className="text-sm text-red-800" data-testid="currency-error">
              {error('currency')}
            </p>
          ) : null}
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor="field-managerId" className="text-sm font-medium text-slate-700">
            {t('field.manager')}
          </label>
          <select
            id="field-managerId"
            name="managerId"
            defaultValue={value('managerId')}
            aria-invalid={error('managerId') ? true : undefined}
            aria-describedby={error('managerId') ? 'field-managerId-error' : undefined}
            className={`${SELECT} ${error('managerId') ? 'border-red-600' : 'border-slate-300'}`}
          >
            <option value="">{t('form.noManager')}</option>
            {managers.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} ({m.email})
              </option>
            ))}
          </select>
          {error('managerId') ? (
            <p id="field-managerId-error" className="text-sm text-red-800" data-testid="managerId-error">
              {error('managerId')}
            </p>
          ) : null}
        </div>
        <label className="flex min-h-12 items-center gap-2 text-base md:col-span-2">
          <input type="hidden" name="activeShown" value="1" />
          <input type="checkbox" name="active" defaultChecked={active} className="h-5 w-5 accent-brand-700" />
          {t('form.activeLabel')}
        </label>
      </div>
      <datalist id="dealer-regions">
        {regions.map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
      {state.status === 'error' ? (
        <div role="alert" className="flex flex-col gap-1 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="dealer-form-error">
          {existing && (state.error === 'duplicate_tax_id' || state.error === 'duplicate_code') ? (
            <>
              <p>{t(`form.errors.${state.error}`, { taxId: sent.taxId ?? '', code: existing.code, name: existing.name })}</p>
              <Link href={dealerHref(existing.code)} className="self-start font-semibold underline underline-offset-2" data-testid="existing-dealer-link">
                {t('form.errors.openExisting', { code: existing.code })}
              </Link>
            </>
          ) : (
            <p>{fieldCount > 0 && state.error === 'invalid' ? t('form.errors.invalid') : t(`form.errors.${state.error}`, { taxId: '', code: '', name: '' })}</p>
          )}
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className="min-h-12 rounded-lg bg-brand-700 px-5 text-base font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {mode === 'create' ? (pending ? t('form.creating') : t('form.create')) : pending ? t('form.saving') : t('form.save')}
        </button>
        <Link href={cancelHref} className="inline-flex min-h-12 items-center font-medium text-slate-700 underline underline-offset-2 hover:text-slate-900">
          {t('form.cancel')}
        </Link>
      </div>
    </form>
  );
}
