import 'server-only';
import { and, asc, count, desc, eq, ilike, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { announcementDealers, announcementReads, announcements, attachments, dealers, users } from '@/drizzle/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/assert';
import { assertDealerScope, type DealerScope } from '@/lib/auth/scope';
import { rowsOf, type DbOrTx } from '@/lib/db';
import { visibleToDealer } from './audience';

export type DealerAnnouncement = {
  id: number;
  title: string;
  pinned: boolean;
  publishedAt: Date;
  /** Whether the signed-in user has opened it. */
  read: boolean;
};

export { visibleToDealer };

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

/** How many announcements this dealer's user has not opened yet (the News badge). */
export async function countUnreadAnnouncements(db: DbOrTx, scope: DealerScope, now: Date = new Date()): Promise<number> {
  const dealerId = assertDealerScope(scope);
  const [row] = await db
    .select({ n: count() })
    .from(announcements)
    .leftJoin(announcementReads, and(eq(announcementReads.announcementId, announcements.id), eq(announcementReads.userId, scope.userId)))
    .where(and(visibleToDealer(dealerId, now), isNull(announcementReads.userId)));
  return row?.n ?? 0;
}

export const NEWS_PAGE_SIZE = 20;

/** The dealer's news feed, a page at a time: pinned first, then the newest; `hasMore` when more follow. */
export async function listNewsForDealer(
  db: DbOrTx,
  scope: DealerScope,
  { limit = NEWS_PAGE_SIZE, offset = 0 }: { limit?: number; offset?: number } = {},
  now: Date = new Date(),
): Promise<{ items: (DealerAnnouncement & { excerpt: string })[]; hasMore: boolean }> {
  const dealerId = assertDealerScope(scope);
  const take = Math.min(Math.max(Math.trunc(limit), 1), 200);
  const rows = await db
    .select({
      id: announcements.id,
      title: announcements.title,
      pinned: announcements.pinned,
      publishedAt: sql<Date>`${announcements.publishedAt}`.mapWith(announcements.publishedAt),
      read: sql<boolean>`${announcementReads.userId} is not null`,
      excerpt: sql<string>`left(${announcements.body}, 400)`,
    })
    .from(announcements)
    .leftJoin(announcementReads, and(eq(announcementReads.announcementId, announcements.id), eq(announcementReads.userId, scope.userId)))
    .where(visibleToDealer(dealerId, now))
    .orderBy(desc(announcements.pinned), desc(announcements.publishedAt), desc(announcements.id))
    .limit(take + 1)
    .offset(Math.max(Math.trunc(offset), 0));
  return { items: rows.slice(0, take).map((r) => ({ ...r, excerpt: plainExcerpt(r.excerpt) })), hasMore: rows.length > take };
}

/** A line of the text without Markdown marks, for the feed. */
export function plainExcerpt(markdown: string, max = 160): string {
  const plain = markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_~`|]+/g, '')
    .replace(/^[\s:-]*-{3,}[\s:-]*$/gm, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1).trimEnd()}…` : plain;
}

export type AnnouncementFile = { id: string; fileName: string; mimeType: string; sizeBytes: number; widthPx: number | null; heightPx: number | null };

/** Pictures a browser shows inline (inserted into the text); everything else is a download. */
export const INLINE_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const isInlineImage = (mime: string) => (INLINE_IMAGE_TYPES as readonly string[]).includes(mime);

export async function listAnnouncementFiles(db: DbOrTx, announcementId: number): Promise<AnnouncementFile[]> {
  return db
    .select({
      id: attachments.id,
      fileName: attachments.fileName,
      mimeType: attachments.mimeType,
      sizeBytes: attachments.sizeBytes,
      widthPx: attachments.widthPx,
      heightPx: attachments.heightPx,
    })
    .from(attachments)
    .where(and(eq(attachments.ownerType, 'announcement'), eq(attachments.ownerId, announcementId)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}

export type DealerAnnouncementDetail = DealerAnnouncement & { body: string; files: AnnouncementFile[] };

/** One announcement for the dealer's user; null when it is not (or no longer) for this dealer. */
export async function getAnnouncementForDealer(db: DbOrTx, scope: DealerScope, id: number, now: Date = new Date()): Promise<DealerAnnouncementDetail | null> {
  const dealerId = assertDealerScope(scope);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const [row] = await db
    .select({
      id: announcements.id,
      title: announcements.title,
      body: announcements.body,
      pinned: announcements.pinned,
      publishedAt: sql<Date>`${announcements.publishedAt}`.mapWith(announcements.publishedAt),
      read: sql<boolean>`${announcementReads.userId} is not null`,
    })
    .from(announcements)
    .leftJoin(announcementReads, and(eq(announcementReads.announcementId, announcements.id), eq(announcementReads.userId, scope.userId)))
    .where(and(eq(announcements.id, id), visibleToDealer(dealerId, now)))
    .limit(1);
  if (!row) return null;
  return { ...row, files: await listAnnouncementFiles(db, id) };
}

// ---- The factory's side -------------------------------------------------------------------------

export type AnnouncementStatus = 'draft' | 'scheduled' | 'published' | 'unpublished';
export const ANNOUNCEMENT_STATUSES: readonly AnnouncementStatus[] = ['draft', 'scheduled', 'published', 'unpublished'];

export function statusOf(row: { publishAt: Date | null; publishedAt: Date | null; unpublishedAt: Date | null }, now: Date = new Date()): AnnouncementStatus {
  if (row.unpublishedAt && row.unpublishedAt.getTime() <= now.getTime()) return 'unpublished';
  if (row.publishedAt && row.publishedAt.getTime() <= now.getTime()) return 'published';
  if (row.publishAt || row.publishedAt) return 'scheduled';
  return 'draft';
}

/** The SQL of the same states, for filtering the list. */
function statusCondition(status: AnnouncementStatus, now: Date): SQL {
  const at = sql`${now.toISOString()}::timestamptz`;
  switch (status) {
    case 'unpublished':
      return sql`(${announcements.unpublishedAt} is not null and ${announcements.unpublishedAt} <= ${at})`;
    case 'published':
      return sql`(${announcements.publishedAt} <= ${at} and (${announcements.unpublishedAt} is null or ${announcements.unpublishedAt} > ${at}))`;
    case 'scheduled':
      return sql`((${announcements.publishAt} is not null or ${announcements.publishedAt} is not null) and (${announcements.publishedAt} is null or ${announcements.publishedAt} > ${at}) and (${announcements.unpublishedAt} is null or ${announcements.unpublishedAt} > ${at}))`;
    case 'draft':
      return sql`(${announcements.publishAt} is null and ${announcements.publishedAt} is null and ${announcements.unpublishedAt} is null)`;
  }
}

/** Dealer `d` (an alias of dealers) is in the audience of announcement `a` (an alias of announcements). */
const IN_AUDIENCE = sql.raw(`(
  a.audience_kind = 'all'
  or (a.audience_kind = 'regions' and d.region is not null and a.regions @> jsonb_build_array(d.region))
  or (a.audience_kind = 'dealers' and exists (select 1 from announcement_dealers ad where ad.announcement_id = a.id and ad.dealer_id = d.id))
)`);

/** The listed announcement's id inside the subqueries (drizzle would leave the column unqualified there). */
const OUTER_ID = sql.raw('"announcements"."id"');

export type FactoryAnnouncementRow = {
  id: number;
  title: string;
  pinned: boolean;
  status: AnnouncementStatus;
  audienceKind: 'all' | 'regions' | 'dealers';
  regions: string[];
  dealerCount: number;
  publishAt: Date | null;
  publishedAt: Date | null;
  unpublishedAt: Date | null;
  updatedAt: Date;
  /** Active dealers in the audience today, and how many of them have a user who read it. */
  audienceDealers: number;
  readDealers: number;
};

export const FACTORY_PAGE_SIZE = 30;

/** Every announcement for the factory: newest activity first, pinned marked, read counts per audience. */
export async function listAnnouncementsForFactory(
  db: DbOrTx,
  actor: Actor,
  { status, page = 1 }: { status?: AnnouncementStatus | null; page?: number } = {},
  now: Date = new Date(),
): Promise<{ rows: FactoryAnnouncementRow[]; total: number; page: number; pageSize: number }> {
  assertCan(actor, 'announcements.publish');
  const where = status ? statusCondition(status, now) : undefined;
  const safePage = Math.max(1, Math.trunc(page));
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: announcements.id,
        title: announcements.title,
        pinned: announcements.pinned,
        audienceKind: announcements.audienceKind,
        regions: announcements.regions,
        publishAt: announcements.publishAt,
        publishedAt: announcements.publishedAt,
        unpublishedAt: announcements.unpublishedAt,
        updatedAt: announcements.updatedAt,
        dealerCount: sql<number>`(select count(*) from announcement_dealers x where x.announcement_id = ${OUTER_ID})`.mapWith(Number),
        audienceDealers: sql<number>`(select count(*) from dealers d, announcements a where a.id = ${OUTER_ID} and d.active and ${IN_AUDIENCE})`.mapWith(Number),
        readDealers: sql<number>`(select count(distinct d.id) from announcement_reads r join users u on u.id = r.user_id join dealers d on d.id = u.dealer_id, announcements a where a.id = ${OUTER_ID} and r.announcement_id = a.id and d.active and ${IN_AUDIENCE})`.mapWith(Number),
      })
      .from(announcements)
      .where(where)
      .orderBy(
        sql`coalesce(${announcements.publishedAt}, ${announcements.publishAt}, ${announcements.updatedAt}) desc`,
        desc(announcements.id),
      )
      .limit(FACTORY_PAGE_SIZE)
      .offset((safePage - 1) * FACTORY_PAGE_SIZE),
    db.select({ n: count() }).from(announcements).where(where),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, status: statusOf(r, now) })),
    total: total?.n ?? 0,
    page: safePage,
    pageSize: FACTORY_PAGE_SIZE,
  };
}

