'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { createPlantAction, setMainPlantAction, updatePlantAction, type SettingsFormState } from '@/lib/settings/form-actions';
import type { PlantRow } from '@/lib/settings/queries';
import { BUTTON, FIELD, FieldError, FormOutcome, LABEL } from './form-bits';

const IDLE: SettingsFormState = { status: 'idle' };

function errorsOf(state: SettingsFormState) {
  return state.status === 'error' ? state.fields : {};
}

function valuesOf(state: SettingsFormState) {
  return state.status === 'error' ? state.values : null;
}

/** A new plant: its code (as sync events name it), name and city. */
export function AddPlantForm() {
  const t = useTranslations('settings.plants');
  const [state, action, pending] = useActionState(createPlantAction, IDLE);
  const errors = errorsOf(state);
  const values = valuesOf(state);
  // A saved plant empties the form (a new key remounts it).
  const key = state.status === 'saved' ? `saved-${state.at}` : 'form';
  return (
    <form key={key} action={action} noValidate className="flex flex-col gap-3" data-testid="plant-add-form">
      <h3 className="text-base font-semibold">{t('addTitle')}</h3>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        {(['code', 'name', 'city'] as const).map((name) => (
          <div key={name} className="flex min-w-0 flex-col gap-1.5">
            <label htmlFor={`plant-new-${name}`} className={LABEL}>
              {t(name)}
            </label>
            <input
              id={`plant-new-${name}`}
              name={name}
              required
              maxLength={name === 'code' ? 32 : 100}
              autoComplete="off"
              spellCheck={name !== 'code'}
              defaultValue={values?.[name] ?? ''}
              aria-invalid={errors[name] ? true : undefined}
              aria-describedby={errors[name] ? `plant-new-${name}-error` : name === 'code' ? 'plant-new-code-hint' : undefined}
              className={FIELD}
            />
            {name === 'code' && !errors.code ? (
              <p id="plant-new-code-hint" className="text-xs text-slate-600">
                {t('codeHint')}
              </p>
            ) : null}
            <FieldError id={`plant-new-${name}-error`} code={errors[name]} />
          </div>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={BUTTON} data-testid="plant-add">
          {t('add')}
        </button>
        <FormOutcome state={state} testId="plant-add" />
      </div>
    </form>
  );
}

/** A plant's name and city (the code stays: sync events name the plant by it). */
export function EditPlantForm({ plant }: { plant: PlantRow }) {
  const t = useTranslations('settings.plants');
  const [state, action, pending] = useActionState(updatePlantAction, IDLE);
  const errors = errorsOf(state);
  const values = valuesOf(state);
  return (
    <form action={action} noValidate className="flex flex-col gap-3" data-testid="plant-edit-form">
      <input type="hidden" name="id" value={plant.id} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {(['name', 'city'] as const).map((name) => (
          <div key={name} className="flex min-w-0 flex-col gap-1.5">
            <label htmlFor={`plant-${plant.id}-${name}`} className={LABEL}>
              {t(name)}
            </label>
            <input
              id={`plant-${plant.id}-${name}`}
              name={name}
              required
              maxLength={100}
              defaultValue={values?.[name] ?? plant[name]}
              aria-invalid={errors[name] ? true : undefined}
              aria-describedby={errors[name] ? `plant-${plant.id}-${name}-error` : undefined}
              className={FIELD}
            />
            <FieldError id={`plant-${plant.id}-${name}-error`} code={errors[name]} />
          </div>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={BUTTON}>
          {t('save')}
        </button>
        <FormOutcome state={state} testId="plant-edit" />
      </div>
    </form>
  );
}

/** Which plant orders belong to when they name none. */
export function MainPlantForm({ plants }: { plants: PlantRow[] }) {
  const t = useTranslations('settings.plants');
  const [state, action, pending] = useActionState(setMainPlantAction, IDLE);
  const errors = errorsOf(state);
  const main = plants.find((p) => p.isMain);
  return (
    <form action={action} noValidate className="flex flex-col gap-3" data-testid="plant-main-form">
      <fieldset className="flex flex-col gap-2" aria-describedby={errors.id ? 'plant-main-error' : 'plant-main-hint'}>
        <legend className="text-base font-semibold">{t('mainTitle')}</legend>
        <p id="plant-main-hint" className="text-sm text-slate-600">
          {t('mainHint')}
        </p>
        {plants.map((plant) => (
          <label key={plant.id} className="flex min-h-11 items-center gap-3 rounded-lg border border-slate-200 px-3">
            <input type="radio" name="main" value={plant.id} defaultChecked={plant.id === main?.id} className="size-5 accent-brand-700" />
            <span>
              {plant.name} <span className="text-slate-600">({plant.code})</span>
            </span>
          </label>
        ))}
      </fieldset>
      <FieldError id="plant-main-error" code={errors.id} />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={BUTTON} data-testid="plant-main-save">
          {t('mainSave')}
        </button>
        <FormOutcome state={state} testId="plant-main" />
      </div>
    </form>
  );
}
