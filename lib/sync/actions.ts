'use server';

import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { auditLog, syncEvents, syncSources } from '@/drizzle/schema';
import { assertCan } from '@/lib/auth/assert';
import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { log } from '@/lib/log';
import { hashSyncToken } from './tokens';

export type ActionResult = { ok: true; token?: string } | { ok: false; error: 'forbidden' | 'invalid' | 'not_found' | 'conflict' };

async function actorFor(capability: 'sync.handleRejections' | 'sync.manageSources') {
  const actor = await getActor();
  try {
    assertCan(actor, capability);
    return actor;
  } catch {
    return null;
  }
}

/** Marks a rejected event as dealt with (it leaves the monitor's list; the record stays). */
export async function markRejectionHandled(input: unknown): Promise<ActionResult> {
  const actor = await actorFor('sync.handleRejections');
  if (!actor) return { ok: false, error: 'forbidden' };
  const parsed = z.coerce.number().int().positive().safeParse(input);
  if (!parsed.success) return { ok: false, error: 'invalid' };
  const db = getDb();
  const done = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(syncEvents)
      .set({ handledAt: new Date(), handledById: actor.userId })
      .where(and(eq(syncEvents.id, parsed.data), eq(syncEvents.state, 'rejected'), isNull(syncEvents.handledAt)))
      .returning({ id: syncEvents.id, eventId: syncEvents.eventId });
    if (!row) return false;
    await tx.insert(auditLog).values({
      actorKind: 'user',
      actorId: actor.userId,
      action: 'sync.rejection_handled',
      entityType: 'sync_event',
      entityId: String(row.id),
      data: { eventId: row.eventId },
    });
    return true;
  });
  if (!done) return { ok: false, error: 'not_found' };
  revalidatePath('/factory/sync');
  return { ok: true };
}

const newToken = () => `${randomBytes(24).toString('base64url')}`;

const sourceSchema = z.object({
  code: z.string().trim().regex(/^[a-z][a-z0-9_-]{1,31}$/),
  name: z.string().trim().min(2).max(100),
});

/** Adds a source system; its token is answered once and only its hash is kept. */
export async function createSyncSource(input: unknown): Promise<ActionResult> {
  const actor = await actorFor('sync.manageSources');
  if (!actor) return { ok: false, error: 'forbidden' };
  const parsed = sourceSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'invalid' };
  const token = newToken();
  const db = getDb();
  const created = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(syncSources)
      .values({ code: parsed.data.code, name: parsed.data.name, tokenHash: hashSyncToken(token) })
      .onConflictDoNothing()
      .returning({ id: syncSources.id });
    if (!row) return false;
    await tx.insert(auditLog).values({
      actorKind: 'user',
      actorId: actor.userId,
      action: 'sync.source_created',
      entityType: 'sync_source',
      entityId: parsed.data.code,
      data: { name: parsed.data.name },
    });
    return true;
  });
  if (!created) return { ok: false, error: 'conflict' };
  log.info('sync source created', { code: parsed.data.code, by: actor.userId });
  revalidatePath('/factory/sync');
  return { ok: true, token };
}

/** A new token for a source (the old one stops working at once), or the source switched off/on. */
export async function changeSyncSource(input: unknown): Promise<ActionResult> {
  const actor = await actorFor('sync.manageSources');
  if (!actor) return { ok: false, error: 'forbidden' };
  const parsed = z.object({ id: z.coerce.number().int().positive(), change: z.enum(['rotate', 'revoke', 'restore']) }).safeParse(input);
  if (!parsed.success) return { ok: false, error: 'invalid' };
  const { id, change } = parsed.data;
  const token = change === 'rotate' ? newToken() : undefined;
  const set =
    change === 'rotate' ? { tokenHash: hashSyncToken(token!), active: true } : { active: change === 'restore' };
  const db = getDb();
  const done = await db.transaction(async (tx) => {
    const [row] = await tx.update(syncSources).set(set).where(eq(syncSources.id, id)).returning({ code: syncSources.code });
    if (!row) return false;
    await tx.insert(auditLog).values({
      actorKind: 'user',
      actorId: actor.userId,
      action: `sync.source_${change}d`.replace('rotated', 'token_rotated'),
      entityType: 'sync_source',
      entityId: row.code,
    });
    return true;
  });
  if (!done) return { ok: false, error: 'not_found' };
  revalidatePath('/factory/sync');
  return { ok: true, token };
}
