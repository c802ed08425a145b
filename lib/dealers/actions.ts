import 'server-only';
import { and, eq, inArray, ne, or } from 'drizzle-orm';
import { dealers, outbox, users } from '@/drizzle/schema';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { diffFields, recordAudit } from '@/lib/audit/record';
import type { Db, Tx } from '@/lib/db';
import { log } from '@/lib/log';
import { wakeDispatcher } from '@/lib/realtime/registry';
import { MANAGER_ROLES } from './list';
import { ACCOUNTING_FIELDS, dealerInputSchema, fieldErrorsOf, isDealerCodeLike, type DealerInput, type FieldErrors } from './schemas';

// Dealers created and edited by hand on the factory's dealers page, for those accounting does not
// send. Each use case: parse → authorize → one transaction (the change, its audit row with the
// changed fields, a dealer.updated event) → wake the dispatcher. A tax id or a code belongs to one
// dealer: checked first so the answer names the dealer that has it, and held by the unique indexes
// when two people save at once. Once accounting has sent a dealer (lib/sync/apply-dealers.ts,
// newest wins), the fields it sends are its own; the town, the manager and active stay the factory's.

export type DealerError =
  /** The input did not parse; `fields` names the problem of each field. */
  | 'invalid'
  /** Not signed in, or a role that may not manage dealers. */
  | 'forbidden'
  | 'not_found'
  /** Another dealer has this tax id; `existing` names it. */
  | 'duplicate_tax_id'
  /** Another dealer has this code; `existing` names it. */
  | 'duplicate_code';

export type DealerFailure = { ok: false; error: DealerError; fields?: FieldErrors; existing?: { code: string; name: string } };
export type DealerSaved = { ok: true; id: number; code: string; changed: boolean };

const fail = (error: DealerError, extra: Omit<DealerFailure, 'ok' | 'error'> = {}): DealerFailure => ({ ok: false, error, ...extra });

class Refusal extends Error {
  constructor(readonly failure: DealerFailure) {
    super(failure.error);
  }
}

const storedColumns = {
  id: dealers.id,
  code: dealers.code,
  name: dealers.name,
  taxId: dealers.taxId,
  region: dealers.region,
  town: dealers.town,
  address: dealers.address,
  phone: dealers.phone,
  email: dealers.email,
  currency: dealers.currency,
  managerId: dealers.managerUserId,
  active: dealers.active,
  sourceUpdatedAt: dealers.sourceUpdatedAt,
};

/** The dealer that already has this tax id or code (other than `exceptId`), tax id first. */
async function findClash(db: Db | Tx, input: Pick<DealerInput, 'taxId' | 'code'>, exceptId?: number): Promise<DealerFailure | null> {
  const rows = await db
    .select({ code: dealers.code, name: dealers.name, taxId: dealers.taxId })
    .from(dealers)
    .where(and(or(eq(dealers.taxId, input.taxId), eq(dealers.code, input.code)), exceptId === undefined ? undefined : ne(dealers.id, exceptId)))
    .limit(2);
  const byTaxId = rows.find((r) => r.taxId === input.taxId);
  if (byTaxId) return fail('duplicate_tax_id', { fields: { taxId: 'taxIdTaken' }, existing: { code: byTaxId.code, name: byTaxId.name } });
  const byCode = rows.find((r) => r.code === input.code);
  if (byCode) return fail('duplicate_code', { fields: { code: 'codeTaken' }, existing: { code: byCode.code, name: byCode.name } });
  return null;
}

/** The manager must be an active factory manager or administrator. */
async function checkManager(tx: Tx, managerId: string | null): Promise<void> {
  if (!managerId) return;
  const [user] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, managerId), inArray(users.role, [...MANAGER_ROLES]), eq(users.active, true)))
    .limit(1);
  if (!user) throw new Refusal(fail('invalid', { fields: { managerId: 'managerNotFactory' } }));
}

/** What a unique index refused, when the error is that (both drivers; Drizzle wraps it in `cause`). */
function uniqueViolation(err: unknown): string | null {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, constraint, constraint_name: constraintName } = e as { code?: string; constraint?: string; constraint_name?: string };
    if (code === '23505') return constraint ?? constraintName ?? '';
  }
  return null;
}

type ClashKey = { input: Pick<DealerInput, 'taxId' | 'code'>; exceptId?: number };

/**
 * Runs the write; a Refusal answers, and a unique index's refusal (someone saved the same tax id
 * or code between our check and our write) is answered as the check would have answered.
 */
async function write(db: Db, clashKey: () => ClashKey | null, work: (tx: Tx) => Promise<DealerSaved>): Promise<DealerSaved | DealerFailure> {
  try {
    return await db.transaction(work);
  } catch (err) {
    if (err instanceof Refusal) return err.failure;
    const key = uniqueViolation(err) !== null ? clashKey() : null;
    if (key) {
      const clash = await findClash(db, key.input, key.exceptId);
      if (clash) return clash;
    }
    throw err;
  }
}

function announce(tx: Tx, code: string) {
  return tx.insert(outbox).values({ event: 'dealer.updated', payload: { code }, audience: { roles: [...MANAGER_ROLES] } });
}

const NO_DEALER: Record<keyof DealerInput, unknown> = {
  code: null,
  name: null,
  taxId: null,
  region: null,
  town: null,
  address: null,
  phone: null,
  email: null,
  currency: null,
  managerId: null,
  active: null,
};

