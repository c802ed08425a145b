import { z } from 'zod';
import { CLAIM_CATEGORIES, CLAIM_STATUSES, RESOLUTION_KINDS } from '@/drizzle/schema/values';
import { addDays, factoryToday } from '@/lib/calendar';

// What a claim's forms, the client API and the actions accept (contract section 4). No server
// imports: the claim forms read the same limits. Every message names its field, for integrators;
// the pages word their own errors through next-intl.

export { ADDRESS_MAX_LENGTH, CLAIMABLE_ORDER_STATUSES, CONTACT_MAX_LENGTH, DESCRIPTION_MAX_LENGTH, isClaimableOrder, MESSAGE_MAX_LENGTH, REASON_MAX_LENGTH } from './limits';
import { ADDRESS_MAX_LENGTH, CONTACT_MAX_LENGTH, DESCRIPTION_MAX_LENGTH, MESSAGE_MAX_LENGTH, REASON_MAX_LENGTH } from './limits';

/** The furthest ahead a repair visit may be booked. */
export const VISIT_MAX_DAYS_AHEAD = 366;
export const CLAIM_PAGE_SIZE = 50;
export const MAX_CLAIM_PAGE_SIZE = 200;
export const REPLACEMENT_SCOPES = ['part', 'whole'] as const;
export type ReplacementScope = (typeof REPLACEMENT_SCOPES)[number];

const text = (field: string, max: number) =>
  z
    .string({ error: `${field} must be text` })
    .trim()
    .min(1, `${field} must not be empty`)
    .max(max, `${field} must be at most ${max} characters`);

/** Optional free text: absent, null or blank is "not given". */
const optionalText = (field: string, max: number) =>
  z.preprocess((v) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v), text(field, max).optional());

/** An amount of money as a decimal string: more than zero, at most two decimals, never a float. */
export const amountSchema = z
  .string({ error: 'amount must be a decimal string such as "1250.00"' })
  .trim()
  .regex(/^\d{1,12}(\.\d{1,2})?$/, 'amount must be a decimal string with at most two decimals, such as "1250.00"')
  .refine((v) => /[1-9]/.test(v), 'amount must be more than zero');

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

const visitDateSchema = z
  .string({ error: 'visitDate must be a date as YYYY-MM-DD' })
  .refine(isDay, 'visitDate must be a date as YYYY-MM-DD')
  .refine((v) => !isDay(v) || v >= factoryToday(), 'visitDate must not be in the past')
  .refine((v) => !isDay(v) || v <= addDays(factoryToday(), VISIT_MAX_DAYS_AHEAD), `visitDate must be within ${VISIT_MAX_DAYS_AHEAD} days`);

const partial = z.boolean({ error: 'partial must be true or false' }).optional();

/** How an approved claim is settled; `partial`: less than the dealer asked (needs the reason). */
export const resolutionSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('repair'), visitDate: visitDateSchema }),
    z.strictObject({
      kind: z.literal('replacement'),
      scope: z.enum(REPLACEMENT_SCOPES, { error: `scope must be one of: ${REPLACEMENT_SCOPES.join(', ')}` }),
      partial,
    }),
    z.strictObject({ kind: z.literal('compensation'), amount: amountSchema, partial }),
    z.strictObject({ kind: z.literal('refund') }),
  ],
  { error: `resolution.kind must be one of: ${RESOLUTION_KINDS.join(', ')}` },
);
export type Resolution = z.infer<typeof resolutionSchema>;

/** POST /api/v1/claims (and the dealer's form). */
export const createClaimSchema = z
  .strictObject({
    orderNumber: text('orderNumber', 64),
    itemPosition: z
      .number({ error: 'itemPosition must be a number' })
      .int('itemPosition must be a whole number')
      .min(1, 'itemPosition must be at least 1')
      .max(10_000, 'itemPosition must be at most 10000')
      .optional(),
    category: z.enum(CLAIM_CATEGORIES, { error: `category must be one of: ${CLAIM_CATEGORIES.join(', ')}` }),
    description: text('description', DESCRIPTION_MAX_LENGTH),
    customerAddress: optionalText('customerAddress', ADDRESS_MAX_LENGTH),
    customerContact: optionalText('customerContact', CONTACT_MAX_LENGTH),
    damageNotedOnDelivery: z.boolean({ error: 'damageNotedOnDelivery must be true or false' }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.category === 'transit_damage' && v.damageNotedOnDelivery === undefined) {
      ctx.addIssue({ code: 'custom', path: ['damageNotedOnDelivery'], message: 'damageNotedOnDelivery is required for transit_damage: was the damage noted on the delivery document?' });
    }
    if (v.category !== 'transit_damage' && v.damageNotedOnDelivery !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['damageNotedOnDelivery'], message: 'damageNotedOnDelivery is asked only for transit_damage' });
    }
  });
