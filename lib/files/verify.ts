import { ascii, heifSize, jpegSize, pngSize, webpSize, type ImageSize } from './image-size';
import { MAX_PHOTO_BYTES, MIB, type PhotoType, type Refusal } from './limits';

// Is this file a photo the portal takes? Judged by its first bytes only, never by its name or the
// type the sender declared (a renamed text file stays a text file). No server imports: the phone's
// picker runs the same checks before it sends anything.

/** HEIF brands of still images and sequences coded in HEVC (what phones write). */
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
/** Generic HEIF brands; with an AV1 brand beside them the file is an AVIF, which is not taken. */
const HEIF_BRANDS = new Set(['mif1', 'msf1']);
const AVIF_BRANDS = new Set(['avif', 'avis']);

const NAMES: Record<PhotoType, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/heic': 'HEIC',
  'image/heif': 'HEIF',
};

/** The photo type its first bytes say, or null for anything else (HEIF brands may need a few hundred bytes). */
export function sniffPhotoType(head: Uint8Array): PhotoType | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.length >= 8 && head[0] === 0x89 && ascii(head, 1, 7) === 'PNG\r\n\x1a\n') return 'image/png';
  if (head.length >= 12 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return 'image/webp';
  if (head.length >= 12 && ascii(head, 4, 4) === 'ftyp') return heifType(head);
  return null;
}

function heifType(head: Uint8Array): PhotoType | null {
  const boxSize = ((head[0] ?? 0) << 24) | ((head[1] ?? 0) << 16) | ((head[2] ?? 0) << 8) | (head[3] ?? 0);
  const major = ascii(head, 8, 4);
  const compatible: string[] = [];
  for (let i = 16; i + 4 <= Math.min(boxSize, head.length); i += 4) compatible.push(ascii(head, i, 4));
  if (HEIC_BRANDS.has(major)) return 'image/heic';
  if (!HEIF_BRANDS.has(major) || compatible.some((b) => AVIF_BRANDS.has(b))) return null;
  return compatible.some((b) => HEIC_BRANDS.has(b)) ? 'image/heic' : 'image/heif';
}

export function imageSize(mime: PhotoType, bytes: Uint8Array): ImageSize | null {
  switch (mime) {
    case 'image/jpeg':
      return jpegSize(bytes);
    case 'image/png':
      return pngSize(bytes);
    case 'image/webp':
      return webpSize(bytes);
    case 'image/heic':
    case 'image/heif':
      return heifSize(bytes);
  }
}

export type VerifiedPhoto = { mime: PhotoType; sizeBytes: number; width: number | null; height: number | null };

/** A refused file, with a message a person can act on (English: the API's words; the picker translates `code`). */
export class FileRefusedError extends Error {
  constructor(
    readonly code: Refusal,
    message: string,
    readonly fileName: string,
  ) {
    super(message);
    this.name = 'FileRefusedError';
  }
}

/** Rounded up, so a file just over the limit does not read as exactly the limit. */
const mib = (bytes: number) => `${(Math.ceil((bytes / MIB) * 10) / 10).toFixed(1)} MiB`;

/** Refuses an empty file or one over the limit, from its size alone (before its bytes are read). */
export function checkPhotoSize(size: number, fileName: string): void {
  const name = `"${fileName}"`;
  if (size === 0) {
    throw new FileRefusedError('empty', `${name} is empty (0 bytes); take the photo again or choose another file.`, fileName);
  }
  if (size > MAX_PHOTO_BYTES) {
    throw new FileRefusedError(
      'too_large',
      `${name} is ${mib(size)}; a photo may be at most ${MAX_PHOTO_BYTES / MIB} MiB. Send it through the portal, which shrinks photos, or choose a smaller one.`,
      fileName,
    );
  }
}

/**
 * The checks every uploaded photo passes: not empty, not over the limit, a JPEG, PNG, WebP or HEIC
 * by content, and for JPEG, PNG and WebP a readable size (a HEIC's size is read when it can be).
 */
export function verifyPhoto(bytes: Uint8Array, fileName: string): VerifiedPhoto {
  checkPhotoSize(bytes.length, fileName);
  const mime = sniffPhotoType(bytes.subarray(0, 256));
  if (!mime) {
    throw new FileRefusedError(
      'not_image',
      `"${fileName}" is not a JPEG, PNG, WebP or HEIC photo (judged by its content, not its name); choose a photo.`,
      fileName,
    );
  }
  const size = imageSize(mime, bytes);
  if (!size && mime !== 'image/heic' && mime !== 'image/heif') {
    throw new FileRefusedError('damaged', `"${fileName}" starts like a ${NAMES[mime]} photo but is damaged or cut short; take the photo again or choose another file.`, fileName);
  }
  return { mime, sizeBytes: bytes.length, width: size?.width ?? null, height: size?.height ?? null };
}

/** A name fit to store and show: no folders, no control characters, at most 120 characters. */
export function cleanFileName(name: string, mime: PhotoType): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  if (base) return base.length > 120 ? base.slice(0, 120) : base;
  return `photo.${mime.split('/')[1]}`;
}
