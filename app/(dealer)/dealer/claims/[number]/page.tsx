import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ClaimView } from '@/components/claims-dealer/claim-view';
import { AsOf } from '@/components/pwa/as-of';
import { LiveRefresh } from '@/components/realtime/live-refresh';
import { requireAreaActor } from '@/lib/auth/session';
import { claimViewerOf, getClaimDetail } from '@/lib/claims/detail';
import { getDb } from '@/lib/db';
import { orderNumberFromParam } from '@/lib/orders/detail';

type Props = { params: Promise<{ number: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { number } = await params;
  return { title: (await getTranslations('claimsDealer.detail'))('title', { number: orderNumberFromParam(number).slice(0, 32) }) };
}

export default async function DealerClaimPage({ params, searchParams }: Props) {
  const actor = await requireAreaActor('dealer');
  const number = orderNumberFromParam((await params).number);
  // Scoped to the actor's dealer: another dealer's claim is not found, exactly like a wrong number.
  const claim = await getClaimDetail(getDb(), claimViewerOf(actor), number);
  if (!claim) notFound();
  const justFiled = (await searchParams).filed === '1';
  return (
    <>
      <LiveRefresh events={['claim.updated', 'claim.message']} match={{ 'claim.updated': { number: claim.number }, 'claim.message': { number: claim.number } }} />
      <AsOf className="mx-auto mb-3 w-full max-w-3xl" />
      <ClaimView claim={claim} justFiled={justFiled} />
    </>
  );
}
