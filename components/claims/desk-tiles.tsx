import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { deskQueueHref, type DeskQueueFilter } from '@/lib/claims/desk-filter';
import { formatNumber } from '@/lib/i18n/format';

type Counts = { open: number; mine: number; unassigned: number; pastDue: number };

/** The desk's counts at a glance; each tile opens the queue filtered to what it counts. */
export async function DeskTiles({ base, counts }: { base: string; counts: Counts }) {
  const [t, locale] = await Promise.all([getTranslations('claimsHome'), getLocale() as Promise<Locale>]);
  const tiles: [keyof Counts, DeskQueueFilter][] = [
    ['open', {}],
    ['mine', { assignee: 'mine' }],
    ['unassigned', { assignee: 'none' }],
    ['pastDue', { pastSla: true }],
  ];
  return (
    <dl className="grid grid-cols-2 gap-2 md:grid-cols-4 md:gap-3">
      {tiles.map(([key, filter]) => {
        const alarm = key === 'pastDue' && counts[key] > 0;
        return (
          <div
            key={key}
            data-testid={`claims-${key}`}
            className={`relative flex min-w-0 items-baseline justify-between gap-2 rounded-2xl border px-3 py-2 hover:border-brand-600 md:block md:p-4 ${alarm ? 'border-red-200 bg-red-50 text-red-900' : 'border-slate-200 bg-white'}`}
          >
            <dt className="min-w-0 text-sm font-medium">
              <Link href={deskQueueHref(base, filter)} prefetch={false} className="after:absolute after:inset-0 focus-visible:outline-none focus-visible:after:rounded-2xl focus-visible:after:ring-2 focus-visible:after:ring-brand-600">
                {t(key)}
              </Link>
            </dt>
            <dd className="text-xl font-semibold tabular-nums md:text-2xl">{formatNumber(counts[key], locale)}</dd>
          </div>
        );
      })}
    </dl>
  );
}
