import { describe, expect, it } from 'vitest';
import { MAX_PHOTO_BYTES } from './limits';
import { be32, box, bytes, heic, jpeg, le32, png, webpExtended, webpLossless, webpLossy } from './test-photos';
import { cleanFileName, FileRefusedError, sniffPhotoType, verifyPhoto } from './verify';

/** A real HEIC as libheif 1.15 writes it: a 40×24 grid image (primary, item 2) over one 64×64 tile. */
const LIBHEIF_GRID = Buffer.from(
  'AAAAHGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZgAAAa1tZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAAAAAAA5waXRtAA' +
  'AAAAACAAAAEGlkYXQAAAAAACgAGAAAADhpbG9jAQAAAERAAAIAAQAAAAAAAAHRAAEAAAAAAAAAWQACAAEAAAAAAAAAAQAAAAAAAAAIAAAAOGlp' +
  'bmYAAAAAAAIAAAAVaW5mZQIAAAEAAQAAaHZjMQAAAAAVaW5mZQIAAAAAAgAAZ3JpZAAAAADYaXBycAAAALZpcGNvAAAAdmh2Y0MBA3AAAAAAAA' +
  'AAAAAe8AD8/fj4AAAPAyAAAQAYQAEMAf//A3AAAAMAkAAAAwAAAwAeugJAIQABACpCAQEDcAAAAwCQAAADAAADAB6gIIEFluqumubgQEDAgAAA' +
  'AwCAAAADAIQiAAEABkQBwXPBiQAAABRpc3BlAAAAAAAAAEAAAABAAAAAFGlzcGUAAAAAAAAAKAAAABgAAAAQcGl4aQAAAAADCAgIAAAAGmlwbW' +
  'EAAAAAAAAAAgABAoECAAICA4QAAAAaaXJlZgAAAAAAAAAOZGltZwACAAEAAQAAAGFtZGF0AAAAVSgBrxkhfeTA715XSPMEZT1F/NhWNun7ATnx' +
  '99FyyJ/nOtL4NkL7wNXW1KMKut5Q+RsJOIwO1WucdQIfQkrLYaWCGtja1ICxw1Fbzd3Go4N6smVLIp4=',
  'base64',
);

function refusal(run: () => unknown): FileRefusedError {
  try {
    run();
  } catch (err) {
    if (err instanceof FileRefusedError) return err;
    throw err;
  }
  throw new Error('expected the file to be refused');
}

describe('sniffPhotoType', () => {
  it('knows each accepted type by its first bytes', () => {
    expect(sniffPhotoType(jpeg(10, 10))).toBe('image/jpeg');
    expect(sniffPhotoType(png(10, 10))).toBe('image/png');
    expect(sniffPhotoType(webpLossy(10, 10))).toBe('image/webp');
    expect(sniffPhotoType(heic())).toBe('image/heic');
    expect(sniffPhotoType(heic({ major: 'mif1', compatible: ['heic', 'mif1'] }))).toBe('image/heic');
    expect(sniffPhotoType(heic({ major: 'mif1', compatible: ['mif1', 'miaf'] }))).toBe('image/heif');
    expect(sniffPhotoType(heic({ major: 'msf1', compatible: ['msf1', 'hevc'] }))).toBe('image/heic');
  });

  it('refuses other files whatever they are called', () => {
    expect(sniffPhotoType(bytes('Hello, this is a text file renamed to photo.jpg\n'))).toBeNull();
    expect(sniffPhotoType(bytes('GIF89a', [1, 0, 1, 0]))).toBeNull();
    expect(sniffPhotoType(bytes('%PDF-1.7\n'))).toBeNull();
    // AVIF and video share the ftyp box but are not HEIC photos.
    expect(sniffPhotoType(heic({ major: 'avif', compatible: ['avif', 'mif1', 'miaf'] }))).toBeNull();
    expect(sniffPhotoType(heic({ major: 'mif1', compatible: ['avif', 'mif1'] }))).toBeNull();
    expect(sniffPhotoType(heic({ major: 'isom', compatible: ['isom', 'mp41'] }))).toBeNull();
    expect(sniffPhotoType(bytes('RIFF', le32(4), 'WAVE'))).toBeNull();
    expect(sniffPhotoType(new Uint8Array())).toBeNull();
    expect(sniffPhotoType(Uint8Array.from([0xff, 0xd8]))).toBeNull();
  });
});

