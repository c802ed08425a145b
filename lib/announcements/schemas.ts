import { z } from 'zod';

// Shared by the API, the factory's form and the domain functions. Every error message is a key
// under `announcements.fieldErrors` in the message files (the form words it in the reader's
// language); the API answers the English sentence of the same key (lib/announcements/http.ts).

export const TITLE_MAX_LENGTH = 200;
/** A long announcement is a few pages; more is a document for the library. */
export const BODY_MAX_LENGTH = 20_000;
export const REGIONS_MAX = 50;
export const DEALER_CODES_MAX = 1_000;

const text = (required: string, tooLong: string, max: number) =>
  z
    .string({ error: required })
    .trim()
    .min(1, { error: required })
    .max(max, { error: tooLong });

/** Who it is for: everyone, the dealers of some regions, or chosen dealers by code. */
export const audienceSchema = z.union(
  [
    z.object({ all: z.literal(true, { error: 'audienceInvalid' }) }).strict(),
    z
      .object({
        regions: z
          .array(z.string({ error: 'regionsInvalid' }).trim().min(1, { error: 'regionsInvalid' }).max(100, { error: 'regionsInvalid' }), { error: 'regionsInvalid' })
          .min(1, { error: 'regionsEmpty' })
          .max(REGIONS_MAX, { error: 'regionsTooMany' }),
      })
      .strict(),
    z
      .object({
        dealerCodes: z
          .array(z.string({ error: 'dealerCodesInvalid' }).trim().min(1, { error: 'dealerCodesInvalid' }).max(64, { error: 'dealerCodesInvalid' }), {
            error: 'dealerCodesInvalid',
          })
          .min(1, { error: 'dealerCodesEmpty' })
          .max(DEALER_CODES_MAX, { error: 'dealerCodesTooMany' }),
      })
      .strict(),
  ],
  { error: 'audienceInvalid' },
);
export type AudienceInput = z.infer<typeof audienceSchema>;

/** The API's body and the form's fields alike. */
export const announcementInputSchema = z.object({
  title: text('titleRequired', 'titleTooLong', TITLE_MAX_LENGTH),
  body: z
    .string({ error: 'bodyRequired' })
    .max(BODY_MAX_LENGTH, { error: 'bodyTooLong' })
    .refine((v) => v.trim().length > 0, { error: 'bodyRequired' }),
  audience: audienceSchema,
  pinned: z.boolean({ error: 'pinnedInvalid' }).optional().default(false),
});
export type AnnouncementInput = z.infer<typeof announcementInputSchema>;

/** What the form does with it after saving: keep a draft, publish now, or publish at a set time. */
export const PUBLISH_MODES = ['draft', 'now', 'schedule'] as const;
export type PublishMode = (typeof PUBLISH_MODES)[number];

export const announcementIdSchema = z.coerce
  .number({ error: 'idInvalid' })
  .int({ error: 'idInvalid' })
  .positive({ error: 'idInvalid' })
  .max(Number.MAX_SAFE_INTEGER, { error: 'idInvalid' });

export type FieldErrors = Record<string, string>;

/** The first problem of each field, by its path's first element ("audience.regions.0" → "audience"). */
export function fieldErrorsOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_');
    fields[key] ??= issue.message;
  }
  return fields;
}

/** The English sentence of each error key (the API's `details`). */
export const FIELD_ERROR_TEXT: Record<string, string> = {
  titleRequired: 'Give the announcement a title.',
  titleTooLong: `The title may be at most ${TITLE_MAX_LENGTH} characters.`,
  bodyRequired: 'Write the text of the announcement (Markdown).',
  bodyTooLong: `The text may be at most ${BODY_MAX_LENGTH.toLocaleString('en')} characters; put longer material in the document library and link it.`,
  audienceInvalid: 'Say who it is for: {"all": true}, {"regions": [...]} or {"dealerCodes": [...]}.',
  regionsInvalid: 'Regions are a list of region names as the dealers list has them.',
  regionsEmpty: 'Choose at least one region.',
  regionsTooMany: `Choose at most ${REGIONS_MAX} regions.`,
  regionsUnknown: 'No dealer is in these regions: check the names.',
  dealerCodesInvalid: 'Dealer codes are a list of codes such as "D-1001".',
  dealerCodesEmpty: 'Choose at least one dealer.',
  dealerCodesTooMany: `Choose at most ${DEALER_CODES_MAX} dealers; for more, address regions or everyone.`,
  dealerCodesUnknown: 'There are no dealers with these codes: check them.',
  pinnedInvalid: 'pinned is true or false.',
  publishAtRequired: 'Give the date and time to publish at (Kyiv time).',
  publishAtInvalid: 'The publishing time is not a valid date and time.',
  publishAtPast: 'The publishing time has passed; choose a later one or publish now.',
  idInvalid: 'The announcement id is a positive whole number.',
};
