import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { attachments, auditLog, claimMessages, claims, claimUploads, dealers, orderItems, orders, plants, users } from '@/drizzle/schema';
import type { Role } from '@/drizzle/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { parseEnv } from '@/lib/env';
import { createTestDatabase } from '@/lib/testing/database';
import { getAttachmentForActor } from './access';
import { claimAcceptsUploads, readUploadKey, uploadClaimPhotos, type UploadOutcome } from './claim-upload';
import { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_OWNER } from './limits';
import { FileWrites, filesRoot, openStoredFile, sha256Of, storageKeyOf, storeAttachments } from './store';
import { heic, jpeg, png } from './test-photos';
import { verifyPhoto } from './verify';

// Uploads through the same function the route calls, on the real database and real files in a
// temporary DATA_DIR: what is stored, what is refused (leaving nothing behind), and who may open it.

type Database = Awaited<ReturnType<typeof createTestDatabase>>;

const photoFile = (name: string, data: Uint8Array, type = 'image/jpeg') => new File([Buffer.from(data)], name, { type });
function formOf(files: File[], messageId?: number | string): FormData {
  const form = new FormData();
  for (const f of files) form.append('file', f);
  if (messageId !== undefined) form.set('messageId', String(messageId));
  return form;
}

/** Every file under a folder, as paths relative to it. */
function filesUnder(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

function expectRefused(outcome: UploadOutcome, code: string, detail?: string) {
  if (outcome.ok) throw new Error('expected the upload to be refused');
  expect(outcome.code).toBe(code);
  if (detail) expect(outcome.details?.file ?? outcome.details?.messageId).toBe(detail);
  expect(outcome.message.length).toBeGreaterThan(20);
  return outcome;
}

describe('claim photos: upload, refusals, access', () => {
  let database: Database;
  let dataDir: string;
  let root: string;
  const actor = {} as Record<'dealerA' | 'staffA' | 'dealerB' | 'desk' | 'factory', Actor>;
  const ids = { claimA: 0, closedA: 0, claimB: 0, dealerMessage: 0, deskMessage: 0, internalNote: 0, itemA: 0, itemB: 0 };

  const attachmentRows = () => database.db.select().from(attachments);

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-files-'));
    root = filesRoot(parseEnv({ DATA_DIR: dataDir }));
    const { db } = database;
    const [plant] = await db.insert(plants).values({ code: 'MAIN', name: 'Main', city: 'Vinnytsia', isMain: true }).returning();
    const [a, b] = await db
      .insert(dealers)
      .values([
        { code: 'D-A', name: 'Dealer A', taxId: '11111111' },
        { code: 'D-B', name: 'Dealer B', taxId: '22222222' },
      ])
      .returning();
    const people: [keyof typeof actor, Role, number | null][] = [
      ['dealerA', 'dealer_owner', a!.id],
      ['staffA', 'dealer_staff', a!.id],
      ['dealerB', 'dealer_owner', b!.id],
      ['desk', 'claims', null],
      ['factory', 'factory', null],
    ];
    for (const [key, role, dealerId] of people) {
      const [u] = await db.insert(users).values({ email: `${key}@x.test`, name: key, role, dealerId, passwordHash: 'x' }).returning();
      actor[key] = { userId: u!.id, role, dealerId, name: key, email: u!.email, locale: null };
    }
    const at = new Date('2026-10-01T10:00:00Z');
    const [oa, ob] = await db
      .insert(orders)
      .values([
        { number: 'A-1', dealerId: a!.id, plantId: plant!.id, statusAt: at, createdAt: at, total: '100.00', status: 'delivered' },
        { number: 'B-1', dealerId: b!.id, plantId: plant!.id, statusAt: at, createdAt: at, total: '100.00', status: 'delivered' },
      ])
      .returning();
    const item = (orderId: number) => ({ orderId, position: 1, kind: 'window' as const, name: 'Вікно', widthMm: 1200, heightMm: 1400, quantity: 1, price: '100.00' });
    const [ia, ib] = await db.insert(orderItems).values([item(oa!.id), item(ob!.id)]).returning();
    ids.itemA = ia!.id;
    ids.itemB = ib!.id;
    const claim = (number: string, dealerId: number, orderId: number, createdById: string, status: 'submitted' | 'closed') => ({
      number,
      dealerId,
      orderId,
      createdById,
      status,
      category: 'defect' as const,
      description: 'Тріщина на склопакеті',
    });
    const [ca, cc, cb] = await db
      .insert(claims)
      .values([
        claim('20001', a!.id, oa!.id, actor.dealerA.userId, 'submitted'),
        claim('20002', a!.id, oa!.id, actor.dealerA.userId, 'closed'),
        claim('20003', b!.id, ob!.id, actor.dealerB.userId, 'submitted'),
      ])
      .returning();
    ids.claimA = ca!.id;
    ids.closedA = cc!.id;
    ids.claimB = cb!.id;
    const [m1, m2, m3] = await db
      .insert(claimMessages)
      .values([
        { claimId: ca!.id, authorId: actor.dealerA.userId, body: 'Фото додаю' },
        { claimId: ca!.id, authorId: actor.desk.userId, body: 'Надішліть фото маркування' },
        { claimId: ca!.id, authorId: actor.desk.userId, body: 'Схоже на брак постачальника', internal: true },
      ])
      .returning();
    ids.dealerMessage = m1!.id;
    ids.deskMessage = m2!.id;
    ids.internalNote = m3!.id;
  });

  afterAll(async () => {
    await database?.dispose();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    await database.db.delete(claimUploads);
    await database.db.delete(attachments);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('keeps files under DATA_DIR/files', () => {
    expect(root).toBe(path.join(dataDir, 'files'));
  });

  it('stores a dealer’s photos on his claim: rows, files by content, one audit row', async () => {
    const shot = jpeg(4032, 3024, 6);
    const outcome = await uploadClaimPhotos(database.db, root, actor.dealerA, '20001', formOf([photoFile('IMG_0001.JPG', shot), photoFile('screen.png', png(1280, 720), 'image/png')]));
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.attachments.map((a) => [a.fileName, a.mimeType, a.widthPx, a.heightPx])).toEqual([
      ['IMG_0001.JPG', 'image/jpeg', 3024, 4032],
      ['screen.png', 'image/png', 1280, 720],
    ]);
    const rows = await attachmentRows();
    expect(rows).toHaveLength(2);
    const jpegRow = rows.find((r) => r.fileName === 'IMG_0001.JPG')!;
    expect(jpegRow).toMatchObject({
      ownerType: 'claim',
      ownerId: ids.claimA,
      dealerId: actor.dealerA.dealerId,
      uploadedById: actor.dealerA.userId,
      sizeBytes: shot.length,
      sha256: sha256Of(shot),
      storageKey: storageKeyOf(sha256Of(shot)),
    });
    expect(new Uint8Array(fs.readFileSync(path.join(root, jpegRow.storageKey)))).toEqual(shot);
    expect(filesUnder(root).sort()).toEqual(rows.map((r) => path.join(...r.storageKey.split('/'))).sort());

    const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, 'claim.attachments_added'));
    expect(audit.at(-1)).toMatchObject({ entityType: 'claim', entityId: '20001', actorId: actor.dealerA.userId, dealerId: actor.dealerA.dealerId });
    expect((audit.at(-1)!.data as { attachmentIds: string[] }).attachmentIds.sort()).toEqual(rows.map((r) => r.id).sort());
  });

  it('stores the same photo sent twice once on disk', async () => {
    const shot = jpeg(800, 600);
    for (const name of ['a.jpg', 'b.jpg']) {
      expect((await uploadClaimPhotos(database.db, root, actor.staffA, '20001', formOf([photoFile(name, shot)]))).ok).toBe(true);
    }
    expect(await attachmentRows()).toHaveLength(2);
    expect(filesUnder(root)).toHaveLength(1);
  });

  it('refuses a text file renamed to .jpg, even beside a good photo, and keeps nothing', async () => {
    const text = new TextEncoder().encode('Це не фото, а текст, перейменований на photo.jpg\n');
    const outcome = await uploadClaimPhotos(database.db, root, actor.dealerA, '20001', formOf([photoFile('good.jpg', jpeg(640, 480)), photoFile('photo.jpg', text)]));
    const refusal = expectRefused(outcome, 'unsupported_media_type', 'not_image');
    expect(refusal.details?.fileName).toBe('photo.jpg');
    expect(refusal.message).toContain('Nothing was stored');
    expect(await attachmentRows()).toHaveLength(0);
    expect(filesUnder(root)).toEqual([]);
  });

  it('refuses a photo over the size limit and keeps nothing', async () => {
    const big = new Uint8Array(MAX_PHOTO_BYTES + 1);
    big.set(jpeg(6000, 4000));
    const refusal = expectRefused(await uploadClaimPhotos(database.db, root, actor.dealerA, '20001', formOf([photoFile('big.jpg', big)])), 'payload_too_large', 'too_large');
    expect(refusal.message).toContain('at most 10 MiB');
    expect(await attachmentRows()).toHaveLength(0);
    expect(filesUnder(root)).toEqual([]);
  });

  it('refuses an empty file and keeps nothing', async () => {
    expectRefused(await uploadClaimPhotos(database.db, root, actor.dealerA, '20001', formOf([photoFile('empty.jpg', new Uint8Array())])), 'bad_request', 'empty');
    expectRefused(await uploadClaimPhotos(database.db, root, actor.dealerA, '20001', formOf([])), 'bad_request', 'required');
    expect(await attachmentRows()).toHaveLength(0);
    expect(filesUnder(root)).toEqual([]);
  });

  it('takes up to ten photos per claim and refuses the eleventh, keeping nothing of that upload', async () => {
    const batch = (from: number, n: number) => Array.from({ length: n }, (_, i) => photoFile(`p${from + i}.jpg`, jpeg(100 + from + i, 100)));
    expect((await uploadClaimPhotos(database.db, root, actor.dealerA, '20001', formOf(batch(0, 8)))).ok).toBe(true);
    const refusal = expectRefused(await uploadClaimPhotos(database.db, root, actor.dealerA, '20001', formOf(batch(8, 3))), 'bad_request', 'too_many');
    expect(refusal.message).toContain('it has 8, so 2 more can be added');
    expect(await attachmentRows()).toHaveLength(8);
    expect(filesUnder(root)).toHaveLength(8);
    expect((await uploadClaimPhotos(database.db, root, actor.dealerA, '20001', formOf(batch(8, 2)))).ok).toBe(true);
    expect(await attachmentRows()).toHaveLength(MAX_PHOTOS_PER_OWNER);
  });

  it('lets only one of two uploads at once pass the limit', async () => {
    const batch = (tag: string) => Array.from({ length: 6 }, (_, i) => photoFile(`${tag}${i}.jpg`, jpeg(tag === 'x' ? 200 + i : 300 + i, 100)));
    const results = await Promise.all([
      uploadClaimPhotos(database.db, root, actor.dealerA, '20001', formOf(batch('x'))),
      uploadClaimPhotos(database.db, root, actor.staffA, '20001', formOf(batch('y'))),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await attachmentRows()).toHaveLength(6);
    expect(filesUnder(root)).toHaveLength(6);
  });

  it('answers another dealer’s claim as missing, and keeps nothing', async () => {
    expect(await claimAcceptsUploads(database.db, actor.dealerB, '20001')).toBe(false);
    expect(await claimAcceptsUploads(database.db, actor.dealerA, '20001')).toBe(true);
    expect(await claimAcceptsUploads(database.db, actor.desk, '20003')).toBe(true);
    expect(await claimAcceptsUploads(database.db, actor.dealerA, 'not-a-number')).toBe(false);
    expectRefused(await uploadClaimPhotos(database.db, root, actor.dealerB, '20001', formOf([photoFile('x.jpg', jpeg(10, 10))])), 'not_found');
    expectRefused(await uploadClaimPhotos(database.db, root, actor.dealerA, '20003', formOf([photoFile('x.jpg', jpeg(10, 10))])), 'not_found');
    expect(await attachmentRows()).toHaveLength(0);
    expect(filesUnder(root)).toEqual([]);
  });

  it('refuses photos for a closed claim', async () => {
    expectRefused(await uploadClaimPhotos(database.db, root, actor.dealerA, '20002', formOf([photoFile('x.jpg', jpeg(10, 10))])), 'conflict');
    expect(filesUnder(root)).toEqual([]);
  });

  it('attaches photos to one’s own message only; an internal note does not exist for a dealer', async () => {
    expect(await uploadClaimPhotos(database.db, root, actor.dealerA, '20001', formOf([photoFile('m.jpg', jpeg(50, 50))], ids.dealerMessage))).toMatchObject({ ok: true, messageId: ids.dealerMessage });
    expectRefused(await uploadClaimPhotos(database.db, root, actor.dealerA, '20001', formOf([photoFile('m.jpg', jpeg(50, 50))], ids.deskMessage)), 'forbidden');
    expectRefused(await uploadClaimPhotos(database.db, root, actor.dealerA, '20001', formOf([photoFile('m.jpg', jpeg(50, 50))], ids.internalNote)), 'not_found', 'not found');
    expectRefused(await uploadClaimPhotos(database.db, root, actor.dealerA, '20001', formOf([photoFile('m.jpg', jpeg(50, 50))], 'abc')), 'bad_request');
    const rows = await attachmentRows();
    expect(rows.map((r) => [r.ownerType, r.ownerId])).toEqual([['claim_message', ids.dealerMessage]]);
  });

  it('opens files only for those who may see what they belong to', async () => {
    const upload = async (who: Actor, number: string, messageId?: number) => {
      const outcome = await uploadClaimPhotos(database.db, root, who, number, formOf([photoFile('x.heic', heic({ width: 100 + (messageId ?? 0), height: 80 }), 'image/heic')], messageId));
      if (!outcome.ok) throw new Error(outcome.message);
      return outcome.attachments[0]!.id;
    };
    const onClaim = await upload(actor.dealerA, '20001');
    const onPublic = await upload(actor.desk, '20001', ids.deskMessage);
    const onInternal = await upload(actor.desk, '20001', ids.internalNote);
    const onOtherDealer = await upload(actor.dealerB, '20003');
    const sees = async (who: Actor, id: string) => (await getAttachmentForActor(database.db, who, id)) !== null;

    for (const id of [onClaim, onPublic]) {
      expect(await sees(actor.dealerA, id)).toBe(true);
      expect(await sees(actor.staffA, id)).toBe(true);
      expect(await sees(actor.dealerB, id)).toBe(false);
    }
    // An internal note's file: never for a dealer, even of the claim's own dealer.
    expect(await sees(actor.dealerA, onInternal)).toBe(false);
    expect(await sees(actor.staffA, onInternal)).toBe(false);
    expect(await sees(actor.desk, onInternal)).toBe(true);
    expect(await sees(actor.factory, onInternal)).toBe(true);
    expect(await sees(actor.dealerA, onOtherDealer)).toBe(false);
    expect(await sees(actor.dealerB, onOtherDealer)).toBe(true);
    expect(await sees(actor.dealerA, '00000000-0000-0000-0000-000000000000')).toBe(false);
    expect(await sees(actor.dealerA, 'not-a-uuid')).toBe(false);

    const file = await getAttachmentForActor(database.db, actor.dealerA, onClaim);
    expect(file).toMatchObject({ mimeType: 'image/heic', fileName: 'x.heic' });
    const stored = await openStoredFile(root, file!.storageKey);
    const body = new Uint8Array(await new Response(stored!.body).arrayBuffer());
    expect(sha256Of(body)).toBe(file!.sha256);
    expect(stored!.size).toBe(file!.sizeBytes);
  });

  it('opens a construction’s photo for its dealer and the staff, not for another dealer', async () => {
    const shot = jpeg(1600, 1200);
    const writes = new FileWrites(root);
    const [stored] = await database.db.transaction((tx) =>
      storeAttachments(tx, writes, { ownerType: 'order_item', ownerId: ids.itemA, dealerId: null, uploadedById: actor.factory.userId }, [
        { fileName: 'window.jpg', bytes: shot, photo: verifyPhoto(shot, 'window.jpg') },
      ]),
    );
    for (const [who, visible] of [
      [actor.dealerA, true],
      [actor.staffA, true],
      [actor.dealerB, false],
      [actor.desk, true],
      [actor.factory, true],
    ] as const) {
      expect(await getAttachmentForActor(database.db, who, stored!.id), who.name).toEqual(visible ? expect.objectContaining({ fileName: 'window.jpg' }) : null);
    }
  });

  it('takes back the files of a transaction that failed, but not a file another row still names', async () => {
    const kept = jpeg(700, 500);
    const lost = jpeg(701, 500);
    const owner = { ownerType: 'claim' as const, ownerId: ids.claimA, dealerId: actor.dealerA.dealerId, uploadedById: actor.dealerA.userId };
    const incoming = (b: Uint8Array) => ({ fileName: 'f.jpg', bytes: b, photo: verifyPhoto(b, 'f.jpg') });
    await database.db.transaction((tx) => storeAttachments(tx, new FileWrites(root), owner, [incoming(kept)]));

    const writes = new FileWrites(root);
    await expect(
      database.db.transaction(async (tx) => {
        await storeAttachments(tx, writes, owner, [incoming(lost), incoming(kept)]);
        throw new Error('the rest of the transaction failed');
      }),
    ).rejects.toThrow('failed');
    expect(writes.created).toEqual([storageKeyOf(sha256Of(lost))]);
    await writes.undo(database.db);
    expect(filesUnder(root)).toEqual([path.join(...storageKeyOf(sha256Of(kept)).split('/'))]);
    expect(await attachmentRows()).toHaveLength(1);
  });

  describe('sent again with an Idempotency-Key', () => {
    const audits = async () => (await database.db.select().from(auditLog).where(eq(auditLog.action, 'claim.attachments_added'))).length;
    const ok = (outcome: UploadOutcome) => {
      if (!outcome.ok) throw new Error(outcome.message);
      return outcome;
    };

    it('answers the attachments the first upload stored, storing no file and no row twice', async () => {
      const shots = [photoFile('a.jpg', jpeg(900, 600)), photoFile('b.png', png(640, 480), 'image/png')];
      const auditsBefore = await audits();
      const first = ok(await uploadClaimPhotos(database.db, root, actor.dealerA, '20001', formOf(shots), 'upload-key-0001'));
      expect(first.replayed).toBe(false);
      const updatedAt = (await database.db.select({ at: claims.updatedAt }).from(claims).where(eq(claims.id, ids.claimA)))[0]!.at;

      const again = ok(await uploadClaimPhotos(database.db, root, actor.dealerA, '20001', formOf(shots), 'upload-key-0001'));
      expect(again).toEqual({ ...first, replayed: true });
      expect(await attachmentRows()).toHaveLength(2);
      expect(filesUnder(root)).toHaveLength(2);
      expect(await audits()).toBe(auditsBefore + 1);
      expect((await database.db.select({ at: claims.updatedAt }).from(claims).where(eq(claims.id, ids.claimA)))[0]!.at).toEqual(updatedAt);
      expect(await database.db.select().from(claimUploads)).toEqual([
        expect.objectContaining({ uploadedById: actor.dealerA.userId, idempotencyKey: 'upload-key-0001', claimId: ids.claimA, messageId: null, attachmentIds: first.attachments.map((a) => a.id) }),
      ]);
    });

    it('answers a resend even when the first upload filled the claim to the limit', async () => {
      const batch = Array.from({ length: MAX_PHOTOS_PER_OWNER }, (_, i) => photoFile(`full${i}.jpg`, jpeg(400 + i, 300)));
      ok(await uploadClaimPhotos(database.db, root, actor.dealerA, '20001', formOf(batch), 'upload-key-full'));
      const again = ok(await uploadClaimPhotos(database.db, root, actor.dealerA, '20001', formOf(batch), 'upload-key-full'));
      expect(again.replayed).toBe(true);
      expect(again.attachments).toHaveLength(MAX_PHOTOS_PER_OWNER);
      expect(await attachmentRows()).toHaveLength(MAX_PHOTOS_PER_OWNER);
    });

    it('refuses the key with other photos, another claim or another message: 409 idempotency_key_reused, nothing stored', async () => {
      ok(await uploadClaimPhotos(database.db, root, actor.dealerA, '20001', formOf([photoFile('a.jpg', jpeg(320, 240))]), 'upload-key-0002'));
      const rowsBefore = await attachmentRows();
      const filesBefore = filesUnder(root);
      const auditsBefore = await audits();
      for (const [number, form] of [
        ['20001', formOf([photoFile('a.jpg', jpeg(321, 240))])],
        ['20001', formOf([photoFile('a.jpg', jpeg(320, 240)), photoFile('b.jpg', jpeg(322, 240))])],
        ['20001', formOf([photoFile('a.jpg', jpeg(320, 240))], ids.dealerMessage)],
        ['20002', formOf([photoFile('a.jpg', jpeg(320, 240))])],
      ] as const) {
        const refusal = expectRefused(await uploadClaimPhotos(database.db, root, actor.dealerA, number, form, 'upload-key-0002'), 'conflict');
        expect(refusal.details).toEqual({ conflict: 'idempotency_key_reused' });
        expect(refusal.message).toContain('This Idempotency-Key was already used for other photos on claim 20001');
      }
      expect(await attachmentRows()).toEqual(rowsBefore);
      expect(filesUnder(root)).toEqual(filesBefore);
      expect(await audits()).toBe(auditsBefore);
    });

    it('refuses a malformed key naming the header, storing nothing', async () => {
      for (const key of ['short', 'with space', '']) {
        const refusal = expectRefused(await uploadClaimPhotos(database.db, root, actor.dealerA, '20001', formOf([photoFile('a.jpg', jpeg(20, 20))]), key), 'bad_request');
        expect(refusal.details).toEqual({ 'Idempotency-Key': 'Idempotency-Key must be 8 to 200 visible ASCII characters, e.g. a UUID' });
      }
      expect(readUploadKey(null)).toEqual({ ok: true, key: null });
      expect(readUploadKey('0b9d3a52-5a1e-4f4e-9a57-3c2f1f0e7d11')).toEqual({ ok: true, key: '0b9d3a52-5a1e-4f4e-9a57-3c2f1f0e7d11' });
      expect(await attachmentRows()).toHaveLength(0);
      expect(filesUnder(root)).toEqual([]);
    });

    it('answers another dealer’s user as missing, even with the key the claim’s dealer used', async () => {
      ok(await uploadClaimPhotos(database.db, root, actor.dealerA, '20001', formOf([photoFile('a.jpg', jpeg(30, 30))]), 'upload-key-0003'));
      expectRefused(await uploadClaimPhotos(database.db, root, actor.dealerB, '20001', formOf([photoFile('a.jpg', jpeg(30, 30))]), 'upload-key-0003'), 'not_found');
      expectRefused(await uploadClaimPhotos(database.db, root, actor.dealerB, '20001', formOf([photoFile('a.jpg', jpeg(30, 30))]), 'upload-key-b-01'), 'not_found');
      expect(await attachmentRows()).toHaveLength(1);
    });

    it('stores one upload when two with the same key arrive at once', async () => {
      const shots = () => formOf([photoFile('c1.jpg', jpeg(500, 400)), photoFile('c2.jpg', jpeg(501, 400))]);
      const [one, two] = await Promise.all([
        uploadClaimPhotos(database.db, root, actor.dealerA, '20001', shots(), 'upload-key-0004'),
        uploadClaimPhotos(database.db, root, actor.dealerA, '20001', shots(), 'upload-key-0004'),
      ]);
      expect([ok(one!).replayed, ok(two!).replayed].sort()).toEqual([false, true]);
      expect(ok(one!).attachments).toEqual(ok(two!).attachments);
      expect(await attachmentRows()).toHaveLength(2);
      expect(filesUnder(root)).toHaveLength(2);
      expect(await database.db.select().from(claimUploads)).toHaveLength(1);
    });

    it('lets only one of a claim and its message take a key sent to both at once', async () => {
      const shot = () => formOf([photoFile('d.jpg', jpeg(510, 400))]);
      const results = await Promise.all([
        uploadClaimPhotos(database.db, root, actor.dealerA, '20001', shot(), 'upload-key-0005'),
        uploadClaimPhotos(database.db, root, actor.dealerA, '20001', formOf([photoFile('d.jpg', jpeg(510, 400))], ids.dealerMessage), 'upload-key-0005'),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ code: 'conflict', details: { conflict: 'idempotency_key_reused' } });
      expect(await attachmentRows()).toHaveLength(1);
    });

    it('lets only one of two claims take a key sent to both at once (the second waits on the key, then is refused)', async () => {
      const shot = () => formOf([photoFile('e.jpg', jpeg(520, 400))]);
      const results = await Promise.all([
        uploadClaimPhotos(database.db, root, actor.desk, '20001', shot(), 'upload-key-0006'),
        uploadClaimPhotos(database.db, root, actor.desk, '20003', shot(), 'upload-key-0006'),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ code: 'conflict', details: { conflict: 'idempotency_key_reused' } });
      expect(await attachmentRows()).toHaveLength(1);
      expect(filesUnder(root)).toHaveLength(1);
    });
  });

  it('never opens a path outside the files folder', async () => {
    expect(await openStoredFile(root, '../../etc/passwd')).toBeNull();
    expect(await openStoredFile(root, `ab/${'a'.repeat(64)}`)).toBeNull();
  });
});
