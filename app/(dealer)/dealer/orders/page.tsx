import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { ORDER_STATUSES, type Locale } from '@/drizzle/schema/values';
import { OrderListEmpty } from '@/components/orders/list-empty';
import { OrderListFilters } from '@/components/orders/list-filters';
import { OrderListOrders } from '@/components/orders/list-orders';
import { OrderListPager } from '@/components/orders/list-pager';
import { OrderListStatusFilter } from '@/components/orders/list-status-filter';
import { AsOf } from '@/components/pwa/as-of';
import { LiveRefresh } from '@/components/realtime/live-refresh';
import { requireAreaActor } from '@/lib/auth/session';
import { dealerScopeOf } from '@/lib/auth/scope';
import { getDb } from '@/lib/db';
import { formatNumber } from '@/lib/i18n/format';
import { filterFromSearchParams, orderListHref } from '@/lib/orders/list';
import { countFilteredOrdersByStatusForDealer, listOrdersForDealer } from '@/lib/orders/queries';

const BASE = '/dealer/orders';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('orderList'))('title') };
}

export default async function DealerOrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAreaActor('dealer');
  const scope = dealerScopeOf(actor);
  const db = getDb();
  // Whatever in the URL is not understood is left out: a stale or edited link still opens the list.
  const { cursor, ...filter } = filterFromSearchParams(await searchParams);
  const { status: _status, ...others } = filter;
  const [t, locale, page, counts] = await Promise.all([
    getTranslations('orderList'),
    getLocale() as Promise<Locale>,
    listOrdersForDealer(db, scope, { ...filter, cursor }),
    // Each chip counts what it would show: the other filters, its own status.
    countFilteredOrdersByStatusForDealer(db, scope, others),
  ]);
  const total = filter.status ? counts[filter.status] : ORDER_STATUSES.reduce((sum, s) => sum + counts[s], 0);
  const filtered = Boolean(filter.q || filter.status || filter.from || filter.to);
  const newestHref = orderListHref(BASE, filter);

  return (
    <div className="flex flex-col gap-4">
      <LiveRefresh events={['order.status', 'order.updated']} />
      <h1 className="text-xl font-semibold md:text-2xl">{t('title')}</h1>
      <AsOf />
      <OrderListFilters base={BASE} filter={filter} />
      <OrderListStatusFilter base={BASE} filter={filter} counts={counts} />
      {page.items.length === 0 ? (
        <OrderListEmpty reason={cursor ? 'noMore' : filtered ? 'noMatch' : 'none'} clearHref={cursor ? newestHref : BASE} />
      ) : (
        <>
          <p className="text-sm text-slate-600" role="status" data-testid="orders-summary">
            {t(cursor ? 'summaryOlder' : 'summary', { shown: formatNumber(page.items.length, locale), total: formatNumber(total, locale) })}
          </p>
          <OrderListOrders orders={page.items} />
          <OrderListPager
            moreHref={page.nextCursor ? orderListHref(BASE, filter, { cursor: page.nextCursor }) : null}
            newestHref={cursor ? newestHref : null}
          />
        </>
      )}
    </div>
  );
}
