import Form from 'next/form';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { StatusChip } from '@/components/ui/status-chip';
import { formatDate } from '@/lib/i18n/format';
import { MAX_SEARCH_LENGTH } from '@/lib/orders/list';
import type { OrderRow } from '@/lib/orders/queries';
import { newClaimHref, CLAIMS_HREF } from './links';

/**
 * The first step of a claim filed from the claims page: which order. A plain GET search (works
 * before any script has run) over the dealer's orders that take a claim, newest first.
 */
export async function OrderPicker({ q, orders, notice }: { q: string; orders: OrderRow[]; notice?: 'notFound' | 'notClaimable' | null }) {
  const [t, tl] = await Promise.all([getTranslations('claimsDealer.picker'), getTranslations('orderList')]);
  const locale = (await getLocale()) as Locale;
  return (
    <div className="flex flex-col gap-4" data-testid="order-picker">
      {notice ? (
        <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2.5 text-sm text-amber-950" data-testid="order-picker-notice">
          {t(notice)}
        </p>
      ) : null}
      <Form action={`${CLAIMS_HREF}/new`} role="search" aria-label={t('searchLabel')} className="flex flex-col gap-2 rounded-2xl border border-slate-200 bg-white p-4 md:p-5">
        <label htmlFor="claim-order-q" className="text-sm font-medium text-slate-700">
          {t('searchLabel')}
        </label>
        <div className="flex gap-2">
          <input
            id="claim-order-q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={MAX_SEARCH_LENGTH}
            placeholder={tl('searchPlaceholder')}
            autoComplete="off"
            enterKeyHint="search"
            className="min-h-12 w-full min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-3 text-base focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none"
          />
          <button type="submit" className="min-h-12 shrink-0 rounded-lg bg-brand-700 px-5 text-base font-semibold text-white hover:bg-brand-800">
            {tl('apply')}
          </button>
        </div>
        <p className="text-xs text-slate-600">{t('onlyShipped')}</p>
      </Form>
      {orders.length === 0 ? (
        <p className="rounded-2xl border border-slate-200 bg-white p-4 text-sm text-slate-600" data-testid="order-picker-empty">
          {q ? t('noMatch', { q }) : t('none')}
        </p>
      ) : (
        <ul className="grid grid-cols-1 gap-2 md:grid-cols-2" aria-label={t('listLabel')}>
          {orders.map((order) => (
            <li key={order.number}>
              <Link
                href={newClaimHref(order.number)}
                prefetch={false}
                data-testid="order-choice"
                data-number={order.number}
                className="flex h-full flex-col gap-1.5 rounded-2xl border border-slate-200 bg-white px-3.5 py-3 hover:border-brand-600 focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:outline-none"
              >
                <span className="flex flex-wrap items-center justify-between gap-x-2 gap-y-1">
                  <span className="font-semibold whitespace-nowrap tabular-nums">{order.number}</span>
                  <StatusChip kind="order" status={order.status} />
                </span>
                <span className={`truncate text-sm ${order.customerRef ? 'text-slate-800' : 'text-slate-600 italic'}`}>{order.customerRef ?? tl('noCustomerRef')}</span>
                <span className="flex flex-wrap justify-between gap-x-3 text-xs text-slate-600">
                  <span>{tl('constructionsCount', { count: order.itemsCount })}</span>
                  <span>{tl('statusSince', { date: formatDate(order.statusAt, locale) })}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
