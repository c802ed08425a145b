import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/** The Ukrainian and Russian alphabets merged in order (each language's own order is kept). */
const ALPHABET = 'абвгґдеёєжзиіїйклмнопрстуфхцчшщъыьэюя';
/** The same letters renumbered to consecutive code points, so code point order is alphabetical. */
const RENUMBERED = Array.from(ALPHABET, (_, i) => String.fromCodePoint(0x430 + i)).join('');

/**
 * A sort key that puts Ukrainian and Russian names in alphabetical order on any database collation
 * (PGlite has no ICU, and in code point order Є, І, Ї come before А and Ґ after Я): case ignored,
 * the letters renumbered in alphabetical order and compared by code point. Latin names sort before
 * Cyrillic ones. Ties are for the caller to break (e.g. by the name itself).
 */
export function alphabeticalKey(column: AnyColumn | SQL): SQL {
  return sql`(translate(lower(${column}), ${ALPHABET}, ${RENUMBERED}) collate "C")`;
}
