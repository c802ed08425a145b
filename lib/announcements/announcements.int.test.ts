import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcementReads, announcements, attachments, auditLog, dealers, notifications, outbox, users } from '@/drizzle/schema';
import type { Role } from '@/drizzle/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { dealerScopeOf } from '@/lib/auth/scope';
import type { Db } from '@/lib/db';
import { getAttachmentForActor } from '@/lib/files/access';
import { dispatchBatch } from '@/lib/realtime/dispatch';
import type { Emission } from '@/lib/realtime/route';
import { rooms } from '@/lib/realtime/rooms';
import { createTestDatabase } from '@/lib/testing/database';
import { handleCreateAnnouncement, handleListAnnouncements, handleMarkRead } from './http';
import { countUnreadAnnouncements, getAnnouncementForDealer, getAnnouncementStats, listAnnouncementsForFactory, listNewsForDealer } from './queries';
import { BODY_MAX_LENGTH } from './schemas';
import { createAnnouncement, markAnnouncementRead, publishDueAnnouncements, unpublishAnnouncement, updateAnnouncement } from './write';

// Announcements end to end in the data layer: who sees what (region, chosen dealers, everyone),
// the API's answers and refusals, scheduled publishing exactly once, withdrawal, the outbox event
// going only to the audience's rooms, read state per user and per dealer, and file access.

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
const ids = {} as Record<'north' | 'north2' | 'south' | 'none', number>;
const actors = {} as Record<'factory' | 'admin' | 'claims' | 'northOwner' | 'northStaff' | 'north2Owner' | 'southOwner' | 'noneOwner', Actor>;

function actorOf(row: { id: string; role: Role; dealerId: number | null; name: string; email: string }): Actor {
  return { userId: row.id, role: row.role, dealerId: row.dealerId, name: row.name, email: row.email, locale: 'en' };
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  const rows = await db
    .insert(dealers)
    .values([
      { code: 'N-1', name: 'North One', taxId: '10000001', region: 'Північна область' },
      { code: 'N-2', name: 'North Two', taxId: '10000002', region: 'Північна область' },
      { code: 'S-1', name: 'South One', taxId: '10000003', region: 'Південна область' },
      { code: 'X-1', name: 'Nowhere', taxId: '10000004' },
    ])
    .returning({ id: dealers.id, code: dealers.code });
  const byCode = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  Object.assign(ids, { north: byCode['N-1'], north2: byCode['N-2'], south: byCode['S-1'], none: byCode['X-1'] });
  const people = await db
    .insert(users)
    .values([
      { email: 'factory@t.test', name: 'Factory', role: 'factory', passwordHash: 'x' },
      { email: 'admin@t.test', name: 'Admin', role: 'admin', passwordHash: 'x' },
      { email: 'claims@t.test', name: 'Claims', role: 'claims', passwordHash: 'x' },
      { email: 'n1@t.test', name: 'North Owner', role: 'dealer_owner', dealerId: ids.north, passwordHash: 'x' },
      { email: 'n1s@t.test', name: 'North Staff', role: 'dealer_staff', dealerId: ids.north, passwordHash: 'x' },
      { email: 'n2@t.test', name: 'North2 Owner', role: 'dealer_owner', dealerId: ids.north2, passwordHash: 'x' },
      { email: 's1@t.test', name: 'South Owner', role: 'dealer_owner', dealerId: ids.south, passwordHash: 'x' },
      { email: 'x1@t.test', name: 'None Owner', role: 'dealer_owner', dealerId: ids.none, passwordHash: 'x' },
    ])
    .returning();
  const [factory, admin, claims, northOwner, northStaff, north2Owner, southOwner, noneOwner] = people.map(actorOf);
  Object.assign(actors, { factory, admin, claims, northOwner, northStaff, north2Owner, southOwner, noneOwner });
});
afterAll(async () => {
  await database?.dispose();
});

