import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments, auditLog, dealers, users } from '@/drizzle/schema';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/db';
import { getAttachmentForActor } from '@/lib/files/access';
import { png } from '@/lib/files/test-photos';
import { createTestDatabase } from '@/lib/testing/database';
import { uploadAnnouncementFiles } from './files';
import { createAnnouncement } from './write';

// Pictures and documents of an announcement: checked by content, stored with an audit row, refused
// whole for anything else, only by the factory, and opened by the audience once it is published.

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let root: string;
let factory: Actor;
let owner: Actor;
let announcementId: number;

const form = (...files: File[]) => {
  const f = new FormData();
  for (const file of files) f.append('file', file);
  return f;
};
const blob = (b: Uint8Array) => new Uint8Array(b) as Uint8Array<ArrayBuffer>;
const pdf = () => new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'announcement-files-'));
  const [dealer] = await db.insert(dealers).values({ code: 'F-1', name: 'Files', taxId: '20000001', region: 'Одеська область' }).returning();
  const [f, o] = await db
    .insert(users)
    .values([
      { email: 'f@t.test', name: 'Factory', role: 'factory', passwordHash: 'x' },
      { email: 'o@t.test', name: 'Owner', role: 'dealer_owner', dealerId: dealer!.id, passwordHash: 'x' },
    ])
    .returning();
  factory = { userId: f!.id, role: 'factory', dealerId: null, name: 'Factory', email: 'f@t.test', locale: null };
  owner = { userId: o!.id, role: 'dealer_owner', dealerId: dealer!.id, name: 'Owner', email: 'o@t.test', locale: null };
  const created = await createAnnouncement(db, factory, { title: 'With files', body: 'x', audience: { all: true } });
  if (!created.ok) throw new Error(created.message);
  announcementId = created.id;
});
afterAll(async () => {
  await database?.dispose();
  await fs.rm(root, { recursive: true, force: true });
});

describe('uploadAnnouncementFiles', () => {
  it('stores a picture and a PDF, audited; dealers open them only once it is published', async () => {
    const outcome = await uploadAnnouncementFiles(db, root, factory, announcementId, form(new File([blob(png(40, 30))], 'plan.png'), new File([pdf()], 'price list')));
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.attachments.map((a) => [a.fileName, a.mimeType])).toEqual([
      ['plan.png', 'image/png'],
      ['price list.pdf', 'application/pdf'],
    ]);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, String(announcementId)), eq(auditLog.action, 'announcement.attachment_added')));
    expect(audit).toBeDefined();
    const picture = outcome.attachments[0]!.id;
    // A draft's files are the factory's only.
    expect(await getAttachmentForActor(db, owner, picture)).toBeNull();
    expect(await getAttachmentForActor(db, factory, picture)).toMatchObject({ disposition: 'inline' });
  });

  it('refuses a file that is not a picture or document, whole, and storing nothing', async () => {
    const before = await db.select().from(attachments).where(eq(attachments.ownerId, announcementId));
    const html = new File([new TextEncoder().encode('<svg onload="alert(1)"></svg>')], 'x.png', { type: 'image/png' });
    const outcome = await uploadAnnouncementFiles(db, root, factory, announcementId, form(new File([blob(png(4, 4))], 'ok.png'), html));
    expect(outcome).toMatchObject({ ok: false, code: 'unsupported_media_type', details: { file: 'not_document', fileName: 'x.png' } });
    expect(await db.select().from(attachments).where(eq(attachments.ownerId, announcementId))).toHaveLength(before.length);
    expect(await uploadAnnouncementFiles(db, root, factory, announcementId, form(new File([], 'empty.pdf')))).toMatchObject({ ok: false, details: { file: 'empty' } });
  });

  it('refuses a dealer, an unknown announcement and an upload without a file', async () => {
    expect(await uploadAnnouncementFiles(db, root, owner, announcementId, form(new File([blob(png(4, 4))], 'a.png')))).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await uploadAnnouncementFiles(db, root, factory, 999_999, form(new File([blob(png(4, 4))], 'a.png')))).toMatchObject({ ok: false, code: 'not_found' });
    expect(await uploadAnnouncementFiles(db, root, factory, announcementId, new FormData())).toMatchObject({ ok: false, code: 'bad_request' });
  });
});
