// Photos for tests, built byte by byte the way cameras, phones and encoders write their headers
// (no pixels worth looking at: the portal reads headers only). No imports: e2e specs use it too.

export const bytes = (...parts: (number[] | string | Uint8Array)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : [...p])));
const be16 = (n: number) => [(n >> 8) & 0xff, n & 0xff];
export const be32 = (n: number) => [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
const le16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const le24 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff];
export const le32 = (n: number) => [...le16(n & 0xffff), ...le16(n >>> 16)];

/** SOI, an APP0 JFIF segment, optionally an EXIF orientation, a quantisation table, SOF0, SOS, EOI. */
export function jpeg(width: number, height: number, orientation?: number): Uint8Array {
  const jfif = [0xff, 0xe0, ...be16(16), ...bytes('JFIF\0'), 1, 1, 0, ...be16(72), ...be16(72), 0, 0];
  // EXIF: big-endian TIFF header, IFD0 with one entry: Orientation (SHORT, count 1).
  const tiff = [...bytes('MM'), ...be16(42), ...be32(8), ...be16(1), ...be16(0x0112), ...be16(3), ...be32(1), ...be16(orientation ?? 1), 0, 0, ...be32(0)];
  const exif = orientation ? [0xff, 0xe1, ...be16(2 + 6 + tiff.length), ...bytes('Exif\0\0'), ...tiff] : [];
  const dqt = [0xff, 0xdb, ...be16(67), 0, ...new Array<number>(64).fill(1)];
  const sof = [0xff, 0xc0, ...be16(17), 8, ...be16(height), ...be16(width), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  const sos = [0xff, 0xda, ...be16(12), 3, 1, 0, 2, 0x11, 3, 0x11, 0, 0x3f, 0];
  return bytes([0xff, 0xd8], jfif, exif, dqt, sof, sos, [0x12, 0x34, 0x56], [0xff, 0xd9]);
}

export function png(width: number, height: number): Uint8Array {
  return bytes([0x89], 'PNG\r\n\x1a\n', be32(13), 'IHDR', be32(width), be32(height), [8, 6, 0, 0, 0], [0xde, 0xad, 0xbe, 0xef], be32(0), 'IEND', [0xae, 0x42, 0x60, 0x82]);
}

const riff = (chunk: string, payload: number[]) => bytes('RIFF', le32(4 + 8 + payload.length), 'WEBP', chunk, le32(payload.length), payload);
/** Lossy: frame tag, start code 9d 01 2a, 14-bit width and height. */
export const webpLossy = (w: number, h: number) => riff('VP8 ', [0x30, 0x01, 0x00, 0x9d, 0x01, 0x2a, ...le16(w), ...le16(h), 0, 0]);
/** Lossless: signature 0x2f, then width-1 and height-1 in 14 bits each, packed little-endian. */
export function webpLossless(w: number, h: number): Uint8Array {
  const bits = (w - 1) | ((h - 1) << 14);
  return riff('VP8L', [0x2f, ...le32(bits), 0, 0, 0]);
}
/** Extended: flags, 3 reserved bytes, canvas width-1 and height-1 in 24 bits each. */
export const webpExtended = (w: number, h: number) => riff('VP8X', [0x10, 0, 0, 0, ...le24(w - 1), ...le24(h - 1)]);

export const box = (type: string, ...payload: (number[] | Uint8Array)[]) => {
  const body = bytes(...payload);
  return bytes(be32(8 + body.length), type, body);
};
const fullBox = (type: string, ...payload: (number[] | Uint8Array)[]) => box(type, [0, 0, 0, 0], ...payload);

/**
 * A HEIC as an iPhone writes it: ftyp heic/mif1, then meta with the primary item (pitm), a
 * thumbnail's and the image's sizes (ispe) and a rotation (irot), and which item has which (ipma).
 */
export function heic(options: { major?: string; compatible?: string[]; width?: number; height?: number; rotate?: number } = {}): Uint8Array {
  const { major = 'heic', compatible = ['mif1', 'heic'], width = 4032, height = 3024, rotate = 0 } = options;
  const ftyp = box('ftyp', bytes(major), be32(0), ...compatible.map((c) => bytes(c)));
  const pitm = fullBox('pitm', be16(1));
  const ipco = box('ipco', fullBox('ispe', be32(320), be32(240)), fullBox('ispe', be32(width), be32(height)), box('irot', [rotate]));
  // Item 1 (the image): properties 2 and 3; item 2 (the thumbnail): property 1.
  const ipma = fullBox('ipma', be32(2), be16(1), [2, 0x82, 0x03], be16(2), [1, 0x81]);
  const meta = fullBox('meta', fullBox('hdlr', be32(0), bytes('pict'), new Array<number>(13).fill(0)), pitm, box('iprp', ipco, ipma));
  return bytes(ftyp, meta, box('mdat', [1, 2, 3, 4]));
}
