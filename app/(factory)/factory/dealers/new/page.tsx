import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { DealerForm } from '@/components/factory-dealers/dealer-form';
import { can } from '@/lib/auth/permissions';
import { requireAreaActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { createDealerAction } from '@/lib/dealers/form-actions';
import { listManagerCandidates, listRegions } from '@/lib/dealers/list';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('factoryDealers'))('form.createTitle') };
}

/** A dealer accounting does not send, entered by hand. */
export default async function NewDealerPage() {
  const actor = await requireAreaActor('factory');
  if (!can(actor, 'dealers.manage')) redirect('/factory/dealers');
  const db = getDb();
  const [t, managers, regions] = await Promise.all([getTranslations('factoryDealers'), listManagerCandidates(db, actor), listRegions(db, actor)]);
  const initial = {
    code: '',
    name: '',
    taxId: '',
    region: '',
    town: '',
    address: '',
    phone: '',
    email: '',
    currency: 'UAH',
    // A factory manager who creates a dealer usually looks after it.
    managerId: managers.some((m) => m.id === actor.userId) && actor.role === 'factory' ? actor.userId : '',
    active: true,
  };
  return (
    <div className="mx-auto flex w-full max-w-3xl min-w-0 flex-col gap-4">
      <Link href="/factory/dealers" className="inline-flex min-h-11 items-center self-start text-sm font-medium text-brand-700 underline underline-offset-2">
        {t('back')}
      </Link>
      <div>
        <h1 className="text-xl font-semibold md:text-2xl">{t('form.createTitle')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('form.createIntro')}</p>
      </div>
      <DealerForm action={createDealerAction} initial={initial} synced={false} managers={managers} regions={regions} cancelHref="/factory/dealers" mode="create" />
    </div>
  );
}
