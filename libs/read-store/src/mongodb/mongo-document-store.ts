import {
  MongoClient,
  MongoServerError,
  type AnyBulkWriteOperation,
  type Collection,
  type Db,
  type Document as MongoDocument,
  type UpdateFilter,
  type UpdateResult as MongoUpdateResult,
} from 'mongodb';
import { DuplicateKeyError } from '#core';
import { assertDefinedFilter } from '../documents/defined-filter.js';
import type {
  BulkOperation,
  BulkWriteResult,
  DeleteResult,
  Document,
  DocumentCollection,
  DocumentStore,
  Filter,
  FindOptions,
  IndexOptions,
  ProjectionSpec,
  SortSpec,
  UpdateDocument,
  UpdateOptions,
  UpdateResult,
} from '../document-store.port.js';

const DUPLICATE_KEY = 11000;
const NAMESPACE_NOT_FOUND = 26;

// MongoBulkWriteError extends MongoServerError; its `code` is the first write error's code.
const isDuplicateKey = (err: unknown): err is MongoServerError =>
  err instanceof MongoServerError &&
  (err.code === DUPLICATE_KEY ||
    (Array.isArray(err.writeErrors) && err.writeErrors.some((w: { code?: number }) => w.code === DUPLICATE_KEY)));

// Single-op writes copy the server's `keyValue` onto the error; bulk errors drop it, but their
// message still carries the "dup key: {...}" text.
const renderKey = (err: MongoServerError): string =>
  err.keyValue !== undefined && err.keyValue !== null ? JSON.stringify(err.keyValue) : err.message;

const toUpdateResult = (r: MongoUpdateResult): UpdateResult => ({
  matchedCount: r.matchedCount,
  modifiedCount: r.modifiedCount,
  upsertedCount: r.upsertedCount,
  ...(r.upsertedId !== null && r.upsertedId !== undefined ? { upsertedId: r.upsertedId } : {}),
});

/** Index options with only the keys that are set: the driver copies `undefined` as null, which the server rejects. */
export function indexOptionsOf(options: IndexOptions): { unique?: boolean; name?: string } {
  return {
    ...(options.unique !== undefined ? { unique: options.unique } : {}),
    ...(options.name !== undefined ? { name: options.name } : {}),
  };
}

/** MongoDB does not order ties: `_id` last makes every page of a sorted list stable (as SQLite's is). */
export function stableSort(sort: SortSpec | undefined): SortSpec | undefined {
  if (!sort || '_id' in sort) return sort;
  return { ...sort, _id: 1 };
}

/** Thin pass-through to a driver collection; only results and duplicate-key errors are translated. */
export class MongoDocumentCollection<T extends Document = Document> implements DocumentCollection<T> {
  constructor(private readonly collection: Collection<MongoDocument>) {}

  get name(): string {
    return this.collection.collectionName;
  }

  private async run<R>(op: () => Promise<R>): Promise<R> {
    try {
      return await op();
    } catch (err) {
      if (isDuplicateKey(err)) throw new DuplicateKeyError(this.name, renderKey(err));
      throw err;
    }
  }

  insertOne(document: T): Promise<{ insertedId: unknown }> {
    return this.run(async () => ({ insertedId: (await this.collection.insertOne(document)).insertedId }));
  }

  async updateOne(filter: Filter, update: UpdateDocument, options?: UpdateOptions): Promise<UpdateResult> {
    assertDefinedFilter(filter);
    return this.run(async () =>
      toUpdateResult(
        await this.collection.updateOne(filter, update as UpdateFilter<MongoDocument>, { upsert: options?.upsert }),
      ),
    );
  }

  async updateMany(filter: Filter, update: UpdateDocument, options?: UpdateOptions): Promise<UpdateResult> {
    assertDefinedFilter(filter);
    return this.run(async () =>
      toUpdateResult(
        await this.collection.updateMany(filter, update as UpdateFilter<MongoDocument>, { upsert: options?.upsert }),
      ),
    );
  }

