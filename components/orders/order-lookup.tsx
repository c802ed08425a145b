import { getTranslations } from 'next-intl/server';

/**
 * The staff's order lookup: a plain GET form (?number=), so it works before any script loads. The
 * page redirects on an exact match; otherwise it shows the form again with what was typed.
 */
export async function OrderLookup({ action, value, noMatch, children }: { action: string; value: string; noMatch: boolean; children?: React.ReactNode }) {
  const t = await getTranslations('orderDetail');
  return (
    <section className="flex max-w-xl flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 md:p-5">
      <div>
        <h1 className="text-xl font-semibold md:text-2xl">{t('lookupTitle')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('lookupIntro')}</p>
      </div>
      <form method="get" action={action} role="search" className="flex flex-col gap-2">
        <label htmlFor="order-number" className="text-sm font-medium">
          {t('lookupLabel')}
        </label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <input
            id="order-number"
            name="number"
            type="search"
            required
            maxLength={64}
            defaultValue={value}
            autoComplete="off"
            spellCheck={false}
            enterKeyHint="search"
            aria-invalid={noMatch || undefined}
            aria-describedby={noMatch ? 'order-number-error' : undefined}
            className="min-h-11 min-w-0 flex-1 rounded-lg border border-slate-300 px-3 text-base tabular-nums focus:border-brand-700 focus:ring-2 focus:ring-brand-100 focus:outline-none aria-invalid:border-red-600"
          />
          <button type="submit" className="min-h-11 rounded-lg bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">
            {t('lookupSubmit')}
          </button>
        </div>
        {children}
        {noMatch ? (
          <p id="order-number-error" role="alert" className="text-sm font-medium text-red-700" data-testid="lookup-no-match">
            {t('lookupNoMatch', { number: value })}
          </p>
        ) : null}
      </form>
    </section>
  );
}
