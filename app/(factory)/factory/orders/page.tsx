import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { OrderPlantFilter } from '@/components/factory-settings/order-plant-filter';
import { OrderLookup } from '@/components/orders/order-lookup';
import { requireAreaActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { lookupNumberFromSearchParams } from '@/lib/orders/detail';
import { orderNumberExists } from '@/lib/orders/queries';
import { listPlantChoices } from '@/lib/settings/queries';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('orderDetail'))('lookupTitle') };
}

/**
 * Look any order up by its exact number (GET ?number=), among one plant's orders when a plant is
 * chosen (?plant=<code>); a match opens the order page.
 */
export default async function FactoryOrderLookupPage({ searchParams }: Props) {
  const actor = await requireAreaActor('factory');
  const params = await searchParams;
  const number = lookupNumberFromSearchParams(params);
  const db = getDb();
  const plants = await listPlantChoices(db, actor);
  const plantParam = Array.isArray(params.plant) ? params.plant[0] : params.plant;
  const plant = plants.find((p) => p.code === plantParam)?.code;
  if (number && (await orderNumberExists(db, actor, number, { plant }))) redirect(`/factory/orders/${encodeURIComponent(number)}`);
  return (
    <OrderLookup action="/factory/orders" value={number} noMatch={number !== ''}>
      <OrderPlantFilter plants={plants} value={plant ?? ''} noMatch={number !== ''} />
    </OrderLookup>
  );
}