export type FactoryAnnouncement = {
  id: number;
  title: string;
  body: string;
  pinned: boolean;
  status: AnnouncementStatus;
  audienceKind: 'all' | 'regions' | 'dealers';
  regions: string[];
  dealers: { code: string; name: string; region: string | null }[];
  publishAt: Date | null;
  publishedAt: Date | null;
  unpublishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  authorName: string | null;
  files: AnnouncementFile[];
};

export async function getAnnouncementForFactory(db: DbOrTx, actor: Actor, id: number, now: Date = new Date()): Promise<FactoryAnnouncement | null> {
  assertCan(actor, 'announcements.publish');
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const [row] = await db
    .select({
      id: announcements.id,
      title: announcements.title,
      body: announcements.body,
      pinned: announcements.pinned,
      audienceKind: announcements.audienceKind,
      regions: announcements.regions,
      publishAt: announcements.publishAt,
      publishedAt: announcements.publishedAt,
      unpublishedAt: announcements.unpublishedAt,
      createdAt: announcements.createdAt,
      updatedAt: announcements.updatedAt,
      authorName: users.name,
    })
    .from(announcements)
    .leftJoin(users, eq(users.id, announcements.authorId))
    .where(eq(announcements.id, id))
    .limit(1);
  if (!row) return null;
  const [chosen, files] = await Promise.all([
    db
      .select({ code: dealers.code, name: dealers.name, region: dealers.region })
      .from(announcementDealers)
      .innerJoin(dealers, eq(dealers.id, announcementDealers.dealerId))
      .where(eq(announcementDealers.announcementId, id))
      .orderBy(asc(dealers.code)),
    listAnnouncementFiles(db, id),
  ]);
  return { ...row, status: statusOf(row, now), dealers: chosen, files };
}

