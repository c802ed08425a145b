import { z } from 'zod';
import {
  ITEM_KINDS,
  LEDGER_KINDS,
  ORDER_STATUSES,
  SASH_OPENINGS,
  SHIPMENT_STATUSES,
} from '@/drizzle/schema/values';

// The sync API's formats, exactly as CONTRACT.md section 3 fixes them. Every message names what
// is wrong in words the factory's integration engineers can act on.

export const MAX_EVENTS = 1000;
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

const text = (max: number, what: string) =>
  z.string({ error: `${what} must be a text` }).trim().min(1, `${what} must not be empty`).max(max, `${what} must be at most ${max} characters`);
const optionalText = (max: number, what: string) => text(max, what).optional().nullable();

/** Money: a decimal string with at most 2 decimals, never a JSON number (floats lose kopiykas). */
const money = (what: string, options: { signed?: boolean } = {}) =>
  z
    .string({ error: `${what} must be a decimal string such as "1250.50", not a number` })
    .regex(
      options.signed ? /^-?\d{1,12}(\.\d{1,2})?$/ : /^\d{1,12}(\.\d{1,2})?$/,
      `${what} must be a ${options.signed ? '' : 'non-negative '}decimal string with at most 12 digits before the point and 2 after, such as "1250.50"`,
    );

const currency = z.string({ error: 'currency must be a text' }).regex(/^[A-Z]{3}$/, 'currency must be a three-letter ISO code such as "UAH"');
const dateTime = (what: string) =>
  z.iso.datetime({ offset: true, error: `${what} must be an RFC 3339 time with a zone, such as "2026-11-23T09:15:00+02:00"` });
const date = (what: string) => z.iso.date({ error: `${what} must be a date as YYYY-MM-DD` });
const wholeNumber = (what: string, min: number) =>
  z.number({ error: `${what} must be a number` }).int(`${what} must be a whole number`).min(min, `${what} must be at least ${min}`);
const oneOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: `${what} must be one of: ${values.join(', ')}` });

export const dealerUpsertedSchema = z.object({
  code: text(32, 'code'),
  name: text(300, 'name'),
  taxId: z.string({ error: 'taxId must be a text' }).regex(/^\d{8}(\d{2})?$/, 'taxId must be the 8-digit EDRPOU code or a 10-digit individual tax number'),
  region: optionalText(100, 'region'),
  phone: optionalText(40, 'phone'),
  email: z.email('email must be an e-mail address').max(254).optional().nullable(),
  address: optionalText(500, 'address'),
  currency: currency.optional().nullable(),
});

const sashSchema = z.object({
  widthMm: wholeNumber('sash widthMm', 1),
  opening: oneOf(SASH_OPENINGS, 'sash opening'),
});

const itemSchema = z.object({
  position: wholeNumber('position', 1),
  kind: oneOf(ITEM_KINDS, 'kind'),
  name: text(300, 'name'),
  widthMm: wholeNumber('widthMm', 1),
  heightMm: wholeNumber('heightMm', 1),
  quantity: wholeNumber('quantity', 1),
  profile: optionalText(200, 'profile'),
  glazing: optionalText(200, 'glazing'),
  color: optionalText(200, 'color'),
  /** Not in the contract's table; accepted as an addition (DOMAIN.md lists hardware per construction). */
  hardware: optionalText(200, 'hardware'),
  sashes: z.array(sashSchema, { error: 'sashes must be a list' }).max(20).optional().nullable(),
  extras: z.array(text(200, 'extra'), { error: 'extras must be a list of texts' }).max(50).optional().nullable(),
  price: money('price'),
});

export const orderUpsertedSchema = z
  .object({
    number: text(64, 'number'),
    dealerCode: text(32, 'dealerCode'),
    plant: optionalText(32, 'plant'),
    createdAt: dateTime('createdAt'),
    currency,
    total: money('total'),
    customerRef: optionalText(300, 'customerRef'),
    items: z.array(itemSchema, { error: 'items must be a list' }).min(1, 'items must name at least one construction').max(500),
  })
  .superRefine((order, ctx) => {
    const seen = new Set<number>();
    order.items.forEach((item, i) => {
      if (seen.has(item.position)) ctx.addIssue({ code: 'custom', path: ['items', i, 'position'], message: `position ${item.position} appears twice` });
      seen.add(item.position);
    });
  });

export const orderStatusSchema = z
  .object({
    number: text(64, 'number'),
    status: oneOf(ORDER_STATUSES, 'status'),
    itemsDone: wholeNumber('itemsDone', 0).optional().nullable(),
    itemsTotal: wholeNumber('itemsTotal', 1).optional().nullable(),
    note: optionalText(1000, 'note'),
  })
  .refine((s) => s.itemsDone == null || s.itemsTotal == null || s.itemsDone <= s.itemsTotal, {
    message: 'itemsDone must not be greater than itemsTotal',
    path: ['itemsDone'],
  });

export const shipmentUpsertedSchema = z.object({
  number: text(64, 'number'),
  plannedDate: date('plannedDate'),
  status: oneOf(SHIPMENT_STATUSES, 'status'),
  orderNumbers: z.array(text(64, 'order number'), { error: 'orderNumbers must be a list of order numbers' }).max(500),
  driverName: optionalText(200, 'driverName'),
  driverPhone: optionalText(40, 'driverPhone'),
  vehicle: optionalText(200, 'vehicle'),
  departedAt: dateTime('departedAt').optional().nullable(),
  deliveredAt: dateTime('deliveredAt').optional().nullable(),
});

