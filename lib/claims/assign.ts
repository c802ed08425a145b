import 'server-only';
import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { claims, users } from '@/drizzle/schema';
import type { ClaimStatus, Role } from '@/drizzle/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/assert';
import { rolesWith } from '@/lib/auth/permissions';
import type { DbOrTx, Tx } from '@/lib/db';

// Who gets a new claim: the active specialist with the least open work (claims not yet rejected,
// resolved or closed); on a tie the one who joined first, so the choice is repeatable.

/** Any fixed number: serialises the choice, so two claims filed at once do not both land on one person. */
const ASSIGN_LOCK_KEY = 724_201_006;
const FINISHED: ClaimStatus[] = ['rejected', 'resolved', 'closed'];

/** The specialist for a new claim, or null when the desk has nobody (the queue shows it unassigned). */
export async function pickAssignee(tx: Tx): Promise<string | null> {
  await tx.execute(sql`select pg_advisory_xact_lock(${ASSIGN_LOCK_KEY})`);
  const [chosen] = await tx
    .select({ id: users.id })
    .from(users)
    .leftJoin(claims, and(eq(claims.assigneeId, users.id), notInArray(claims.status, FINISHED)))
    .where(and(eq(users.role, 'claims'), eq(users.active, true)))
    .groupBy(users.id, users.createdAt)
    .orderBy(asc(sql`count(${claims.id})`), asc(users.createdAt), asc(users.id))
    .limit(1);
  return chosen?.id ?? null;
}

/** A user a claim may be handed to: an active member of the claims desk. */
export async function isAssignable(tx: Tx, userId: string): Promise<boolean> {
  const [user] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true), inArray(users.role, [...rolesWith('claims.work')])))
    .limit(1);
  return user !== undefined;
}

export type Assignee = { id: string; name: string; role: Role; openClaims: number };

/**
 * Whom a lead may hand a claim to: the active members of the claims desk with their open work
 * (claims not yet rejected, resolved or closed), the least busy first.
 */
export async function listAssignees(db: DbOrTx, actor: Actor): Promise<Assignee[]> {
  assertCan(actor, 'claims.reassign');
  return db
    .select({ id: users.id, name: users.name, role: users.role, openClaims: sql<number>`count(${claims.id})`.mapWith(Number) })
    .from(users)
    .leftJoin(claims, and(eq(claims.assigneeId, users.id), notInArray(claims.status, FINISHED)))
    .where(and(eq(users.active, true), inArray(users.role, [...rolesWith('claims.work')])))
    .groupBy(users.id, users.name, users.role)
    .orderBy(asc(sql`count(${claims.id})`), asc(users.name), asc(users.id));
}
