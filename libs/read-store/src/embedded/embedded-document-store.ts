import type { DocumentCollection, DocumentStore, Document } from '../document-store.port.js';
import { EmbeddedCollection } from './embedded-collection.js';

/** The in-process read store: MongoDB's query language over memory, rebuilt from events at boot. */
export class EmbeddedDocumentStore implements DocumentStore {
  readonly kind = 'embedded';
  private readonly collections = new Map<string, EmbeddedCollection>();

  collection<T extends Document = Document>(name: string): DocumentCollection<T> {
    let collection = this.collections.get(name);
    if (collection === undefined) {
      collection = new EmbeddedCollection(name);
      this.collections.set(name, collection);
    }
    return collection as unknown as DocumentCollection<T>;
  }

  async listCollectionNames(): Promise<string[]> {
    return [...this.collections.values()].filter((c) => c.exists).map((c) => c.name);
  }

  /**
   * Not atomic: `work` writes straight into the collections, and a throw leaves what it wrote so
   * far. This store is a test double and a rebuild-at-boot cache, whose projections are idempotent.
   */
  transaction<T>(work: (store: DocumentStore) => Promise<T>): Promise<T> {
    return work(this);
  }

  async close(): Promise<void> {
    this.collections.clear();
  }
}
