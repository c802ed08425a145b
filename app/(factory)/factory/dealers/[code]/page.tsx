import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { DealerClaims, DealerDetails, DealerFinances, DealerHistory, DealerOrders, DealerUsers } from '@/components/factory-dealers/dealer-sections';
import { PayerBadge } from '@/components/ui/payer-badge';
import { can } from '@/lib/auth/permissions';
import { requireAreaActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getDealerDetail } from '@/lib/dealers/detail';
import { dealerCodeFromParam, dealerHref } from '@/lib/dealers/schemas';
import { DEFAULT_RECEIVABLES_FILTER, receivablesHref } from '@/lib/finance/receivables-filter';

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const code = dealerCodeFromParam((await params).code).slice(0, 32);
  return { title: `${code} · ${(await getTranslations('factoryDealers'))('title')}` };
}

/** One dealer: details, finances, users, recent orders, claims and its recent history. */
export default async function FactoryDealerPage({ params, searchParams }: Props) {
  const actor = await requireAreaActor('factory');
  if (!can(actor, 'dealers.read')) redirect('/factory');
  const code = dealerCodeFromParam((await params).code);
  const [t, detail, query] = await Promise.all([getTranslations('factoryDealers'), getDealerDetail(getDb(), actor, code), searchParams]);
  if (!detail) notFound();
  const { card } = detail;
  const notice = query.created === '1' ? t('created') : query.saved === '1' ? t('saved') : null;
  // The receivables list searches codes by their text, so the dealer's code finds the dealer.
  const financeHref = receivablesHref('/factory/finance', { ...DEFAULT_RECEIVABLES_FILTER, q: card.code });
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <Link href="/factory/dealers" className="inline-flex min-h-11 items-center self-start text-sm font-medium text-brand-700 underline underline-offset-2">
        {t('back')}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-xl font-semibold break-words md:text-2xl" data-testid="dealer-name">
            {card.name}
          </h1>
          <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600">
            <span data-testid="dealer-code">{card.code}</span>
            <PayerBadge category={card.payerCategory} />
            {card.active ? null : <span className="rounded bg-slate-200 px-1.5 py-0.5 font-medium text-slate-700">{t('inactive')}</span>}
          </p>
        </div>
        {can(actor, 'dealers.manage') ? (
          <Link href={`${dealerHref(card.code)}/edit`} className="inline-flex min-h-11 items-center rounded-lg border border-brand-700 px-4 font-medium text-brand-800 hover:bg-brand-50" data-testid="edit-dealer">
            {t('edit')}
          </Link>
        ) : null}
      </div>
      {notice ? (
        <p role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900" data-testid="dealer-notice">
          {notice}
        </p>
      ) : null}
      {/* Two columns on a desktop; one on a phone, in the order of what is looked at first. */}
      <div className="flex min-w-0 flex-col gap-4 lg:grid lg:grid-cols-2 lg:items-start">
        <div className="contents lg:flex lg:min-w-0 lg:flex-col lg:gap-4">
          <div className="order-1 min-w-0 lg:order-none">
            <DealerDetails detail={detail} />
          </div>
          <div className="order-3 min-w-0 lg:order-none">
            <DealerUsers detail={detail} />
          </div>
          <div className="order-6 min-w-0 lg:order-none">
            <DealerHistory detail={detail} />
          </div>
        </div>
        <div className="contents lg:flex lg:min-w-0 lg:flex-col lg:gap-4">
          <div className="order-2 min-w-0 lg:order-none">
            <DealerFinances detail={detail} financeHref={financeHref} />
          </div>
          <div className="order-4 min-w-0 lg:order-none">
            <DealerOrders detail={detail} />
          </div>
          <div className="order-5 min-w-0 lg:order-none">
            <DealerClaims detail={detail} />
          </div>
        </div>
      </div>
    </div>
  );
}
