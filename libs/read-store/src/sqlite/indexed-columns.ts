import type { Document } from '../document-store.port.js';
import { quoteIdentifier } from './sql-names.js';

/**
 * An indexed path's own column in its collection's table (`"$scope.siteId"`). The writer fills it
 * from the document it is writing, so no JSON is parsed at write time, and indexes, filters and
 * sorts on that path use the column. `$` keeps the name clear of `id` and `doc`.
 */
export function columnOf(path: string): string {
  return quoteIdentifier(`$${path}`);
}

/**
 * What `json_extract(doc, '$.<path>')` gives for the JSON text of `document`, computed from the
 * document itself: NULL for a missing path or JSON null, text for strings, numbers as numbers
 * (non-finite ones are JSON null), 1/0 for booleans, and objects and arrays as their JSON text.
 * A path through an array matches nothing, as in SQLite's JSON paths.
 */
export function columnValue(document: Document, path: string): string | number | null {
  let node: unknown = document;
  let start = 0;
  for (;;) {
    const end = path.indexOf('.', start);
    const key = end === -1 ? path.slice(start) : path.slice(start, end);
    node = toJson(node);
    if (node === null || typeof node !== 'object' || Array.isArray(node) || !Object.hasOwn(node, key)) return null;
    node = (node as Document)[key];
    if (end === -1) break;
    start = end + 1;
  }
  return sqlValue(toJson(node));
}

function sqlValue(value: unknown): string | number | null {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'boolean':
      return value ? 1 : 0;
    case 'object':
      return value === null ? null : JSON.stringify(value);
    default:
      return null; // undefined, functions and symbols are left out of JSON
  }
}

/** A value as JSON.stringify sees it (a Date becomes its ISO string). */
function toJson(value: unknown): unknown {
  return value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function'
    ? (value as { toJSON(): unknown }).toJSON()
    : value;
}
