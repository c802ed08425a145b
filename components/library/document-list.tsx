import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { formatDate } from '@/lib/i18n/format';
import { fileTypeLabel, formatFileSize } from '@/lib/library/format';
import { groupByCategory, type LibraryDocument } from '@/lib/library/queries';

/** The published documents grouped by category, each with its type, size, date and a download link. */
export async function DocumentList({ documents }: { documents: LibraryDocument[] }) {
  const [t, locale] = await Promise.all([getTranslations('library'), getLocale() as Promise<Locale>]);
  return (
    <div className="flex flex-col gap-5" data-testid="library-groups">
      {groupByCategory(documents).map((group) => (
        <section key={group.category} aria-labelledby={`library-${group.category}`} className="flex flex-col gap-2" data-testid="library-group" data-category={group.category}>
          <h2 id={`library-${group.category}`} className="text-base font-semibold text-slate-800">
            {t(`categories.${group.category}`)} <span className="font-normal text-slate-600">({group.documents.length})</span>
          </h2>
          <ul className="grid grid-cols-1 gap-2 md:grid-cols-2">
            {group.documents.map((document) => (
              <li key={document.id} className="flex min-w-0 flex-col gap-2 rounded-2xl border border-slate-200 bg-white px-3.5 py-3" data-testid="library-document" data-id={document.id}>
                <h3 className="font-medium break-words text-slate-900">{document.title}</h3>
                {document.description ? <p className="text-sm break-words whitespace-pre-line text-slate-700">{document.description}</p> : null}
                <p className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600">
                  {document.file ? (
                    <>
                      <span className="rounded bg-slate-100 px-1.5 py-0.5 font-semibold text-slate-800" data-testid="library-file-type">
                        {fileTypeLabel(document.file.mimeType)}
                      </span>
                      <span data-testid="library-file-size">{formatFileSize(document.file.sizeBytes, locale)}</span>
                    </>
                  ) : null}
                  {document.publishedAt ? <span>{t('publishedOn', { date: formatDate(document.publishedAt, locale) })}</span> : null}
                </p>
                {document.file ? (
                  <a
                    href={document.file.url}
                    download={document.file.fileName}
                    className="inline-flex min-h-11 items-center justify-center self-start rounded-lg border border-brand-700 px-4 text-sm font-medium text-brand-800 hover:bg-brand-50"
                    data-testid="library-download"
                  >
                    {t('download')}
                    <span className="sr-only"> {document.file.fileName}</span>
                  </a>
                ) : (
                  <p className="text-sm text-slate-600 italic">{t('fileMissing')}</p>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
