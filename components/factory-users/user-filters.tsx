import Form from 'next/form';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ROLES } from '@/drizzle/schema/enums';
import { SEARCH_MAX_LENGTH, USER_STATES, userListHref, type UserListFilter } from '@/lib/users/schemas';

const FIELD =
  'min-h-11 w-full min-w-0 rounded-lg border border-slate-300 bg-white px-2 text-base focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none';
const LABEL = 'text-sm font-medium text-slate-700';

/** Search, role and state as a plain GET form (it works before any script ran): all in the URL. */
export async function UserFilters({ base, filter }: { base: string; filter: UserListFilter }) {
  const [t, tRoles] = await Promise.all([getTranslations('factoryUsers'), getTranslations('roles')]);
  const empty = !filter.q && !filter.role && !filter.state;
  return (
    <section aria-label={t('filtersLabel')} className="rounded-2xl border border-slate-200 bg-white p-4">
      <Form
        key={userListHref(base, { ...filter, page: 1 })}
        action={base}
        className="grid grid-cols-1 items-end gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_auto]"
        data-testid="user-filters"
      >
        <div className="flex min-w-0 flex-col gap-1.5 sm:col-span-2 lg:col-span-1">
          <label htmlFor="uf-q" className={LABEL}>
            {t('search')}
          </label>
          <input id="uf-q" name="q" type="search" defaultValue={filter.q} placeholder={t('searchPlaceholder')} maxLength={SEARCH_MAX_LENGTH} className={`${FIELD} px-3`} />
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor="uf-role" className={LABEL}>
            {t('role')}
          </label>
          <select id="uf-role" name="role" defaultValue={filter.role ?? ''} className={FIELD}>
            <option value="">{t('anyRole')}</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {tRoles(role)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor="uf-state" className={LABEL}>
            {t('stateLabel')}
          </label>
          <select id="uf-state" name="state" defaultValue={filter.state ?? ''} className={FIELD}>
            <option value="">{t('anyState')}</option>
            {USER_STATES.map((state) => (
              <option key={state} value={state}>
                {t(`state.${state}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className="min-h-11 rounded-lg bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800">
            {t('apply')}
          </button>
          {empty ? null : (
            <Link href={base} className="font-medium text-brand-700 underline underline-offset-2">
              {t('clear')}
            </Link>
          )}
        </div>
      </Form>
    </section>
  );
}
