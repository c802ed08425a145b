// Chart geometry from decimal amounts without floats: amounts become whole kopiyky (BigInt) and
// are scaled to whole pixels by integer division. No server imports: the chart components use it.

const DECIMAL = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/** A decimal string with at most two decimals as whole kopiyky. */
export function toKop(amount: string): bigint {
  const match = DECIMAL.exec(amount.trim());
  if (!match) throw new Error(`Not a money amount: "${amount}"`);
  const kop = BigInt(match[2]!) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -kop : kop;
}

/** Whole kopiyky as a decimal string with two decimals. */
export function fromKop(kop: bigint): string {
  const negative = kop < 0n;
  const abs = negative ? -kop : kop;
  return `${negative ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** Integer division rounded to the nearest (halves away from zero). */
function divRound(a: bigint, b: bigint): bigint {
  const q = a / b;
  const r = a % b;
  return 2n * (r < 0n ? -r : r) >= (b < 0n ? -b : b) ? q + ((a < 0n) !== (b < 0n) ? -1n : 1n) : q;
}

/**
 * A linear scale from amounts to pixels: `min`..`max` (kopiyky) onto `pixelsFrom`..`pixelsTo`
 * (either may be the larger: SVG's y grows downwards). Answers whole pixels.
 */
export function linearScale(min: bigint, max: bigint, pixelsFrom: number, pixelsTo: number): (kop: bigint) => number {
  const span = max - min;
  const pixels = BigInt(pixelsTo - pixelsFrom);
  // Whole pixels, small integers: the one place a scaled amount becomes a JS number.
  return (value) => (span === 0n ? pixelsFrom : pixelsFrom + Number(divRound((value - min) * pixels, span)));
}

/** The smallest and largest of some amounts, widened to include zero. */
export function extentWithZero(values: bigint[]): { min: bigint; max: bigint } {
  let min = 0n;
  let max = 0n;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

/** A part of a whole as a whole percentage 0..100 (for bar widths). */
export function percentOf(part: bigint, whole: bigint): number {
  if (whole <= 0n || part <= 0n) return 0;
  return Number(divRound(part * 100n, whole));
}
