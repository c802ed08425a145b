import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DealerUserList } from '@/components/dealer-users/user-list';
import { InviteForm } from '@/components/dealer-users/invite-form';
import { can } from '@/lib/auth/permissions';
import { dealerScopeOf } from '@/lib/auth/scope';
import { requireAreaActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { listDealerUsers } from '@/lib/dealer-users/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dealerUsers'))('title') };
}

export default async function DealerUsersPage() {
  const actor = await requireAreaActor('dealer');
  const t = await getTranslations('dealerUsers');
  // Employees see the dealer's orders, not its user management (the actions refuse them too).
  if (!can(actor, 'dealerUsers.manageOwn')) {
    return (
      <section className="mx-auto flex max-w-xl flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-5" data-testid="owner-only">
        <h1 className="text-xl font-semibold">{t('ownerOnlyTitle')}</h1>
        <p className="text-slate-700">{t('ownerOnlyBody')}</p>
        <Link href="/dealer" className="inline-flex min-h-11 items-center self-start rounded-lg border border-slate-300 px-4 font-medium text-slate-800 hover:bg-slate-100">
          {t('backHome')}
        </Link>
      </section>
    );
  }
  const users = await listDealerUsers(getDb(), dealerScopeOf(actor));
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-xl font-semibold md:text-2xl">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>
      </div>
      <InviteForm />
      <DealerUserList users={users} actorId={actor.userId} />
    </div>
  );
}
