'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { dealerCodeFromParam } from '@/lib/dealers/schemas';

/** The dealer page's not-found: names the code asked for. */
export function DealerNotFound() {
  const t = useTranslations('factoryDealers');
  const params = useParams<{ code?: string }>();
  const code = dealerCodeFromParam(typeof params.code === 'string' ? params.code : '');
  return (
    <section className="mx-auto flex max-w-xl flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-5" data-testid="dealer-not-found">
      <h1 className="text-xl font-semibold">{t('notFound.title')}</h1>
      <p className="break-words text-slate-700">{t('notFound.body', { code: code.slice(0, 64) })}</p>
      <Link href="/factory/dealers" className="inline-flex min-h-11 items-center self-start rounded-lg bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">
        {t('back')}
      </Link>
    </section>
  );
}
