import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ORDER_STATUSES, type Locale, type OrderStatus } from '@/drizzle/schema/values';
import { formatNumber } from '@/lib/i18n/format';
import { orderListHref, type OrderListFilter } from '@/lib/orders/list';
import { ListStatusStrip } from './list-status-strip';

/**
 * The status chips of the orders list: All and each status, with how many orders each would
 * show under the other filters. Each is a link, so a status is part of the URL.
 */
export async function OrderListStatusFilter({
  base,
  filter,
  counts,
}: {
  base: string;
  filter: OrderListFilter;
  counts: Record<OrderStatus, number>;
}) {
  const [t, tStatus] = await Promise.all([getTranslations('orderList'), getTranslations('status.order')]);
  const locale = (await getLocale()) as Locale;
  const total = ORDER_STATUSES.reduce((sum, status) => sum + counts[status], 0);
  const chips = [
    { key: 'all', label: t('all'), count: total, href: orderListHref(base, { ...filter, status: undefined }), current: !filter.status },
    ...ORDER_STATUSES.map((status) => ({
      key: status,
      label: tStatus(status),
      count: counts[status],
      href: orderListHref(base, { ...filter, status }),
      current: filter.status === status,
    })),
  ];
  return (
    <nav aria-label={t('statusFilterLabel')} data-scrolls-sideways>
      {/* One row that scrolls sideways on a phone (the list stays high on the screen), wrapped on wider screens. */}
      <ListStatusStrip
        current={filter.status ?? 'all'}
        className="relative -mx-4 flex gap-2 overflow-x-auto px-4 pb-1 md:mx-0 md:flex-wrap md:overflow-visible md:px-0 md:pb-0"
      >
        {chips.map((chip) => (
          <li key={chip.key} className="shrink-0">
            <Link
              href={chip.href}
              aria-current={chip.current ? 'page' : undefined}
              data-testid={`status-filter-${chip.key}`}
              data-count={chip.count}
              prefetch={false}
              className={`inline-flex min-h-11 items-center gap-2 rounded-full whitespace-nowrap border px-3.5 text-sm font-medium ${
                chip.current
                  ? 'border-brand-700 bg-brand-700 text-white'
                  : chip.count === 0
                    ? 'border-slate-200 bg-white text-slate-600 hover:bg-slate-100'
                    : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100'
              }`}
            >
              <span>{chip.label}</span>
              <span className={`rounded-full px-1.5 text-xs font-semibold tabular-nums ${chip.current ? 'bg-white/20' : 'bg-slate-100'}`}>
                {formatNumber(chip.count, locale)}
              </span>
            </Link>
          </li>
        ))}
      </ListStatusStrip>
    </nav>
  );
}