describe('verifyPhoto', () => {
  it('reads the size of a JPEG, upright when EXIF says the camera was turned', () => {
    expect(verifyPhoto(jpeg(4032, 3024), 'IMG_1.jpg')).toEqual({ mime: 'image/jpeg', sizeBytes: jpeg(4032, 3024).length, width: 4032, height: 3024 });
    expect(verifyPhoto(jpeg(4032, 3024, 6), 'IMG_2.jpg')).toMatchObject({ width: 3024, height: 4032 });
    expect(verifyPhoto(jpeg(4032, 3024, 3), 'IMG_3.jpg')).toMatchObject({ width: 4032, height: 3024 });
  });

  it('reads the size of a PNG and of each kind of WebP', () => {
    expect(verifyPhoto(png(1280, 720), 'screen.png')).toMatchObject({ mime: 'image/png', width: 1280, height: 720 });
    expect(verifyPhoto(webpLossy(2048, 1536), 'a.webp')).toMatchObject({ mime: 'image/webp', width: 2048, height: 1536 });
    expect(verifyPhoto(webpLossless(300, 16383), 'b.webp')).toMatchObject({ width: 300, height: 16383 });
    expect(verifyPhoto(webpExtended(5000, 70000), 'c.webp')).toMatchObject({ width: 5000, height: 70000 });
  });

  it('reads a HEIC’s primary image size and rotation, and takes a HEIC without one', () => {
    expect(verifyPhoto(heic(), 'IMG_4.HEIC')).toMatchObject({ mime: 'image/heic', width: 4032, height: 3024 });
    expect(verifyPhoto(heic({ rotate: 1 }), 'IMG_5.HEIC')).toMatchObject({ width: 3024, height: 4032 });
    expect(verifyPhoto(new Uint8Array(LIBHEIF_GRID), 'grid.heic')).toEqual({ mime: 'image/heic', sizeBytes: 554, width: 40, height: 24 });
    const bare = bytes(box('ftyp', bytes('heic'), be32(0), bytes('mif1'), bytes('heic')), box('mdat', [1, 2, 3]));
    expect(verifyPhoto(bare, 'IMG_6.HEIC')).toEqual({ mime: 'image/heic', sizeBytes: bare.length, width: null, height: null });
  });

  it('refuses a text file renamed to .jpg and sent as image/jpeg', () => {
    const error = refusal(() => verifyPhoto(bytes('Замовлення 26-000123: фото будуть пізніше\n'), 'photo.jpg'));
    expect(error.code).toBe('not_image');
    expect(error.fileName).toBe('photo.jpg');
    expect(error.message).toContain('"photo.jpg" is not a JPEG, PNG, WebP or HEIC photo');
  });

  it('refuses an empty file', () => {
    const error = refusal(() => verifyPhoto(new Uint8Array(), 'IMG_7.jpg'));
    expect(error.code).toBe('empty');
    expect(error.message).toContain('is empty');
  });

  it('refuses a photo over the limit, saying how large it is', () => {
    const big = new Uint8Array(MAX_PHOTO_BYTES + 1);
    big.set(jpeg(4000, 3000));
    const error = refusal(() => verifyPhoto(big, 'huge.jpg'));
    expect(error.code).toBe('too_large');
    expect(error.message).toContain('is 10.1 MiB');
    expect(error.message).toContain('at most 10 MiB');
    // Exactly at the limit is taken.
    const exact = new Uint8Array(MAX_PHOTO_BYTES);
    exact.set(jpeg(4000, 3000));
    expect(verifyPhoto(exact, 'exact.jpg')).toMatchObject({ width: 4000, height: 3000 });
  });

  it('refuses a JPEG, PNG or WebP whose header is cut short', () => {
    expect(refusal(() => verifyPhoto(jpeg(100, 100).subarray(0, 30), 'cut.jpg')).code).toBe('damaged');
    expect(refusal(() => verifyPhoto(png(100, 100).subarray(0, 20), 'cut.png')).code).toBe('damaged');
    expect(refusal(() => verifyPhoto(png(0, 100), 'zero.png')).code).toBe('damaged');
    expect(refusal(() => verifyPhoto(bytes('RIFF', le32(30), 'WEBPVP8 ', le32(10), new Array<number>(10).fill(0)), 'x.webp')).code).toBe('damaged');
  });
});

describe('cleanFileName', () => {
  it('keeps the name without folders or control characters', () => {
    expect(cleanFileName('C:\\Users\\me\\IMG_0001.JPG', 'image/jpeg')).toBe('IMG_0001.JPG');
    expect(cleanFileName('../../etc/passwd', 'image/jpeg')).toBe('passwd');
    expect(cleanFileName('a"b\u0000c.png', 'image/png')).toBe('abc.png');
    expect(cleanFileName('', 'image/heic')).toBe('photo.heic');
    expect(cleanFileName('x'.repeat(300), 'image/png')).toHaveLength(120);
  });
});
