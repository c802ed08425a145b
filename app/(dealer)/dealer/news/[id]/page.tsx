import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { MarkdownBody } from '@/components/announcements/markdown-body';
import { MarkRead } from '@/components/announcements/mark-read';
import { PinnedBadge } from '@/components/announcements/status-badge';
import { AsOf } from '@/components/pwa/as-of';
import { getAnnouncementForDealer, isInlineImage } from '@/lib/announcements/queries';
import { requireAreaActor } from '@/lib/auth/session';
import { dealerScopeOf } from '@/lib/auth/scope';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/format';
import { imageIdsIn, renderMarkdown } from '@/lib/markdown/render';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('announcements'))('newsTitle') };
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** One announcement; another dealer's, a withdrawn or an unknown one is not found. */
export default async function DealerNewsItemPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireAreaActor('dealer');
  const { id: raw } = await params;
  const id = /^[1-9]\d{0,14}$/.test(raw) ? Number(raw) : 0;
  const [t, locale, item] = await Promise.all([getTranslations('announcements'), getLocale() as Promise<Locale>, getAnnouncementForDealer(getDb(), dealerScopeOf(actor), id)]);
  if (!item) notFound();
  const pictures = new Set(item.files.filter((f) => isInlineImage(f.mimeType)).map((f) => f.id));
  const shown = new Set(imageIdsIn(item.body));
  // Files not shown in the text as pictures are listed for download.
  const downloads = item.files.filter((f) => !(pictures.has(f.id) && shown.has(f.id)));
  return (
    <article className="mx-auto flex w-full max-w-3xl min-w-0 flex-col gap-4" data-testid="news-article" data-id={item.id} data-read={item.read ? 'true' : 'false'}>
      <MarkRead id={item.id} read={item.read} />
      <Link href="/dealer/news" className="inline-flex min-h-11 items-center self-start text-sm text-brand-700 hover:underline">
        ← {t('backToNews')}
      </Link>
      <header className="flex flex-col gap-1">
        <h1 className="text-xl font-semibold break-words md:text-2xl">{item.title}</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <span>{formatDateTime(item.publishedAt, locale)}</span>
          {item.pinned ? <PinnedBadge /> : null}
        </p>
        <AsOf />
      </header>
      <div className="rounded-2xl border border-slate-200 bg-white px-4 py-2 md:px-6">
        <MarkdownBody html={renderMarkdown(item.body, { imageIds: pictures })} testId="news-body" />
      </div>
      {downloads.length ? (
        <section aria-labelledby="news-files" className="rounded-2xl border border-slate-200 bg-white px-4 py-3 md:px-6">
          <h2 id="news-files" className="text-base font-semibold">
            {t('files.title')}
          </h2>
          <ul className="mt-2 flex flex-col gap-2">
            {downloads.map((f) => (
              <li key={f.id} className="flex flex-wrap items-center justify-between gap-2 text-sm" data-testid="news-file">
                <a href={`/api/v1/attachments/${f.id}`} download={f.fileName} className="min-w-0 break-all font-medium text-brand-700 underline">
                  {f.fileName}
                </a>
                <span className="text-slate-500">{size(f.sizeBytes)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
