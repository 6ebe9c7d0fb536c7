import { DuplicateKeyError, canonicalJson } from '../../../core/src/index.js';
import type { Document } from '../document-store.port.js';
import { getPath } from './upsert-seed.js';

/** A unique index kept as a map from key values to the owning document's id key. */
export class UniqueIndex {
  private readonly owners = new Map<string, string>();

  constructor(
    readonly name: string,
    private readonly collection: string,
    private readonly fields: readonly string[],
  ) {}

  private keyOf(document: Document): string {
    // MongoDB indexes a missing field as null, so two documents lacking it collide too.
    return canonicalJson(this.fields.map((f) => getPath(document, f) ?? null));
  }

  /** Throws DuplicateKeyError if `document` (owned by `idKey`) would collide with another document. */
  check(idKey: string, document: Document): void {
    const key = this.keyOf(document);
    const owner = this.owners.get(key);
    if (owner !== undefined && owner !== idKey) {
      throw new DuplicateKeyError(this.collection, `${this.name} dup key: ${key}`);
    }
  }

  add(idKey: string, document: Document): void {
    this.owners.set(this.keyOf(document), idKey);
  }

  remove(idKey: string, document: Document): void {
    const key = this.keyOf(document);
    if (this.owners.get(key) === idKey) this.owners.delete(key);
  }
}