const SIGNED_LEDGER_KINDS = new Set(['opening_balance', 'adjustment']);

export const ledgerEntrySchema = z
  .object({
    id: text(128, 'id (the document id)'),
    dealerCode: text(32, 'dealerCode'),
    kind: oneOf(LEDGER_KINDS, 'kind'),
    amount: money('amount', { signed: true }),
    currency,
    date: date('date'),
    dueDate: date('dueDate').optional().nullable(),
    orderNumber: optionalText(64, 'orderNumber'),
    document: optionalText(300, 'document'),
  })
  .refine((e) => SIGNED_LEDGER_KINDS.has(e.kind) || !e.amount.startsWith('-'), {
    message: 'amount must be positive for invoice, payment, compensation and delivery_charge (the kind gives the direction)',
    path: ['amount'],
  });

const stock = z.union([
  z.number({ error: 'stock must be a number' }).min(0, 'stock must not be negative').lt(1e11, 'stock must be less than 100,000,000,000'),
  z.string().regex(/^\d{1,11}(\.\d{1,3})?$/, 'stock must be a non-negative number with at most 3 decimals'),
]);

export const catalogItemSchema = z.object({
  partNumber: text(64, 'partNumber'),
  name: text(300, 'name'),
  unit: text(20, 'unit'),
  retailPrice: money('retailPrice'),
  dealerPrice: money('dealerPrice'),
  promoPrice: money('promoPrice').optional().nullable(),
  stock: stock.optional().nullable(),
  currency,
});

export const EVENT_SCHEMAS = {
  'dealer.upserted': dealerUpsertedSchema,
  'order.upserted': orderUpsertedSchema,
  'order.status': orderStatusSchema,
  'shipment.upserted': shipmentUpsertedSchema,
  'ledger.entry': ledgerEntrySchema,
  'catalog.item': catalogItemSchema,
} as const;

export type EventType = keyof typeof EVENT_SCHEMAS;
export const EVENT_TYPES = Object.keys(EVENT_SCHEMAS) as EventType[];
export type EventData<T extends EventType> = z.infer<(typeof EVENT_SCHEMAS)[T]>;

/** A valid event of one of the contract's types. */
export type SyncEvent = {
  [T in EventType]: { id: string; type: T; occurredAt: Date; data: EventData<T> };
}[EventType];

export const envelopeSchema = z.object({
  events: z.array(z.unknown(), { error: 'the body must be { "events": [ ... ] }' }),
});

const eventHeadSchema = z.object({
  id: z.string({ error: 'id must be a text' }).min(1, 'id must not be empty').max(128, 'id must be at most 128 characters'),
  type: z.string({ error: 'type must be a text' }),
  occurredAt: dateTime('occurredAt'),
  data: z.record(z.string(), z.unknown(), { error: 'data must be an object' }),
});

function describe(error: z.ZodError, prefix: string): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const where = issue.path.reduce<string>(
        (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)),
        prefix,
      );
      return `${where || 'event'}: ${issue.message}`;
    })
    .join('; ');
}

export type ParsedEvent =
  | { ok: true; event: SyncEvent }
  | { ok: false; id: string | null; type: string | null; error: string };

/** Validates one event of a batch: its envelope, its type and its data. */
export function parseEvent(raw: unknown): ParsedEvent {
  const rawId = raw && typeof raw === 'object' && 'id' in raw ? (raw as { id: unknown }).id : undefined;
  const id = typeof rawId === 'string' && rawId.length >= 1 && rawId.length <= 128 && !rawId.includes('\0') ? rawId : null;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, id: null, type: null, error: 'an event must be an object with id, type, occurredAt and data' };
  }
  // PostgreSQL cannot store the NUL character in a text; it is never meant to be in one anyway.
  if (NUL_ESCAPE.test(JSON.stringify(raw))) {
    return { ok: false, id, type: null, error: 'texts must not contain the NUL character (\\u0000); remove it and send the event again' };
  }
  const head = eventHeadSchema.safeParse(raw);
  if (!head.success) return { ok: false, id, type: null, error: describe(head.error, '') };
  const { type, occurredAt, data } = head.data;
  if (!(type in EVENT_SCHEMAS)) {
    return { ok: false, id, type, error: `type "${type.slice(0, 64)}" is not known; expected one of: ${EVENT_TYPES.join(', ')}` };
  }
  const parsed = EVENT_SCHEMAS[type as EventType].safeParse(data);
  if (!parsed.success) return { ok: false, id, type, error: describe(parsed.error, 'data') };
  return { ok: true, event: { id: head.data.id, type, occurredAt: new Date(occurredAt), data: parsed.data } as SyncEvent };
}

/** A NUL character in JSON text: \u0000 after an even number of backslashes (an odd one escapes it). */
const NUL_ESCAPE = /(?<!\\)((?:\\\\)*)\\u0000/;

/** An event as sent, fit to be stored for the monitor: NUL characters, which no text may hold, removed. */
export function storablePayload(raw: unknown): unknown {
  const text = JSON.stringify(raw) ?? 'null';
  return NUL_ESCAPE.test(text) ? JSON.parse(text.replace(new RegExp(NUL_ESCAPE.source, 'g'), '$1')) : raw;
}
