import type { Document } from '../document-store.port.js';

/** JSON kinds a path has held in a collection, as bits. */
export const KIND = { null: 1, number: 2, string: 4, boolean: 8, object: 16, array: 32, other: 64 } as const;

export function kindOf(value: unknown): number {
  if (value === null) return KIND.null;
  if (Array.isArray(value)) return KIND.array;
  switch (typeof value) {
    case 'number':
      return KIND.number;
    case 'string':
      return KIND.string;
    case 'boolean':
      return KIND.boolean;
    case 'object':
      return value instanceof Date ? KIND.other : KIND.object;
    default:
      return KIND.other;
  }
}

/**
 * Which kinds every path of a collection has ever held (a superset: it only grows until the
 * collection is dropped). It decides when a filter or sort translated to SQL means exactly what
 * MongoDB means: a path that never held an array is matched by `json_extract` equality; a path
 * that never held a boolean needs no type guard against JSON true (which SQLite reads as 1).
 */
export class FieldKinds {
  private readonly kinds = new Map<string, number>();

  /** Adds `bits` at `path`; answers the new total when it grew (to be persisted), else undefined. */
  add(path: string, bits: number): number | undefined {
    const known = this.kinds.get(path) ?? 0;
    if ((known | bits) === known) return undefined;
    this.kinds.set(path, known | bits);
    return known | bits;
  }

  /** Records every path of `document` (objects are walked, arrays are not); calls `grew` for new kinds. */
  observe(document: Document, grew: (path: string, kinds: number) => void, prefix = ''): void {
    for (const key in document) {
      const value = document[key];
      if (value === undefined) continue;
      const path = prefix + key;
      const bits = kindOf(value);
      const total = this.add(path, bits);
      if (total !== undefined) grew(path, total);
      if (bits === KIND.object) this.observe(value as Document, grew, `${path}.`);
    }
  }

  at(path: string): number {
    return this.kinds.get(path) ?? 0;
  }

  /** Whether a proper prefix of `path` ever held an array (then MongoDB looks inside its elements). */
  arrayAbove(path: string): boolean {
    let end = path.indexOf('.');
    while (end !== -1) {
      if ((this.at(path.slice(0, end)) & KIND.array) !== 0) return true;
      end = path.indexOf('.', end + 1);
    }
    return false;
  }

  clear(): void {
    this.kinds.clear();
  }
}
