import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { OrderDetailView } from '@/components/orders/detail-view';
import { requireAreaActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { orderNumberFromParam } from '@/lib/orders/detail';
import { getOrderDetail, orderViewerOf } from '@/lib/orders/queries';

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { number } = await params;
  return { title: (await getTranslations('orderDetail'))('title', { number: orderNumberFromParam(number).slice(0, 64) }) };
}

/** Any dealer's order, read-only, with the dealer named. */
export default async function ClaimsOrderPage({ params }: Props) {
  const actor = await requireAreaActor('claims');
  const { number } = await params;
  const order = await getOrderDetail(getDb(), orderViewerOf(actor), orderNumberFromParam(number));
  if (!order) notFound();
  return <OrderDetailView order={order} audience="staff" backHref="/claims/orders" />;
}
