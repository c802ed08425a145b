import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ClaimList } from '@/components/claims-dealer/claim-list';
import { CLAIMS_HREF, newClaimHref } from '@/components/claims-dealer/links';
import { PRIMARY_BUTTON } from '@/components/claims-dealer/styles';
import { LazyOutboxClaims } from '@/components/pwa/lazy';
import { AsOf } from '@/components/pwa/as-of';
import { LiveRefresh } from '@/components/realtime/live-refresh';
import { requireAreaActor } from '@/lib/auth/session';
import { claimViewerOf, listClaims } from '@/lib/claims/detail';
import { getDb } from '@/lib/db';

const PAGE_SIZE = 25;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('claimsDealer.list'))('title') };
}

/** /dealer/claims: the dealer's claims, newest first, a page at a time (?cursor=). */
export default async function DealerClaimsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAreaActor('dealer');
  const viewer = claimViewerOf(actor);
  const db = getDb();
  const raw = (await searchParams).cursor;
  const cursor = typeof raw === 'string' && raw ? raw : undefined;
  const t = await getTranslations('claimsDealer.list');
  const [page, waiting] = await Promise.all([
    // A stale or edited cursor starts again from the newest.
    listClaims(db, viewer, { cursor, limit: PAGE_SIZE }).catch((err: unknown) => {
      if (err instanceof RangeError) return listClaims(db, viewer, { limit: PAGE_SIZE });
      throw err;
    }),
    listClaims(db, viewer, { status: 'info_requested', limit: 100 }),
  ]);
  const waitingCount = waiting.items.length;

  return (
    <div className="flex flex-col gap-4">
      <LiveRefresh events={['claim.updated', 'claim.message']} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold md:text-2xl">{t('title')}</h1>
        <Link href={newClaimHref()} className={PRIMARY_BUTTON} data-testid="file-claim">
          {t('fileClaim')}
        </Link>
      </div>
      <AsOf />
      {/* Claims written offline on this device: shown here until sent, or refused with the reason. */}
      <LazyOutboxClaims />
      {waitingCount > 0 ? (
        <p role="status" className="rounded-lg border border-orange-300 bg-orange-50 px-3 py-2.5 text-sm font-medium text-orange-950" data-testid="claims-waiting-summary">
          {t('waitingSummary', { count: waitingCount })}
        </p>
      ) : null}
      {page.items.length === 0 ? (
        <section className="flex flex-col gap-2 rounded-2xl border border-slate-200 bg-white p-5" data-testid="claims-empty">
          <h2 className="font-semibold">{cursor ? t('noMoreTitle') : t('emptyTitle')}</h2>
          <p className="text-sm text-slate-700">{cursor ? t('noMoreBody') : t('emptyBody')}</p>
          {cursor ? (
            <Link href={CLAIMS_HREF} className="inline-flex min-h-11 items-center self-start font-medium text-brand-700 hover:underline">
              {t('newest')}
            </Link>
          ) : null}
        </section>
      ) : (
        <>
          <ClaimList claims={page.items} />
          <div className="flex flex-wrap gap-3">
            {page.nextCursor ? (
              <Link href={`${CLAIMS_HREF}?cursor=${encodeURIComponent(page.nextCursor)}`} className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 font-medium text-slate-800 hover:bg-slate-100">
                {t('older')}
              </Link>
            ) : null}
            {cursor ? (
              <Link href={CLAIMS_HREF} className="inline-flex min-h-11 items-center px-1 font-medium text-brand-700 hover:underline">
                {t('newest')}
              </Link>
            ) : null}
          </div>
        </>
      )}
    </div>
  );
}
