import { COMPRESS_MAX_SIDE, COMPRESS_QUALITY, MAX_PHOTO_BYTES, type PhotoType, type Refusal } from '@/lib/files/limits';
import { sniffPhotoType } from '@/lib/files/verify';

// Shrinking a photo on the phone before it is sent: a 12-megapixel camera shot of 4-6 MB becomes a
// JPEG of a few hundred kilobytes at 2048 px, upright, without its EXIF (no location of the
// customer's flat travels with it). A HEIC the browser cannot decode is sent as taken.

export type PreparedPhoto =
  | { ok: true; file: File; type: PhotoType; compressed: boolean; originalName: string; originalSize: number }
  | { ok: false; refusal: Refusal; originalName: string };

/** The size that fits within `maxSide` on the longer side, never larger than the original. */
export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** The name of the shrunk photo: the same, ending in .jpg. */
export function jpegName(name: string): string {
  const base = name.replace(/\.[^./\\]{1,5}$/, '') || 'photo';
  return `${base}.jpg`;
}

async function encodeJpeg(bitmap: ImageBitmap, width: number, height: number, quality: number): Promise<Blob | null> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.drawImage(bitmap, 0, 0, width, height);
    return canvas.convertToBlob({ type: 'image/jpeg', quality });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.drawImage(bitmap, 0, 0, width, height);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
}

/** Checks the picked file by its content, then shrinks it; the refusal names what is wrong. */
export async function preparePhoto(file: File, options: { maxSide?: number; quality?: number } = {}): Promise<PreparedPhoto> {
  const originalName = file.name || 'photo';
  if (file.size === 0) return { ok: false, refusal: 'empty', originalName };
  const type = sniffPhotoType(new Uint8Array(await file.slice(0, 256).arrayBuffer()));
  if (!type) return { ok: false, refusal: 'not_image', originalName };
  const asTaken = (): PreparedPhoto =>
    file.size > MAX_PHOTO_BYTES ? { ok: false, refusal: 'too_large', originalName } : { ok: true, file, type, compressed: false, originalName, originalSize: file.size };

  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    // This browser cannot decode it (a HEIC outside Safari): send it as it is, if it fits.
    return asTaken();
  }
  try {
    const size = fitWithin(bitmap.width, bitmap.height, options.maxSide ?? COMPRESS_MAX_SIDE);
    const blob = await encodeJpeg(bitmap, size.width, size.height, options.quality ?? COMPRESS_QUALITY);
    if (!blob || blob.size === 0) return asTaken();
    if (blob.size > MAX_PHOTO_BYTES) return { ok: false, refusal: 'too_large', originalName };
    const shrunk = new File([blob], jpegName(originalName), { type: 'image/jpeg', lastModified: file.lastModified });
    return { ok: true, file: shrunk, type: 'image/jpeg', compressed: true, originalName, originalSize: file.size };
  } catch {
    return asTaken();
  } finally {
    bitmap.close();
  }
}
