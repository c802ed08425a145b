import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { formatDateTime } from '@/lib/i18n/format';
import { fileTypeLabel, formatFileSize } from '@/lib/library/format';
import type { StaffLibraryDocument } from '@/lib/library/queries';
import { DocumentActions } from './document-actions';

/** Every document of the library for the staff who keep it: drafts marked, each with its actions. */
export async function StaffDocumentList({ documents }: { documents: StaffLibraryDocument[] }) {
  const [t, locale] = await Promise.all([getTranslations('library'), getLocale() as Promise<Locale>]);
  return (
    <ul className="grid grid-cols-1 gap-2 lg:grid-cols-2" aria-label={t('staffListLabel')} data-testid="library-staff-list">
      {documents.map((document) => (
        <li key={document.id} className="flex min-w-0 flex-col gap-2 rounded-2xl border border-slate-200 bg-white px-3.5 py-3" data-testid="library-staff-document" data-id={document.id}>
          <div className="flex flex-wrap items-start justify-between gap-2">
            <h3 className="min-w-0 font-medium break-words text-slate-900">{document.title}</h3>
            <span
              className={`rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${document.publishedAt ? 'bg-emerald-50 text-emerald-800' : 'bg-slate-100 text-slate-700'}`}
              data-testid="library-status"
            >
              {document.publishedAt ? t('published') : t('draft')}
            </span>
          </div>
          <p className="text-sm text-slate-700">{t(`categories.${document.category}`)}</p>
          {document.description ? <p className="text-sm break-words whitespace-pre-line text-slate-600">{document.description}</p> : null}
          <p className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600">
            {document.file ? (
              <>
                <a href={document.file.url} className="font-medium break-all text-brand-700 underline underline-offset-2">
                  {document.file.fileName}
                </a>
                <span className="font-semibold text-slate-800">{fileTypeLabel(document.file.mimeType)}</span>
                <span>{formatFileSize(document.file.sizeBytes, locale)}</span>
              </>
            ) : (
              <span className="italic">{t('fileMissing')}</span>
            )}
          </p>
          <p className="text-xs text-slate-600">
            {t('changedBy', { date: formatDateTime(document.updatedAt, locale), name: document.createdByName ?? '—' })}
          </p>
          <DocumentActions
            document={{ id: document.id, title: document.title, description: document.description, category: document.category, published: document.publishedAt !== null }}
          />
        </li>
      ))}
    </ul>
  );
}
