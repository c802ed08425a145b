import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AccountPanel } from '@/components/shell/account-panel';
import { requireAreaActor } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('title') };
}

export default async function ClaimsAccountPage() {
  return <AccountPanel actor={await requireAreaActor('claims')} />;
}
