import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { OrderLookup } from '@/components/orders/order-lookup';
import { requireAreaActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { lookupNumberFromSearchParams } from '@/lib/orders/detail';
import { orderNumberExists } from '@/lib/orders/queries';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('orderDetail'))('lookupTitle') };
}

/** Look any order up by its exact number (GET ?number=); a match opens the order page. */
export default async function ClaimsOrderLookupPage({ searchParams }: Props) {
  const actor = await requireAreaActor('claims');
  const number = lookupNumberFromSearchParams(await searchParams);
  if (number && (await orderNumberExists(getDb(), actor, number))) redirect(`/claims/orders/${encodeURIComponent(number)}`);
  return <OrderLookup action="/claims/orders" value={number} noMatch={number !== ''} />;
}
