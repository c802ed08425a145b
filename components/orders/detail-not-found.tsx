'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useTranslations } from 'next-intl';

/**
 * The order page's not-found: names the number asked for, and says the same whether the order
 * does not exist or belongs to another dealer.
 */
export function OrderNotFound({ audience, backHref }: { audience: 'dealer' | 'staff'; backHref: string }) {
  const t = useTranslations('orderDetail');
  const params = useParams<{ number?: string }>();
  let number = typeof params.number === 'string' ? params.number : '';
  try {
    number = decodeURIComponent(number);
  } catch {
    // A malformed escape: show the number as it came.
  }
  return (
    <section className="mx-auto flex max-w-xl flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-5" data-testid="order-not-found">
      <h1 className="text-xl font-semibold">{t('notFoundTitle')}</h1>
      <p className="break-words text-slate-700">
        {audience === 'dealer' ? t('notFoundBody', { number: number.slice(0, 64) }) : t('notFoundBodyStaff', { number: number.slice(0, 64) })}
      </p>
      <Link href={backHref} className="inline-flex min-h-11 items-center self-start rounded-lg bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">
        {audience === 'dealer' ? t('backToList') : t('backToLookup')}
      </Link>
    </section>
  );
}
