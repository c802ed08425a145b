import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { OrderSettlementsBlock } from '@/components/finance/order-settlements';
import { OrderDetailView } from '@/components/orders/detail-view';
import { AsOf } from '@/components/pwa/as-of';
import { LiveRefresh } from '@/components/realtime/live-refresh';
import { requireAreaActor } from '@/lib/auth/session';
import { dealerScopeOf } from '@/lib/auth/scope';
import { getDb } from '@/lib/db';
import { getOrderSettlementsForDealer } from '@/lib/finance/orders';
import { orderNumberFromParam } from '@/lib/orders/detail';
import { getOrderDetail, orderViewerOf } from '@/lib/orders/queries';

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { number } = await params;
  return { title: (await getTranslations('orderDetail'))('title', { number: orderNumberFromParam(number).slice(0, 64) }) };
}

export default async function DealerOrderPage({ params }: Props) {
  const actor = await requireAreaActor('dealer');
  const { number } = await params;
  // Scoped to the actor's dealer: another dealer's order is not found, exactly like a wrong number.
  const order = await getOrderDetail(getDb(), orderViewerOf(actor), orderNumberFromParam(number));
  if (!order) notFound();
  const { number: orderNumber } = order;
  const settlements = await getOrderSettlementsForDealer(getDb(), dealerScopeOf(actor), orderNumber);
  return (
    <>
      <LiveRefresh
        events={['order.status', 'order.updated', 'shipment.updated', 'ledger.updated']}
        match={{ 'order.status': { number: orderNumber }, 'order.updated': { number: orderNumber }, 'shipment.updated': { orderNumbers: orderNumber } }}
      />
      <AsOf className="mb-3" />
      <OrderDetailView
        order={order}
        audience="dealer"
        backHref="/dealer/orders"
        settlements={settlements ? <OrderSettlementsBlock settlements={settlements} /> : null}
      />
    </>
  );
}
