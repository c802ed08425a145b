// ЄДРПОУ (the Ukrainian register code of a legal entity): 8 digits, the last a check digit.
// The official algorithm: weights 1..7 over the first seven digits, or 7,1..6 for codes between
// 30,000,000 and 60,000,000; the sum modulo 11 is the check digit; if that is 10, the weights are
// raised by 2 and the sum taken again, and a second 10 becomes 0.

const LOW_WEIGHTS = [1, 2, 3, 4, 5, 6, 7] as const;
const MID_WEIGHTS = [7, 1, 2, 3, 4, 5, 6] as const;

function weightedSum(digits: readonly number[], weights: readonly number[], bump: number): number {
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += (digits[i] ?? 0) * ((weights[i] ?? 0) + bump);
  return sum;
}

/** The check digit for the first seven digits of a code. */
export function edrpouCheckDigit(first7: string): number {
  if (!/^\d{7}$/.test(first7)) throw new Error(`Expected 7 digits, got "${first7}"`);
  const digits = [...first7].map(Number);
  // The weight table depends on the value of the whole code. Only the prefix 6000000 straddles a
  // boundary (60000000 itself is "between"); the generator never draws it.
  const value = Number(first7) * 10;
  const weights = value < 30_000_000 || value > 60_000_000 ? LOW_WEIGHTS : MID_WEIGHTS;
  let check = weightedSum(digits, weights, 0) % 11;
  if (check === 10) {
    check = weightedSum(digits, weights, 2) % 11;
    if (check === 10) check = 0;
  }
  return check;
}

export function isValidEdrpou(code: string): boolean {
  return /^\d{8}$/.test(code) && edrpouCheckDigit(code.slice(0, 7)) === Number(code[7]);
}
