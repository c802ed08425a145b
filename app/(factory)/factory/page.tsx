import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { FactoryOverview } from '@/components/factory/overview';
import { requireAreaActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getFactoryOverview } from '@/lib/reports/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('factoryHome'))('title') };
}

export default async function FactoryHomePage() {
  const actor = await requireAreaActor('factory');
  const overview = await getFactoryOverview(getDb(), actor);
  return <FactoryOverview overview={overview} />;
}
