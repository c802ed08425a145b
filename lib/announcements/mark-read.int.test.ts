import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcementReads, auditLog, dealers, outbox, users } from '@/drizzle/schema';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/db';
import { createTestDatabase } from '@/lib/testing/database';
import { handleMarkRead } from './http';
import { createAnnouncement } from './write';

// "Read" is safe to send again (the offline outbox resends it after a lost answer): every call
// answers the same 200, and only the first one is kept, its time included.

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let reader: Actor;
let factory: Actor;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  const [dealer] = await db.insert(dealers).values({ code: 'R-1', name: 'Reader', taxId: '30000001', region: 'Центральна область' }).returning();
  const [f, r] = await db
    .insert(users)
    .values([
      { email: 'factory@r.test', name: 'Factory', role: 'factory', passwordHash: 'x' },
      { email: 'owner@r.test', name: 'Owner', role: 'dealer_owner', dealerId: dealer!.id, passwordHash: 'x' },
    ])
    .returning();
  factory = { userId: f!.id, role: f!.role, dealerId: null, name: f!.name, email: f!.email, locale: 'en' };
  reader = { userId: r!.id, role: r!.role, dealerId: dealer!.id, name: r!.name, email: r!.email, locale: 'en' };
});
afterAll(async () => {
  await database?.dispose();
});

const markRead = async (id: number) => {
  const response = await handleMarkRead(db, reader, String(id));
  return { status: response.status, json: (await response.json()) as unknown };
};
const counts = async () => ({
  audit: (await db.select({ n: count() }).from(auditLog))[0]!.n,
  outbox: (await db.select({ n: count() }).from(outbox))[0]!.n,
});

async function publish(title: string): Promise<number> {
  const created = await createAnnouncement(db, factory, { title, body: 'x', audience: { all: true } }, { mode: 'now' });
  if (!created.ok) throw new Error(created.message);
  return created.id;
}

describe('POST /api/v1/announcements/{id}/read sent again', () => {
  it('answers 200 each time and keeps the first read, changing nothing else', async () => {
    const id = await publish('Read twice');
    const first = await markRead(id);
    expect(first).toEqual({ status: 200, json: { id, read: true } });
    const [kept] = await db.select().from(announcementReads).where(eq(announcementReads.announcementId, id));
    const before = await counts();

    expect(await markRead(id)).toEqual(first);
    expect(await db.select().from(announcementReads).where(eq(announcementReads.announcementId, id))).toEqual([kept]);
    expect(await counts()).toEqual(before);
  });

  it('keeps one read when two arrive at once', async () => {
    const id = await publish('Read at once');
    const answers = await Promise.all([markRead(id), markRead(id)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(await db.select().from(announcementReads).where(eq(announcementReads.announcementId, id))).toHaveLength(1);
  });
});