export type AnnouncementStats = {
  audienceDealers: number;
  readDealers: number;
  audienceUsers: number;
  readUsers: number;
  /** Dealers of the audience with someone who has not read it, the dealers nobody read it at first. */
  dealers: { code: string; name: string; region: string | null; users: number; read: number; unreadUsers: { name: string; email: string }[] }[];
  /** More dealers than listed. */
  truncated: boolean;
};

const STATS_DEALER_LIMIT = 300;

/**
 * Who of the audience has read it. A dealer has read it when at least one of its active users
 * opened it; each user's own read state drives that user's unread badge.
 */
export async function getAnnouncementStats(db: DbOrTx, actor: Actor, id: number): Promise<AnnouncementStats | null> {
  assertCan(actor, 'announcements.publish');
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const [exists] = await db.select({ id: announcements.id }).from(announcements).where(eq(announcements.id, id)).limit(1);
  if (!exists) return null;
  const perDealer = rowsOf<{ id: number; code: string; name: string; region: string | null; users: number; read: number }>(
    await db.execute(sql`
      select d.id, d.code, d.name, d.region,
        (select count(*)::int from users u where u.dealer_id = d.id and u.active and u.role in ('dealer_owner', 'dealer_staff')) as users,
        (select count(*)::int from announcement_reads r join users u on u.id = r.user_id
          where r.announcement_id = a.id and u.dealer_id = d.id and u.active) as read
      from announcements a, dealers d
      where a.id = ${id} and d.active and ${IN_AUDIENCE}
      order by d.code`),
  ).map((r) => ({ ...r, id: Number(r.id), users: Number(r.users), read: Number(r.read) }));
  const incomplete = perDealer.filter((d) => d.read < d.users || d.users === 0).sort((x, y) => Number(x.read > 0) - Number(y.read > 0) || x.code.localeCompare(y.code));
  const listed = incomplete.slice(0, STATS_DEALER_LIMIT);
  const unreadUsers = listed.length
    ? rowsOf<{ dealer_id: number; name: string; email: string }>(
        await db.execute(sql`
          select u.dealer_id, u.name, u.email from users u
          where u.dealer_id in (${sql.join(listed.map((d) => sql`${d.id}`), sql`, `)}) and u.active and u.role in ('dealer_owner', 'dealer_staff')
            and not exists (select 1 from announcement_reads r where r.announcement_id = ${id} and r.user_id = u.id)
          order by u.name`),
      )
    : [];
  const byDealer = new Map<number, { name: string; email: string }[]>();
  for (const u of unreadUsers) {
    const list = byDealer.get(Number(u.dealer_id)) ?? [];
    list.push({ name: u.name, email: u.email });
    byDealer.set(Number(u.dealer_id), list);
  }
  return {
    audienceDealers: perDealer.length,
    readDealers: perDealer.filter((d) => d.read > 0).length,
    audienceUsers: perDealer.reduce((n, d) => n + d.users, 0),
    readUsers: perDealer.reduce((n, d) => n + d.read, 0),
    dealers: listed.map(({ id: dealerId, ...d }) => ({ ...d, unreadUsers: byDealer.get(dealerId) ?? [] })),
    truncated: incomplete.length > listed.length,
  };
}

