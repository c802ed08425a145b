import { getTranslations } from 'next-intl/server';
import { FilterActions, FilterFormFrame, FilterSearch, FilterSelect } from '@/components/ui/filter-form';
import { PAYER_CATEGORIES } from '@/drizzle/schema/values';
import { DEALER_SORTS, DEALER_STATES, dealerListHref, isDealerFilterEmpty, type DealerListFilter } from '@/lib/dealers/list-filter';

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
    <FilterFormFrame
      label={t('filtersLabel')}
      action={base}
      resetKey={dealerListHref(base, filter)}
      className="grid grid-cols-2 items-end gap-3 lg:grid-cols-[2fr_1.4fr_1.4fr_1fr_1fr_1.1fr]"
      testId="dealer-filters"
    >
      <FilterSearch
        id="df-q"
        name="q"
        label={t('search')}
        defaultValue={filter.q ?? ''}
        placeholder={t('searchPlaceholder')}
        maxLength={100}
        cellClassName="col-span-2 lg:col-span-1"
      />
      <FilterSelect
        id="df-region"
        name="region"
        label={t('region')}
        defaultValue={filter.region ?? ''}
        anyLabel={t('anyRegion')}
        options={regionOptions.map((r) => ({ value: r, label: r }))}
      />
      <FilterSelect
        id="df-category"
        name="category"
        label={t('category')}
        defaultValue={filter.category ?? ''}
        anyLabel={t('anyCategory')}
        options={PAYER_CATEGORIES.map((c) => ({ value: c, label: tPayer(c) }))}
      />
      <FilterSelect
        id="df-state"
        name="state"
        label={t('state')}
        defaultValue={filter.state ?? ''}
        anyLabel={t('anyState')}
        options={DEALER_STATES.map((s) => ({ value: s, label: t(s) }))}
      />
      <FilterSelect id="df-sort" name="sort" label={t('sortBy')} defaultValue={filter.sort} options={DEALER_SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) }))} />
      <FilterSelect
        id="df-dir"
        name="dir"
        label={t('direction')}
        defaultValue={filter.dir}
        options={[
          { value: 'asc', label: t('ascending') },
          { value: 'desc', label: t('descending') },
        ]}
      />
      <label className="col-span-2 flex min-h-11 min-w-0 items-center gap-2 text-base lg:col-span-3">
        <input type="checkbox" name="mine" value="1" defaultChecked={filter.mine === true} className="h-5 w-5 accent-brand-700" />
        {t('mine')}
      </label>
      <FilterActions
        applyLabel={t('apply')}
        clearLabel={t('clear')}
        clearHref={base}
        showClear={!isDealerFilterEmpty(filter)}
        className="col-span-2 lg:col-span-3 lg:justify-end"
      />
    </FilterFormFrame>
  );
}
