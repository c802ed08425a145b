// Not 'server-only': server.ts (plain Node) runs publishDueAnnouncements() on a timer.
import { and, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { announcementDealers, announcementReads, announcements, attachments, dealers, outbox } from '@/drizzle/schema';
import type { Actor } from '@/lib/auth/actor';
import { can, DEALER_ROLES } from '@/lib/auth/permissions';
import { assertDealerScope, type DealerScope } from '@/lib/auth/scope';
import { diffFields, recordAudit, type AuditActor } from '@/lib/audit/record';
import type { Db, DbOrTx, Tx } from '@/lib/db';
import { log } from '@/lib/log';
import { visibleToDealer } from './audience';
import { announcementIdSchema, announcementInputSchema, fieldErrorsOf, type AnnouncementInput, type FieldErrors, type PublishMode } from './schemas';

// The factory's announcements: create and edit (title, Markdown, audience, pin), publish now or at
// a set time, withdraw. Each use case: parse → authorize (announcements.publish) → one transaction
// with the change, its audit row and, when it goes out, the `announcement.published` outbox row
// addressed to its audience only (the dispatcher turns it into the event and the notifications).
// The caller wakes the dispatcher after a commit that published (`published: true`).
//
// States: a draft has neither publishAt nor publishedAt; a scheduled one has publishAt and no
// publishedAt (publishDueAnnouncements() publishes it when its time comes); a published one has
// publishedAt; a withdrawn one has unpublishedAt too. Withdrawing a scheduled one makes it a draft.

export type AnnouncementError = 'invalid' | 'forbidden' | 'not_found' | 'conflict';
export type AnnouncementFailure = { ok: false; error: AnnouncementError; message: string; fields?: FieldErrors; unknown?: string[] };
export type AnnouncementDone = { ok: true; id: number; published: boolean };
export type PublishChoice = { mode: PublishMode; at?: Date | null };

const fail = (error: AnnouncementError, message: string, extra: Pick<AnnouncementFailure, 'fields' | 'unknown'> = {}): AnnouncementFailure => ({
  ok: false,
  error,
  message,
  ...extra,
});
const notFound = (id: unknown) => fail('not_found', `There is no announcement ${String(id).slice(0, 20)}; check the link.`);

/** Rolls a transaction back with an answer. */
class Refusal extends Error {
  constructor(readonly failure: AnnouncementFailure) {
    super(failure.message);
  }
}

async function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T | AnnouncementFailure> {
  try {
    return await db.transaction(work);
  } catch (err) {
    if (err instanceof Refusal) return err.failure;
    throw err;
  }
}

function publisher(actor: Actor | null): actor is Actor {
  return !!actor && can(actor, 'announcements.publish');
}

const forbidden = () => fail('forbidden', 'Only the factory’s managers publish announcements.');

type ResolvedAudience = { kind: 'all' | 'regions' | 'dealers'; regions: string[]; dealerIds: number[] };

/** The audience with its dealers looked up; unknown regions or dealer codes are refused by name. */
async function resolveAudience(tx: DbOrTx, audience: AnnouncementInput['audience']): Promise<ResolvedAudience | AnnouncementFailure> {
  if ('all' in audience) return { kind: 'all', regions: [], dealerIds: [] };
  if ('regions' in audience) {
    const wanted = [...new Set(audience.regions)];
    const known = await tx.selectDistinct({ region: dealers.region }).from(dealers).where(inArray(dealers.region, wanted));
    const have = new Set(known.map((r) => r.region));
    const unknown = wanted.filter((r) => !have.has(r));
    if (unknown.length) {
      return fail('invalid', `No dealer is in these regions: ${unknown.join(', ')}. Check the names.`, { fields: { audience: 'regionsUnknown' }, unknown });
    }
    return { kind: 'regions', regions: wanted, dealerIds: [] };
  }
  const codes = [...new Set(audience.dealerCodes)];
  const found = await tx.select({ id: dealers.id, code: dealers.code }).from(dealers).where(inArray(dealers.code, codes));
  const byCode = new Map(found.map((d) => [d.code, d.id]));
  const unknown = codes.filter((c) => !byCode.has(c));
  if (unknown.length) {
    return fail('invalid', `There are no dealers with these codes: ${unknown.join(', ')}. Check them.`, { fields: { audience: 'dealerCodesUnknown' }, unknown });
  }
  return { kind: 'dealers', regions: [], dealerIds: codes.map((c) => byCode.get(c)!) };
}

/** Who hears of it: every dealer's user for "everyone", else the dealers of the audience. */
async function outboxAudience(tx: Tx, row: { id: number; audienceKind: 'all' | 'regions' | 'dealers'; regions: string[] }): Promise<Record<string, unknown> | null> {
  if (row.audienceKind === 'all') return { roles: [...DEALER_ROLES] };
  const ids =
    row.audienceKind === 'regions'
      ? (await tx
          .select({ id: dealers.id })
          .from(dealers)
          .where(and(eq(dealers.active, true), row.regions.length ? inArray(dealers.region, row.regions) : sql`false`))).map((d) => d.id)
      : (await tx
          .select({ id: announcementDealers.dealerId })
          .from(announcementDealers)
          .innerJoin(dealers, eq(dealers.id, announcementDealers.dealerId))
          .where(and(eq(announcementDealers.announcementId, row.id), eq(dealers.active, true)))).map((d) => d.id);
  return ids.length ? { dealerIds: ids } : null;
}

/** The outbox row of a publication (none when the audience has no dealer today). */
async function announce(tx: Tx, row: { id: number; title: string; audienceKind: 'all' | 'regions' | 'dealers'; regions: string[] }): Promise<void> {
  const audience = await outboxAudience(tx, row);
  if (!audience) return;
  await tx.insert(outbox).values({ event: 'announcement.published', payload: { id: row.id, title: row.title }, audience });
}

function parseInput(input: unknown): AnnouncementInput | AnnouncementFailure {
  const parsed = announcementInputSchema.safeParse(input);
  if (!parsed.success) {
    const fields = fieldErrorsOf(parsed.error);
    return fail('invalid', `Some fields are not valid: ${Object.keys(fields).join(', ')}.`, { fields });
  }
  return parsed.data;
}

function checkChoice(choice: PublishChoice, now: Date): AnnouncementFailure | null {
  if (choice.mode !== 'schedule') return null;
  if (!choice.at || Number.isNaN(choice.at.getTime())) return fail('invalid', 'Give the date and time to publish at (Kyiv time).', { fields: { publishAt: 'publishAtRequired' } });
  if (choice.at.getTime() <= now.getTime()) return fail('invalid', 'The publishing time has passed; choose a later one or publish now.', { fields: { publishAt: 'publishAtPast' } });
  return null;
}

const userActor = (actor: Actor): AuditActor => ({ kind: 'user', id: actor.userId });

/** Creates an announcement: a draft, published at once, or scheduled. */
export async function createAnnouncement(
  db: Db,
  actor: Actor | null,
  input: unknown,
  choice: PublishChoice = { mode: 'draft' },
  now: Date = new Date(),
): Promise<AnnouncementDone | AnnouncementFailure> {
  const data = parseInput(input);
  if ('ok' in data) return data;
  const badChoice = checkChoice(choice, now);
  if (badChoice) return badChoice;
  if (!publisher(actor)) return forbidden();
  return inTransaction(db, async (tx) => {
    const audience = await resolveAudience(tx, data.audience);
    if ('ok' in audience) throw new Refusal(audience);
    const [row] = await tx
      .insert(announcements)
      .values({
        title: data.title,
        body: data.body,
        audienceKind: audience.kind,
        regions: audience.regions,
        pinned: data.pinned,
        authorId: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: announcements.id });
    const id = row!.id;
    if (audience.dealerIds.length) await tx.insert(announcementDealers).values(audience.dealerIds.map((dealerId) => ({ announcementId: id, dealerId })));
    await recordAudit(tx, {
      actor: userActor(actor),
      action: 'announcement.created',
      entityType: 'announcement',
      entityId: id,
      data: { title: data.title, audience: data.audience, pinned: data.pinned },
    });
    const published = await applyChoice(tx, actor, id, choice, now);
    return { ok: true as const, id, published };
  });
}

/** Edits title, text, audience and pin; a published one stays published (no second event). */
export async function updateAnnouncement(
  db: Db,
  actor: Actor | null,
  idInput: unknown,
  input: unknown,
  choice: PublishChoice | null = null,
  now: Date = new Date(),
): Promise<AnnouncementDone | AnnouncementFailure> {
  const id = announcementIdSchema.safeParse(idInput);
  if (!id.success) return notFound(idInput);
  const data = parseInput(input);
  if ('ok' in data) return data;
  if (choice) {
    const badChoice = checkChoice(choice, now);
    if (badChoice) return badChoice;
  }
  if (!publisher(actor)) return forbidden();
  return inTransaction(db, async (tx) => {
    const before = await lock(tx, id.data);
    if (!before) throw new Refusal(notFound(id.data));
    const audience = await resolveAudience(tx, data.audience);
    if ('ok' in audience) throw new Refusal(audience);
    const oldCodes = before.audienceKind === 'dealers' ? await dealerCodesOf(tx, id.data) : [];
    await tx
      .update(announcements)
      .set({ title: data.title, body: data.body, audienceKind: audience.kind, regions: audience.regions, pinned: data.pinned, updatedAt: now })
      .where(eq(announcements.id, id.data));
    await tx.delete(announcementDealers).where(eq(announcementDealers.announcementId, id.data));
    if (audience.dealerIds.length) await tx.insert(announcementDealers).values(audience.dealerIds.map((dealerId) => ({ announcementId: id.data, dealerId })));
    const changes = diffFields(
      { title: before.title, body: before.body, audience: audienceOf(before.audienceKind, before.regions, oldCodes), pinned: before.pinned },
      { title: data.title, body: data.body, audience: normalizedAudience(data.audience), pinned: data.pinned },
    );
    if (Object.keys(changes).length) {
      await recordAudit(tx, { actor: userActor(actor), action: 'announcement.updated', entityType: 'announcement', entityId: id.data, data: { changes } });
    }
    const published = choice ? await applyChoice(tx, actor, id.data, choice, now) : false;
    return { ok: true as const, id: id.data, published };
  });
}

function audienceOf(kind: 'all' | 'regions' | 'dealers', regions: string[], codes: string[]) {
  if (kind === 'all') return { all: true };
  if (kind === 'regions') return { regions: [...regions].sort() };
  return { dealerCodes: [...codes].sort() };
}

function normalizedAudience(audience: AnnouncementInput['audience']) {
  if ('all' in audience) return { all: true };
  if ('regions' in audience) return { regions: [...new Set(audience.regions)].sort() };
  return { dealerCodes: [...new Set(audience.dealerCodes)].sort() };
}

async function dealerCodesOf(tx: DbOrTx, id: number): Promise<string[]> {
  const rows = await tx
    .select({ code: dealers.code })
    .from(announcementDealers)
    .innerJoin(dealers, eq(dealers.id, announcementDealers.dealerId))
    .where(eq(announcementDealers.announcementId, id));
  return rows.map((r) => r.code);
}

async function lock(tx: Tx, id: number) {
  const [row] = await tx.select().from(announcements).where(eq(announcements.id, id)).for('update');
  return row ?? null;
}

/** Draft: nothing; now: publish; schedule: set the time (publishing when it has come). Answers whether it went out. */
async function applyChoice(tx: Tx, actor: Actor, id: number, choice: PublishChoice, now: Date): Promise<boolean> {
  if (choice.mode === 'now') return publishLocked(tx, actor, id, now);
  if (choice.mode === 'draft') {
    // A scheduled one goes back to a draft; a published one stays as it is.
    const row = await lock(tx, id);
    if (row && !row.publishedAt && row.publishAt) {
      await tx.update(announcements).set({ publishAt: null, updatedAt: now }).where(eq(announcements.id, id));
      await recordAudit(tx, { actor: userActor(actor), action: 'announcement.unscheduled', entityType: 'announcement', entityId: id, data: { publishAt: row.publishAt.toISOString() } });
    }
    return false;
  }
  if (choice.mode === 'schedule' && choice.at) {
    const row = await lock(tx, id);
    if (!row) throw new Refusal(notFound(id));
    if (row.publishedAt && !row.unpublishedAt) {
      throw new Refusal(fail('conflict', 'It is already published; withdraw it first to publish it again later.'));
    }
    await tx.update(announcements).set({ publishAt: choice.at, publishedAt: null, unpublishedAt: null, updatedAt: now }).where(eq(announcements.id, id));
    await recordAudit(tx, { actor: userActor(actor), action: 'announcement.scheduled', entityType: 'announcement', entityId: id, data: { publishAt: choice.at.toISOString() } });
  }
  return false;
}

async function publishLocked(tx: Tx, actor: Actor, id: number, now: Date): Promise<boolean> {
  const row = await lock(tx, id);
  if (!row) throw new Refusal(notFound(id));
  if (row.publishedAt && !row.unpublishedAt) return false;
  await tx.update(announcements).set({ publishAt: now, publishedAt: now, unpublishedAt: null, updatedAt: now }).where(eq(announcements.id, id));
  await announce(tx, row);
  await recordAudit(tx, { actor: userActor(actor), action: 'announcement.published', entityType: 'announcement', entityId: id, data: { title: row.title, republished: row.unpublishedAt !== null } });
  return true;
}

/** Publishes a draft, a scheduled or a withdrawn announcement now. */
export async function publishAnnouncement(db: Db, actor: Actor | null, idInput: unknown, now: Date = new Date()): Promise<AnnouncementDone | AnnouncementFailure> {
  const id = announcementIdSchema.safeParse(idInput);
  if (!id.success) return notFound(idInput);
  if (!publisher(actor)) return forbidden();
  return inTransaction(db, async (tx) => {
    const published = await publishLocked(tx, actor, id.data, now);
    if (!published) throw new Refusal(fail('conflict', 'It is already published.'));
    return { ok: true as const, id: id.data, published };
  });
}

/** Withdraws a published announcement (dealers no longer see it), or takes a scheduled one back to a draft. */
export async function unpublishAnnouncement(db: Db, actor: Actor | null, idInput: unknown, now: Date = new Date()): Promise<AnnouncementDone | AnnouncementFailure> {
  const id = announcementIdSchema.safeParse(idInput);
  if (!id.success) return notFound(idInput);
  if (!publisher(actor)) return forbidden();
  return inTransaction(db, async (tx) => {
    const row = await lock(tx, id.data);
    if (!row) throw new Refusal(notFound(id.data));
    if (row.publishedAt && !row.unpublishedAt) {
      await tx.update(announcements).set({ unpublishedAt: now, updatedAt: now }).where(eq(announcements.id, id.data));
      await recordAudit(tx, { actor: userActor(actor), action: 'announcement.unpublished', entityType: 'announcement', entityId: id.data, data: { title: row.title } });
    } else if (!row.publishedAt && row.publishAt) {
      await tx.update(announcements).set({ publishAt: null, updatedAt: now }).where(eq(announcements.id, id.data));
      await recordAudit(tx, { actor: userActor(actor), action: 'announcement.unscheduled', entityType: 'announcement', entityId: id.data, data: { publishAt: row.publishAt.toISOString() } });
    } else {
      throw new Refusal(fail('conflict', 'It is not published; there is nothing to withdraw.'));
    }
    return { ok: true as const, id: id.data, published: false };
  });
}

/** The scheduler: a system job, named in the audit log. */
export const SCHEDULER_ACTOR: AuditActor = { kind: 'system', id: 'announcement-scheduler' };

/**
 * Publishes every scheduled announcement whose time has come, once: the UPDATE takes only rows not
 * yet published (a row another process publishes meanwhile is re-checked after its lock and
 * skipped), and the outbox and audit rows commit with it. Answers the ids it published.
 */
export async function publishDueAnnouncements(db: Db, now: Date = new Date()): Promise<number[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .update(announcements)
      .set({ publishedAt: now, updatedAt: now })
      .where(and(isNotNull(announcements.publishAt), lte(announcements.publishAt, now), isNull(announcements.publishedAt), isNull(announcements.unpublishedAt)))
      .returning({ id: announcements.id, title: announcements.title, audienceKind: announcements.audienceKind, regions: announcements.regions, publishAt: announcements.publishAt });
    for (const row of due) {
      await announce(tx, row);
      await recordAudit(tx, {
        actor: SCHEDULER_ACTOR,
        action: 'announcement.published',
        entityType: 'announcement',
        entityId: row.id,
        data: { title: row.title, scheduledFor: row.publishAt?.toISOString() ?? null },
      });
    }
    if (due.length) log.info('scheduled announcements published', { ids: due.map((d) => d.id) });
    return due.map((d) => d.id);
  });
}

