import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ClaimView } from '@/components/claims-desk/claim-view';
import { can } from '@/lib/auth/permissions';
import { requireAreaActor } from '@/lib/auth/session';
import { listAssignees } from '@/lib/claims/assign';
import { claimViewerOf, getClaimDetail } from '@/lib/claims/detail';
import { getDb } from '@/lib/db';
import { orderNumberFromParam } from '@/lib/orders/detail';
import { getOrderDetail, orderViewerOf } from '@/lib/orders/queries';

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { number } = await params;
  return { title: (await getTranslations('claimDesk'))('title', { number: orderNumberFromParam(number).slice(0, 32) }) };
}

/** One claim for the claims desk: worked here by its specialist, handed over here by a lead. */
export default async function ClaimDeskPage({ params }: Props) {
  const actor = await requireAreaActor('claims');
  const { number } = await params;
  const db = getDb();
  const claim = await getClaimDetail(db, claimViewerOf(actor), orderNumberFromParam(number));
  if (!claim) notFound();
  const [order, assignees] = await Promise.all([
    claim.itemPosition !== null ? getOrderDetail(db, orderViewerOf(actor), claim.order.number) : null,
    can(actor, 'claims.reassign') && claim.status !== 'closed' ? listAssignees(db, actor) : null,
  ]);
  const item = order?.items.find((i) => i.position === claim.itemPosition) ?? null;
  return <ClaimView claim={claim} actor={actor} item={item} assignees={assignees} now={new Date()} />;
}
