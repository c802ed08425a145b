import Form from 'next/form';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PAYER_CATEGORIES } from '@/drizzle/schema/enums';
import { isReceivablesFilterEmpty, RECEIVABLES_SORTS, receivablesHref, type ReceivablesFilter } from '@/lib/finance/receivables-filter';

const FIELD =
  'min-h-11 w-full min-w-0 rounded-lg border border-slate-300 bg-white px-2 text-base focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none';
const LABEL = 'text-sm font-medium text-slate-700';

/**
 * The list's filters as a plain GET form (it works before any script ran), so every filter and
 * the sort are in the URL. The sort is also chosen here, for phones, where there are no headers.
 */
export async function ReceivablesFilters({ base, filter, regions }: { base: string; filter: ReceivablesFilter; regions: string[] }) {
  const [t, tPayer] = await Promise.all([getTranslations('factoryFinance'), getTranslations('payer')]);
  // A region from an old link that no dealer has now is still shown as chosen.
  const regionOptions = filter.region && !regions.includes(filter.region) ? [...regions, filter.region] : regions;
  return (
    <section aria-label={t('filtersLabel')} className="rounded-2xl border border-slate-200 bg-white p-4">
      <Form
        key={receivablesHref(base, filter)}
        action={base}
        className="grid grid-cols-1 items-end gap-3 sm:grid-cols-2 lg:grid-cols-[1.6fr_1.5fr_1.3fr_1fr_1.3fr_1.2fr_auto]"
        data-testid="receivables-filters"
      >
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor="rf-q" className={LABEL}>
            {t('search')}
          </label>
          <input id="rf-q" name="q" type="search" defaultValue={filter.q ?? ''} placeholder={t('searchPlaceholder')} maxLength={100} className={`${FIELD} px-3`} />
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor="rf-region" className={LABEL}>
            {t('region')}
          </label>
          <select id="rf-region" name="region" defaultValue={filter.region ?? ''} className={FIELD}>
            <option value="">{t('anyRegion')}</option>
            {regionOptions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor="rf-category" className={LABEL}>
            {t('category')}
          </label>
          <select id="rf-category" name="category" defaultValue={filter.category ?? ''} className={FIELD}>
            <option value="">{t('anyCategory')}</option>
            {PAYER_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {tPayer(c)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor="rf-min" className={LABEL}>
            {t('minOverdue')}
          </label>
          <input id="rf-min" name="min" inputMode="decimal" defaultValue={filter.minOverdue ?? ''} placeholder="0" maxLength={20} className={`${FIELD} px-3 tabular-nums`} />
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor="rf-sort" className={LABEL}>
            {t('sortBy')}
          </label>
          <select id="rf-sort" name="sort" defaultValue={filter.sort} className={FIELD}>
            {RECEIVABLES_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`column.${s === 'name' ? 'dealer' : s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor="rf-dir" className={LABEL}>
            {t('direction')}
          </label>
          <select id="rf-dir" name="dir" defaultValue={filter.dir} className={FIELD}>
            <option value="asc">{t('ascending')}</option>
            <option value="desc">{t('descending')}</option>
          </select>
        </div>
        <div className="flex min-w-0 flex-wrap items-center gap-x-3">
          <button type="submit" className="min-h-11 rounded-lg bg-brand-700 px-5 text-base font-semibold text-white hover:bg-brand-800">
            {t('apply')}
          </button>
          {isReceivablesFilterEmpty(filter) ? null : (
            <Link href={base} prefetch={false} className="inline-flex min-h-11 items-center font-medium whitespace-nowrap text-slate-700 underline underline-offset-2 hover:text-slate-900">
              {t('clear')}
            </Link>
          )}
        </div>
      </Form>
    </section>
  );
}
