import type { InputHTMLAttributes } from 'react';

type Props = { name: string; label: string; error?: string; hint?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'name'>;

/** A labelled input with its hint, or its error in the hint's place (announced with the field). */
export function FormField({ name, label, error, hint, className = '', ...input }: Props) {
  const id = `field-${name}`;
  const described = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className={`flex flex-col gap-1.5 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        className={`min-h-12 w-full min-w-0 rounded-lg border bg-white px-3 text-base focus:ring-2 focus:outline-none read-only:bg-slate-50 read-only:text-slate-700 ${
          error ? 'border-red-600 focus:border-red-700 focus:ring-red-100' : 'border-slate-300 focus:border-brand-600 focus:ring-brand-100'
        }`}
        {...input}
      />
      {hint && !error ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-800" data-testid={`${name}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
