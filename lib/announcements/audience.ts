import { and, eq, gt, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import { announcementDealers, announcements, dealers } from '@/drizzle/schema';

// The audience rule, shared by the queries (pages, files) and the writes that server.ts's timer runs
// (plain Node, so no 'server-only' here).

/**
 * What the dealer's audience may see at `now`: published and not withdrawn, addressed to everyone,
 * to the dealer's region, or to this dealer by name.
 */
export function visibleToDealer(dealerId: number, now: Date) {
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
