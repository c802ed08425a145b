// What the portal accepts as a photo, shared by the phone's photo picker and the upload route (no
// server imports: the picker checks the same limits before it sends anything).

export const MIB = 1024 * 1024;

/** One photo at most this large, after the phone shrank it (a HEIC it could not shrink included). */
export const MAX_PHOTO_BYTES = 10 * MIB;
/** Photos at most on one claim, and on one message of its thread. */
export const MAX_PHOTOS_PER_OWNER = 10;
/**
 * One upload request at most this large (multipart overhead included). The picker sends photos one
 * by one; an integrator may send a few in one request.
 */
export const MAX_UPLOAD_REQUEST_BYTES = 3 * MAX_PHOTO_BYTES + 64 * 1024;

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

/** Why a file was refused; the API's `details.file` and the picker's message key. */
export const REFUSALS = ['empty', 'too_large', 'not_image', 'damaged', 'too_many'] as const;
export type Refusal = (typeof REFUSALS)[number];

/** The phone shrinks photos to this longest side before sending them. */
export const COMPRESS_MAX_SIDE = 2048;
export const COMPRESS_QUALITY = 0.8;

// The document library: price lists, certificates and installation guides uploaded by factory staff.

/** One library document at most this large. */
export const MAX_DOCUMENT_BYTES = 25 * MIB;
/** One document upload request at most this large (one file, its title and description, multipart overhead). */
export const MAX_DOCUMENT_REQUEST_BYTES = MAX_DOCUMENT_BYTES + 256 * 1024;

export const DOCUMENT_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'image/jpeg',
  'image/png',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** Why a document was refused; the API's `details.file` and the upload form's message key. */
export const DOCUMENT_REFUSALS = ['empty', 'too_large', 'not_document', 'damaged'] as const;
export type DocumentRefusal = (typeof DOCUMENT_REFUSALS)[number];