/**
 * Whether a field sent back by the edit form is what is stored: as stored (the form shows it
 * read-only, even when accounting's value would not pass the form's rules), or the same once read.
 */
function sameAsStored(field: (typeof ACCOUNTING_FIELDS)[number], sent: unknown, stored: unknown): boolean {
  const plain = (v: unknown) => (typeof v === 'string' ? v.trim() || null : (v ?? null));
  if (plain(sent) === plain(stored)) return true;
  const parsed = dealerInputSchema.shape[field].safeParse(sent);
  return parsed.success && (parsed.data ?? null) === (stored ?? null);
}

/** Creates a dealer accounting does not send. The answer names the dealer that already has the tax id or code. */
export async function createDealer(db: Db, actor: Actor | null, input: unknown): Promise<DealerSaved | DealerFailure> {
  const parsed = dealerInputSchema.safeParse(input);
  if (!parsed.success) return fail('invalid', { fields: fieldErrorsOf(parsed.error) });
  if (!actor || !can(actor, 'dealers.manage')) return fail('forbidden');
  const values = parsed.data;
  const now = new Date();
  const result = await write(db, () => ({ input: values }), async (tx) => {
    await checkManager(tx, values.managerId);
    const clash = await findClash(tx, values);
    if (clash) throw new Refusal(clash);
    const { managerId, ...rest } = values;
    const [row] = await tx
      .insert(dealers)
      .values({ ...rest, managerUserId: managerId, createdById: actor.userId, createdAt: now, updatedAt: now })
      .returning({ id: dealers.id });
    if (!row) throw new Error('The new dealer was not written');
    await recordAudit(tx, {
      actor: { kind: 'user', id: actor.userId },
      action: 'dealer.created',
      entityType: 'dealer',
      entityId: values.code,
      dealerId: row.id,
      data: { source: 'hand', changes: diffFields(NO_DEALER, values) },
    });
    await announce(tx, values.code);
    return { ok: true as const, id: row.id, code: values.code, changed: true };
  });
  if (result.ok) {
    wakeDispatcher();
    log.info('dealer created by hand', { dealerId: result.id, code: result.code, by: actor.userId });
  }
  return result;
}

/**
 * Edits a dealer: `input` may carry only the fields that change. On a dealer accounting sent, a
 * change to a field accounting sends is refused (`syncedField`); the town, manager and active are
 * the factory's on every dealer.
 */
export async function updateDealer(db: Db, actor: Actor | null, code: string, input: unknown): Promise<DealerSaved | DealerFailure> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return fail('invalid', { fields: { _: 'notAnObject' } });
  if (!actor || !can(actor, 'dealers.manage')) return fail('forbidden');
  if (typeof code !== 'string' || !isDealerCodeLike(code)) return fail('not_found');
  const now = new Date();
  let key: ClashKey | null = null;
  const result = await write(db, () => key, async (tx) => {
    const [row] = await tx.select(storedColumns).from(dealers).where(eq(dealers.code, code)).for('update');
    if (!row) throw new Refusal(fail('not_found'));
    const { id, sourceUpdatedAt, ...stored } = row;
    const defined = Object.fromEntries(Object.entries(input).filter(([field, value]) => field in NO_DEALER && value !== undefined));
    let values: DealerInput;
    if (sourceUpdatedAt === null) {
      const parsed = dealerInputSchema.safeParse({ ...stored, ...defined });
      if (!parsed.success) throw new Refusal(fail('invalid', { fields: fieldErrorsOf(parsed.error) }));
      values = parsed.data;
    } else {
      // Accounting sent this dealer: its fields stay as accounting sent them (and are not judged
      // by the form's rules); only the factory's own fields are read.
      const locked = ACCOUNTING_FIELDS.filter((field) => field in defined && !sameAsStored(field, defined[field], stored[field]));
      if (locked.length) throw new Refusal(fail('invalid', { fields: Object.fromEntries(locked.map((f) => [f, 'syncedField'])) }));
      const own = dealerInputSchema.pick({ town: true, managerId: true, active: true }).safeParse({ ...stored, ...defined });
      if (!own.success) throw new Refusal(fail('invalid', { fields: fieldErrorsOf(own.error) }));
      values = { ...stored, ...own.data };
    }
    key = { input: values, exceptId: id };
    const changes = diffFields(stored as Record<string, unknown>, values);
    if (!Object.keys(changes).length) return { ok: true as const, id, code: row.code, changed: false };
    if ('managerId' in changes) await checkManager(tx, values.managerId);
    if ('taxId' in changes || 'code' in changes) {
      const clash = await findClash(tx, values, id);
      if (clash) throw new Refusal(clash);
    }
    const { managerId, ...rest } = values;
    await tx
      .update(dealers)
      .set({ ...rest, managerUserId: managerId, updatedAt: now })
      .where(eq(dealers.id, id));
    await recordAudit(tx, {
      actor: { kind: 'user', id: actor.userId },
      action: 'dealer.updated',
      entityType: 'dealer',
      entityId: values.code,
      dealerId: id,
      data: { source: 'hand', changes },
    });
    await announce(tx, values.code);
    return { ok: true as const, id, code: values.code, changed: true };
  });
  if (result.ok && result.changed) {
    wakeDispatcher();
    log.info('dealer edited by hand', { dealerId: result.id, code: result.code, by: actor.userId });
  }
  return result;
}
