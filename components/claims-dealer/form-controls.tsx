import type { ReactNode, TextareaHTMLAttributes, InputHTMLAttributes } from 'react';

// Labelled controls of the claim screens: the hint under the label, the error in the hint's place
// (announced with the field), sizes a thumb can hit on a phone.

const BOX = 'w-full min-w-0 rounded-lg border bg-white px-3 text-base focus:ring-2 focus:outline-none disabled:bg-slate-50 disabled:text-slate-600';
const border = (error?: string) => (error ? 'border-red-600 focus:border-red-700 focus:ring-red-100' : 'border-slate-300 focus:border-brand-600 focus:ring-brand-100');

function described(id: string, error?: string, hint?: string) {
  return error ? `${id}-error` : hint ? `${id}-hint` : undefined;
}

function Below({ id, error, hint }: { id: string; error?: string; hint?: string }) {
  if (error) {
    return (
      <p id={`${id}-error`} className="text-sm text-red-800" data-testid={`${id}-error`}>
        {error}
      </p>
    );
  }
  return hint ? (
    <p id={`${id}-hint`} className="text-xs text-slate-600">
      {hint}
    </p>
  ) : null;
}

type Common = { id: string; label: string; hint?: string; error?: string; optional?: string };

function Label({ id, label, optional }: Pick<Common, 'id' | 'label' | 'optional'>) {
  return (
    <label htmlFor={id} className="text-sm font-medium text-slate-800">
      {label}
      {optional ? <span className="font-normal text-slate-600"> ({optional})</span> : null}
    </label>
  );
}

export function TextAreaField({ id, label, hint, error, optional, ...area }: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>) {
  return (
    <div className="flex flex-col gap-1.5">
      <Label id={id} label={label} optional={optional} />
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={described(id, error, hint)} className={`${BOX} ${border(error)} min-h-28 py-2`} {...area} />
      <Below id={id} error={error} hint={hint} />
    </div>
  );
}

export function InputField({ id, label, hint, error, optional, ...input }: Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>) {
  return (
    <div className="flex flex-col gap-1.5">
      <Label id={id} label={label} optional={optional} />
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={described(id, error, hint)} className={`${BOX} ${border(error)} min-h-12`} {...input} />
      <Below id={id} error={error} hint={hint} />
    </div>
  );
}

/** A group of radio cards: one choice, each option with an optional second line. */
export function RadioCards<V extends string>({
  id,
  name,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
  disabled,
  columns = 1,
}: {
  id: string;
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  options: { value: V; label: ReactNode; detail?: ReactNode; testId?: string }[];
  value: V | '';
  onChange: (value: V) => void;
  disabled?: boolean;
  columns?: 1 | 2;
}) {
  return (
    <fieldset className="flex min-w-0 flex-col gap-1.5" aria-describedby={described(id, error, hint)} aria-invalid={error ? true : undefined} id={id}>
      <legend className="mb-1.5 text-sm font-medium text-slate-800">{legend}</legend>
      <div className={`grid gap-2 ${columns === 2 ? 'sm:grid-cols-2' : ''}`}>
        {options.map((option) => (
          <label
            key={option.value}
            data-testid={option.testId}
            className={`flex min-h-12 min-w-0 cursor-pointer items-start gap-3 rounded-lg border px-3 py-2.5 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600 has-[:disabled]:cursor-not-allowed ${
              error ? 'border-red-600' : 'border-slate-300'
            }`}
          >
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              disabled={disabled}
              className="mt-1 h-4 w-4 shrink-0 accent-brand-700"
            />
            <span className="flex min-w-0 flex-col">
              <span className="font-medium break-words">{option.label}</span>
              {option.detail ? <span className="text-sm break-words text-slate-600">{option.detail}</span> : null}
            </span>
          </label>
        ))}
      </div>
      <Below id={id} error={error} hint={hint} />
    </fieldset>
  );
}

/** A line that tells what went wrong with the whole form, with what to do next. */
export function Alert({ children, tone = 'error', testId }: { children: ReactNode; tone?: 'error' | 'warning' | 'success'; testId?: string }) {
  const tones = {
    error: 'border-red-200 bg-red-50 text-red-900',
    warning: 'border-amber-300 bg-amber-50 text-amber-950',
    success: 'border-green-200 bg-green-50 text-green-900',
  };
  return (
    <div role={tone === 'success' ? 'status' : 'alert'} className={`flex flex-col gap-2 rounded-lg border px-3 py-2.5 text-sm ${tones[tone]}`} data-testid={testId}>
      {children}
    </div>
  );
}
