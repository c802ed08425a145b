import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { formatNumber } from '@/lib/i18n/format';

/**
 * Pages of a long ledger (a period of thousands of lines sends one page of 100 at a time; the page
 * is in the URL, so a view can be shared or reloaded).
 */
export async function LedgerPager({ page, pageCount, total, first, last, hrefOf }: { page: number; pageCount: number; total: number; first: number; last: number; hrefOf: (page: number) => string }) {
  const t = await getTranslations('finance.ledger');
  const locale = (await getLocale()) as Locale;
  if (total === 0) return null;
  const link = 'inline-flex min-h-12 items-center justify-center rounded-lg border border-slate-300 bg-white px-4 font-medium text-slate-800 hover:bg-slate-100';
  return (
    <nav aria-label={t('pagesLabel')} className="flex flex-col items-center gap-2 sm:flex-row sm:justify-between" data-testid="ledger-pager">
      <p className="text-sm text-slate-600" role="status">
        {t('linesShown', { first: formatNumber(first, locale), last: formatNumber(last, locale), total: formatNumber(total, locale) })}
      </p>
      {pageCount > 1 ? (
        <div className="flex gap-2">
          {page > 1 ? (
            <Link href={hrefOf(page - 1)} prefetch={false} className={link} rel="prev">
              ← {t('previousPage')}
            </Link>
          ) : null}
          {page < pageCount ? (
            <Link href={hrefOf(page + 1)} prefetch={false} className={link} rel="next" data-testid="ledger-next">
              {t('nextPage')} →
            </Link>
          ) : null}
        </div>
      ) : null}
    </nav>
  );
}
