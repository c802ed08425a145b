import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { PinnedBadge } from '@/components/announcements/status-badge';
import { AsOf } from '@/components/pwa/as-of';
import { LiveRefresh } from '@/components/realtime/live-refresh';
import { countUnreadAnnouncements, listNewsForDealer, NEWS_PAGE_SIZE } from '@/lib/announcements/queries';
import { requireAreaActor } from '@/lib/auth/session';
import { dealerScopeOf } from '@/lib/auth/scope';
import { getDb } from '@/lib/db';
import { formatDate } from '@/lib/i18n/format';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('announcements'))('newsTitle') };
}

/** The factory's news for this dealer: pinned first, then the newest, unread ones marked; "show more" adds a page. */
export default async function DealerNewsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAreaActor('dealer');
  const scope = dealerScopeOf(actor);
  const raw = (await searchParams).pages;
  const pages = Math.min(Math.max(Number.parseInt(typeof raw === 'string' ? raw : '1', 10) || 1, 1), 10);
  const db = getDb();
  const [t, locale, feed, unread] = await Promise.all([
    getTranslations('announcements'),
    getLocale() as Promise<Locale>,
    listNewsForDealer(db, scope, { limit: NEWS_PAGE_SIZE * pages }),
    countUnreadAnnouncements(db, scope),
  ]);
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <LiveRefresh events={['announcement.published']} />
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold md:text-2xl">{t('newsTitle')}</h1>
        <span className="text-sm text-slate-600" data-testid="news-unread">
          {t('unreadTotal', { count: unread })}
        </span>
      </div>
      <AsOf />
      {feed.items.length === 0 ? (
        <p className="rounded-2xl border border-slate-200 bg-white px-4 py-6 text-slate-600">{t('noNews')}</p>
      ) : (
        <ul className="flex flex-col gap-3" data-testid="news-list">
          {feed.items.map((item) => (
            <li key={item.id} data-testid="news-item" data-id={item.id} data-read={item.read ? 'true' : 'false'} data-pinned={item.pinned ? 'true' : 'false'}>
              <Link
                href={`/dealer/news/${item.id}`}
                className={`flex flex-col gap-1 rounded-2xl border bg-white px-4 py-3 hover:bg-slate-50 md:px-5 ${item.read ? 'border-slate-200' : 'border-brand-300'}`}
              >
                <span className={`break-words ${item.read ? 'text-slate-800' : 'font-semibold text-slate-950'}`}>{item.title}</span>
                <span className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
                  <span>{formatDate(item.publishedAt, locale)}</span>
                  {item.pinned ? <PinnedBadge /> : null}
                  {item.read ? null : <span className="rounded-sm bg-brand-700 px-1.5 py-0.5 font-medium text-white">{t('unread')}</span>}
                </span>
                {item.excerpt ? <span className="text-sm break-words text-slate-600">{item.excerpt}</span> : null}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {feed.hasMore && pages < 10 ? (
        <Link href={`/dealer/news?pages=${pages + 1}`} scroll={false} className="inline-flex min-h-11 items-center justify-center self-center rounded-lg border border-slate-300 bg-white px-5 text-sm font-medium hover:bg-slate-50" data-testid="show-more">
          {t('showMore')}
        </Link>
      ) : null}
    </div>
  );
}
