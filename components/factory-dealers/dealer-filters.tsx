import Form from 'next/form';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PAYER_CATEGORIES } from '@/drizzle/schema/enums';
import { DEALER_SORTS, DEALER_STATES, dealerListHref, isDealerFilterEmpty, type DealerListFilter } from '@/lib/dealers/list-filter';

const FIELD =
  'min-h-11 w-full min-w-0 rounded-lg border border-slate-300 bg-white px-2 text-base focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none';
const LABEL = 'text-sm font-medium text-slate-700';

/**
 * The list's search and filters as a plain GET form (it works before any script ran), so the
 * search text, every filter and the sort are in the URL. The sort is chosen here too, for phones,
 * where there are no column headers.
 */
export async function DealerFilters({ base, filter, regions }: { base: string; filter: DealerListFilter; regions: string[] }) {
  const [t, tPayer] = await Promise.all([getTranslations('factoryDealers'), getTranslations('payer')]);
  // A region from an old link that no dealer has now is still shown as chosen.
  const regionOptions = filter.region && !regions.includes(filter.region) ? [...regions, filter.region] : regions;
  return (
    <section aria-label={t('filtersLabel')} className="rounded-2xl border border-slate-200 bg-white p-4">
      <Form
        key={dealerListHref(base, filter)}
        action={base}
        className="grid grid-cols-2 items-end gap-3 lg:grid-cols-[2fr_1.4fr_1.4fr_1fr_1fr_1.1fr]"
        data-testid="dealer-filters"
      >
        <div className="col-span-2 flex min-w-0 flex-col gap-1.5 lg:col-span-1">
          <label htmlFor="df-q" className={LABEL}>
            {t('search')}
          </label>
          <input id="df-q" name="q" type="search" defaultValue={filter.q ?? ''} placeholder={t('searchPlaceholder')} maxLength={100} className={`${FIELD} px-3`} />
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor="df-region" className={LABEL}>
            {t('region')}
          </label>
          <select id="df-region" name="region" defaultValue={filter.region ?? ''} className={FIELD}>
            <option value="">{t('anyRegion')}</option>
            {regionOptions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor="df-category" className={LABEL}>
            {t('category')}
          </label>
          <select id="df-category" name="category" defaultValue={filter.category ?? ''} className={FIELD}>
            <option value="">{t('anyCategory')}</option>
            {PAYER_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {tPayer(c)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor="df-state" className={LABEL}>
            {t('state')}
          </label>
          <select id="df-state" name="state" defaultValue={filter.state ?? ''} className={FIELD}>
            <option value="">{t('anyState')}</option>
            {DEALER_STATES.map((s) => (
              <option key={s} value={s}>
                {t(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor="df-sort" className={LABEL}>
            {t('sortBy')}
          </label>
          <select id="df-sort" name="sort" defaultValue={filter.sort} className={FIELD}>
            {DEALER_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`sort.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor="df-dir" className={LABEL}>
            {t('direction')}
          </label>
          <select id="df-dir" name="dir" defaultValue={filter.dir} className={FIELD}>
            <option value="asc">{t('ascending')}</option>
            <option value="desc">{t('descending')}</option>
          </select>
        </div>
        <label className="col-span-2 flex min-h-11 min-w-0 items-center gap-2 text-base lg:col-span-3">
          <input type="checkbox" name="mine" value="1" defaultChecked={filter.mine === true} className="h-5 w-5 accent-brand-700" />
          {t('mine')}
        </label>
        <div className="col-span-2 flex min-w-0 flex-wrap items-center gap-x-3 lg:col-span-3 lg:justify-end">
          <button type="submit" className="min-h-11 rounded-lg bg-brand-700 px-5 text-base font-semibold text-white hover:bg-brand-800">
            {t('apply')}
          </button>
          {isDealerFilterEmpty(filter) ? null : (
            <Link href={base} prefetch={false} className="inline-flex min-h-11 items-center font-medium whitespace-nowrap text-slate-700 underline underline-offset-2 hover:text-slate-900">
              {t('clear')}
            </Link>
          )}
        </div>
      </Form>
    </section>
  );
}
