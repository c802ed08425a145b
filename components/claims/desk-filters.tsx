import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { FilterActions, FilterFormFrame, FilterSelect } from '@/components/ui/filter-form';
import { CLAIM_CATEGORIES } from '@/drizzle/schema/values';
import { deskQueueHref, isDeskFilterEmpty, type DeskQueueFilter } from '@/lib/claims/desk-filter';

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
    <FilterFormFrame
      label={t('filtersLabel')}
      action={base}
      resetKey={deskQueueHref(base, filter)}
      className="grid grid-cols-2 items-end gap-3 lg:grid-cols-[1fr_1fr_1fr_auto]"
      testId="desk-filter-form"
      above={
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
      }
    >
      {filter.assignee ? <input type="hidden" name="assignee" value={filter.assignee} /> : null}
      {filter.pastSla ? <input type="hidden" name="sla" value="past" /> : null}
      <FilterSelect
        id="desk-category"
        name="category"
        label={t('category')}
        defaultValue={filter.category ?? ''}
        anyLabel={t('anyCategory')}
        options={CLAIM_CATEGORIES.map((c) => ({ value: c, label: tCategory(c) }))}
      />
      <FilterSelect
        id="desk-dealer"
        name="dealer"
        label={t('dealer')}
        defaultValue={filter.dealer ?? ''}
        anyLabel={t('anyDealer')}
        options={dealerOptions.map((d) => ({ value: d.code, label: d.name ? `${d.code} · ${d.name}` : d.code }))}
      />
      <FilterSelect
        id="desk-plant"
        name="plant"
        label={t('plant')}
        defaultValue={filter.plant ?? ''}
        anyLabel={t('anyPlant')}
        options={plants.map((p) => ({ value: p.code, label: p.name }))}
      />
      <FilterActions applyLabel={t('apply')} clearLabel={t('clear')} clearHref={base} showClear={!isDeskFilterEmpty(filter)} />
    </FilterFormFrame>
  );
}