export type CreateClaimInput = z.infer<typeof createClaimSchema>;

/** The Idempotency-Key header: one key per claim, message or upload the client means to send. */
export const idempotencyKeySchema = z
  .string({ error: 'Idempotency-Key is required: send a new random key (e.g. a UUID) with each claim' })
  .regex(/^[\x21-\x7e]{8,200}$/, 'Idempotency-Key must be 8 to 200 visible ASCII characters, e.g. a UUID');

/** POST /api/v1/claims/{number}/messages. */
export const claimMessageSchema = z.strictObject({
  body: text('body', MESSAGE_MAX_LENGTH),
  internal: z.boolean({ error: 'internal must be true or false' }).optional(),
});
export type ClaimMessageInput = z.infer<typeof claimMessageSchema>;

/** POST /api/v1/claims/{number}/transitions (the claims desk). */
export const transitionSchema = z
  .strictObject({
    to: z.enum(CLAIM_STATUSES, { error: `to must be one of: ${CLAIM_STATUSES.join(', ')}` }),
    comment: optionalText('comment', REASON_MAX_LENGTH),
    resolution: resolutionSchema.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.to === 'approved' && !v.resolution) {
      ctx.addIssue({ code: 'custom', path: ['resolution'], message: 'resolution is required to approve: repair, replacement, compensation or refund' });
    }
    if (v.to !== 'approved' && v.resolution) {
      ctx.addIssue({ code: 'custom', path: ['resolution'], message: 'resolution is given only with to: approved' });
    }
    if (v.resolution && 'partial' in v.resolution && v.resolution.partial && !v.comment) {
      ctx.addIssue({ code: 'custom', path: ['comment'], message: 'comment is required for a partial approval: say why less is granted than asked' });
    }
  });
export type TransitionInput = z.infer<typeof transitionSchema>;

/** POST /api/v1/claims/{number}/withdraw and /appeal (the dealer): the reason is always said. */
export const dealerMoveSchema = z.strictObject({ reason: text('reason', REASON_MAX_LENGTH) });
export type DealerMoveInput = z.infer<typeof dealerMoveSchema>;

/** A lead hands a claim to another specialist. */
export const reassignSchema = z.strictObject({ assigneeId: z.guid({ error: 'assigneeId must be a user id' }) });

/** GET /api/v1/claims?status=&limit=&cursor= */
export const claimListQuerySchema = z.strictObject({
  status: z.enum(CLAIM_STATUSES, { error: `status must be one of: ${CLAIM_STATUSES.join(', ')}` }).optional(),
  limit: z.coerce
    .number({ error: 'limit must be a number' })
    .int('limit must be a whole number')
    .min(1, 'limit must be at least 1')
    .max(MAX_CLAIM_PAGE_SIZE, `limit must be at most ${MAX_CLAIM_PAGE_SIZE}`)
    .optional(),
  cursor: z.string().optional(),
});

/** A claim number as people say it: digits only (anything else is simply not found). */
export function isClaimNumber(value: unknown): value is string {
  return typeof value === 'string' && /^\d{1,18}$/.test(value);
}

/** The first problem of each field, by its path (`resolution.amount`), for a 400 answer or a form. */
export function fieldErrorsOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string; code?: string; keys?: readonly string[] }[] }): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    // An unknown field is named itself, so the client sees which one to drop.
    if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
      for (const key of issue.keys) fields[[...issue.path.map(String), key].join('.')] ??= `${key} is not a field of this request`;
      continue;
    }
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= key === '_' && issue.code === 'invalid_type' ? 'the body must be a JSON object' : issue.message;
  }
  return fields;
}
