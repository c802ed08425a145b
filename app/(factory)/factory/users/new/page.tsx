import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CreateUserForm } from '@/components/factory-users/create-user-form';
import { can } from '@/lib/auth/permissions';
import { requireAreaActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { listDealerChoices } from '@/lib/users/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('factoryUsers'))('newTitle') };
}

/** A new user of any role, with a one-time link to set the password (administrators). */
export default async function NewUserPage() {
  const actor = await requireAreaActor('factory');
  if (!can(actor, 'users.manage')) redirect('/factory');
  const [t, dealers] = await Promise.all([getTranslations('factoryUsers'), listDealerChoices(getDb(), actor)]);
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <div>
        <Link href="/factory/users" className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline underline-offset-2">
          {t('backToList')}
        </Link>
        <h1 className="mt-1 text-xl font-semibold md:text-2xl">{t('newTitle')}</h1>
      </div>
      <CreateUserForm dealers={dealers} />
    </div>
  );
}
