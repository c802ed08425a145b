import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AccountPanel } from '@/components/shell/account-panel';
import { MoreSections } from '@/components/shell/more-sections';
import { requireAreaActor } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('title') };
}

export default async function FactoryAccountPage() {
  const actor = await requireAreaActor('factory');
  return (
    <AccountPanel actor={actor}>
      <MoreSections area="factory" actor={actor} />
    </AccountPanel>
  );
}
