import { isValidEdrpou } from '@/lib/demo/tax-id';

// A dealer's tax id: the ЄДРПОУ code of a company (8 digits) or the РНОКПП of a sole trader
// (10 digits), the format the sync API accepts (lib/sync/schemas.ts). A hand-typed one is also
// checked against its check digit, so a slipped digit is caught before it names the wrong dealer.

/** РНОКПП: weights −1, 5, 7, 9, 4, 6, 10, 5, 7 over the first nine digits; the sum modulo 11, then modulo 10. */
const RNOKPP_WEIGHTS = [-1, 5, 7, 9, 4, 6, 10, 5, 7] as const;

export function rnokppCheckDigit(first9: string): number {
  if (!/^\d{9}$/.test(first9)) throw new Error(`Expected 9 digits, got "${first9}"`);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (RNOKPP_WEIGHTS[i] ?? 0);
  return (((sum % 11) + 11) % 11) % 10;
}

export function isValidRnokpp(code: string): boolean {
  return /^\d{10}$/.test(code) && rnokppCheckDigit(code.slice(0, 9)) === Number(code[9]);
}

export type TaxIdProblem = 'format' | 'checkDigit';

/** What is wrong with a tax id, or null when it is a valid ЄДРПОУ or РНОКПП. */
export function taxIdProblem(code: string): TaxIdProblem | null {
  if (!/^\d{8}(\d{2})?$/.test(code)) return 'format';
  const valid = code.length === 8 ? isValidEdrpou(code) : isValidRnokpp(code);
  return valid ? null : 'checkDigit';
}
