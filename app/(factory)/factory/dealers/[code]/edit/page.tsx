import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { DealerForm } from '@/components/factory-dealers/dealer-form';
import { can } from '@/lib/auth/permissions';
import { requireAreaActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getDealerCard, isSyncedDealer } from '@/lib/dealers/detail';
import { updateDealerAction } from '@/lib/dealers/form-actions';
import { listManagerCandidates, listRegions } from '@/lib/dealers/list';
import { dealerCodeFromParam, dealerHref } from '@/lib/dealers/schemas';

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const code = dealerCodeFromParam((await params).code).slice(0, 32);
  return { title: (await getTranslations('factoryDealers'))('form.editTitle', { code }) };
}

/** Edits a dealer: every field of one made by hand; the town, manager and status of one accounting sends. */
export default async function EditDealerPage({ params }: Props) {
  const actor = await requireAreaActor('factory');
  const code = dealerCodeFromParam((await params).code);
  if (!can(actor, 'dealers.manage')) redirect(dealerHref(code));
  const db = getDb();
  const [t, card, managers, regions] = await Promise.all([
    getTranslations('factoryDealers'),
    getDealerCard(db, actor, code),
    listManagerCandidates(db, actor),
    listRegions(db, actor),
  ]);
  if (!card) notFound();
  // A manager who has since been deactivated is still shown as the one assigned.
  const options =
    card.manager && !managers.some((m) => m.id === card.manager?.id)
      ? [...managers, { id: card.manager.id, name: t('managerInactive', { name: card.manager.name }), email: card.manager.email }]
      : managers;
  const initial = {
    code: card.code,
    name: card.name,
    taxId: card.taxId,
    region: card.region ?? '',
    town: card.town ?? '',
    address: card.address ?? '',
    phone: card.phone ?? '',
    email: card.email ?? '',
    currency: card.currency,
    managerId: card.manager?.id ?? '',
    active: card.active,
  };
  return (
    <div className="mx-auto flex w-full max-w-3xl min-w-0 flex-col gap-4">
      <Link href={dealerHref(card.code)} className="inline-flex min-h-11 items-center self-start text-sm font-medium text-brand-700 underline underline-offset-2">
        {card.name}
      </Link>
      <h1 className="text-xl font-semibold break-words md:text-2xl">{t('form.editTitle', { code: card.code })}</h1>
      <DealerForm
        action={updateDealerAction.bind(null, card.code)}
        initial={initial}
        synced={isSyncedDealer(card)}
        managers={options}
        regions={regions}
        cancelHref={dealerHref(card.code)}
        mode="edit"
      />
    </div>
  );
}