/** Marks it read by this dealer's user; false when the user's dealer may not see it (nothing stored). */
export async function markAnnouncementRead(db: DbOrTx, scope: DealerScope, idInput: unknown, now: Date = new Date()): Promise<boolean> {
  const dealerId = assertDealerScope(scope);
  const id = announcementIdSchema.safeParse(idInput);
  if (!id.success) return false;
  const [visible] = await db
    .select({ id: announcements.id })
    .from(announcements)
    .where(and(eq(announcements.id, id.data), visibleToDealer(dealerId, now)))
    .limit(1);
  if (!visible) return false;
  await db.insert(announcementReads).values({ announcementId: id.data, userId: scope.userId, readAt: now }).onConflictDoNothing();
  return true;
}

/** Takes a file off an announcement (its bytes stay: the same content may serve another owner). */
export async function removeAnnouncementAttachment(db: Db, actor: Actor | null, idInput: unknown, attachmentId: string): Promise<AnnouncementDone | AnnouncementFailure> {
  const id = announcementIdSchema.safeParse(idInput);
  if (!id.success) return notFound(idInput);
  if (!publisher(actor)) return forbidden();
  if (!/^[0-9a-f-]{36}$/i.test(attachmentId)) return fail('not_found', 'There is no such file on this announcement.');
  return inTransaction(db, async (tx) => {
    const removed = await tx
      .delete(attachments)
      .where(and(eq(attachments.id, attachmentId), eq(attachments.ownerType, 'announcement'), eq(attachments.ownerId, id.data)))
      .returning({ fileName: attachments.fileName });
    if (!removed.length) throw new Refusal(fail('not_found', 'There is no such file on this announcement.'));
    await tx.update(announcements).set({ updatedAt: new Date() }).where(eq(announcements.id, id.data));
    await recordAudit(tx, {
      actor: userActor(actor),
      action: 'announcement.attachment_removed',
      entityType: 'announcement',
      entityId: id.data,
      data: { attachmentId, fileName: removed[0]!.fileName },
    });
    return { ok: true as const, id: id.data, published: false };
  });
}
