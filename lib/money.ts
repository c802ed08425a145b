// Decimal strings compared and signed without ever becoming floats.

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** -1, 0 or 1 for a decimal string such as "-1250.50". */
export function decimalSign(amount: string): -1 | 0 | 1 {
  const match = DECIMAL.exec(amount.trim());
  if (!match) throw new Error(`Not a decimal amount: "${amount}"`);
  const isZero = /^0*$/.test(match[2] ?? '') && /^0*$/.test(match[3] ?? '');
  if (isZero) return 0;
  return match[1] ? -1 : 1;
}

/** The absolute value of a decimal string. */
export function decimalAbs(amount: string): string {
  return amount.trim().replace(/^-/, '');
}
