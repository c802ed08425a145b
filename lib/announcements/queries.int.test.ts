import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcementDealers, announcementReads, announcements, dealers, users } from '@/drizzle/schema';
import { dealerScopeOf, ForbiddenError, type DealerScope } from '@/lib/auth/scope';
import { createTestDatabase } from '@/lib/testing/database';
import { listAnnouncementsForDealer } from './queries';

// Who sees which factory news: everyone, a region, chosen dealers; never drafts, future ones or
// withdrawn ones; read state is per user.

describe('listAnnouncementsForDealer', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const now = new Date('2026-11-12T10:00:00Z');
  const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
  const scopes = {} as Record<'ownerA' | 'staffA' | 'ownerB' | 'ownerC', DealerScope>;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    const [a, b, c] = await db
      .insert(dealers)
      .values([
        { code: 'D-A', name: 'Dealer A', taxId: '11111111', region: 'Вінницька область' },
        { code: 'D-B', name: 'Dealer B', taxId: '22222222', region: 'Одеська область' },
        { code: 'D-C', name: 'Dealer C', taxId: '33333333' },
      ])
      .returning();
    const u = await db
      .insert(users)
      .values([
        { email: 'owner-a@x.test', name: 'Owner A', role: 'dealer_owner', dealerId: a!.id, passwordHash: 'x' },
        { email: 'staff-a@x.test', name: 'Staff A', role: 'dealer_staff', dealerId: a!.id, passwordHash: 'x' },
        { email: 'owner-b@x.test', name: 'Owner B', role: 'dealer_owner', dealerId: b!.id, passwordHash: 'x' },
        { email: 'owner-c@x.test', name: 'Owner C', role: 'dealer_owner', dealerId: c!.id, passwordHash: 'x' },
        { email: 'factory@x.test', name: 'Factory', role: 'factory', passwordHash: 'x' },
      ])
      .returning();
    const [ownerA, staffA, ownerB, ownerC, factory] = u;
    scopes.ownerA = dealerScopeOf({ userId: ownerA!.id, role: 'dealer_owner', dealerId: a!.id });
    scopes.staffA = dealerScopeOf({ userId: staffA!.id, role: 'dealer_staff', dealerId: a!.id });
    scopes.ownerB = dealerScopeOf({ userId: ownerB!.id, role: 'dealer_owner', dealerId: b!.id });
    scopes.ownerC = dealerScopeOf({ userId: ownerC!.id, role: 'dealer_owner', dealerId: c!.id });
    const news = (title: string, published: Date | null, extra: Partial<typeof announcements.$inferInsert> = {}) => ({
      title,
      body: `**${title}**`,
      audienceKind: 'all' as const,
      publishAt: published,
      publishedAt: published,
      authorId: factory!.id,
      ...extra,
    });
    const rows = await db
      .insert(announcements)
      .values([
        news('All, old, pinned', daysAgo(20), { pinned: true }),
        news('All, newest', daysAgo(1)),
        news('All, older', daysAgo(5)),
        news('Region of A', daysAgo(2), { audienceKind: 'regions', regions: ['Київська область', 'Вінницька область'] }),
        news('Region of B', daysAgo(2), { audienceKind: 'regions', regions: ['Одеська область'] }),
        news('Chosen: A', daysAgo(3), { audienceKind: 'dealers' }),
        news('Chosen: B and C', daysAgo(3), { audienceKind: 'dealers', pinned: true }),
        news('Draft', null),
        news('Scheduled for tomorrow', new Date(now.getTime() + 86_400_000)),
        news('Publish time set, not published yet', null, { publishAt: daysAgo(1) }),
        news('Withdrawn', daysAgo(4), { unpublishedAt: daysAgo(1) }),
        news('Withdrawal scheduled later', daysAgo(4), { unpublishedAt: new Date(now.getTime() + 86_400_000) }),
      ])
      .returning({ id: announcements.id, title: announcements.title });
    const id = (title: string) => rows.find((r) => r.title === title)!.id;
    await db.insert(announcementDealers).values([
      { announcementId: id('Chosen: A'), dealerId: a!.id },
      { announcementId: id('Chosen: B and C'), dealerId: b!.id },
      { announcementId: id('Chosen: B and C'), dealerId: c!.id },
    ]);
    await db.insert(announcementReads).values([
      { announcementId: id('All, old, pinned'), userId: ownerA!.id },
      { announcementId: id('Region of A'), userId: ownerA!.id },
      { announcementId: id('All, newest'), userId: staffA!.id },
      { announcementId: id('Region of B'), userId: ownerB!.id },
    ]);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('shows what the dealer’s audience may see: pinned first, then the newest', async () => {
    const { items, unread } = await listAnnouncementsForDealer(database.db, scopes.ownerA, 20, now);
    expect(items.map((i) => [i.title, i.read])).toEqual([
      ['All, old, pinned', true],
      ['All, newest', false],
      ['Region of A', true],
      ['Chosen: A', false],
      ['Withdrawal scheduled later', false],
      ['All, older', false],
    ]);
    expect(unread).toBe(4);
    expect(items[0]).toMatchObject({ pinned: true, publishedAt: daysAgo(20) });
  });

  it('keeps the read state per user of the same dealer', async () => {
    const { items, unread } = await listAnnouncementsForDealer(database.db, scopes.staffA, 20, now);
    expect(items.filter((i) => i.read).map((i) => i.title)).toEqual(['All, newest']);
    expect(unread).toBe(5);
  });

  it('hides other regions, other dealers’ chosen news, drafts, future and withdrawn ones', async () => {
    const forB = await listAnnouncementsForDealer(database.db, scopes.ownerB, 20, now);
    // Both pinned ones first, the newer of them on top.
    expect(forB.items.map((i) => i.title)).toEqual([
      'Chosen: B and C',
      'All, old, pinned',
      'All, newest',
      'Region of B',
      'Withdrawal scheduled later',
      'All, older',
    ]);
    expect(forB.unread).toBe(5);
    // A dealer with no region gets no regional news.
    const forC = await listAnnouncementsForDealer(database.db, scopes.ownerC, 20, now);
    expect(forC.items.map((i) => i.title)).toEqual(['Chosen: B and C', 'All, old, pinned', 'All, newest', 'Withdrawal scheduled later', 'All, older']);
    for (const list of [forB, forC]) {
      expect(list.items.map((i) => i.title)).not.toContain('Chosen: A');
      expect(list.items.map((i) => i.title)).not.toContain('Region of A');
    }
  });

  it('limits the list but counts every unread one', async () => {
    const { items, unread } = await listAnnouncementsForDealer(database.db, scopes.ownerA, 2, now);
    expect(items.map((i) => i.title)).toEqual(['All, old, pinned', 'All, newest']);
    expect(unread).toBe(4);
  });

  it('shows a scheduled one once its time has come, and hides a withdrawn one from then on', async () => {
    const later = new Date(now.getTime() + 2 * 86_400_000);
    const titles = (await listAnnouncementsForDealer(database.db, scopes.ownerA, 20, later)).items.map((i) => i.title);
    expect(titles).toContain('Scheduled for tomorrow');
    expect(titles).not.toContain('Withdrawal scheduled later');
  });

  it('refuses a call without a dealer', async () => {
    await expect(listAnnouncementsForDealer(database.db, undefined as unknown as DealerScope)).rejects.toThrow(ForbiddenError);
  });
});
