import Form from 'next/form';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { MAX_CATALOG_QUERY, type CatalogFilter } from '@/lib/catalog/filter';

/** The catalogue's search as a plain GET form (it works before any script ran): the search is in the URL. */
export async function CatalogSearch({ base, filter }: { base: string; filter: CatalogFilter }) {
  const t = await getTranslations('catalog');
  return (
    <Form key={filter.q ?? ''} action={base} role="search" aria-label={t('searchLabel')} className="flex flex-col gap-2 sm:flex-row sm:items-end" data-testid="catalog-search">
      <div className="flex min-w-0 flex-1 flex-col gap-1.5">
        <label htmlFor="catalog-q" className="text-sm font-medium text-slate-700">
          {t('searchLabel')}
        </label>
        <input
          id="catalog-q"
          name="q"
          type="search"
          defaultValue={filter.q ?? ''}
          placeholder={t('searchPlaceholder')}
          maxLength={MAX_CATALOG_QUERY}
          autoComplete="off"
          className="min-h-11 w-full min-w-0 rounded-lg border border-slate-300 bg-white px-3 text-base focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none"
        />
      </div>
      <div className="flex gap-2">
        <button type="submit" className="inline-flex min-h-11 flex-1 items-center justify-center rounded-lg bg-brand-700 px-5 font-semibold text-white hover:bg-brand-800 sm:flex-none">
          {t('search')}
        </button>
        {filter.q ? (
          <Link href={base} className="inline-flex min-h-11 items-center justify-center rounded-lg border border-slate-300 bg-white px-4 font-medium text-slate-800 hover:bg-slate-100">
            {t('clear')}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
