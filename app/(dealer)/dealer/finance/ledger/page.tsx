import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { FinanceDocuments } from '@/components/finance/documents-panel';
import { LedgerFilters } from '@/components/finance/ledger-filters';
import { LedgerLines } from '@/components/finance/ledger-lines';
import { LedgerPager } from '@/components/finance/ledger-pager';
import { BalanceFigure } from '@/components/finance/signed-amount';
import { AsOf } from '@/components/pwa/as-of';
import { LiveRefresh } from '@/components/realtime/live-refresh';
import { requireAreaActor } from '@/lib/auth/session';
import { dealerScopeOf } from '@/lib/auth/scope';
import { factoryToday } from '@/lib/calendar';
import { getDb } from '@/lib/db';
import { getLedgerPageForDealer, LEDGER_PAGE_SIZE } from '@/lib/finance/ledger';
import { ledgerHref, ledgerQueryFromSearchParams, MAX_PERIOD_YEARS } from '@/lib/finance/period';
import { formatDate, formatMoney } from '@/lib/i18n/format';

const BASE = '/dealer/finance/ledger';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('finance.ledger'))('title') };
}

/**
 * The dealer's ledger for a period: opening balance, the lines with the running balance, closing
 * balance. Long periods are paged (100 lines a page, `page` in the URL): the database computes
 * the running balance over the whole period once and sends one page.
 */
export default async function DealerLedgerPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAreaActor('dealer');
  const scope = dealerScopeOf(actor);
  const today = factoryToday();
  const params = await searchParams;
  const { clamped, ...query } = ledgerQueryFromSearchParams(params, today);
  const rawPage = Array.isArray(params.page) ? params.page[0] : params.page;
  const requested = rawPage && /^\d{1,6}$/.test(rawPage) ? Math.max(1, Number.parseInt(rawPage, 10)) : 1;
  const pageOf = (n: number) => getLedgerPageForDealer(getDb(), scope, query, { offset: (n - 1) * LEDGER_PAGE_SIZE, limit: LEDGER_PAGE_SIZE });
  const [t, locale, found] = await Promise.all([getTranslations('finance'), getLocale() as Promise<Locale>, pageOf(requested)]);
  const pageCount = Math.max(1, Math.ceil(found.totalLines / LEDGER_PAGE_SIZE));
  const page = Math.min(requested, pageCount);
  // A page past the end (the ledger got shorter, or an edited link) shows the last one.
  const ledger = page === requested ? found : await pageOf(page);
  const filtered = Boolean(query.kind || query.q);
  const money = (amount: string) => formatMoney(amount, ledger.currency, locale);
  return (
    <div className="flex flex-col gap-4">
      <LiveRefresh events={['ledger.updated']} />
      <Link href="/dealer/finance" className="inline-flex min-h-11 items-center self-start text-sm font-medium text-brand-700 hover:underline">
        ← {t('backToFinance')}
      </Link>
      <h1 className="text-xl font-semibold md:text-2xl">{t('ledger.title')}</h1>
      <AsOf />
      <LedgerFilters base={BASE} query={query} today={today} />
      {clamped ? (
        <p role="note" className="rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {t('ledger.clamped', { years: MAX_PERIOD_YEARS })}
        </p>
      ) : null}
      <section aria-labelledby="ledger-period-title" className="rounded-2xl border border-slate-200 bg-white p-4 md:p-5" data-testid="ledger-period">
        <h2 id="ledger-period-title" className="font-semibold" data-testid="ledger-period-title">
          {t('ledger.period', { from: formatDate(ledger.from, locale), to: formatDate(ledger.to, locale) })}
        </h2>
        <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-2 text-sm md:grid-cols-4">
          <div>
            <dt className="text-slate-600">{t('ledger.openingShort')}</dt>
            <dd className="font-semibold">
              <BalanceFigure balance={ledger.openingBalance} currency={ledger.currency} locale={locale} />
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('ledger.debit')}</dt>
            <dd className="font-semibold tabular-nums">{money(ledger.turnover.debit)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('ledger.credit')}</dt>
            <dd className="font-semibold tabular-nums">{money(ledger.turnover.credit)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('ledger.closingShort')}</dt>
            <dd className="font-semibold" data-testid="ledger-closing-figure">
              <BalanceFigure balance={ledger.closingBalance} currency={ledger.currency} locale={locale} />
            </dd>
          </div>
        </dl>
        <p className="mt-2 text-xs text-slate-600">{t('ledger.signNote')}</p>
        {filtered ? <p className="mt-1 text-xs text-slate-600" data-testid="ledger-filter-note">{t('ledger.filterNote')}</p> : null}
      </section>
      <LedgerLines ledger={ledger} showOpening={page === 1} showClosing={page === pageCount} />
      <LedgerPager
        page={page}
        pageCount={pageCount}
        total={ledger.totalLines}
        first={ledger.entries.length ? ledger.offset + 1 : 0}
        last={ledger.offset + ledger.entries.length}
        hrefOf={(p) => ledgerHref(BASE, query, p > 1 ? { page: String(p) } : {})}
      />
      <FinanceDocuments from={ledger.from} to={ledger.to} />
    </div>
  );
}
