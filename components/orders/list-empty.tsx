import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

const LINK = 'inline-flex min-h-11 items-center self-start rounded-lg border border-slate-300 px-4 font-medium text-slate-800 hover:bg-slate-100';

/**
 * Why the orders list is empty: the dealer has no orders yet, none match the filters, or a
 * "show more" link went past the oldest.
 */
export async function OrderListEmpty({ reason, clearHref }: { reason: 'none' | 'noMatch' | 'noMore'; clearHref: string }) {
  const t = await getTranslations('orderList');
  return (
    <section className="flex flex-col gap-2 rounded-2xl border border-slate-200 bg-white p-5" data-testid="orders-empty" data-reason={reason}>
      {reason === 'none' ? (
        <>
          <h2 className="text-base font-semibold">{t('emptyTitle')}</h2>
          <p className="text-slate-700">{t('emptyBody')}</p>
        </>
      ) : reason === 'noMatch' ? (
        <>
          <h2 className="text-base font-semibold">{t('noMatchTitle')}</h2>
          <p className="text-slate-700">{t('noMatchBody')}</p>
          <Link href={clearHref} className={LINK}>
            {t('clear')}
          </Link>
        </>
      ) : (
        <>
          <h2 className="text-base font-semibold">{t('noMoreTitle')}</h2>
          <Link href={clearHref} className={LINK}>
            {t('backToNewest')}
          </Link>
        </>
      )}
    </section>
  );
}