const BASE = 'http://portal.test/api/v1/announcements';
type Answer = { status: number; json: Record<string, unknown> & { error?: { code: string; message: string; details?: Record<string, unknown> } } };
const read = async (response: Response): Promise<Answer> => ({ status: response.status, json: (await response.json()) as Answer['json'] });
const post = (body: unknown, headers: Record<string, string> = {}) =>
  new Request(BASE, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const apiCreate = async (actor: Actor | null, body: unknown) => read(await handleCreateAnnouncement(post(body), db, actor));
const apiList = async (actor: Actor | null) => read(await handleListAnnouncements(new Request(BASE), db, actor));
const titlesFor = async (actor: Actor) => (await listNewsForDealer(db, dealerScopeOf(actor), { limit: 200 })).items.map((i) => i.title);
const apiTitlesFor = async (actor: Actor) => ((await apiList(actor)).json.items as { title: string }[]).map((i) => i.title);
const countAll = async () => (await db.select({ n: count() }).from(announcements))[0]!.n;
async function outboxRowsOf(id: number) {
  const rows = await db.select().from(outbox).where(eq(outbox.event, 'announcement.published'));
  return rows.filter((r) => r.payload.id === id);
}

describe('audience', () => {
  it('a regional announcement reaches the region’s dealers and never another region’s (pages and API alike)', async () => {
    const created = await apiCreate(actors.factory, { title: 'North only', body: '**Hello** north', audience: { regions: ['Північна область'] }, pinned: true });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(created.json).toMatchObject({ id: expect.any(Number), title: 'North only', status: 'published', pinned: true, audience: { regions: ['Північна область'] } });
    for (const actor of [actors.northOwner, actors.northStaff, actors.north2Owner]) {
      expect(await titlesFor(actor)).toContain('North only');
      expect(await apiTitlesFor(actor)).toContain('North only');
    }
    for (const actor of [actors.southOwner, actors.noneOwner]) {
      expect(await titlesFor(actor)).not.toContain('North only');
      expect(await apiTitlesFor(actor)).not.toContain('North only');
      expect(await getAnnouncementForDealer(db, dealerScopeOf(actor), created.json.id as number)).toBeNull();
      expect(await markAnnouncementRead(db, dealerScopeOf(actor), created.json.id)).toBe(false);
    }
    // The API's item shape.
    const item = ((await apiList(actors.northOwner)).json.items as Record<string, unknown>[]).find((i) => i.title === 'North only');
    expect(item).toEqual({ id: created.json.id, title: 'North only', publishedAt: expect.any(String), pinned: true, read: false });
  });

  it('chosen dealers see it, nobody else; everyone means every dealer', async () => {
    const chosen = await createAnnouncement(db, actors.factory, { title: 'For S-1 and X-1', body: 'x', audience: { dealerCodes: ['S-1', 'X-1'] } }, { mode: 'now' });
    expect(chosen.ok).toBe(true);
    const all = await createAnnouncement(db, actors.admin, { title: 'For all', body: 'x', audience: { all: true } }, { mode: 'now' });
    expect(all.ok).toBe(true);
    expect(await titlesFor(actors.southOwner)).toEqual(expect.arrayContaining(['For S-1 and X-1', 'For all']));
    expect(await titlesFor(actors.noneOwner)).toEqual(expect.arrayContaining(['For S-1 and X-1', 'For all']));
    expect(await titlesFor(actors.northOwner)).not.toContain('For S-1 and X-1');
    expect(await apiTitlesFor(actors.north2Owner)).not.toContain('For S-1 and X-1');
    expect(await titlesFor(actors.northOwner)).toContain('For all');
  });

  it('emits announcement.published only to the rooms of the audience, and notifies only its users', async () => {
    const created = await createAnnouncement(db, actors.factory, { title: 'Rooms check', body: 'x', audience: { regions: ['Південна область'] } }, { mode: 'now' });
    if (!created.ok) throw new Error(created.message);
    const rows = await outboxRowsOf(created.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.payload).toEqual({ id: created.id, title: 'Rooms check' });
    expect(rows[0]!.audience).toEqual({ dealerIds: [ids.south] });
    const emitted: Emission[] = [];
    while ((await dispatchBatch(db, (e) => emitted.push(e))) > 0);
    const event = emitted.filter((e) => e.event === 'announcement.published' && e.payload.id === created.id);
    expect(event).toEqual([{ event: 'announcement.published', payload: { id: created.id, title: 'Rooms check' }, rooms: [rooms.dealer(ids.south)] }]);
    const told = await db.select({ userId: notifications.userId, link: notifications.link }).from(notifications).where(eq(notifications.type, 'announcement.published'));
    const toldHere = told.filter((n) => n.link === `/dealer/news/${created.id}`).map((n) => n.userId);
    expect(toldHere).toEqual([actors.southOwner.userId]);
  });

  it('a draft and a scheduled one are not visible and send nothing', async () => {
    const draft = await createAnnouncement(db, actors.factory, { title: 'Draft for all', body: 'x', audience: { all: true } });
    if (!draft.ok) throw new Error(draft.message);
    expect(await titlesFor(actors.northOwner)).not.toContain('Draft for all');
    expect(await outboxRowsOf(draft.id)).toHaveLength(0);
  });
});

describe('the API refuses bad input and changes nothing', () => {
  it.each([
    ['no title', { body: 'x', audience: { all: true } }, 'title'],
    ['empty title', { title: '   ', body: 'x', audience: { all: true } }, 'title'],
    ['title not a string', { title: 42, body: 'x', audience: { all: true } }, 'title'],
    ['body not a string', { title: 'T', body: ['x'], audience: { all: true } }, 'body'],
    ['empty body', { title: 'T', body: '', audience: { all: true } }, 'body'],
    ['oversize body', { title: 'T', body: 'x'.repeat(BODY_MAX_LENGTH + 1), audience: { all: true } }, 'body'],
    ['no audience', { title: 'T', body: 'x' }, 'audience'],
    ['audience all false', { title: 'T', body: 'x', audience: { all: false } }, 'audience'],
    ['regions not a list', { title: 'T', body: 'x', audience: { regions: 'Північна область' } }, 'audience'],
    ['empty dealer list', { title: 'T', body: 'x', audience: { dealerCodes: [] } }, 'audience'],
    ['two audiences at once', { title: 'T', body: 'x', audience: { all: true, regions: ['Північна область'] } }, 'audience'],
    ['pinned a string', { title: 'T', body: 'x', audience: { all: true }, pinned: 'yes' }, 'pinned'],
    ['publishAt not a time', { title: 'T', body: 'x', audience: { all: true }, publishAt: 'tomorrow' }, 'publishAt'],
  ])('%s → 400 naming the field', async (_name, body, field) => {
    const before = await countAll();
    const answer = await apiCreate(actors.factory, body);
    expect(answer.status, JSON.stringify(answer.json)).toBe(400);
    expect(answer.json.error?.code).toBe('bad_request');
    expect(Object.keys(answer.json.error?.details ?? {})).toContain(field);
    expect(await countAll()).toBe(before);
  });

  it('unknown dealer codes and regions → 400 naming them', async () => {
    const before = await countAll();
    const codes = await apiCreate(actors.factory, { title: 'T', body: 'x', audience: { dealerCodes: ['N-1', 'NOPE-1', 'NOPE-2'] } });
    expect(codes.status).toBe(400);
    expect(codes.json.error?.details?.unknown).toEqual(['NOPE-1', 'NOPE-2']);
    expect(codes.json.error?.message).toContain('NOPE-1, NOPE-2');
    const regions = await apiCreate(actors.factory, { title: 'T', body: 'x', audience: { regions: ['Атлантида'] } });
    expect(regions.status).toBe(400);
    expect(regions.json.error?.details?.unknown).toEqual(['Атлантида']);
    expect(await countAll()).toBe(before);
  });

  it('not JSON, not an object → 415/400', async () => {
    expect((await read(await handleCreateAnnouncement(new Request(BASE, { method: 'POST', body: 'x' }), db, actors.factory))).status).toBe(415);
    expect((await apiCreate(actors.factory, '{not json')).status).toBe(400);
    expect((await apiCreate(actors.factory, [1, 2])).status).toBe(400);
  });

  it('a dealer and a claims specialist get 403 on POST; nobody signed in 401', async () => {
    const before = await countAll();
    const body = { title: 'T', body: 'x', audience: { all: true } };
    for (const actor of [actors.northOwner, actors.northStaff, actors.claims]) {
      const answer = await apiCreate(actor, body);
      expect(answer.status).toBe(403);
      expect(answer.json.error?.code).toBe('forbidden');
    }
    expect((await apiCreate(null, body)).status).toBe(401);
    expect((await apiList(actors.claims)).status).toBe(403);
    expect(await countAll()).toBe(before);
    // The domain function refuses too, whatever calls it.
    expect(await createAnnouncement(db, actors.southOwner, body, { mode: 'now' })).toMatchObject({ ok: false, error: 'forbidden' });
  });
});

describe('scheduled publishing', () => {
  it('publishes due ones exactly once, even with two runs at the same time; not-yet-due ones stay', async () => {
    const t0 = new Date();
    const soon = new Date(t0.getTime() + 60_000);
    const later = new Date(t0.getTime() + 3_600_000);
    const a = await createAnnouncement(db, actors.factory, { title: 'Due soon', body: 'x', audience: { regions: ['Північна область'] } }, { mode: 'schedule', at: soon }, t0);
    const b = await createAnnouncement(db, actors.factory, { title: 'Due later', body: 'x', audience: { all: true } }, { mode: 'schedule', at: later }, t0);
    if (!a.ok || !b.ok) throw new Error('not created');
    expect(await titlesFor(actors.northOwner)).not.toContain('Due soon');
    // Before its time: nothing.
    expect(await publishDueAnnouncements(db, t0)).not.toContain(a.id);
    const run = new Date(soon.getTime() + 1_000);
    const [first, second] = await Promise.all([publishDueAnnouncements(db, run), publishDueAnnouncements(db, run)]);
    const published = [...first, ...second].filter((id) => id === a.id || id === b.id);
    expect(published).toEqual([a.id]);
    expect(await publishDueAnnouncements(db, run)).toEqual([]);
    expect(await outboxRowsOf(a.id)).toHaveLength(1);
    expect(await outboxRowsOf(b.id)).toHaveLength(0);
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.entityType, 'announcement'), eq(auditLog.entityId, String(a.id)), eq(auditLog.action, 'announcement.published')));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorKind: 'system', actorId: 'announcement-scheduler' });
    const [rowB] = await db.select().from(announcements).where(eq(announcements.id, b.id));
    expect(rowB).toMatchObject({ publishedAt: null, publishAt: later });
    expect((await listNewsForDealer(db, dealerScopeOf(actors.northOwner), { limit: 200 }, new Date(run.getTime() + 1_000))).items.map((i) => i.title)).toContain('Due soon');
  });

  it('refuses a time that has passed', async () => {
    const result = await createAnnouncement(db, actors.factory, { title: 'Past', body: 'x', audience: { all: true } }, { mode: 'schedule', at: new Date(Date.now() - 60_000) });
    expect(result).toMatchObject({ ok: false, error: 'invalid', fields: { publishAt: 'publishAtPast' } });
  });
});

