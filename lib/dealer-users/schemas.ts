import { z } from 'zod';

// Shared by the forms, the server actions and the domain functions. Every error message is a key
// under `dealerUsers.fieldErrors` in the message files, so the form shows it in the reader's
// language next to its field.

/** No password rule existed before this one; 200 is the most sign-in accepts (lib/auth/sign-in.ts). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
export const NAME_MAX_LENGTH = 100;
export const EMAIL_MAX_LENGTH = 254;
/** How long an invitation link stays valid. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const nameSchema = z
  .string({ error: 'nameRequired' })
  .trim()
  .min(1, { error: 'nameRequired' })
  .max(NAME_MAX_LENGTH, { error: 'nameTooLong' });

export const inviteDealerUserSchema = z.object({
  email: z
    .string({ error: 'emailRequired' })
    .trim()
    .toLowerCase()
    .min(1, { error: 'emailRequired' })
    .max(EMAIL_MAX_LENGTH, { error: 'emailTooLong' })
    .pipe(z.email({ error: 'emailInvalid' })),
  name: nameSchema,
});
export type InviteDealerUserInput = z.infer<typeof inviteDealerUserSchema>;

/** 32 random bytes in base64url: always 43 characters of that alphabet. */
export const invitationTokenSchema = z.string({ error: 'tokenInvalid' }).regex(/^[A-Za-z0-9_-]{43}$/, { error: 'tokenInvalid' });

export const passwordSchema = z
  .string({ error: 'passwordTooShort' })
  .min(PASSWORD_MIN_LENGTH, { error: 'passwordTooShort' })
  .max(PASSWORD_MAX_LENGTH, { error: 'passwordTooLong' });

export const acceptInvitationSchema = z.object({
  token: invitationTokenSchema,
  /** The invitee may correct the name the owner typed; absent or empty keeps it. */
  name: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), nameSchema.optional()),
  password: passwordSchema,
});
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;

/** The form also asks for the password twice: with no e-mail yet, a typo could not be undone. */
export const acceptInvitationFormSchema = acceptInvitationSchema
  .extend({ passwordRepeat: z.string({ error: 'passwordMismatch' }) })
  .refine((v) => v.password === v.passwordRepeat, { path: ['passwordRepeat'], error: 'passwordMismatch' });

/** The target of an owner's action on one of the dealer's users. */
export const dealerUserIdSchema = z.object({ userId: z.guid({ error: 'userInvalid' }) });

export const MANAGE_INTENTS = ['deactivate', 'reactivate', 'reissue', 'revoke'] as const;
export type ManageIntent = (typeof MANAGE_INTENTS)[number];
export const manageIntentSchema = z.enum(MANAGE_INTENTS);

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