  async replaceOne(filter: Filter, replacement: T, options?: UpdateOptions): Promise<UpdateResult> {
    assertDefinedFilter(filter);
    return this.run(async () => {
      const r = await this.collection.replaceOne(filter, replacement, { upsert: options?.upsert });
      return toUpdateResult(r as MongoUpdateResult);
    });
  }

  async deleteOne(filter: Filter): Promise<DeleteResult> {
    assertDefinedFilter(filter);
    return this.run(async () => ({ deletedCount: (await this.collection.deleteOne(filter)).deletedCount }));
  }

  async deleteMany(filter: Filter): Promise<DeleteResult> {
    assertDefinedFilter(filter);
    return this.run(async () => ({ deletedCount: (await this.collection.deleteMany(filter)).deletedCount }));
  }

  async findOne(filter: Filter, options?: { projection?: ProjectionSpec; sort?: SortSpec }): Promise<T | null> {
    assertDefinedFilter(filter);
    return this.run(() =>
      this.collection.findOne<T>(filter, options?.sort ? { ...options, sort: stableSort(options.sort) } : options),
    );
  }

  async find(filter: Filter, options?: FindOptions): Promise<T[]> {
    assertDefinedFilter(filter);
    return this.run(() =>
      this.collection
        .find<T>(filter, options?.sort ? { ...options, sort: stableSort(options.sort) } : options)
        .toArray(),
    );
  }

  async countDocuments(filter: Filter = {}): Promise<number> {
    assertDefinedFilter(filter);
    return this.run(() => this.collection.countDocuments(filter));
  }

  bulkWrite(operations: readonly BulkOperation[]): Promise<BulkWriteResult> {
    // The driver throws on an empty batch; the port answers zeros, as the embedded store does.
    if (operations.length === 0)
      return Promise.resolve({
        insertedCount: 0,
        matchedCount: 0,
        modifiedCount: 0,
        deletedCount: 0,
        upsertedCount: 0,
      });
    return this.run(async () => {
      // Same shapes as the driver's models; only the filter/update element types differ.
      const models = operations as unknown as AnyBulkWriteOperation<MongoDocument>[];
      const r = await this.collection.bulkWrite(models, { ordered: true });
      return {
        insertedCount: r.insertedCount,
        matchedCount: r.matchedCount,
        modifiedCount: r.modifiedCount,
        deletedCount: r.deletedCount,
        upsertedCount: r.upsertedCount,
      };
    });
  }

  createIndex(keys: Record<string, 1 | -1>, options: IndexOptions = {}): Promise<string> {
    return this.run(() => this.collection.createIndex(keys, indexOptionsOf(options)));
  }

  drop(): Promise<void> {
    return this.run(async () => {
      try {
        await this.collection.drop();
      } catch (err) {
        // Dropping a collection that does not exist is a no-op, as in the embedded store.
        const missing =
          err instanceof MongoServerError && (err.code === NAMESPACE_NOT_FOUND || /ns not found/i.test(err.message));
        if (!missing) throw err;
      }
    });
  }
}

/** The production read store: a MongoDB database reached through the official driver. */
export class MongoDocumentStore implements DocumentStore {
  readonly kind = 'mongodb';

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
  ) {}

  static async connect(url: string, databaseName: string): Promise<MongoDocumentStore> {
    // ignoreUndefined: an undefined field is left out, as in JSON and the embedded store, never stored as null.
    const client = new MongoClient(url, { ignoreUndefined: true });
    await client.connect();
    return new MongoDocumentStore(client, client.db(databaseName));
  }

  collection<T extends Document = Document>(name: string): DocumentCollection<T> {
    return new MongoDocumentCollection<T>(this.db.collection<MongoDocument>(name));
  }

  async listCollectionNames(): Promise<string[]> {
    const infos = await this.db.listCollections({}, { nameOnly: true }).toArray();
    return infos.map((info) => info.name);
  }

  /**
   * A pass-through for now: `work` runs without a MongoDB session, so its writes are not atomic.
   * Projections stay correct because they are idempotent (a replayed batch rewrites the same
   * documents); real MongoDB transactions (replica set, session per call) are a later issue.
   */
  transaction<T>(work: (store: DocumentStore) => Promise<T>): Promise<T> {
    return work(this);
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