describe('withdrawal, edits, read state', () => {
  it('unpublishing hides it from dealers (feed, page, API, files) and is audited', async () => {
    const created = await createAnnouncement(db, actors.factory, { title: 'To withdraw', body: 'x', audience: { dealerCodes: ['N-1'] } }, { mode: 'now' });
    if (!created.ok) throw new Error(created.message);
    const [file] = await db
      .insert(attachments)
      .values({ ownerType: 'announcement', ownerId: created.id, fileName: 'price.pdf', mimeType: 'application/pdf', sizeBytes: 10, sha256: 'a'.repeat(64), storageKey: `aa/${'a'.repeat(64)}` })
      .returning({ id: attachments.id });
    expect(await getAttachmentForActor(db, actors.northOwner, file!.id)).toMatchObject({ fileName: 'price.pdf', disposition: 'attachment' });
    expect(await getAttachmentForActor(db, actors.southOwner, file!.id)).toBeNull();
    expect(await getAttachmentForActor(db, actors.claims, file!.id)).toBeNull();
    expect(await getAttachmentForActor(db, actors.factory, file!.id)).not.toBeNull();
    expect(await titlesFor(actors.northOwner)).toContain('To withdraw');

    const withdrawn = await unpublishAnnouncement(db, actors.factory, created.id);
    expect(withdrawn.ok).toBe(true);
    expect(await titlesFor(actors.northOwner)).not.toContain('To withdraw');
    expect(await apiTitlesFor(actors.northOwner)).not.toContain('To withdraw');
    expect(await getAnnouncementForDealer(db, dealerScopeOf(actors.northOwner), created.id)).toBeNull();
    expect(await getAttachmentForActor(db, actors.northOwner, file!.id)).toBeNull();
    expect((await read(await handleMarkRead(db, actors.northOwner, String(created.id)))).status).toBe(404);
    expect(await unpublishAnnouncement(db, actors.factory, created.id)).toMatchObject({ ok: false, error: 'conflict' });
    expect(await unpublishAnnouncement(db, actors.northOwner, created.id)).toMatchObject({ ok: false, error: 'forbidden' });
    const actions = (await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, String(created.id)))).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['announcement.created', 'announcement.published', 'announcement.unpublished']));
  });

  it('an edit is audited with what changed and does not announce again', async () => {
    const created = await createAnnouncement(db, actors.factory, { title: 'Before', body: 'x', audience: { regions: ['Південна область'] } }, { mode: 'now' });
    if (!created.ok) throw new Error(created.message);
    const edited = await updateAnnouncement(db, actors.factory, created.id, { title: 'After', body: 'x', audience: { dealerCodes: ['N-2'] }, pinned: true });
    expect(edited).toMatchObject({ ok: true, published: false });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, String(created.id)), eq(auditLog.action, 'announcement.updated')));
    expect(audit!.data).toEqual({
      changes: {
        title: { from: 'Before', to: 'After' },
        audience: { from: { regions: ['Південна область'] }, to: { dealerCodes: ['N-2'] } },
        pinned: { from: false, to: true },
      },
    });
    expect(await outboxRowsOf(created.id)).toHaveLength(1);
    expect(await titlesFor(actors.north2Owner)).toContain('After');
    expect(await titlesFor(actors.southOwner)).not.toContain('After');
    // Unknown codes on an edit change nothing.
    expect(await updateAnnouncement(db, actors.factory, created.id, { title: 'Again', body: 'x', audience: { dealerCodes: ['ZZZ'] } })).toMatchObject({ ok: false, unknown: ['ZZZ'] });
    const [row] = await db.select({ title: announcements.title }).from(announcements).where(eq(announcements.id, created.id));
    expect(row!.title).toBe('After');
  });

  it('read state is per user; a dealer has read it when any of its users did (the stats)', async () => {
    const created = await createAnnouncement(db, actors.factory, { title: 'Read me', body: 'x', audience: { regions: ['Північна область'] } }, { mode: 'now' });
    if (!created.ok) throw new Error(created.message);
    const owner = dealerScopeOf(actors.northOwner);
    const staff = dealerScopeOf(actors.northStaff);
    const unreadBefore = await countUnreadAnnouncements(db, staff);
    const answer = await read(await handleMarkRead(db, actors.northOwner, String(created.id)));
    expect(answer).toEqual({ status: 200, json: { id: created.id, read: true } });
    expect((await read(await handleMarkRead(db, actors.northOwner, String(created.id)))).status).toBe(200);
    expect((await getAnnouncementForDealer(db, owner, created.id))!.read).toBe(true);
    expect((await getAnnouncementForDealer(db, staff, created.id))!.read).toBe(false);
    expect(await countUnreadAnnouncements(db, staff)).toBe(unreadBefore);
    expect((await db.select().from(announcementReads).where(eq(announcementReads.announcementId, created.id))).length).toBe(1);
    expect((await read(await handleMarkRead(db, actors.factory, String(created.id)))).status).toBe(403);

    const stats = await getAnnouncementStats(db, actors.factory, created.id);
    expect(stats).toMatchObject({ audienceDealers: 2, readDealers: 1, audienceUsers: 3, readUsers: 1, truncated: false });
    expect(stats!.dealers).toEqual([
      { code: 'N-2', name: 'North Two', region: 'Північна область', users: 1, read: 0, unreadUsers: [{ name: 'North2 Owner', email: 'n2@t.test' }] },
      { code: 'N-1', name: 'North One', region: 'Північна область', users: 2, read: 1, unreadUsers: [{ name: 'North Staff', email: 'n1s@t.test' }] },
    ]);
    await expect(getAnnouncementStats(db, actors.northOwner, created.id)).rejects.toThrow();
  });
});

