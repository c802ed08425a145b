import 'server-only';
import { asc, count, eq, notInArray } from 'drizzle-orm';
import { claims, dealers, syncSources } from '@/drizzle/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/assert';
import { CLOSED_CLAIM_STATUSES } from '@/lib/claims/queries';
import type { DbOrTx } from '@/lib/db';
import { countOrdersByStatus } from '@/lib/orders/queries';

/** The factory's overview: orders per status, dealers, open claims, and each sync source. */
export async function getFactoryOverview(db: DbOrTx, actor: Actor) {
  assertCan(actor, 'reports.read');
  const [ordersByStatus, [dealerCount], [openClaims], sources] = await Promise.all([
    countOrdersByStatus(db, actor),
    db.select({ n: count() }).from(dealers).where(eq(dealers.active, true)),
    db.select({ n: count() }).from(claims).where(notInArray(claims.status, CLOSED_CLAIM_STATUSES)),
    db
      .select({ code: syncSources.code, name: syncSources.name, active: syncSources.active, lastEventAt: syncSources.lastEventAt })
      .from(syncSources)
      .orderBy(asc(syncSources.code)),
  ]);
  return {
    ordersByStatus,
    activeDealers: dealerCount?.n ?? 0,
    openClaims: openClaims?.n ?? 0,
    syncSources: sources,
  };
}
