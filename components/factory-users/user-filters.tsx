import { getTranslations } from 'next-intl/server';
import { FilterActions, FilterFormFrame, FilterSearch, FilterSelect } from '@/components/ui/filter-form';
import { ROLES } from '@/drizzle/schema/values';
import { SEARCH_MAX_LENGTH, USER_STATES, userListHref, type UserListFilter } from '@/lib/users/schemas';

/** Search, role and state as a plain GET form (it works before any script ran): all in the URL. */
export async function UserFilters({ base, filter }: { base: string; filter: UserListFilter }) {
  const [t, tRoles] = await Promise.all([getTranslations('factoryUsers'), getTranslations('roles')]);
  const empty = !filter.q && !filter.role && !filter.state;
  return (
    <FilterFormFrame
      label={t('filtersLabel')}
      action={base}
      resetKey={userListHref(base, { ...filter, page: 1 })}
      className="grid grid-cols-1 items-end gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_auto]"
      testId="user-filters"
    >
      <FilterSearch
        id="uf-q"
        name="q"
        label={t('search')}
        defaultValue={filter.q}
        placeholder={t('searchPlaceholder')}
        maxLength={SEARCH_MAX_LENGTH}
        cellClassName="sm:col-span-2 lg:col-span-1"
      />
      <FilterSelect
        id="uf-role"
        name="role"
        label={t('role')}
        defaultValue={filter.role ?? ''}
        anyLabel={t('anyRole')}
        options={ROLES.map((role) => ({ value: role, label: tRoles(role) }))}
      />
      <FilterSelect
        id="uf-state"
        name="state"
        label={t('stateLabel')}
        defaultValue={filter.state ?? ''}
        anyLabel={t('anyState')}
        options={USER_STATES.map((state) => ({ value: state, label: t(`state.${state}`) }))}
      />
      <FilterActions applyLabel={t('apply')} clearLabel={t('clear')} clearHref={base} showClear={!empty} />
    </FilterFormFrame>
  );
}
