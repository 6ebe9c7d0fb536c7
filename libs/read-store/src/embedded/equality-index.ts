import type { Document } from '../document-store.port.js';
import { getPath } from './upsert-seed.js';

/**
 * An index on one field for equality look-ups (`{siteId: '1001'}`), so projections and queries do
 * not scan a whole collection. Documents whose value is an array or object are kept aside and
 * always returned as candidates; the caller still tests every candidate against the full filter.
 */
export class EqualityIndex {
  private readonly byValue = new Map<unknown, Set<string>>();
  private readonly unindexable = new Set<string>();

  constructor(readonly field: string) {}

  add(idKey: string, document: Document): void {
    const value = getPath(document, this.field) ?? null;
    if (!isIndexable(value)) return void this.unindexable.add(idKey);
    let owners = this.byValue.get(value);
    if (!owners) this.byValue.set(value, (owners = new Set()));
    owners.add(idKey);
  }

  remove(idKey: string, document: Document): void {
    const value = getPath(document, this.field) ?? null;
    if (!isIndexable(value)) return void this.unindexable.delete(idKey);
    const owners = this.byValue.get(value);
    owners?.delete(idKey);
    if (owners?.size === 0) this.byValue.delete(value);
  }

  /** Id keys of every document that may have `field` equal to `value`. */
  candidates(value: unknown): string[] {
    return [...(this.byValue.get(value) ?? []), ...this.unindexable];
  }

  clear(): void {
    this.byValue.clear();
    this.unindexable.clear();
  }
}

export function isIndexable(value: unknown): value is string | number | boolean | null {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
