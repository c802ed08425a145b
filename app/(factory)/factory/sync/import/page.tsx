import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AccountingImport } from '@/components/sync/accounting-import';
import { can } from '@/lib/auth/permissions';
import { requireAreaActor } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('accountingImport'))('title') };
}

export default async function AccountingImportPage() {
  const actor = await requireAreaActor('factory');
  if (!can(actor, 'finance.import')) redirect('/factory');
  const t = await getTranslations('accountingImport');
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold md:text-2xl">{t('title')}</h1>
      <p className="text-sm text-slate-600">{t('intro')}</p>
      <AccountingImport />
    </div>
  );
}
