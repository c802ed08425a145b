// Width and height of a photo read from its headers alone: no decoding, no native code. Each reader
// answers null when the header it needs is missing or cut short. Sizes are as the photo is shown:
// a phone's portrait JPEG stored sideways with an EXIF orientation, or a HEIC with a rotation,
// answers the upright width and height.

export type ImageSize = { width: number; height: number };

const u16be = (b: Uint8Array, i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u16le = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u32be = (b: Uint8Array, i: number) => u16be(b, i) * 0x10000 + u16be(b, i + 2);
const u32le = (b: Uint8Array, i: number) => u16le(b, i) + u16le(b, i + 2) * 0x10000;
const u24le = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16);
export const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));

function sized(width: number, height: number, swap = false): ImageSize | null {
  if (!(width > 0 && height > 0)) return null;
  return swap ? { width: height, height: width } : { width, height };
}

/** SOFn markers carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) are not frames. */
const isStartOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

export function jpegSize(b: Uint8Array): ImageSize | null {
  let orientation = 1;
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1] ?? 0;
    // Fill bytes, and markers without a length.
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    // The image data (or its end) before any frame header: no size to be had.
    if (marker === 0xda || marker === 0xd9) return null;
    const length = u16be(b, i + 2);
    if (length < 2 || i + 2 + length > b.length) return null;
    if (isStartOfFrame(marker)) {
      if (length < 7) return null;
      return sized(u16be(b, i + 7), u16be(b, i + 5), orientation >= 5 && orientation <= 8);
    }
    if (marker === 0xe1 && ascii(b, i + 4, 6) === 'Exif\0\0') orientation = exifOrientation(b, i + 10, i + 2 + length) ?? orientation;
    i += 2 + length;
  }
  return null;
}

/** The Orientation tag (0x0112) of IFD0 in the TIFF structure at `start`; null when absent. */
function exifOrientation(b: Uint8Array, start: number, end: number): number | null {
  const order = ascii(b, start, 2);
  if (order !== 'II' && order !== 'MM') return null;
  const u16 = order === 'II' ? u16le : u16be;
  const u32 = order === 'II' ? u32le : u32be;
  const ifd = start + u32(b, start + 4);
  if (ifd + 2 > end) return null;
  const count = u16(b, ifd);
  for (let k = 0; k < count; k++) {
    const entry = ifd + 2 + k * 12;
    if (entry + 12 > end) return null;
    if (u16(b, entry) === 0x0112) return u16(b, entry + 8);
  }
  return null;
}

export function pngSize(b: Uint8Array): ImageSize | null {
  if (b.length < 24 || ascii(b, 12, 4) !== 'IHDR') return null;
  return sized(u32be(b, 16), u32be(b, 20));
}

export function webpSize(b: Uint8Array): ImageSize | null {
  if (b.length < 25) return null;
  switch (ascii(b, 12, 4)) {
    case 'VP8 ':
      // A key frame: 3 bytes of frame tag, the start code, then 14-bit width and height.
      if (b.length < 30 || b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return null;
      return sized(u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
    case 'VP8L': {
      if (b[20] !== 0x2f) return null;
      const [b1 = 0, b2 = 0, b3 = 0, b4 = 0] = b.subarray(21, 25);
      return sized(1 + (((b2 & 0x3f) << 8) | b1), 1 + (((b4 & 0x0f) << 10) | (b3 << 2) | ((b2 & 0xc0) >> 6)));
    }
    case 'VP8X':
      if (b.length < 30) return null;
      return sized(1 + u24le(b, 24), 1 + u24le(b, 27));
    default:
      return null;
  }
}

type Box = { type: string; start: number; end: number };

/** The ISO BMFF boxes between `from` and `to`: each box's type and its payload's bounds. */
function* boxes(b: Uint8Array, from: number, to: number): Generator<Box> {
  let i = from;
  while (i + 8 <= to) {
    let size = u32be(b, i);
    let header = 8;
    if (size === 1) {
      if (i + 16 > to) return;
      size = u32be(b, i + 8) * 0x1_0000_0000 + u32be(b, i + 12);
      header = 16;
    } else if (size === 0) {
      size = to - i;
    }
    if (size < header || i + size > to) return;
    yield { type: ascii(b, i + 4, 4), start: i + header, end: i + size };
    i += size;
  }
}

const child = (b: Uint8Array, box: Box | undefined, type: string, skip = 0) =>
  box ? [...boxes(b, box.start + skip, box.end)].find((c) => c.type === type) : undefined;

/**
 * The primary image's size of a HEIC/HEIF: meta → pitm names the primary item, iprp → ipma lists
 * its properties in iprp → ipco, among them ispe (the size) and irot (a rotation).
 */
export function heifSize(b: Uint8Array): ImageSize | null {
  const meta = [...boxes(b, 0, b.length)].find((box) => box.type === 'meta');
  // meta, pitm, ipma and ispe are "full boxes": 4 bytes of version and flags before their content.
  const pitm = child(b, meta, 'pitm', 4);
  const iprp = child(b, meta, 'iprp', 4);
  const ipco = child(b, iprp, 'ipco');
  const ipma = child(b, iprp, 'ipma');
  if (!ipco) return null;
  const properties = [...boxes(b, ipco.start, ipco.end)];
  const sizeOf = (box: Box | undefined) => (box?.type === 'ispe' && box.start + 12 <= box.end ? { width: u32be(b, box.start + 4), height: u32be(b, box.start + 8) } : null);

  const primary = pitm ? (b[pitm.start] === 0 ? u16be(b, pitm.start + 4) : u32be(b, pitm.start + 4)) : null;
  const associated = primary !== null && ipma ? itemProperties(b, ipma, primary) : [];
  const own = associated.map((index) => properties[index - 1]);
  const ispe = own.map(sizeOf).find((s) => s !== null);
  if (ispe) {
    const irot = own.find((p) => p?.type === 'irot');
    const quarterTurns = irot ? (b[irot.start] ?? 0) & 0x03 : 0;
    return sized(ispe.width, ispe.height, quarterTurns % 2 === 1);
  }
  // No association to follow: the largest size declared is the full image (the rest are tiles
  // and thumbnails).
  const all = properties.map(sizeOf).filter((s) => s !== null);
  const largest = all.sort((x, y) => y.width * y.height - x.width * x.height)[0];
  return largest ? sized(largest.width, largest.height) : null;
}

/** The 1-based ipco indexes of one item's properties, from an ipma box. */
function itemProperties(b: Uint8Array, ipma: Box, itemId: number): number[] {
  const version = b[ipma.start] ?? 0;
  const wideIndex = ((b[ipma.start + 3] ?? 0) & 1) === 1;
  const entries = u32be(b, ipma.start + 4);
  let i = ipma.start + 8;
  for (let e = 0; e < entries && i < ipma.end; e++) {
    const id = version < 1 ? u16be(b, i) : u32be(b, i);
    i += version < 1 ? 2 : 4;
    const count = b[i] ?? 0;
    i += 1;
    const indexes: number[] = [];
    for (let k = 0; k < count; k++) {
      indexes.push(wideIndex ? u16be(b, i) & 0x7fff : (b[i] ?? 0) & 0x7f);
      i += wideIndex ? 2 : 1;
    }
    if (id === itemId) return indexes;
  }
  return [];
}
