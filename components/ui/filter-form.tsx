import Form from 'next/form';
import Link from 'next/link';
import type { InputHTMLAttributes, ReactNode } from 'react';

// The parts of a list's filters: a plain GET form (it works before any script ran, and every
// filter ends up in the URL) with labelled fields, an apply button and a link that clears them.

/** A filter's select or input: full width of its cell, 44 px high, the brand's focus ring. */
export const FILTER_CONTROL =
  'min-h-11 w-full min-w-0 rounded-lg border border-slate-300 bg-white px-2 text-base focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none';
export const FILTER_LABEL = 'text-sm font-medium text-slate-700';

const withClass = (base: string, extra?: string) => (extra ? `${base} ${extra}` : base);

/**
 * The card around a list's filters and its GET form. `resetKey` is the URL the form shows: a new
 * URL brings new values, and the fields start again from it. `above` stands over the form (chips).
 */
export function FilterFormFrame({
  label,
  action,
  resetKey,
  className,
  testId,
  above,
  children,
}: {
  label: string;
  action: string;
  resetKey: string;
  className: string;
  testId: string;
  above?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-label={label} className={withClass('rounded-2xl border border-slate-200 bg-white p-4', above ? 'flex flex-col gap-3' : undefined)}>
      {above}
      <Form key={resetKey} action={action} className={className} data-testid={testId}>
        {children}
      </Form>
    </section>
  );
}

/** A label over its field; the field (with `id`) is the child. */
export function FilterField({ id, label, className, children }: { id: string; label: ReactNode; className?: string; children: ReactNode }) {
  return (
    <div className={withClass('flex min-w-0 flex-col gap-1.5', className)}>
      <label htmlFor={id} className={FILTER_LABEL}>
        {label}
      </label>
      {children}
    </div>
  );
}

export type FilterOption = { value: string; label: ReactNode };

/** A labelled select; `anyLabel` adds a first choice with the empty value (no filter). */
export function FilterSelect({
  id,
  name,
  label,
  defaultValue,
  anyLabel,
  options,
  className,
}: {
  id: string;
  name: string;
  label: ReactNode;
  defaultValue: string;
  anyLabel?: string;
  options: readonly FilterOption[];
  className?: string;
}) {
  return (
    <FilterField id={id} label={label} className={className}>
      <select id={id} name={name} defaultValue={defaultValue} className={FILTER_CONTROL}>
        {anyLabel === undefined ? null : <option value="">{anyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FilterField>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'className'> & {
  id: string;
  name: string;
  label: ReactNode;
  /** Classes of the field's cell (e.g. how many columns it spans). */
  cellClassName?: string;
  /** Classes added to the input's own. */
  inputClassName?: string;
};

/** A labelled input (a date, a number); extra props go to the input. */
export function FilterInput({ id, name, label, cellClassName, inputClassName, ...input }: InputProps) {
  return (
    <FilterField id={id} label={label} className={cellClassName}>
      <input id={id} name={name} {...input} className={withClass(FILTER_CONTROL, inputClassName)} />
    </FilterField>
  );
}

/** A labelled search box. */
export function FilterSearch({ inputClassName, ...props }: Omit<InputProps, 'type'>) {
  return <FilterInput type="search" inputClassName={withClass('px-3', inputClassName)} {...props} />;
}

/** Apply, and (when something is chosen) a link back to the unfiltered list. */
export function FilterActions({
  applyLabel,
  clearLabel,
  clearHref,
  showClear,
  className,
  applyTestId,
}: {
  applyLabel: string;
  clearLabel: string;
  clearHref: string;
  showClear: boolean;
  className?: string;
  applyTestId?: string;
}) {
  return (
    <div className={withClass('flex min-w-0 flex-wrap items-center gap-x-3', className)}>
      <button type="submit" className="min-h-11 rounded-lg bg-brand-700 px-5 text-base font-semibold text-white hover:bg-brand-800" data-testid={applyTestId}>
        {applyLabel}
      </button>
      {showClear ? (
        <Link href={clearHref} prefetch={false} className="inline-flex min-h-11 items-center font-medium whitespace-nowrap text-slate-700 underline underline-offset-2 hover:text-slate-900">
          {clearLabel}
        </Link>
      ) : null}
    </div>
  );
}
