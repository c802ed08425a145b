import { z } from 'zod';
import { taxIdProblem } from './tax-id';

// What the dealer form and the create/edit functions accept. No server imports: the form reads
// the same limits. Every message is a key under `factoryDealers.fieldErrors`, so the form words
// it in the reader's language next to its field; the limits are the sync API's (lib/sync/schemas.ts).

export const CODE_MAX_LENGTH = 32;
export const NAME_MAX_LENGTH = 300;
export const REGION_MAX_LENGTH = 100;
export const TOWN_MAX_LENGTH = 100;
export const ADDRESS_MAX_LENGTH = 500;
export const PHONE_MAX_LENGTH = 40;
export const EMAIL_MAX_LENGTH = 254;

/** Whether a text can be a stored dealer code at all (accounting's codes are any text of up to 32 characters). */
export function isDealerCodeLike(code: string): boolean {
  return code.length > 0 && code.length <= CODE_MAX_LENGTH;
}

/** A dealer's code from the page's path segment (Next.js hands it over still percent-encoded). */
export function dealerCodeFromParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The path of a dealer's page. */
export function dealerHref(code: string): string {
  return `/factory/dealers/${encodeURIComponent(code)}`;
}

/** The currencies the form offers first; any ISO 4217 code is accepted. */
export const COMMON_CURRENCIES = ['UAH', 'EUR', 'USD', 'PLN'] as const;

let isoCurrencies: ReadonlySet<string> | null = null;
/** An ISO 4217 code the runtime knows (so "UHA" or "XYZ" is refused, not stored). */
export function isKnownCurrency(code: string): boolean {
  isoCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return /^[A-Z]{3}$/.test(code) && (isoCurrencies.has(code) || (COMMON_CURRENCIES as readonly string[]).includes(code));
}

const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

const required = (field: string, max: number) =>
  z
    .string({ error: `${field}Required` })
    .trim()
    .min(1, { error: `${field}Required` })
    .max(max, { error: `${field}TooLong` });

const optional = (field: string, max: number) =>
  z.preprocess(emptyToNull, z.string({ error: `${field}TooLong` }).trim().max(max, { error: `${field}TooLong` }).nullable().default(null));

export const dealerCodeSchema = required('code', CODE_MAX_LENGTH)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._/-]*$/u, { error: 'codeInvalid' })
  // /factory/dealers/new is the form for a new dealer, not a dealer's page.
  .refine((code) => code.toLowerCase() !== 'new', { error: 'codeReserved' });

export const dealerInputSchema = z.object({
  code: dealerCodeSchema,
  name: required('name', NAME_MAX_LENGTH),
  taxId: z
    .string({ error: 'taxIdRequired' })
    .transform((v) => v.replace(/[\s\u00A0-]/g, ''))
    .pipe(
      z
        .string()
        .min(1, { error: 'taxIdRequired' })
        .superRefine((v, ctx) => {
          const problem = taxIdProblem(v);
          if (problem) ctx.addIssue({ code: 'custom', message: problem === 'format' ? 'taxIdFormat' : 'taxIdCheckDigit' });
        }),
    ),
  region: optional('region', REGION_MAX_LENGTH),
  town: optional('town', TOWN_MAX_LENGTH),
  address: optional('address', ADDRESS_MAX_LENGTH),
  phone: z.preprocess(
    emptyToNull,
    z
      .string({ error: 'phoneInvalid' })
      .trim()
      .max(PHONE_MAX_LENGTH, { error: 'phoneInvalid' })
      .regex(/^\+?[\d\s().-]+$/, { error: 'phoneInvalid' })
      .refine((v) => (v.match(/\d/g) ?? []).length >= 9, { error: 'phoneInvalid' })
      .nullable()
      .default(null),
  ),
  email: z.preprocess(
    emptyToNull,
    z
      .string({ error: 'emailInvalid' })
      .trim()
      .toLowerCase()
      .max(EMAIL_MAX_LENGTH, { error: 'emailInvalid' })
      .pipe(z.email({ error: 'emailInvalid' }))
      .nullable()
      .default(null),
  ),
  currency: z
    .string({ error: 'currencyInvalid' })
    .trim()
    .toUpperCase()
    .refine(isKnownCurrency, { error: 'currencyInvalid' }),
  /** The factory manager who looks after the dealer; null: nobody yet. */
  managerId: z.preprocess(emptyToNull, z.guid({ error: 'managerInvalid' }).nullable().default(null)),
  active: z.boolean({ error: 'activeInvalid' }).default(true),
});
export type DealerInput = z.infer<typeof dealerInputSchema>;

/** The fields accounting sends (lib/sync/apply-dealers.ts): on a dealer it sent, only accounting changes them. */
export const ACCOUNTING_FIELDS = ['code', 'name', 'taxId', 'region', 'address', 'phone', 'email', 'currency'] as const satisfies readonly (keyof DealerInput)[];
/** What the factory keeps for every dealer, whoever sent it. */
export const FACTORY_FIELDS = ['town', 'managerId', 'active'] as const satisfies readonly (keyof DealerInput)[];

export type FieldErrors = Partial<Record<string, string>>;

/** The first problem of each top-level field, as a message key. */
export function fieldErrorsOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_');
    out[key] ??= issue.message;
  }
  return out;
}
