import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ActiveTrips } from '@/components/dealer/active-trips';
import { BalanceCard } from '@/components/dealer/balance-card';
import { LatestAnnouncements } from '@/components/dealer/latest-announcements';
import { LatestOrders } from '@/components/dealer/latest-orders';
import { OpenClaims } from '@/components/dealer/open-claims';
import { OrderStatusCounts } from '@/components/dealer/status-counts';
import { AsOf } from '@/components/pwa/as-of';
import { InstallBanner } from '@/components/pwa/install-banner';
import { LiveRefresh } from '@/components/realtime/live-refresh';
import { listAnnouncementsForDealer } from '@/lib/announcements/queries';
import { requireAreaActor } from '@/lib/auth/session';
import { dealerScopeOf } from '@/lib/auth/scope';
import { listOpenClaimsForDealer } from '@/lib/claims/queries';
import { getDb } from '@/lib/db';
import { getOwnDealer } from '@/lib/dealers/queries';
import { getBalanceForDealer } from '@/lib/finance/queries';
import { countOrdersByStatusForDealer, listLatestOrdersForDealer } from '@/lib/orders/queries';
import { listActiveTripsForDealer } from '@/lib/shipments/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dealerHome'))('title') };
}

export default async function DealerHomePage() {
  const actor = await requireAreaActor('dealer');
  const scope = dealerScopeOf(actor);
  const db = getDb();
  const [t, dealer, balance, latest, counts, trips, claims, announcements] = await Promise.all([
    getTranslations('dealerHome'),
    getOwnDealer(db, scope),
    getBalanceForDealer(db, scope),
    listLatestOrdersForDealer(db, scope, 5),
    countOrdersByStatusForDealer(db, scope),
    listActiveTripsForDealer(db, scope),
    listOpenClaimsForDealer(db, scope, 5),
    listAnnouncementsForDealer(db, scope, 5),
  ]);
  return (
    <div className="flex flex-col gap-4">
      <LiveRefresh events={['order.status', 'order.updated', 'shipment.updated', 'ledger.updated', 'announcement.published', 'claim.updated']} />
      <h1 className="text-xl font-semibold md:text-2xl">{t('greeting', { name: actor.name.split(' ')[0] ?? actor.name })}</h1>
      <AsOf />
      <InstallBanner />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <BalanceCard summary={balance} currency={dealer.currency} payerCategory={dealer.payerCategory} />
        <OrderStatusCounts counts={counts} />
      </div>
      <LatestOrders orders={latest} />
      <ActiveTrips trips={trips} />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <LatestAnnouncements unread={announcements.unread} items={announcements.items} />
        <OpenClaims total={claims.total} claims={claims.claims} />
      </div>
    </div>
  );
}
