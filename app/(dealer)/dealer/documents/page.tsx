import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { DocumentList } from '@/components/library/document-list';
import { LibraryFilterForm } from '@/components/library/library-filter';
import { EmptyNotice } from '@/components/ui/empty-notice';
import { can } from '@/lib/auth/permissions';
import { requireAreaActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { libraryFilterFromSearchParams } from '@/lib/library/filter';
import { listPublishedDocuments } from '@/lib/library/queries';

const BASE = '/dealer/documents';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('library'))('title') };
}

export default async function DealerDocumentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAreaActor('dealer');
  if (!can(actor, 'library.read')) redirect('/dealer');
  const filter = libraryFilterFromSearchParams(await searchParams);
  const [t, documents] = await Promise.all([getTranslations('library'), listPublishedDocuments(getDb(), actor, filter)]);
  const filtered = Boolean(filter.q || filter.category);
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <div>
        <h1 className="text-xl font-semibold md:text-2xl">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>
      </div>
      <LibraryFilterForm base={BASE} filter={filter} />
      {documents.length === 0 ? (
        <EmptyNotice testId="library-empty" clear={filtered ? { href: BASE, label: t('clear') } : undefined}>
          <p className="font-medium text-slate-700">{t(filtered ? 'noMatchTitle' : 'emptyTitle')}</p>
          <p className="text-sm text-slate-600">{t(filtered ? 'noMatchBody' : 'emptyBody')}</p>
        </EmptyNotice>
      ) : (
        <DocumentList documents={documents} />
      )}
    </div>
  );
}
