import 'server-only';
import { aliasedTable, and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { auditLog, dealers, ledgerEntries, users } from '@/drizzle/schema';
import type { Role } from '@/drizzle/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/assert';
import type { DbOrTx } from '@/lib/db';
import { TIME_ZONE } from '@/lib/i18n/config';
import { AUDIT_OBJECT_TYPES, AUDIT_PAGE_SIZE, encodeAuditCursor, type AuditCursor, type AuditFilter } from './filter';

// The audit page's search over the append-only log (administrators only). People search with the
// keys they know; the writers store some objects under other keys, resolved here:
//   order → its number; claim → its number; dealer → its code; catalog item → part number;
//   user → the user's id (people type the e-mail); ledger entry → "<source>:<document id>"
//   (people type the document id); plant → its code; settings → "claim_sla.<category>",
//   "claim_calendar" or the finance settings' "1".
// Newest first, keyset paging on (at, id).

export type AuditWho =
  | { kind: 'user'; id: string | null; name: string | null; email: string | null; role: Role | null }
  | { kind: 'sync'; source: string }
  | { kind: 'system'; job: string };

export type AuditRow = {
  id: number;
  at: Date;
  who: AuditWho;
  action: string;
  entityType: string;
  entityId: string;
  /** A name for the object when the key alone says little (a user's name and e-mail). */
  entityLabel: string | null;
  dealer: { code: string; name: string } | null;
  data: Record<string, unknown>;
  requestId: string | null;
};

export type AuditPage = {
  rows: AuditRow[];
  nextCursor: string | null;
  /** Keys of the search that matched nothing (an unknown e-mail or dealer code): said to the reader. */
  unresolved: ('object' | 'who' | 'dealer')[];
};

const actorUser = aliasedTable(users, 'actor_user');
const entityUser = aliasedTable(users, 'entity_user');
const MAX_MATCHED_PEOPLE = 50;

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The stored entity ids of an object as people name it; null when it names nothing. */
async function entityCondition(db: DbOrTx, type: string | undefined, key: string): Promise<SQL | null> {
  if (type === 'user') {
    const ids = await db
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = lower(${key}) or ${users.id}::text = lower(${key})`)
      .limit(2);
    if (!ids.length) return null;
    return and(eq(auditLog.entityType, 'user'), inArray(auditLog.entityId, ids.map((u) => u.id)))!;
  }
  if (type === 'ledger_entry') {
    const keys = key.includes(':')
      ? [key]
      : (await db.select({ source: ledgerEntries.source, documentId: ledgerEntries.documentId }).from(ledgerEntries).where(eq(ledgerEntries.documentId, key)).limit(20)).map(
          (e) => `${e.source}:${e.documentId}`,
        );
    if (!keys.length) return null;
    return and(eq(auditLog.entityType, 'ledger_entry'), inArray(auditLog.entityId, keys))!;
  }
  if (type) return and(eq(auditLog.entityType, type), eq(auditLog.entityId, key))!;
  // No type: the key as any offered type's id (the entity index is searched once per type).
  return and(inArray(auditLog.entityType, [...AUDIT_OBJECT_TYPES]), eq(auditLog.entityId, key))!;
}

/** Who: people by e-mail or part of the name, or a sync source or system job by its name. */
async function actorCondition(db: DbOrTx, who: string, kind: AuditFilter['whoKind']): Promise<SQL | null> {
  const ids: string[] = [];
  if (kind === undefined || kind === 'user') {
    const people = await db
      .select({ id: users.id })
      .from(users)
      .where(
        sql`lower(${users.email}) = lower(${who}) or ${users.id}::text = lower(${who}) or ${users.name} ilike ${`%${escapeLike(who)}%`}`,
      )
      .limit(MAX_MATCHED_PEOPLE);
    ids.push(...people.map((p) => p.id));
  }
  if (kind === 'user') return ids.length ? and(eq(auditLog.actorKind, 'user'), inArray(auditLog.actorId, ids))! : null;
  if (kind) return and(eq(auditLog.actorKind, kind), eq(auditLog.actorId, who))!;
  return inArray(auditLog.actorId, [...ids, who]);
}

/** One page of the log matching the search, newest first. */
export async function searchAudit(db: DbOrTx, actor: Actor | null, filter: AuditFilter, options: { cursor?: AuditCursor | null; limit?: number } = {}): Promise<AuditPage> {
  assertCan(actor, 'audit.read');
  const limit = Math.min(Math.max(options.limit ?? AUDIT_PAGE_SIZE, 1), 200);
  const conditions: SQL[] = [];
  const unresolved: AuditPage['unresolved'] = [];

  if (filter.object) {
    const condition = await entityCondition(db, filter.type, filter.object);
    if (condition) conditions.push(condition);
    else unresolved.push('object');
  }
  if (filter.who) {
    const condition = await actorCondition(db, filter.who, filter.whoKind);
    if (condition) conditions.push(condition);
    else unresolved.push('who');
  } else if (filter.whoKind) {
    conditions.push(eq(auditLog.actorKind, filter.whoKind));
  }
  if (filter.dealer) {
    const [dealer] = await db.select({ id: dealers.id }).from(dealers).where(sql`lower(${dealers.code}) = lower(${filter.dealer})`).limit(1);
    if (dealer) conditions.push(eq(auditLog.dealerId, dealer.id));
    else unresolved.push('dealer');
  }
  if (filter.action) {
    conditions.push(filter.action.endsWith('.') ? sql`${auditLog.action} like ${`${escapeLike(filter.action)}%`}` : eq(auditLog.action, filter.action));
  }
  if (filter.from) conditions.push(sql`${auditLog.at} >= (${filter.from}::date)::timestamp at time zone ${TIME_ZONE}`);
  if (filter.to) conditions.push(sql`${auditLog.at} < (${filter.to}::date + 1)::timestamp at time zone ${TIME_ZONE}`);
  if (options.cursor) conditions.push(sql`(${auditLog.at}, ${auditLog.id}) < (${options.cursor.at}::timestamptz, ${options.cursor.id})`);
  if (unresolved.length) return { rows: [], nextCursor: null, unresolved };

  const found = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      atExact: sql<string>`to_char(${auditLog.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      actorKind: auditLog.actorKind,
      actorId: auditLog.actorId,
      actorName: actorUser.name,
      actorEmail: actorUser.email,
      actorRole: actorUser.role,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      entityName: entityUser.name,
      entityEmail: entityUser.email,
      dealerCode: dealers.code,
      dealerName: dealers.name,
      data: auditLog.data,
      requestId: auditLog.requestId,
    })
    .from(auditLog)
    .leftJoin(actorUser, and(eq(auditLog.actorKind, 'user'), sql`${actorUser.id}::text = ${auditLog.actorId}`))
    .leftJoin(entityUser, and(eq(auditLog.entityType, 'user'), sql`${entityUser.id}::text = ${auditLog.entityId}`))
    .leftJoin(dealers, eq(dealers.id, auditLog.dealerId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit + 1);

  const page = found.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page.map((r) => ({
      id: r.id,
      at: r.at,
      who:
        r.actorKind === 'user'
          ? { kind: 'user', id: r.actorId, name: r.actorName, email: r.actorEmail, role: r.actorRole }
          : r.actorKind === 'sync'
            ? { kind: 'sync', source: r.actorId ?? '' }
            : { kind: 'system', job: r.actorId ?? '' },
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      entityLabel: r.entityName ? `${r.entityName} <${r.entityEmail}>` : null,
      dealer: r.dealerCode && r.dealerName ? { code: r.dealerCode, name: r.dealerName } : null,
      data: r.data,
      requestId: r.requestId,
    })),
    nextCursor: found.length > limit && last ? encodeAuditCursor({ at: last.atExact, id: last.id }) : null,
    unresolved,
  };
}

/** The page of the portal an audited object has, for the log's links; null when it has none. */
export function auditObjectHref(entityType: string, entityId: string): string | null {
  const key = encodeURIComponent(entityId);
  switch (entityType) {
    case 'order':
      return `/factory/orders/${key}`;
    case 'dealer':
      return `/factory/dealers/${key}`;
    case 'user':
      return `/factory/users/${key}`;
    case 'claim':
      return `/claims/${key}`;
    default:
      return null;
  }
}
