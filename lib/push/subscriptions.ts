import 'server-only';
import { and, desc, eq, notInArray, sql } from 'drizzle-orm';
import { pushSubscriptions } from '@/drizzle/schema';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/db';
import { deviceLabel } from './device-label';
import { MAX_SUBSCRIPTIONS_PER_USER, type PushDevice, type SubscriptionInput } from './schemas';

// A user's push subscriptions, one per device (browser profile). Always scoped by the actor: a
// device of someone else is not found, exactly like one that does not exist.

const USER_AGENT_MAX = 400;

/**
 * Stores the device's subscription for the actor. An endpoint is one browser profile: one that
 * was someone else's (another person signed in on the same phone) now belongs to this one. The
 * oldest devices beyond the limit are dropped.
 */
export async function subscribePush(db: Db, actor: Actor, input: SubscriptionInput, userAgent: string | null, now = new Date()): Promise<PushDevice> {
  return db.transaction(async (tx) => {
    if (input.replaces && input.replaces !== input.endpoint) {
      await tx.delete(pushSubscriptions).where(and(eq(pushSubscriptions.endpoint, input.replaces), eq(pushSubscriptions.userId, actor.userId)));
    }
    const agent = userAgent ? userAgent.slice(0, USER_AGENT_MAX) : null;
    const [row] = await tx
      .insert(pushSubscriptions)
      .values({ userId: actor.userId, endpoint: input.endpoint, p256dh: input.keys.p256dh, auth: input.keys.auth, userAgent: agent, createdAt: now })
      .onConflictDoUpdate({
        target: pushSubscriptions.endpoint,
        set: {
          // The same person again keeps the device's date; another person's device starts anew.
          createdAt: sql`case when ${pushSubscriptions.userId} = excluded.user_id then ${pushSubscriptions.createdAt} else excluded.created_at end`,
          lastUsedAt: sql`case when ${pushSubscriptions.userId} = excluded.user_id then ${pushSubscriptions.lastUsedAt} else null end`,
          userId: actor.userId,
          p256dh: input.keys.p256dh,
          auth: input.keys.auth,
          userAgent: agent,
          lastError: null,
        },
      })
      .returning();
    if (!row) throw new Error('The push subscription was not stored');
    const keep = tx
      .select({ id: pushSubscriptions.id })
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.userId, actor.userId))
      .orderBy(desc(pushSubscriptions.createdAt), desc(pushSubscriptions.id))
      .limit(MAX_SUBSCRIPTIONS_PER_USER);
    await tx.delete(pushSubscriptions).where(and(eq(pushSubscriptions.userId, actor.userId), notInArray(pushSubscriptions.id, keep)));
    return deviceOf(row);
  });
}

function deviceOf(row: typeof pushSubscriptions.$inferSelect): PushDevice {
  return {
    id: row.id,
    endpoint: row.endpoint,
    ...deviceLabel(row.userAgent),
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    lastError: row.lastError,
  };
}

/** The actor's devices, newest first. */
export async function listPushDevices(db: Db, actor: Actor): Promise<PushDevice[]> {
  const rows = await db
    .select()
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.userId, actor.userId))
    .orderBy(desc(pushSubscriptions.createdAt), desc(pushSubscriptions.id));
  return rows.map(deviceOf);
}

/** Removes one of the actor's devices; false when there is none such among his. */
export async function removePushDevice(db: Db, actor: Actor, id: number): Promise<boolean> {
  const removed = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.id, id), eq(pushSubscriptions.userId, actor.userId)))
    .returning({ id: pushSubscriptions.id });
  return removed.length > 0;
}

/** Removes the actor's subscription of this endpoint (this device, on sign-out or turning push off). */
export async function removePushEndpoint(db: Db, actor: Actor, endpoint: string): Promise<boolean> {
  const removed = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.endpoint, endpoint), eq(pushSubscriptions.userId, actor.userId)))
    .returning({ id: pushSubscriptions.id });
  return removed.length > 0;
}
