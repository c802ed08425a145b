import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AnnouncementEditor } from '@/components/announcements/editor';
import { listAudienceRegions } from '@/lib/announcements/queries';
import { can } from '@/lib/auth/permissions';
import { requireAreaActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('announcements'))('new') };
}

export default async function NewAnnouncementPage() {
  const actor = await requireAreaActor('factory');
  if (!can(actor, 'announcements.publish')) notFound();
  const [t, regions] = await Promise.all([getTranslations('announcements'), listAudienceRegions(getDb(), actor)]);
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <Link href="/factory/announcements" className="inline-flex min-h-11 items-center self-start text-sm text-brand-700 hover:underline">
        ← {t('backToList')}
      </Link>
      <h1 className="text-xl font-semibold md:text-2xl">{t('new')}</h1>
      <AnnouncementEditor
        status={null}
        initial={{ title: '', body: '', audienceKind: 'all', regions: [], dealerCodes: [], pinned: false, mode: 'draft', publishAt: '' }}
        regions={regions}
        chosenDealers={[]}
        files={[]}
      />
    </div>
  );
}
