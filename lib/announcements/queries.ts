import 'server-only';
import { and, count, desc, eq, gt, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import { announcementDealers, announcementReads, announcements, dealers } from '@/drizzle/schema';
import { assertDealerScope, type DealerScope } from '@/lib/auth/scope';
import type { DbOrTx } from '@/lib/db';

export type DealerAnnouncement = {
  id: number;
  title: string;
  pinned: boolean;
  publishedAt: Date;
  /** Whether the signed-in user has opened it. */
  read: boolean;
};

/**
 * What the dealer's audience may see at `now`: published and not withdrawn, addressed to everyone,
 * to the dealer's region, or to this dealer by name.
 */
function visibleToDealer(dealerId: number, now: Date) {
  const at = now.toISOString();
  return and(
    isNotNull(announcements.publishedAt),
    lte(announcements.publishedAt, sql`${at}::timestamptz`),
    or(isNull(announcements.publishAt), lte(announcements.publishAt, sql`${at}::timestamptz`)),
    or(isNull(announcements.unpublishedAt), gt(announcements.unpublishedAt, sql`${at}::timestamptz`)),
    or(
      eq(announcements.audienceKind, 'all'),
      and(
        eq(announcements.audienceKind, 'regions'),
        sql`${announcements.regions} @> (select jsonb_build_array(${dealers.region}) from ${dealers} where ${dealers.id} = ${dealerId} and ${dealers.region} is not null)`,
      ),
      and(
        eq(announcements.audienceKind, 'dealers'),
        sql`exists (select 1 from ${announcementDealers} where ${announcementDealers.announcementId} = ${announcements.id} and ${announcementDealers.dealerId} = ${dealerId})`,
      ),
    ),
  );
}

/**
 * The newest announcements for the dealer's user, pinned ones first, each with whether this user
 * has read it, and how many of all the visible ones the user has not read yet.
 */
export async function listAnnouncementsForDealer(
  db: DbOrTx,
  scope: DealerScope,
  limit = 5,
  now: Date = new Date(),
): Promise<{ unread: number; items: DealerAnnouncement[] }> {
  const dealerId = assertDealerScope(scope);
  const visible = visibleToDealer(dealerId, now);
  const readByUser = and(eq(announcementReads.announcementId, announcements.id), eq(announcementReads.userId, scope.userId));
  const [rows, [unread]] = await Promise.all([
    db
      .select({
        id: announcements.id,
        title: announcements.title,
        pinned: announcements.pinned,
        publishedAt: sql<Date>`${announcements.publishedAt}`.mapWith(announcements.publishedAt),
        read: sql<boolean>`${announcementReads.userId} is not null`,
      })
      .from(announcements)
      .leftJoin(announcementReads, readByUser)
      .where(visible)
      .orderBy(desc(announcements.pinned), desc(announcements.publishedAt), desc(announcements.id))
      .limit(Math.min(Math.max(limit, 1), 50)),
    db
      .select({ n: count() })
      .from(announcements)
      .leftJoin(announcementReads, readByUser)
      .where(and(visible, isNull(announcementReads.userId))),
  ]);
  return { unread: unread?.n ?? 0, items: rows };
}
