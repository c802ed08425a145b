import Form from 'next/form';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { FilterField } from '@/components/ui/filter-form';
import { LEDGER_KINDS } from '@/drizzle/schema/values';
import { ledgerHref, MAX_LEDGER_SEARCH_LENGTH, PERIOD_PRESETS, presetOf, presetPeriod, type LedgerQuery } from '@/lib/finance/period';

const INPUT =
  'min-h-12 w-full min-w-0 rounded-lg border border-slate-300 bg-white text-base focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none';

/**
 * The ledger's period (presets as links; a custom one in the form), kind and search: a plain GET
 * form, so it works before any script has run and every view of the ledger is a link.
 */
export async function LedgerFilters({ base, query, today }: { base: string; query: LedgerQuery; today: string }) {
  const t = await getTranslations('finance.ledger');
  const tKind = await getTranslations('finance.kind');
  const preset = presetOf(query, today);
  const filtered = Boolean(query.kind || query.q);
  return (
    <div className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 md:p-5" data-testid="ledger-filters">
      <nav aria-label={t('periodLabel')} data-scrolls-sideways>
        {/* One row that scrolls sideways on a phone, wrapped on wider screens. */}
        <ul className="-mx-4 flex gap-2 overflow-x-auto px-4 pb-1 md:mx-0 md:flex-wrap md:overflow-visible md:px-0 md:pb-0">
          {PERIOD_PRESETS.map((p) => (
            <li key={p} className="shrink-0">
              <Link
                href={ledgerHref(base, { ...query, ...presetPeriod(p, today) })}
                aria-current={preset === p ? 'page' : undefined}
                prefetch={false}
                data-testid={`period-${p}`}
                className={`inline-flex min-h-11 items-center rounded-full border px-3.5 text-sm font-medium whitespace-nowrap ${
                  preset === p ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100'
                }`}
              >
                {t(`preset.${p}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Form key={ledgerHref(base, query)} action={base} role="search" aria-label={t('filtersLabel')} className="flex flex-col gap-3">
        <details open={preset === null || filtered} className="group" data-testid="period-custom">
          <summary className="flex min-h-11 w-fit cursor-pointer list-none items-center gap-2 font-medium text-brand-700 [&::-webkit-details-marker]:hidden">
            <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 shrink-0 transition-transform group-open:rotate-90">
              <path d="M7 4l6 6-6 6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            {t('moreFilters')}
          </summary>
          <div className="grid max-w-md grid-cols-2 gap-3 pt-1 pb-3">
            <FilterField id="ledger-from" label={t('from')}>
              <input id="ledger-from" name="from" type="date" required defaultValue={query.from} className={`${INPUT} px-2`} />
            </FilterField>
            <FilterField id="ledger-to" label={t('to')}>
              <input id="ledger-to" name="to" type="date" required defaultValue={query.to} className={`${INPUT} px-2`} />
            </FilterField>
          </div>
          <div className="grid gap-3 md:grid-cols-[14rem_minmax(0,1fr)_auto] md:items-end">
            <FilterField id="ledger-kind" label={t('kindLabel')}>
              <select id="ledger-kind" name="kind" defaultValue={query.kind ?? ''} className={`${INPUT} px-2`} data-testid="ledger-kind">
                <option value="">{t('allKinds')}</option>
                {LEDGER_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {tKind(k)}
                  </option>
                ))}
              </select>
            </FilterField>
            <FilterField id="ledger-q" label={t('searchLabel')}>
              <input
                id="ledger-q"
                name="q"
                type="search"
                defaultValue={query.q ?? ''}
                maxLength={MAX_LEDGER_SEARCH_LENGTH}
                placeholder={t('searchPlaceholder')}
                autoComplete="off"
                enterKeyHint="search"
                className={`${INPUT} px-3`}
              />
            </FilterField>
            <button type="submit" className="min-h-12 rounded-lg bg-brand-700 px-5 text-base font-semibold text-white hover:bg-brand-800" data-testid="ledger-apply">
              {t('apply')}
            </button>
          </div>
          {filtered ? (
            <Link href={ledgerHref(base, { from: query.from, to: query.to })} className="mt-1 inline-flex min-h-11 items-center self-start font-medium text-slate-700 underline underline-offset-2 hover:text-slate-900">
              {t('clearFilters')}
            </Link>
          ) : null}
        </details>
      </Form>
    </div>
  );
}
