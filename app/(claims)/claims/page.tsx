import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DeskQueue } from '@/components/claims/desk-queue';
import { LiveRefresh } from '@/components/realtime/live-refresh';
import { requireAreaActor } from '@/lib/auth/session';
import { countOpenClaimsForDesk, listOpenClaimsForDesk } from '@/lib/claims/queries';
import { getDb } from '@/lib/db';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('claimsHome'))('title') };
}

export default async function ClaimsHomePage() {
  const actor = await requireAreaActor('claims');
  const db = getDb();
  const [t, claims, counts] = await Promise.all([
    getTranslations('claimsHome'),
    listOpenClaimsForDesk(db, actor, 50),
    countOpenClaimsForDesk(db, actor),
  ]);
  const tiles = [
    ['open', counts.open],
    ['mine', counts.mine],
    ['unassigned', counts.unassigned],
    ['pastDue', counts.pastDue],
  ] as const;
  return (
    <div className="flex flex-col gap-4">
      <LiveRefresh events={['claim.updated']} />
      <h1 className="text-xl font-semibold md:text-2xl">{t('title')}</h1>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {tiles.map(([key, value]) => (
          <div
            key={key}
            data-testid={`claims-${key}`}
            className={`rounded-2xl border p-4 ${key === 'pastDue' && value > 0 ? 'border-red-200 bg-red-50 text-red-900' : 'border-slate-200 bg-white'}`}
          >
            <dt className="text-sm font-medium">{t(key)}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <DeskQueue claims={claims} />
    </div>
  );
}
