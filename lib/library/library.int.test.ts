import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments, auditLog, dealers, libraryDocuments, users } from '@/drizzle/schema';
import type { Role } from '@/drizzle/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { parseEnv } from '@/lib/env';
import { getAttachmentForActor } from '@/lib/files/access';
import { MAX_DOCUMENT_BYTES } from '@/lib/files/limits';
import { filesRoot, openStoredFile } from '@/lib/files/store';
import { createTestDatabase } from '@/lib/testing/database';
import { listDocumentsForStaff, listPublishedDocuments } from './queries';
import { makeDocx, makeExe, makePdf, makeXlsx } from './test-documents';
import { createLibraryDocument, deleteLibraryDocument, publishLibraryDocument, replaceLibraryDocumentFile, updateLibraryDocument, type LibraryOutcome } from './write';

// The document library on the real database and real files in a temporary DATA_DIR, through the
// functions the upload route and the forms call: what is stored, what is refused (leaving nothing
// behind), who may download what, and the lists' filters.

type Database = Awaited<ReturnType<typeof createTestDatabase>>;

function formOf(fields: Record<string, string>, file?: { name: string; data: Uint8Array | Buffer; type?: string }): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  if (file) form.append('file', new File([Buffer.from(file.data)], file.name, { type: file.type ?? 'application/pdf' }));
  return form;
}

function filesUnder(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[]).filter((e) => e.isFile()).map((e) => e.name);
}

function saved(outcome: LibraryOutcome) {
  if (!outcome.ok) throw new Error(`expected the change to be saved: ${outcome.code} ${outcome.message}`);
  return outcome;
}

function refused(outcome: LibraryOutcome, code: string) {
  if (outcome.ok) throw new Error('expected the change to be refused');
  expect(outcome.code).toBe(code);
  expect(outcome.message.length).toBeGreaterThan(20);
  return outcome;
}

