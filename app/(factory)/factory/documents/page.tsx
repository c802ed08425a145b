import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LibraryFilterForm } from '@/components/library/library-filter';
import { StaffDocumentList } from '@/components/library/staff-document-list';
import { UploadForm } from '@/components/library/upload-form';
import { EmptyNotice } from '@/components/ui/empty-notice';
import { can } from '@/lib/auth/permissions';
import { requireAreaActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { libraryFilterFromSearchParams } from '@/lib/library/filter';
import { listDocumentsForStaff } from '@/lib/library/queries';

const BASE = '/factory/documents';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('library'))('staffTitle') };
}

export default async function FactoryDocumentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAreaActor('factory');
  if (!can(actor, 'library.manage')) redirect('/factory');
  const filter = libraryFilterFromSearchParams(await searchParams);
  const [t, documents] = await Promise.all([getTranslations('library'), listDocumentsForStaff(getDb(), actor, filter)]);
  const filtered = Boolean(filter.q || filter.category);
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <div>
        <h1 className="text-xl font-semibold md:text-2xl">{t('staffTitle')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('staffIntro')}</p>
      </div>
      <UploadForm />
      <LibraryFilterForm base={BASE} filter={filter} />
      {documents.length === 0 ? (
        <EmptyNotice testId="library-empty" clear={filtered ? { href: BASE, label: t('clear') } : undefined}>
          <p className="font-medium text-slate-700">{t(filtered ? 'noMatchTitle' : 'staffEmptyTitle')}</p>
        </EmptyNotice>
      ) : (
        <StaffDocumentList documents={documents} />
      )}
    </div>
  );
}
