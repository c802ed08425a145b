import { z } from 'zod';
import { ACTOR_KINDS } from '@/drizzle/schema/values';

// The audit page's search, from and to its URL. No server imports. Whatever in the URL is not
// understood is reported back (`invalid`) and left out, so a pasted link still opens the page.

export const AUDIT_PAGE_SIZE = 50;

/** Object types the search offers; any other stored type is still found by the URL. */
export const AUDIT_OBJECT_TYPES = [
  'order',
  'dealer',
  'user',
  'claim',
  'ledger_entry',
  'announcement',
  'library_document',
  'catalog_item',
  'shipment',
  'plant',
  'settings',
  'sync_source',
] as const;

/** Actions the search offers by name; "claim.*" finds every action of a kind. */
export const AUDIT_ACTION_GROUPS = [
  'order.',
  'dealer.',
  'dealer_user.',
  'user.',
  'claim.',
  'ledger_entry.',
  'ledger.',
  'announcement.',
  'library_document.',
  'catalog.',
  'shipment.',
  'plant.',
  'settings.',
  'finance.',
  'sync.',
] as const;

export type AuditFilter = {
  /** What the object is (`order`, `dealer`, …); with `object` only. */
  type?: string;
  /** The object's key as people say it: order number, dealer code, e-mail, claim number, document id. */
  object?: string;
  /** Who: a person's e-mail or name, a sync source's code, a system job's name. */
  who?: string;
  whoKind?: (typeof ACTOR_KINDS)[number];
  /** The dealer the change concerns, by code. */
  dealer?: string;
  /** An action (`claim.moved`) or a kind of actions ending with a dot (`claim.`). */
  action?: string;
  /** Kyiv days, inclusive. */
  from?: string;
  to?: string;
};

export type AuditCursor = { at: string; id: number };

const text = (max: number) => z.string().trim().min(1).max(max);
const day = z.iso.date().refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d));
const FIELDS = {
  type: z.string().regex(/^[a-z_]{2,40}$/),
  object: text(200),
  who: text(200),
  whoKind: z.enum(ACTOR_KINDS),
  dealer: text(64),
  action: z.string().regex(/^[a-z_]+(\.[a-z_]*)*$/).max(80),
  from: day,
  to: day,
} satisfies Record<keyof AuditFilter, z.ZodType>;

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function read(params: Params, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key];
  const one = Array.isArray(value) ? value[0] : value;
  return one === undefined || one.trim() === '' ? undefined : one;
}

/** The search of a page's URL; fields that are not understood are named in `invalid`. */
export function auditFilterFromSearchParams(params: Params): { filter: AuditFilter; cursor: AuditCursor | null; invalid: (keyof AuditFilter | 'cursor')[] } {
  const filter: Record<string, string> = {};
  const invalid: (keyof AuditFilter | 'cursor')[] = [];
  for (const [key, schema] of Object.entries(FIELDS) as [keyof AuditFilter, z.ZodType<string>][]) {
    const raw = read(params, key);
    if (raw === undefined) continue;
    const parsed = schema.safeParse(raw);
    if (parsed.success) filter[key] = parsed.data;
    else invalid.push(key);
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    invalid.push('to');
    delete filter.to;
  }
  const rawCursor = read(params, 'cursor');
  const cursor = rawCursor ? decodeAuditCursor(rawCursor) : null;
  if (rawCursor && !cursor) invalid.push('cursor');
  return { filter: filter as AuditFilter, cursor, invalid };
}

export function auditHref(base: string, filter: AuditFilter, cursor?: string | null): string {
  const query = new URLSearchParams();
  for (const key of Object.keys(FIELDS) as (keyof AuditFilter)[]) {
    const value = filter[key];
    if (value) query.set(key, value);
  }
  if (cursor) query.set('cursor', cursor);
  const text = query.toString();
  return text ? `${base}?${text}` : base;
}

export function isAuditFilterEmpty(filter: AuditFilter): boolean {
  return Object.values(filter).every((v) => !v);
}

export function encodeAuditCursor(cursor: AuditCursor): string {
  return Buffer.from(`${cursor.at}|${cursor.id}`, 'utf8').toString('base64url');
}

/** The cursor a page handed out (the last row's exact time, to the microsecond, and id), or null. */
export function decodeAuditCursor(value: string): AuditCursor | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(value)) return null;
  const [at = '', id = ''] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  if (!/^[1-9]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(at)) return null;
  const parsed = Date.parse(at);
  if (Number.isNaN(parsed) || new Date(parsed).toISOString().slice(0, 19) !== at.slice(0, 19)) return null;
  if (!/^\d{1,15}$/.test(id)) return null;
  return { at, id: Number(id) };
}
