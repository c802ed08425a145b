import { auditLog } from '@/drizzle/schema';
import type { DbOrTx } from '@/lib/db';

/** Who made a change: a signed-in person, a sync source (by code), or a named system job. */
export type AuditActor =
  | { kind: 'user'; id: string }
  | { kind: 'sync'; id: string }
  | { kind: 'system'; id: string };

export type AuditEntry = {
  actor: AuditActor;
  /** What happened, as `<entity>.<verb>`: `dealer.created`, `user.deactivated`, `announcement.published`. */
  action: string;
  entityType: 'dealer' | 'user' | 'order' | 'claim' | 'announcement' | 'ledger' | 'library_document' | 'settings' | 'plant' | 'catalog_item' | 'sync_source' | (string & {});
  entityId: string | number;
  /** The dealer the change concerns, when there is one: lets a dealer's page list its history. */
  dealerId?: number | null;
  /** What changed: for edits `{ changes: { field: { from, to } } }`, otherwise the facts of the action. */
  data?: Record<string, unknown>;
};

/**
 * Appends one row to the audit log (append-only, migration 0001). Call it inside the transaction
 * that makes the change, so the change and its record commit or roll back together.
 */
export async function recordAudit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorKind: entry.actor.kind,
    actorId: entry.actor.id,
    action: entry.action,
    entityType: entry.entityType,
    entityId: String(entry.entityId),
    dealerId: entry.dealerId ?? null,
    data: entry.data ?? {},
  });
}

/** `{ field: { from, to } }` for the fields whose values differ (compared as JSON). */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    if (after[key] === undefined) continue;
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      changes[key] = { from: before[key] ?? null, to: after[key] ?? null };
    }
  }
  return changes;
}
