import { cloneValue } from './document-values.js';
import type { Document, Filter } from '../document-store.port.js';

/**
 * The document MongoDB starts an upsert from: every equality condition of the filter
 * (`{a: 1}`, `{'b.c': 2}`, `{d: {$eq: 3}}`, and those inside a top-level `$and`), nothing else.
 */
export function upsertSeed(filter: Filter): Document {
  const seed: Document = {};
  collectEqualities(filter, seed);
  return seed;
}

function collectEqualities(filter: Filter, seed: Document): void {
  for (const [key, condition] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(condition)) {
      for (const part of condition) collectEqualities(part as Filter, seed);
      continue;
    }
    if (key.startsWith('$')) continue;
    if (isOperatorObject(condition)) {
      if ('$eq' in condition) setPath(seed, key, condition.$eq);
      continue;
    }
    setPath(seed, key, condition);
  }
}

export function isOperatorObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Date) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => k.startsWith('$'));
}

export function setPath(target: Document, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (node[part] === null || typeof node[part] !== 'object') node[part] = {};
    node = node[part] as Document;
  }
  node[parts[parts.length - 1]!] = cloneValue(value);
}

export function getPath(source: Document, path: string): unknown {
  let node: unknown = source;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Document)[part];
  }
  return node;
}
