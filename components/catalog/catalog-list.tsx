import { getLocale, getTranslations } from 'next-intl/server';
import { EmptyNotice } from '@/components/ui/empty-notice';
import { PageNav } from '@/components/ui/page-nav';
import type { Locale } from '@/drizzle/schema/values';
import { catalogHref, type CatalogFilter } from '@/lib/catalog/filter';
import type { CatalogItem, CatalogPage, StaffCatalogItem } from '@/lib/catalog/queries';
import { formatDateTime, formatMoney, formatNumber } from '@/lib/i18n/format';

const isStaffItem = (item: CatalogItem): item is StaffCatalogItem => 'source' in item;

/**
 * A page of the catalogue as cards (one column on phones, more on wider screens): the dealer's
 * price first and largest, then the retail and the promotional price (marked, with the saving,
 * when it is below the dealer's), the unit and the stock. Staff also see when and from which
 * source the item came.
 */
export async function CatalogList({ list, base, filter, audience }: { list: CatalogPage<CatalogItem>; base: string; filter: CatalogFilter; audience: 'dealer' | 'staff' }) {
  const [t, locale] = await Promise.all([getTranslations('catalog'), getLocale() as Promise<Locale>]);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const first = (list.page - 1) * list.pageSize + 1;
  return (
    <>
      <p className="text-sm text-slate-600" role="status" data-testid="catalog-summary">
        {t('summary', { first: formatNumber(first, locale), last: formatNumber(first + list.items.length - 1, locale), total: formatNumber(list.total, locale) })}
      </p>
      <ul className="grid grid-cols-1 gap-2 md:grid-cols-2 2xl:grid-cols-3" aria-label={t('listLabel')} data-testid="catalog-items">
        {list.items.map((item) => {
          const inStock = item.stock !== null && /[1-9]/.test(item.stock);
          return (
            <li key={item.partNumber} className="flex min-w-0 flex-col gap-2 rounded-2xl border border-slate-200 bg-white px-3.5 py-3" data-testid="catalog-item" data-part-number={item.partNumber}>
              <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
                <span className="font-mono text-sm font-semibold break-all text-slate-700" data-testid="catalog-part-number">
                  {item.partNumber}
                </span>
                <span
                  className={`rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${inStock ? 'bg-emerald-50 text-emerald-800' : 'bg-amber-50 text-amber-900'}`}
                  data-testid="catalog-stock"
                >
                  {inStock ? t('inStock', { quantity: formatNumber(Number(item.stock), locale), unit: item.unit }) : t('onOrder')}
                </span>
              </div>
              <h2 className="text-base leading-snug font-medium break-words text-slate-900" data-testid="catalog-name">
                {item.name}
              </h2>
              <dl className="flex flex-col gap-1">
                <div className="flex flex-wrap items-baseline justify-between gap-x-3" data-testid="catalog-dealer-price">
                  <dt className="text-sm font-medium text-brand-800">{t(audience === 'dealer' ? 'yourPrice' : 'dealerPrice')}</dt>
                  <dd className="text-xl font-bold whitespace-nowrap text-brand-800 tabular-nums">
                    {formatMoney(item.dealerPrice, item.currency, locale)}
                    <span className="ml-1 text-sm font-normal text-slate-600">{t('perUnit', { unit: item.unit })}</span>
                  </dd>
                </div>
                <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm" data-testid="catalog-retail-price">
                  <dt className="text-slate-600">{t('retailPrice')}</dt>
                  <dd className="whitespace-nowrap text-slate-800 tabular-nums">{formatMoney(item.retailPrice, item.currency, locale)}</dd>
                </div>
                {item.promoPrice !== null ? (
                  <div
                    className={`flex flex-wrap items-baseline justify-between gap-x-3 text-sm ${item.promoSaving ? '-mx-1.5 rounded-lg bg-rose-50 px-1.5 py-1' : ''}`}
                    data-testid="catalog-promo-price"
                  >
                    <dt className={item.promoSaving ? 'font-medium text-rose-800' : 'text-slate-600'}>{t('promoPrice')}</dt>
                    <dd className="flex flex-wrap items-baseline gap-x-2 whitespace-nowrap tabular-nums">
                      <span className={item.promoSaving ? 'font-semibold text-rose-800' : 'text-slate-800'}>{formatMoney(item.promoPrice, item.currency, locale)}</span>
                      {item.promoSaving ? (
                        <span className="text-xs font-medium text-rose-800" data-testid="catalog-saving">
                          {t('saving', { amount: formatMoney(item.promoSaving, item.currency, locale) })}
                        </span>
                      ) : null}
                    </dd>
                  </div>
                ) : null}
              </dl>
              {isStaffItem(item) ? (
                <p className="text-xs text-slate-600" data-testid="catalog-updated">
                  {t('updated', { date: formatDateTime(item.sourceUpdatedAt ?? item.updatedAt, locale) })}
                  {' · '}
                  {item.source ? t('source', { source: item.source }) : t('sourceUnknown')}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      <PageNav
        page={list.page}
        pages={pages}
        hrefOf={(page) => catalogHref(base, { ...filter, page })}
        labels={{ nav: t('pages'), previous: t('previous'), next: t('next'), pageOf: t('pageOf', { page: list.page, pages }) }}
        nextTestId="catalog-next-page"
      />
    </>
  );
}

/** No item at all, or none matching the search. */
export async function CatalogEmpty({ base, searched }: { base: string; searched: boolean }) {
  const t = await getTranslations('catalog');
  return (
    <EmptyNotice testId="catalog-empty" clear={searched ? { href: base, label: t('clear') } : undefined}>
      <p className="font-medium text-slate-700">{t(searched ? 'noMatchTitle' : 'emptyTitle')}</p>
      <p className="text-sm text-slate-600">{t(searched ? 'noMatchBody' : 'emptyBody')}</p>
    </EmptyNotice>
  );
}