describe('the factory’s list', () => {
  it('shows every state, pinned marked, with read counts of the audience, and filters by state', async () => {
    const { rows, total } = await listAnnouncementsForFactory(db, actors.factory);
    expect(total).toBe(await countAll());
    const byTitle = new Map(rows.map((r) => [r.title, r]));
    expect(byTitle.get('North only')).toMatchObject({ status: 'published', pinned: true, audienceKind: 'regions', regions: ['Північна область'], audienceDealers: 2 });
    expect(byTitle.get('Read me')).toMatchObject({ status: 'published', audienceDealers: 2, readDealers: 1 });
    expect(byTitle.get('For S-1 and X-1')).toMatchObject({ audienceKind: 'dealers', dealerCount: 2, audienceDealers: 2 });
    expect(byTitle.get('For all')).toMatchObject({ audienceDealers: 4 });
    expect(byTitle.get('Draft for all')?.status).toBe('draft');
    expect(byTitle.get('Due later')?.status).toBe('scheduled');
    expect(byTitle.get('To withdraw')?.status).toBe('unpublished');
    for (const status of ['draft', 'scheduled', 'published', 'unpublished'] as const) {
      const filtered = await listAnnouncementsForFactory(db, actors.factory, { status });
      expect(filtered.rows.length).toBeGreaterThan(0);
      expect(new Set(filtered.rows.map((r) => r.status))).toEqual(new Set([status]));
    }
    await expect(listAnnouncementsForFactory(db, actors.northOwner)).rejects.toThrow();
    await expect(listAnnouncementsForFactory(db, actors.claims)).rejects.toThrow();
  });
});
