import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/**
 * Keyset paging of the orders list: "show more" continues after the last order shown (the
 * cursor is in the URL, so the link can be shared or reloaded); "back to the newest" drops it.
 */
export async function OrderListPager({ moreHref, newestHref }: { moreHref: string | null; newestHref: string | null }) {
  if (!moreHref && !newestHref) return null;
  const t = await getTranslations('orderList');
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:justify-center">
      {moreHref ? (
        <Link
          href={moreHref}
          prefetch={false}
          className="inline-flex min-h-12 items-center justify-center rounded-lg bg-brand-700 px-5 font-semibold text-white hover:bg-brand-800"
        >
          {t('showMore')}
        </Link>
      ) : null}
      {newestHref ? (
        <Link
          href={newestHref}
          className="inline-flex min-h-12 items-center justify-center rounded-lg border border-slate-300 bg-white px-5 font-medium text-slate-800 hover:bg-slate-100"
        >
          {t('backToNewest')}
        </Link>
      ) : null}
    </div>
  );
}
