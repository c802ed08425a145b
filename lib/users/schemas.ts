import { z } from 'zod';
import { LOCALES, ROLES, type Role } from '@/drizzle/schema/values';
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, passwordSchema } from '@/lib/dealer-users/schemas';

// The administrator's user management (lib/users/actions.ts), shared by the forms, the server
// actions and the domain functions. Every error message is a key under
// `factoryUsers.fieldErrors` in the message files; the password rules are the invitation's.

export { fieldErrorsOf, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type FieldErrors } from '@/lib/dealer-users/schemas';
export { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH };

export const PHONE_MAX_LENGTH = 32;
export const DEALER_CODE_MAX_LENGTH = 32;
export const SEARCH_MAX_LENGTH = 100;
export const USERS_PAGE_SIZE = 25;
/** How long a password reset link stays valid (a new user's link is the invitation's: 7 days). */
export const PASSWORD_RESET_TTL_MS = 24 * 60 * 60 * 1000;

/** An empty form field is "not given". */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const nameSchema = z
  .string({ error: 'nameRequired' })
  .trim()
  .min(1, { error: 'nameRequired' })
  .max(NAME_MAX_LENGTH, { error: 'nameTooLong' });

const emailSchema = z
  .string({ error: 'emailRequired' })
  .trim()
  .toLowerCase()
  .min(1, { error: 'emailRequired' })
  .max(EMAIL_MAX_LENGTH, { error: 'emailTooLong' })
  .pipe(z.email({ error: 'emailInvalid' }));

/** Digits, spaces, brackets, dashes and one leading plus: what people write a phone number with. */
const phoneSchema = z.preprocess(
  blankToUndefined,
  z
    .string({ error: 'phoneInvalid' })
    .trim()
    .max(PHONE_MAX_LENGTH, { error: 'phoneTooLong' })
    .regex(/^\+?[0-9 ()-]{5,}$/, { error: 'phoneInvalid' })
    .optional(),
);

/** Null: the user's language follows the browser. */
const localeSchema = z.preprocess(blankToUndefined, z.enum(LOCALES, { error: 'localeInvalid' }).optional());

export const roleSchema = z.enum(ROLES, { error: 'roleInvalid' });

const dealerCodeSchema = z.preprocess(
  blankToUndefined,
  z.string({ error: 'dealerInvalid' }).trim().max(DEALER_CODE_MAX_LENGTH, { error: 'dealerNotFound' }).optional(),
);

export const userIdSchema = z.guid({ error: 'userInvalid' });

/** A dealer's roles need the dealer; the factory's roles never have one (users_dealer_matches_role). */
function dealerMatchesRole(value: { role: Role; dealerCode?: string }, ctx: z.RefinementCtx) {
  const dealerRole = value.role === 'dealer_owner' || value.role === 'dealer_staff';
  if (dealerRole && !value.dealerCode) ctx.addIssue({ code: 'custom', path: ['dealerCode'], message: 'dealerRequired' });
  if (!dealerRole && value.dealerCode) ctx.addIssue({ code: 'custom', path: ['dealerCode'], message: 'dealerNotAllowed' });
}

export const createUserSchema = z
  .object({
    email: emailSchema,
    name: nameSchema,
    role: roleSchema,
    dealerCode: dealerCodeSchema,
    phone: phoneSchema,
    locale: localeSchema,
  })
  .superRefine(dealerMatchesRole);
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const changeRoleSchema = z
  .object({ userId: userIdSchema, role: roleSchema, dealerCode: dealerCodeSchema })
  .superRefine(dealerMatchesRole);
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;

/** The details an administrator edits; a field left empty clears the phone and the language. */
export const editUserSchema = z.object({
  userId: userIdSchema,
  name: nameSchema,
  email: emailSchema,
  phone: phoneSchema,
  locale: localeSchema,
});
export type EditUserInput = z.infer<typeof editUserSchema>;

export const targetUserSchema = z.object({ userId: userIdSchema });

/** 32 random bytes in base64url: always 43 characters of that alphabet. */
export const linkTokenSchema = z.string({ error: 'tokenInvalid' }).regex(/^[A-Za-z0-9_-]{43}$/, { error: 'tokenInvalid' });

export const setPasswordSchema = z.object({ token: linkTokenSchema, password: passwordSchema });

/** The public form asks for the password twice: a typo could not be undone without another link. */
export const setPasswordFormSchema = setPasswordSchema
  .extend({ passwordRepeat: z.string({ error: 'passwordMismatch' }) })
  .refine((v) => v.password === v.passwordRepeat, { path: ['passwordRepeat'], error: 'passwordMismatch' });

export const USER_STATES = ['active', 'inactive', 'pending'] as const;
export type UserState = (typeof USER_STATES)[number];

export const MANAGE_INTENTS = ['deactivate', 'reactivate', 'reset', 'reissue'] as const;
export type ManageIntent = (typeof MANAGE_INTENTS)[number];
export const manageIntentSchema = z.enum(MANAGE_INTENTS);

export type UserListFilter = { q: string; role: Role | null; state: UserState | null; page: number };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The list's filter from the address; whatever is not understood is left out. */
export function userListFilterFromSearchParams(params: Record<string, string | string[] | undefined>): UserListFilter {
  const q = (one(params.q) ?? '').trim().slice(0, SEARCH_MAX_LENGTH);
  const role = roleSchema.safeParse(one(params.role));
  const state = z.enum(USER_STATES).safeParse(one(params.state));
  const page = Number(one(params.page));
  return {
    q,
    role: role.success ? role.data : null,
    state: state.success ? state.data : null,
    page: Number.isSafeInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** The list's address for a filter (empty parts and the first page left out). */
export function userListHref(base: string, filter: UserListFilter): string {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.role) params.set('role', filter.role);
  if (filter.state) params.set('state', filter.state);
  if (filter.page > 1) params.set('page', String(filter.page));
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}
