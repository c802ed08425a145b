import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AccountPanel } from '@/components/shell/account-panel';
import { requireAreaActor } from '@/lib/auth/session';
import { dealerScopeOf } from '@/lib/auth/scope';
import { getDb } from '@/lib/db';
import { getOwnDealer } from '@/lib/dealers/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('title') };
}

export default async function DealerAccountPage() {
  const actor = await requireAreaActor('dealer');
  const dealer = await getOwnDealer(getDb(), dealerScopeOf(actor));
  return <AccountPanel actor={actor} dealerName={`${dealer.name} (${dealer.code})`} />;
}
