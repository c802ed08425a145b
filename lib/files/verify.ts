import { ascii, heifSize, jpegSize, pngSize, webpSize, type ImageSize } from './image-size';
import { MAX_DOCUMENT_BYTES, MAX_PHOTO_BYTES, MIB, type DocumentRefusal, type DocumentType, type PhotoType, type Refusal } from './limits';

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

// ---------------------------------------------------------------------------------------------
// Library documents: PDF, XLSX, DOCX, JPEG and PNG, judged by content like the photos. An Office
// file is a ZIP whose directory names the parts of a workbook or a word-processing document; any
// other ZIP, and an Office file with macros, is refused.

const DOCUMENT_NAMES: Record<DocumentType, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};

/** The file name extensions of each type; the first is added to a name that has none of them. */
export const DOCUMENT_EXTENSIONS: Record<DocumentType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
};

/** The short name of a document type people know (PDF, XLSX, ...). */
export function documentTypeName(mime: string): string {
  return DOCUMENT_NAMES[mime as DocumentType] ?? mime;
}

/** A refused document, with a message a person can act on (English: the API's words; the form translates `code`). */
export class DocumentRefusedError extends Error {
  constructor(
    readonly code: DocumentRefusal,
    message: string,
    readonly fileName: string,
  ) {
    super(message);
    this.name = 'DocumentRefusedError';
  }
}

const u16le = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u32le = (b: Uint8Array, i: number) => u16le(b, i) + u16le(b, i + 2) * 0x10000;

/** The names in a ZIP's central directory, or null when the directory cannot be read. */
export function zipEntryNames(b: Uint8Array): string[] | null {
  // The end-of-central-directory record: 22 bytes and a comment of at most 65,535.
  const lowest = Math.max(0, b.length - 22 - 0xffff);
  let end = -1;
  for (let i = b.length - 22; i >= lowest; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = u16le(b, end + 10);
  const size = u32le(b, end + 12);
  const offset = u32le(b, end + 16);
  if (offset + size > end) return null;
  const names: string[] = [];
  let i = offset;
  for (let n = 0; n < entries; n++) {
    if (i + 46 > end || u32le(b, i) !== 0x02014b50) return null;
    const nameLength = u16le(b, i + 28);
    const next = i + 46 + nameLength + u16le(b, i + 30) + u16le(b, i + 32);
    if (next > end) return null;
    names.push(new TextDecoder().decode(b.subarray(i + 46, i + 46 + nameLength)));
    i = next;
  }
  return names;
}

type Sniffed = { mime: DocumentType } | { damaged: string } | null;

function sniffOffice(b: Uint8Array): Sniffed {
  const names = zipEntryNames(b);
  if (!names) return { damaged: 'Office document' };
  if (!names.includes('[Content_Types].xml')) return null;
  // Macros run code on the reader's computer: such files are not passed on to dealers.
  if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n))) return null;
  if (names.includes('xl/workbook.xml')) return { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
  if (names.includes('word/document.xml')) return { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
  return null;
}

/** What the content of a document says it is (a damaged one that starts right is named as such). */
function sniffDocument(b: Uint8Array): Sniffed {
  if (b.length >= 5 && ascii(b, 0, 5) === '%PDF-') {
    // A whole PDF ends with %%EOF (perhaps followed by a line break or a little padding).
    const tail = ascii(b, Math.max(0, b.length - 1024), 1024);
    return tail.includes('%%EOF') ? { mime: 'application/pdf' } : { damaged: 'PDF' };
  }
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return sniffOffice(b);
  const photo = sniffPhotoType(b.subarray(0, 256));
  if (photo === 'image/jpeg' || photo === 'image/png') return imageSize(photo, b) ? { mime: photo } : { damaged: NAMES[photo] };
  return null;
}

export type VerifiedDocument = { mime: DocumentType; sizeBytes: number; width: number | null; height: number | null };

/** Refuses an empty document or one over the limit, from its size alone (before its bytes are read). */
export function checkDocumentSize(size: number, fileName: string): void {
  const name = `"${fileName}"`;
  if (size === 0) throw new DocumentRefusedError('empty', `${name} is empty (0 bytes); choose the file again.`, fileName);
  if (size > MAX_DOCUMENT_BYTES) {
    throw new DocumentRefusedError(
      'too_large',
      `${name} is ${mib(size)}; a document may be at most ${MAX_DOCUMENT_BYTES / MIB} MiB. Split it, or save it smaller (for a PDF: reduce the image quality).`,
      fileName,
    );
  }
}

/** The checks every library document passes: not empty, not over the limit, a PDF, XLSX, DOCX, JPEG or PNG by content. */
export function verifyDocument(bytes: Uint8Array, fileName: string): VerifiedDocument {
  checkDocumentSize(bytes.length, fileName);
  const sniffed = sniffDocument(bytes);
  if (!sniffed) {
    throw new DocumentRefusedError(
      'not_document',
      `"${fileName}" is not a PDF, XLSX, DOCX, JPEG or PNG file (judged by its content, not its name); choose such a file, or save it in one of these formats.`,
      fileName,
    );
  }
  if ('damaged' in sniffed) {
    throw new DocumentRefusedError('damaged', `"${fileName}" starts like a ${sniffed.damaged} but is damaged or cut short; save it again or choose another file.`, fileName);
  }
  const size = sniffed.mime === 'image/jpeg' || sniffed.mime === 'image/png' ? imageSize(sniffed.mime, bytes) : null;
  return { mime: sniffed.mime, sizeBytes: bytes.length, width: size?.width ?? null, height: size?.height ?? null };
}

/** A document's name fit to store and show, ending with its type's extension (added when missing). */
export function cleanDocumentName(name: string, mime: DocumentType): string {
  const extensions = DOCUMENT_EXTENSIONS[mime];
  let base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  if (!base) base = 'document';
  const extension = /\.([^.]+)$/.exec(base)?.[1];
  // The name keeps (or gets) its type's extension, and a long name is cut before it.
  const [stem, suffix] = extension && extensions.includes(extension.toLowerCase()) ? [base.slice(0, -extension.length - 1), `.${extension}`] : [base, `.${extensions[0]}`];
  return `${stem.slice(0, 120 - suffix.length)}${suffix}`;
}
