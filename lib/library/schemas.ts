import { z } from 'zod';
import { LIBRARY_CATEGORIES } from './categories';

// The library's inputs, shared by the upload route, the forms' actions and the pages' filters
// (no server imports). Messages are the API's words; the forms show their own by field and code.

export const MAX_TITLE = 200;
export const MAX_DESCRIPTION = 2000;

/** A checkbox or a flag: "on", "true", "1" publish; missing, "", "false", "0" keep it a draft. */
const flag = z
  .union([z.boolean(), z.enum(['on', 'true', '1', 'false', '0', ''])])
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'true' || v === '1');

export const documentFieldsSchema = z.object({
  title: z
    .string({ error: 'title is required' })
    .trim()
    .min(1, 'title is required')
    .max(MAX_TITLE, `title must be at most ${MAX_TITLE} characters`),
  description: z
    .string()
    .trim()
    .max(MAX_DESCRIPTION, `description must be at most ${MAX_DESCRIPTION} characters`)
    .optional()
    .transform((v) => (v ? v : null)),
  category: z.enum(LIBRARY_CATEGORIES, { error: `category must be one of ${LIBRARY_CATEGORIES.join(', ')}` }),
});
export type DocumentFields = z.infer<typeof documentFieldsSchema>;

export const createDocumentSchema = documentFieldsSchema.extend({ publish: flag });

export const documentIdSchema = z.coerce
  .number({ error: 'id must be the number of a library document' })
  .int('id must be the number of a library document')
  .min(1, 'id must be the number of a library document')
  .max(Number.MAX_SAFE_INTEGER, 'id must be the number of a library document');

export const updateDocumentSchema = documentFieldsSchema.extend({ id: documentIdSchema });
export const publishDocumentSchema = z.object({ id: documentIdSchema, publish: flag });
export const deleteDocumentSchema = z.object({ id: documentIdSchema });

export type FieldErrors = Partial<Record<'title' | 'description' | 'category' | 'file' | 'id', string>>;

/** The first problem of each field. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'id');
    fields[key] ??= issue.message;
  }
  return fields as FieldErrors;
}

export const libraryListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  category: z.enum(LIBRARY_CATEGORIES).optional(),
});
