import { canonicalJson } from '#core';

/** Internal tables (field kinds, multikey entries) share this prefix; it is refused as a collection name. */
export const INTERNAL_PREFIX = '__docstore';

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

const PLAIN_SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The SQLite JSON path for a dotted MongoDB path, inlined as a literal (not a parameter), so one
 * query shape keeps one SQL text (and one cached statement).
 * Undefined for segments we would rather not quote (quotes, backslashes, `$` operators): those
 * clauses are evaluated in JS instead.
 */
export function jsonPath(path: string): string | undefined {
  let out = '$';
  for (const segment of path.split('.')) {
    if (PLAIN_SEGMENT.test(segment)) out += `.${segment}`;
    else if (segment !== '' && !/["'\\$]/.test(segment)) out += `."${segment}"`;
    else return undefined;
  }
  return `'${out}'`;
}

/**
 * The primary-key encoding of an `_id`. The `id` column has no type affinity, so SQLite keeps the
 * storage class and '1' (TEXT) and 1 (REAL) are different keys, as in MongoDB: strings are stored
 * as themselves (the product's case, readable in the sqlite3 shell), finite numbers as numbers,
 * and anything else (booleans, null, objects) as a BLOB of its canonical JSON.
 */
export type EncodedId = string | number | Buffer;

export function encodeId(id: unknown): EncodedId {
  if (typeof id === 'string') return id;
  if (typeof id === 'number' && Number.isFinite(id)) return id;
  return Buffer.from(canonicalJson(id));
}

/** Realm-independent (a RegExp built in another VM context fails instanceof). */
export function isRegExp(value: unknown): value is RegExp {
  return Object.prototype.toString.call(value) === '[object RegExp]';
}
