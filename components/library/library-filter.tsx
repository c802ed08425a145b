import Form from 'next/form';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { LIBRARY_CATEGORIES } from '@/lib/library/categories';
import type { LibraryFilter } from '@/lib/library/filter';

const FIELD = 'min-h-11 w-full min-w-0 rounded-lg border border-slate-300 bg-white px-3 text-base focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none';
const LABEL = 'text-sm font-medium text-slate-700';

/** The library's search by title and category filter, as a plain GET form (the filter is in the URL). */
export async function LibraryFilterForm({ base, filter }: { base: string; filter: LibraryFilter }) {
  const t = await getTranslations('library');
  return (
    <Form
      key={`${filter.q ?? ''}|${filter.category ?? ''}`}
      action={base}
      role="search"
      aria-label={t('filterLabel')}
      className="grid grid-cols-1 items-end gap-2 sm:grid-cols-[2fr_1.3fr_auto]"
      data-testid="library-filter"
    >
      <div className="flex min-w-0 flex-col gap-1.5">
        <label htmlFor="library-q" className={LABEL}>
          {t('searchLabel')}
        </label>
        <input id="library-q" name="q" type="search" defaultValue={filter.q ?? ''} placeholder={t('searchPlaceholder')} maxLength={100} autoComplete="off" className={FIELD} />
      </div>
      <div className="flex min-w-0 flex-col gap-1.5">
        <label htmlFor="library-category" className={LABEL}>
          {t('category')}
        </label>
        <select id="library-category" name="category" defaultValue={filter.category ?? ''} className={FIELD}>
          <option value="">{t('allCategories')}</option>
          {LIBRARY_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`categories.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex gap-2">
        <button type="submit" className="inline-flex min-h-11 flex-1 items-center justify-center rounded-lg bg-brand-700 px-5 font-semibold text-white hover:bg-brand-800 sm:flex-none">
          {t('show')}
        </button>
        {filter.q || filter.category ? (
          <Link href={base} className="inline-flex min-h-11 items-center justify-center rounded-lg border border-slate-300 bg-white px-4 font-medium text-slate-800 hover:bg-slate-100">
            {t('clear')}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}

