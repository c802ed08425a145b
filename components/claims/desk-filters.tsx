import Form from 'next/form';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { CLAIM_CATEGORIES } from '@/drizzle/schema/enums';
import { deskQueueHref, isDeskFilterEmpty, type DeskQueueFilter } from '@/lib/claims/desk-filter';

const SELECT =
  'min-h-11 w-full min-w-0 rounded-lg border border-slate-300 bg-white px-2 text-base focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none';
const LABEL = 'text-sm font-medium text-slate-700';

type Option = { code: string; name: string };

/**
 * The queue's filters, all in the URL: chips for whose claims and for the ones past SLA (each a
 * link), and a plain GET form for category, dealer and plant that works before any script ran.
 */
export async function DeskFilters({
  base,
  filter,
  dealers,
  plants,
}: {
  base: string;
  filter: DeskQueueFilter;
  dealers: Option[];
  plants: Option[];
}) {
  const [t, tCategory] = await Promise.all([getTranslations('claimsHome'), getTranslations('claimCategory')]);
  const chips = [
    { key: 'all', label: t('filterAll'), href: deskQueueHref(base, { ...filter, assignee: undefined }), current: !filter.assignee },
    { key: 'mine', label: t('filterMine'), href: deskQueueHref(base, { ...filter, assignee: 'mine' }), current: filter.assignee === 'mine' },
    { key: 'none', label: t('filterUnassigned'), href: deskQueueHref(base, { ...filter, assignee: 'none' }), current: filter.assignee === 'none' },
  ];
  const chip = (current: boolean, danger = false) =>
    `inline-flex min-h-11 items-center gap-2 rounded-full border px-3.5 text-sm font-medium whitespace-nowrap ${
      current
        ? danger
          ? 'border-red-700 bg-red-700 text-white'
          : 'border-brand-700 bg-brand-700 text-white'
        : danger
          ? 'border-red-300 bg-white text-red-800 hover:bg-red-50'
          : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100'
    }`;
  // A dealer from an old link who has no open claims now is still shown as chosen.
  const dealerOptions = filter.dealer && !dealers.some((d) => d.code === filter.dealer) ? [...dealers, { code: filter.dealer, name: '' }] : dealers;
  return (
    <section aria-label={t('filtersLabel')} className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4">
      <nav aria-label={t('assigneeFilterLabel')} className="flex flex-wrap gap-2">
        {chips.map((c) => (
          <Link key={c.key} href={c.href} prefetch={false} aria-current={c.current ? 'page' : undefined} data-testid={`desk-filter-${c.key}`} className={chip(c.current)}>
            {c.label}
          </Link>
        ))}
        <Link
          href={deskQueueHref(base, { ...filter, pastSla: !filter.pastSla })}
          prefetch={false}
          aria-current={filter.pastSla ? 'page' : undefined}
          data-testid="desk-filter-past"
          className={chip(Boolean(filter.pastSla), true)}
        >
          {t('filterPast')}
        </Link>
      </nav>
      <Form key={deskQueueHref(base, filter)} action={base} className="grid grid-cols-2 items-end gap-3 lg:grid-cols-[1fr_1fr_1fr_auto]" data-testid="desk-filter-form">
        {filter.assignee ? <input type="hidden" name="assignee" value={filter.assignee} /> : null}
        {filter.pastSla ? <input type="hidden" name="sla" value="past" /> : null}
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor="desk-category" className={LABEL}>
            {t('category')}
          </label>
          <select id="desk-category" name="category" defaultValue={filter.category ?? ''} className={SELECT}>
            <option value="">{t('anyCategory')}</option>
            {CLAIM_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {tCategory(c)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor="desk-dealer" className={LABEL}>
            {t('dealer')}
          </label>
          <select id="desk-dealer" name="dealer" defaultValue={filter.dealer ?? ''} className={SELECT}>
            <option value="">{t('anyDealer')}</option>
            {dealerOptions.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name ? `${d.code} · ${d.name}` : d.code}
              </option>
            ))}
          </select>
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor="desk-plant" className={LABEL}>
            {t('plant')}
          </label>
          <select id="desk-plant" name="plant" defaultValue={filter.plant ?? ''} className={SELECT}>
            <option value="">{t('anyPlant')}</option>
            {plants.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex min-w-0 flex-wrap items-center gap-x-3">
          <button type="submit" className="min-h-11 rounded-lg bg-brand-700 px-5 text-base font-semibold text-white hover:bg-brand-800">
            {t('apply')}
          </button>
          {isDeskFilterEmpty(filter) ? null : (
            <Link href={base} prefetch={false} className="inline-flex min-h-11 items-center font-medium whitespace-nowrap text-slate-700 underline underline-offset-2 hover:text-slate-900">
              {t('clear')}
            </Link>
          )}
        </div>
      </Form>
    </section>
  );
}
