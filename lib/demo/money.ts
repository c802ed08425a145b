// Money of the demo data is counted in whole kopiyky (integers) and only turned into the
// database's decimal strings at the end: a float would make an order total drift a kopiyka away
// from the sum of its positions.

/** "1234.50" from 123450 kopiyky; negative amounts keep their sign ("-80.05"). */
export function formatKop(kop: number): string {
  if (!Number.isSafeInteger(kop)) throw new Error(`Not a whole number of kopiyky: ${kop}`);
  const sign = kop < 0 ? '-' : '';
  const abs = Math.abs(kop);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * round(a × b / d) for non-negative safe integers, exactly: the remainder decides the rounding,
 * so no fractional value is ever formed.
 */
export function mulDivRound(a: number, b: number, d: number): number {
  const n = a * b;
  if (!Number.isSafeInteger(n) || n < 0 || d <= 0) throw new Error(`mulDivRound out of range: ${a} × ${b} / ${d}`);
  const rem = n % d;
  const q = (n - rem) / d;
  return rem * 2 >= d ? q + 1 : q;
}

/** Whole hryvnias as kopiyky. */
export function uah(hryvnias: number): number {
  return hryvnias * 100;
}
