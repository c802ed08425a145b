import Form from 'next/form';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { FILTER_LABEL, FilterField } from '@/components/ui/filter-form';
import { MAX_SEARCH_LENGTH, orderListHref, type OrderListFilter } from '@/lib/orders/list';

const INPUT =
  'min-h-12 w-full min-w-0 rounded-lg border border-slate-300 bg-white text-base focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none';

/**
 * Search and period of the orders list: a plain GET form, so it works before any script has run
 * and its result is a link. The status chosen with the chips rides along; a new search starts
 * at the top of the list (no cursor). The period folds away until it is used: on a phone the
 * list starts high on the screen.
 */
export async function OrderListFilters({ base, filter }: { base: string; filter: OrderListFilter }) {
  const t = await getTranslations('orderList');
  const filtered = Boolean(filter.q || filter.status || filter.from || filter.to);
  return (
    <Form
      // A new URL brings new values: the fields start again from it.
      key={orderListHref(base, filter)}
      action={base}
      role="search"
      aria-label={t('filtersLabel')}
      className="flex flex-col gap-2 rounded-2xl border border-slate-200 bg-white p-4 md:p-5"
      data-testid="order-filters"
    >
      {filter.status ? <input type="hidden" name="status" value={filter.status} /> : null}
      <label htmlFor="order-q" className={FILTER_LABEL}>
        {t('searchLabel')}
      </label>
      <div className="flex gap-2">
        <input
          id="order-q"
          name="q"
          type="search"
          defaultValue={filter.q ?? ''}
          maxLength={MAX_SEARCH_LENGTH}
          placeholder={t('searchPlaceholder')}
          autoComplete="off"
          enterKeyHint="search"
          className={`${INPUT} flex-1 px-3`}
        />
        <button type="submit" className="min-h-12 shrink-0 rounded-lg bg-brand-700 px-5 text-base font-semibold text-white hover:bg-brand-800">
          {t('apply')}
        </button>
      </div>
      <div className="relative">
        <details open={Boolean(filter.from || filter.to)} className="group" data-testid="order-period">
          <summary className="flex min-h-11 w-fit cursor-pointer list-none items-center gap-2 font-medium text-brand-700 [&::-webkit-details-marker]:hidden">
            <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 shrink-0 transition-transform group-open:rotate-90">
              <path d="M7 4l6 6-6 6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            {t('period')}
          </summary>
          <div className="grid max-w-md grid-cols-2 gap-3 pt-1 pb-1">
            <FilterField id="order-from" label={t('from')}>
              <input id="order-from" name="from" type="date" defaultValue={filter.from ?? ''} className={`${INPUT} px-2`} />
            </FilterField>
            <FilterField id="order-to" label={t('to')}>
              <input id="order-to" name="to" type="date" defaultValue={filter.to ?? ''} className={`${INPUT} px-2`} />
            </FilterField>
          </div>
        </details>
        {filtered ? (
          <Link href={base} className="absolute top-0 right-0 inline-flex min-h-11 items-center font-medium text-slate-700 underline underline-offset-2 hover:text-slate-900">
            {t('clear')}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