/** The regions the dealers list has, with how many active dealers each (the audience picker). */
export async function listAudienceRegions(db: DbOrTx, actor: Actor): Promise<{ region: string; dealers: number }[]> {
  assertCan(actor, 'announcements.publish');
  const rows = await db
    .select({ region: dealers.region, dealers: count() })
    .from(dealers)
    .where(and(isNotNull(dealers.region), eq(dealers.active, true)))
    .groupBy(dealers.region)
    .orderBy(asc(dealers.region));
  return rows.filter((r): r is { region: string; dealers: number } => r.region !== null);
}

/** Dealers by code or name for the audience picker (at most `limit`). */
export async function searchAudienceDealers(db: DbOrTx, actor: Actor, q: string, limit = 20): Promise<{ code: string; name: string; region: string | null }[]> {
  assertCan(actor, 'announcements.publish');
  const text = q.trim().slice(0, 100);
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select({ code: dealers.code, name: dealers.name, region: dealers.region })
    .from(dealers)
    .where(and(eq(dealers.active, true), text ? or(ilike(dealers.code, pattern), ilike(dealers.name, pattern)) : undefined))
    .orderBy(asc(dealers.code))
    .limit(Math.min(Math.max(limit, 1), 50));
}

/** The published announcements a staff member sees in the API's list (no read state of his own). */
export async function listPublishedAnnouncements(db: DbOrTx, actor: Actor, limit = 50, now: Date = new Date()) {
  assertCan(actor, 'announcements.publish');
  return db
    .select({
      id: announcements.id,
      title: announcements.title,
      pinned: announcements.pinned,
      publishedAt: sql<Date>`${announcements.publishedAt}`.mapWith(announcements.publishedAt),
    })
    .from(announcements)
    .where(statusCondition('published', now))
    .orderBy(desc(announcements.pinned), desc(announcements.publishedAt), desc(announcements.id))
    .limit(Math.min(Math.max(limit, 1), 200));
}
