import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ClaimForm } from '@/components/claims-dealer/claim-form';
import { CLAIMABLE_ORDER_STATUSES, CLAIMS_HREF, isClaimableOrder } from '@/components/claims-dealer/links';
import { OrderPicker } from '@/components/claims-dealer/order-picker';
import { requireAreaActor } from '@/lib/auth/session';
import { dealerScopeOf } from '@/lib/auth/scope';
import { getDb } from '@/lib/db';
import { MAX_SEARCH_LENGTH } from '@/lib/orders/list';
import { getOrderDetail, listOrdersForDealer, orderViewerOf } from '@/lib/orders/queries';

const PICKER_SIZE = 20;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('claimsDealer.form'))('title') };
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() ?? '';

/**
 * /dealer/claims/new?order=&position=: the claim form for one of the dealer's orders (from the
 * order page, with the construction), or first the choice of the order (?q= searches).
 */
export default async function NewClaimPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAreaActor('dealer');
  const db = getDb();
  const params = await searchParams;
  const orderNumber = first(params.order).slice(0, 64);
  const rawPosition = first(params.position);
  const position = /^[1-9]\d{0,4}$/.test(rawPosition) ? Number(rawPosition) : null;
  const t = await getTranslations('claimsDealer.form');

  // Scoped to the dealer: another dealer's order is as unknown as a mistyped number.
  const order = orderNumber ? await getOrderDetail(db, orderViewerOf(actor), orderNumber) : null;
  const claimable = order !== null && isClaimableOrder(order.status);

  let picker = null;
  if (!claimable) {
    const q = first(params.q).slice(0, MAX_SEARCH_LENGTH);
    const scope = dealerScopeOf(actor);
    // Only orders that take a claim: shipped or delivered, newest first.
    const pages = await Promise.all(CLAIMABLE_ORDER_STATUSES.map((status) => listOrdersForDealer(db, scope, { q: q || undefined, status, limit: PICKER_SIZE })));
    const orders = pages
      .flatMap((p) => p.items)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .slice(0, PICKER_SIZE);
    picker = <OrderPicker q={q} orders={orders} notice={orderNumber ? (order ? 'notClaimable' : 'notFound') : null} />;
  }

  return (
    <div className="mx-auto flex w-full max-w-2xl min-w-0 flex-col gap-4">
      <Link href={CLAIMS_HREF} className="inline-flex min-h-11 items-center self-start text-sm font-medium text-brand-700 hover:underline">
        ← {t('backToList')}
      </Link>
      <div>
        <h1 className="text-xl font-semibold md:text-2xl">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{claimable ? t('intro') : t('chooseOrder')}</p>
      </div>
      {claimable && order ? (
        <ClaimForm
          // A different order or construction starts the form afresh.
          key={`${order.number}:${position ?? ''}`}
          order={{
            number: order.number,
            customerRef: order.customerRef,
            items: order.items.map((i) => ({ position: i.position, name: i.name, kind: i.kind, widthMm: i.widthMm, heightMm: i.heightMm, quantity: i.quantity })),
          }}
          position={position}
        />
      ) : (
        picker
      )}
    </div>
  );
}
