/**
 * An amount as people type it ("1 234,50", "1234.5") → the decimal string the API takes
 * ("1234.50"-like, checked afterwards by amountSchema); anything else is left for the check to refuse.
 */
export function normaliseAmount(value: string): string {
  return value.replace(/[\s\u00a0\u202f]/g, '').replace(/^(\d+),(\d{1,2})$/, '$1.$2');
}