describe('document library', () => {
  let database: Database;
  let dataDir: string;
  let root: string;
  let pdf: Buffer;
  const actor = {} as Record<'factory' | 'admin' | 'dealer' | 'staff' | 'claims', Actor>;
  const price = { title: 'Прайс-лист дилера, грудень 2026', category: 'price_lists', description: 'Ціни з ПДВ', publish: 'on' };

  const counts = async () => ({
    documents: (await database.db.select().from(libraryDocuments)).length,
    attachments: (await database.db.select().from(attachments)).length,
    files: filesUnder(root).length,
  });
  const upload = (who: Actor, fields: Record<string, string>, file?: { name: string; data: Uint8Array | Buffer; type?: string }) =>
    createLibraryDocument(database.db, root, who, formOf(fields, file));

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-library-'));
    root = filesRoot(parseEnv({ DATA_DIR: dataDir }));
    pdf = await makePdf('Dealer price list December 2026');
    const { db } = database;
    const [dealer] = await db.insert(dealers).values({ code: 'D-A', name: 'Dealer A', taxId: '11111111' }).returning();
    const people: [keyof typeof actor, Role][] = [
      ['factory', 'factory'],
      ['admin', 'admin'],
      ['dealer', 'dealer_owner'],
      ['staff', 'dealer_staff'],
      ['claims', 'claims'],
    ];
    for (const [key, role] of people) {
      const dealerId = role.startsWith('dealer') ? dealer!.id : null;
      const [u] = await db.insert(users).values({ email: `${key}@x.test`, name: key, role, dealerId, passwordHash: 'x' }).returning();
      actor[key] = { userId: u!.id, role, dealerId, name: key, email: u!.email, locale: null };
    }
  });

  afterAll(async () => {
    await database?.dispose();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a dealer’s upload, a renamed program, a web page as PDF, an oversize file and a missing title, storing nothing', async () => {
    const before = await counts();
    refused(await upload(actor.dealer, price, { name: 'prices.pdf', data: pdf }), 'forbidden');
    refused(await upload(actor.staff, price, { name: 'prices.pdf', data: pdf }), 'forbidden');
    refused(await upload(actor.claims, price, { name: 'prices.pdf', data: pdf }), 'forbidden');

    const exe = refused(await upload(actor.factory, price, { name: 'prices.pdf', data: makeExe() }), 'unsupported_media_type');
    expect(exe.details).toMatchObject({ file: 'not_document', fileName: 'prices.pdf' });
    const html = refused(
      await upload(actor.factory, price, { name: 'prices.pdf', data: Buffer.from('<html><body onload="alert(1)">%PDF-1.7</body></html>') }),
      'unsupported_media_type',
    );
    expect(html.message).toContain('judged by its content');

    const big = Buffer.alloc(MAX_DOCUMENT_BYTES + 1);
    pdf.copy(big);
    const tooLarge = refused(await upload(actor.factory, price, { name: 'huge.pdf', data: big }), 'payload_too_large');
    expect(tooLarge.details?.file).toBe('too_large');
    expect(tooLarge.message).toMatch(/"huge\.pdf" is 25\.1 MiB; a document may be at most 25 MiB\..*Nothing was stored\./);

    const noTitle = refused(await upload(actor.factory, { ...price, title: '   ' }, { name: 'prices.pdf', data: pdf }), 'bad_request');
    expect(noTitle.details?.title).toBe('title is required');
    const badCategory = refused(await upload(actor.factory, { ...price, category: 'secret' }, { name: 'prices.pdf', data: pdf }), 'bad_request');
    expect(badCategory.details?.category).toMatch(/category must be one of price_lists/);
    expect(refused(await upload(actor.factory, price), 'bad_request').details?.file).toBe('required');

    expect(await counts()).toEqual(before);
  });

  it('stores a real PDF price list, published, with its audit row, and the dealer downloads it', async () => {
    const outcome = saved(await upload(actor.factory, price, { name: 'Прайс грудень 2026.pdf', data: pdf }));
    expect(outcome.file).toMatchObject({ fileName: 'Прайс грудень 2026.pdf', mimeType: 'application/pdf', sizeBytes: pdf.length });
    const [row] = await database.db.select().from(libraryDocuments).where(eq(libraryDocuments.id, outcome.id));
    expect(row).toMatchObject({ title: price.title, category: 'price_lists', description: 'Ціни з ПДВ', attachmentId: outcome.file!.id, createdById: actor.factory.userId, deletedAt: null });
    expect(row!.publishedAt).toBeInstanceOf(Date);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, String(outcome.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorKind: 'user', actorId: actor.factory.userId, action: 'library_document.created', entityType: 'library_document' });

    for (const who of [actor.dealer, actor.staff, actor.claims, actor.admin]) {
      const file = await getAttachmentForActor(database.db, who, outcome.file!.id);
      expect(file).toMatchObject({ fileName: 'Прайс грудень 2026.pdf', mimeType: 'application/pdf', disposition: 'attachment' });
      const stored = await openStoredFile(root, file!.storageKey);
      expect(stored!.size).toBe(pdf.length);
      await stored!.body.cancel();
    }
    const [listed] = await listPublishedDocuments(database.db, actor.dealer);
    expect(listed).toMatchObject({ id: outcome.id, file: { fileName: 'Прайс грудень 2026.pdf', sizeBytes: pdf.length, url: `/api/v1/attachments/${outcome.file!.id}` } });
  });

  it('keeps a draft and an unpublished document from dealers (404), not from factory staff', async () => {
    const draft = saved(await upload(actor.factory, { ...price, title: 'Сертифікат відповідності', category: 'certificates', publish: '' }, { name: 'cert.xlsx', data: await makeXlsx() }));
    expect(draft.file!.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(await getAttachmentForActor(database.db, actor.dealer, draft.file!.id)).toBeNull();
    expect(await getAttachmentForActor(database.db, actor.factory, draft.file!.id)).not.toBeNull();
    expect((await listPublishedDocuments(database.db, actor.dealer)).map((d) => d.id)).not.toContain(draft.id);

    saved(await publishLibraryDocument(database.db, actor.admin, { id: draft.id, publish: 'true' }));
    expect(await getAttachmentForActor(database.db, actor.dealer, draft.file!.id)).not.toBeNull();
    const unpublished = saved(await publishLibraryDocument(database.db, actor.factory, { id: draft.id, publish: 'false' }));
    expect(unpublished.changed).toBe(true);
    expect(await getAttachmentForActor(database.db, actor.dealer, draft.file!.id)).toBeNull();
    expect(await getAttachmentForActor(database.db, actor.staff, draft.file!.id)).toBeNull();
    expect(await getAttachmentForActor(database.db, actor.factory, draft.file!.id)).not.toBeNull();
    // Unpublishing again changes nothing and writes no audit row.
    expect(saved(await publishLibraryDocument(database.db, actor.factory, { id: draft.id, publish: 'false' })).changed).toBe(false);
    const actions = (await database.db.select().from(auditLog).where(eq(auditLog.entityId, String(draft.id)))).map((a) => a.action);
    expect(actions).toEqual(['library_document.created', 'library_document.published', 'library_document.unpublished']);
    refused(await publishLibraryDocument(database.db, actor.dealer, { id: draft.id, publish: 'true' }), 'forbidden');
  });

  it('replaces a file: dealers get the new one only', async () => {
    const guide = saved(await upload(actor.factory, { title: 'Монтаж вікон REHAU', category: 'installation_guides', publish: 'on' }, { name: 'montage', data: makeDocx() }));
    expect(guide.file!.fileName).toBe('montage.docx');
    refused(await replaceLibraryDocumentFile(database.db, root, actor.factory, guide.id, formOf({}, { name: 'new.docx', data: makeExe() })), 'unsupported_media_type');
    refused(await replaceLibraryDocumentFile(database.db, root, actor.dealer, guide.id, formOf({}, { name: 'new.pdf', data: pdf })), 'forbidden');
    refused(await replaceLibraryDocumentFile(database.db, root, actor.factory, 999_999, formOf({}, { name: 'new.pdf', data: pdf })), 'not_found');
    const replaced = saved(await replaceLibraryDocumentFile(database.db, root, actor.factory, guide.id, formOf({}, { name: 'Монтаж v2.pdf', data: await makePdf('Montage v2') })));
    expect(await getAttachmentForActor(database.db, actor.dealer, guide.file!.id)).toBeNull();
    expect(await getAttachmentForActor(database.db, actor.dealer, replaced.file!.id)).toMatchObject({ fileName: 'Монтаж v2.pdf' });
    expect(await getAttachmentForActor(database.db, actor.factory, guide.file!.id)).not.toBeNull();
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'library_document.file_replaced'));
    expect(audit!.data).toMatchObject({ previousAttachmentId: guide.file!.id, attachmentId: replaced.file!.id, fileName: 'Монтаж v2.pdf' });
  });

  it('filters by category and searches titles (any case, Cyrillic, wildcards literal)', async () => {
    saved(await upload(actor.factory, { title: 'Банер 100% знижка_весна', category: 'marketing', publish: 'on' }, { name: 'banner.pdf', data: pdf }));
    const titles = async (filter: Parameters<typeof listPublishedDocuments>[2]) => (await listPublishedDocuments(database.db, actor.dealer, filter)).map((d) => d.title).sort();
    expect(await titles({ category: 'price_lists' })).toEqual([price.title]);
    expect(await titles({ category: 'installation_guides' })).toEqual(['Монтаж вікон REHAU']);
    expect(await titles({ category: 'certificates' })).toEqual([]);
    expect(await titles({ q: 'ПРАЙС' })).toEqual([price.title]);
    expect(await titles({ q: 'rehau' })).toEqual(['Монтаж вікон REHAU']);
    expect(await titles({ q: '100%' })).toEqual(['Банер 100% знижка_весна']);
    expect(await titles({ q: '%' })).toEqual(['Банер 100% знижка_весна']);
    expect(await titles({ q: '100_' })).toEqual([]);
    expect(await titles({ q: 'знижка_весна' })).toEqual(['Банер 100% знижка_весна']);
    expect(await titles({ q: 'рехау', category: 'marketing' })).toEqual([]);
    // Staff see the draft too.
    expect((await listDocumentsForStaff(database.db, actor.factory, { category: 'certificates' })).map((d) => d.title)).toEqual(['Сертифікат відповідності']);
    await expect(listDocumentsForStaff(database.db, actor.dealer)).rejects.toThrow();
  });

  it('edits the details with the changes in the audit log, and deletes softly', async () => {
    const [doc] = await listPublishedDocuments(database.db, actor.dealer, { category: 'price_lists' });
    refused(await updateLibraryDocument(database.db, actor.factory, { id: doc!.id, title: '', category: 'price_lists' }), 'bad_request');
    refused(await updateLibraryDocument(database.db, actor.dealer, { id: doc!.id, title: 'X', category: 'price_lists' }), 'forbidden');
    const edited = saved(await updateLibraryDocument(database.db, actor.factory, { id: doc!.id, title: 'Прайс-лист, січень 2027', category: 'price_lists', description: '' }));
    expect(edited.changed).toBe(true);
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'library_document.updated'));
    expect(audit!.data).toEqual({ changes: { title: { from: price.title, to: 'Прайс-лист, січень 2027' }, description: { from: 'Ціни з ПДВ', to: null } } });

    saved(await deleteLibraryDocument(database.db, actor.factory, { id: doc!.id }));
    expect(await getAttachmentForActor(database.db, actor.dealer, doc!.file!.id)).toBeNull();
    expect((await listPublishedDocuments(database.db, actor.dealer)).map((d) => d.id)).not.toContain(doc!.id);
    expect((await listDocumentsForStaff(database.db, actor.factory)).map((d) => d.id)).not.toContain(doc!.id);
    const [row] = await database.db.select().from(libraryDocuments).where(eq(libraryDocuments.id, doc!.id));
    expect(row!.deletedAt).toBeInstanceOf(Date);
    expect(row!.publishedAt).toBeNull();
    refused(await publishLibraryDocument(database.db, actor.factory, { id: doc!.id, publish: 'true' }), 'not_found');
    refused(await deleteLibraryDocument(database.db, actor.factory, { id: 'abc' }), 'bad_request');
  });
});
