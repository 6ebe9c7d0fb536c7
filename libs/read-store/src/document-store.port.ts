/**
 * A deliberately small subset of MongoDB's collection API: same method names, same argument
 * shapes, filters and updates in MongoDB's own language. Projections and queries are written
 * once against it; the MongoDB adapter passes through, the embedded one evaluates with mingo.
 */
export type Document = Record<string, unknown>;
export type Filter = Record<string, unknown>;
export type UpdateDocument = {
  $set?: Document;
  $setOnInsert?: Document;
  $unset?: Record<string, '' | 1 | true>;
  $inc?: Record<string, number>;
  $push?: Document;
  $pull?: Document;
  $addToSet?: Document;
};
export type SortSpec = Record<string, 1 | -1>;
export type ProjectionSpec = Record<string, 0 | 1>;

export interface FindOptions {
  readonly sort?: SortSpec;
  readonly skip?: number;
  readonly limit?: number;
  readonly projection?: ProjectionSpec;
}

export interface UpdateOptions {
  readonly upsert?: boolean;
}

export interface UpdateResult {
  readonly matchedCount: number;
  readonly modifiedCount: number;
  readonly upsertedCount: number;
  readonly upsertedId?: unknown;
}

export interface DeleteResult {
  readonly deletedCount: number;
}

export type BulkOperation =
  | { insertOne: { document: Document } }
  | { updateOne: { filter: Filter; update: UpdateDocument; upsert?: boolean } }
  | { updateMany: { filter: Filter; update: UpdateDocument; upsert?: boolean } }
  | { deleteOne: { filter: Filter } }
  | { deleteMany: { filter: Filter } }
  | { replaceOne: { filter: Filter; replacement: Document; upsert?: boolean } };

export interface BulkWriteResult {
  readonly insertedCount: number;
  readonly matchedCount: number;
  readonly modifiedCount: number;
  readonly deletedCount: number;
  readonly upsertedCount: number;
}

export interface IndexOptions {
  readonly unique?: boolean;
  readonly name?: string;
  /**
   * The projection that writes this collection queries by this index while it projects: build it
   * at once even when the read model is loaded in bulk (see `DocumentStore.beginBulkLoad`), where
   * other non-unique indexes wait until the load ends. Unique indexes are always immediate.
   */
  readonly immediate?: boolean;
}

export interface DocumentCollection<T extends Document = Document> {
  readonly name: string;
  insertOne(document: T): Promise<{ insertedId: unknown }>;
  updateOne(filter: Filter, update: UpdateDocument, options?: UpdateOptions): Promise<UpdateResult>;
  updateMany(filter: Filter, update: UpdateDocument, options?: UpdateOptions): Promise<UpdateResult>;
  replaceOne(filter: Filter, replacement: T, options?: UpdateOptions): Promise<UpdateResult>;
  deleteOne(filter: Filter): Promise<DeleteResult>;
  deleteMany(filter: Filter): Promise<DeleteResult>;
  findOne(filter: Filter, options?: { projection?: ProjectionSpec; sort?: SortSpec }): Promise<T | null>;
  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  countDocuments(filter?: Filter): Promise<number>;
  /** Ordered: stops at the first failing operation, like MongoDB's default. */
  bulkWrite(operations: readonly BulkOperation[]): Promise<BulkWriteResult>;
  createIndex(keys: Record<string, 1 | -1>, options?: IndexOptions): Promise<string>;
  /** Removes every document and index (the collection no longer exists). */
  drop(): Promise<void>;
}

export interface DocumentStore {
  readonly kind: 'embedded' | 'mongodb';
  collection<T extends Document = Document>(name: string): DocumentCollection<T>;
  listCollectionNames(): Promise<string[]>;
  /**
   * Runs `work` with a store whose writes all commit together, or not at all if `work` throws;
   * reads through that store see its own uncommitted writes. `work` must use the store it is
   * given. Adapters document how far they honour this (atomicity, isolation).
   */
  transaction<T>(work: (store: DocumentStore) => Promise<T>): Promise<T>;
  /**
   * Optional: the listed (just emptied) collections are about to be filled from zero by their
   * projection. The store may defer building what only serves queries (non-unique, non-immediate
   * indexes) until `endBulkLoad`; queries meanwhile stay exact, only slower. Survives a restart.
   */
  beginBulkLoad?(collections: readonly string[]): Promise<void>;
  /** Optional: builds whatever `beginBulkLoad` deferred for the listed collections (a no-op for the others). */
  endBulkLoad?(collections: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

export const DOCUMENT_STORE = Symbol('DOCUMENT_STORE');
