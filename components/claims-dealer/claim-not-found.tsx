'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { CLAIMS_HREF } from './links';

/**
 * The claim page's not-found: names the number asked for, and says the same whether the claim
 * does not exist or belongs to another dealer.
 */
export function ClaimNotFound() {
  const t = useTranslations('claimsDealer.notFound');
  const params = useParams<{ number?: string }>();
  let number = typeof params.number === 'string' ? params.number : '';
  try {
    number = decodeURIComponent(number);
  } catch {
    // A malformed escape: show the number as it came.
  }
  return (
    <section className="mx-auto flex max-w-xl flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-5" data-testid="claim-not-found">
      <h1 className="text-xl font-semibold">{t('title')}</h1>
      <p className="break-words text-slate-700">{t('body', { number: number.slice(0, 64) })}</p>
      <Link href={CLAIMS_HREF} className="inline-flex min-h-11 items-center self-start rounded-lg bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">
        {t('back')}
      </Link>
    </section>
  );
}
