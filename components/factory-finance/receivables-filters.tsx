import { getTranslations } from 'next-intl/server';
import { FilterActions, FilterFormFrame, FilterInput, FilterSearch, FilterSelect } from '@/components/ui/filter-form';
import { PAYER_CATEGORIES } from '@/drizzle/schema/values';
import { isReceivablesFilterEmpty, RECEIVABLES_SORTS, receivablesHref, type ReceivablesFilter } from '@/lib/finance/receivables-filter';

/**
 * The list's filters as a plain GET form (it works before any script ran), so every filter and
 * the sort are in the URL. The sort is also chosen here, for phones, where there are no headers.
 */
export async function ReceivablesFilters({ base, filter, regions }: { base: string; filter: ReceivablesFilter; regions: string[] }) {
  const [t, tPayer] = await Promise.all([getTranslations('factoryFinance'), getTranslations('payer')]);
  // A region from an old link that no dealer has now is still shown as chosen.
  const regionOptions = filter.region && !regions.includes(filter.region) ? [...regions, filter.region] : regions;
  return (
    <FilterFormFrame
      label={t('filtersLabel')}
      action={base}
      resetKey={receivablesHref(base, filter)}
      className="grid grid-cols-1 items-end gap-3 sm:grid-cols-2 lg:grid-cols-[1.6fr_1.5fr_1.3fr_1fr_1.3fr_1.2fr_auto]"
      testId="receivables-filters"
    >
      <FilterSearch id="rf-q" name="q" label={t('search')} defaultValue={filter.q ?? ''} placeholder={t('searchPlaceholder')} maxLength={100} />
      <FilterSelect
        id="rf-region"
        name="region"
        label={t('region')}
        defaultValue={filter.region ?? ''}
        anyLabel={t('anyRegion')}
        options={regionOptions.map((r) => ({ value: r, label: r }))}
      />
      <FilterSelect
        id="rf-category"
        name="category"
        label={t('category')}
        defaultValue={filter.category ?? ''}
        anyLabel={t('anyCategory')}
        options={PAYER_CATEGORIES.map((c) => ({ value: c, label: tPayer(c) }))}
      />
      <FilterInput
        id="rf-min"
        name="min"
        label={t('minOverdue')}
        inputMode="decimal"
        defaultValue={filter.minOverdue ?? ''}
        placeholder="0"
        maxLength={20}
        inputClassName="px-3 tabular-nums"
      />
      <FilterSelect
        id="rf-sort"
        name="sort"
        label={t('sortBy')}
        defaultValue={filter.sort}
        options={RECEIVABLES_SORTS.map((s) => ({ value: s, label: t(`column.${s === 'name' ? 'dealer' : s}`) }))}
      />
      <FilterSelect
        id="rf-dir"
        name="dir"
        label={t('direction')}
        defaultValue={filter.dir}
        options={[
          { value: 'asc', label: t('ascending') },
          { value: 'desc', label: t('descending') },
        ]}
      />
      <FilterActions applyLabel={t('apply')} clearLabel={t('clear')} clearHref={base} showClear={!isReceivablesFilterEmpty(filter)} />
    </FilterFormFrame>
  );
}
