import { randomUUID } from 'node:crypto';
import { Query, find } from 'mingo';
import { DuplicateKeyError, canonicalJson } from '../../../core/src/index.js';
import type {
  BulkOperation,
  BulkWriteResult,
  DeleteResult,
  Document,
  DocumentCollection,
  Filter,
  FindOptions,
  IndexOptions,
  ProjectionSpec,
  SortSpec,
  UpdateDocument,
  UpdateOptions,
  UpdateResult,
} from '../document-store.port.js';
import { applyUpdate } from './apply-update.js';
import { cloneValue, sameValue } from './document-values.js';
import { projectFlat } from './projection-spec.js';
import { EqualityIndex, isIndexable } from './equality-index.js';
import { UniqueIndex } from './unique-index.js';
import { isOperatorObject, setPath, upsertSeed } from './upsert-seed.js';

/**
 * One collection held in memory. Documents are cloned in and out (mingo updates in place) and
 * keyed by `_id`; unique indexes are our own maps because mingo has no indexes.
 */
export class EmbeddedCollection implements DocumentCollection {
  private readonly documents = new Map<string, Document>();
  private readonly uniqueIndexes = new Map<string, UniqueIndex>();
  /** By the first field of every index created, for equality look-ups. */
  private readonly equalityIndexes = new Map<string, EqualityIndex>();
  private existing = false;

  constructor(readonly name: string) {}

  get exists(): boolean {
    return this.existing;
  }

  async insertOne(document: Document): Promise<{ insertedId: unknown }> {
    return { insertedId: this.insert(document) };
  }

  async updateOne(filter: Filter, update: UpdateDocument, options: UpdateOptions = {}): Promise<UpdateResult> {
    return this.update(filter, update, options, false);
  }

  async updateMany(filter: Filter, update: UpdateDocument, options: UpdateOptions = {}): Promise<UpdateResult> {
    return this.update(filter, update, options, true);
  }

  async replaceOne(filter: Filter, replacement: Document, options: UpdateOptions = {}): Promise<UpdateResult> {
    const [target] = this.match(filter, 1);
    if (target === undefined) {
      if (!options.upsert) return { matchedCount: 0, modifiedCount: 0, upsertedCount: 0 };
      const seedId = upsertSeed(filter)._id;
      const id = this.insert(seedId === undefined ? replacement : { ...replacement, _id: seedId });
      return { matchedCount: 0, modifiedCount: 0, upsertedCount: 1, upsertedId: id };
    }
    const next = { ...cloneValue(replacement), _id: target._id };
    const changed = !sameValue(next, target);
    if (changed) this.store(target, next);
    return { matchedCount: 1, modifiedCount: changed ? 1 : 0, upsertedCount: 0 };
  }

  async deleteOne(filter: Filter): Promise<DeleteResult> {
    return { deletedCount: this.remove(this.match(filter, 1)) };
  }

  async deleteMany(filter: Filter): Promise<DeleteResult> {
    return { deletedCount: this.remove(this.match(filter)) };
  }

  async findOne(filter: Filter, options: { projection?: ProjectionSpec; sort?: SortSpec } = {}): Promise<Document | null> {
    const [first] = this.select(filter, { ...options, limit: 1 });
    return first ?? null;
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<Document[]> {
    return this.select(filter, options);
  }

  async countDocuments(filter: Filter = {}): Promise<number> {
    return this.match(filter).length;
  }

  async bulkWrite(operations: readonly BulkOperation[]): Promise<BulkWriteResult> {
    const total = { insertedCount: 0, matchedCount: 0, modifiedCount: 0, deletedCount: 0, upsertedCount: 0 };
    const add = (r: Partial<typeof total>) => {
      for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += r[key] ?? 0;
    };
    for (const op of operations) {
      if ('insertOne' in op) add({ insertedCount: (this.insert(op.insertOne.document), 1) });
      else if ('updateOne' in op) add(this.update(op.updateOne.filter, op.updateOne.update, op.updateOne, false));
      else if ('updateMany' in op) add(this.update(op.updateMany.filter, op.updateMany.update, op.updateMany, true));
      else if ('replaceOne' in op) add(await this.replaceOne(op.replaceOne.filter, op.replaceOne.replacement, op.replaceOne));
      else if ('deleteOne' in op) add({ deletedCount: this.remove(this.match(op.deleteOne.filter, 1)) });
      else add({ deletedCount: this.remove(this.match(op.deleteMany.filter)) });
    }
    return total;
  }

  async createIndex(keys: Record<string, 1 | -1>, options: IndexOptions = {}): Promise<string> {
    this.existing = true;
    const name = options.name ?? Object.entries(keys).map(([k, d]) => `${k}_${d}`).join('_');
    const [first] = Object.keys(keys);
    if (first !== '_id' && !this.equalityIndexes.has(first)) {
      const equality = new EqualityIndex(first);
      for (const [idKey, document] of this.documents) equality.add(idKey, document);
      this.equalityIndexes.set(first, equality);
    }
    if (!options.unique || this.uniqueIndexes.has(name)) return name;
    const index = new UniqueIndex(name, this.name, Object.keys(keys));
    for (const [idKey, document] of this.documents) {
      index.check(idKey, document);
      index.add(idKey, document);
    }
    this.uniqueIndexes.set(name, index);
    return name;
  }

  async drop(): Promise<void> {
    this.documents.clear();
    this.uniqueIndexes.clear();
    this.equalityIndexes.clear();
    this.existing = false;
  }

  private insert(input: Document): unknown {
    const document = cloneValue(input);
    if (document._id === undefined) document._id = randomUUID();
    const idKey = keyOfId(document._id);
    if (this.documents.has(idKey)) throw this.duplicate(`_id_ dup key: ${idKey}`);
    for (const index of this.uniqueIndexes.values()) index.check(idKey, document);
    this.documents.set(idKey, document);
    for (const index of this.uniqueIndexes.values()) index.add(idKey, document);
    for (const index of this.equalityIndexes.values()) index.add(idKey, document);
    this.existing = true;
    return document._id;
  }

  private update(filter: Filter, update: UpdateDocument, options: UpdateOptions, many: boolean): UpdateResult {
    const { $setOnInsert, ...modifier } = update;
    const targets = this.match(filter, many ? undefined : 1);
    if (targets.length === 0) {
      if (!options.upsert) return { matchedCount: 0, modifiedCount: 0, upsertedCount: 0 };
      const seed = upsertSeed(filter);
      for (const [path, value] of Object.entries($setOnInsert ?? {})) setPath(seed, path, value);
      applyUpdate(seed, modifier);
      return { matchedCount: 0, modifiedCount: 0, upsertedCount: 1, upsertedId: this.insert(seed) };
    }
    let modifiedCount = 0;
    for (const target of targets) {
      const next = { ...target };
      if (!applyUpdate(next, modifier)) continue;
      this.store(target, next);
      modifiedCount += 1;
    }
    return { matchedCount: targets.length, modifiedCount, upsertedCount: 0 };
  }

  /** Swaps `next` in for `previous`, or throws without changing anything on a unique-index clash. */
  private store(previous: Document, next: Document): void {
    const idKey = keyOfId(previous._id);
    if (keyOfId(next._id) !== idKey) throw new Error(`${this.name}: _id is immutable`);
    for (const index of this.uniqueIndexes.values()) index.remove(idKey, previous);
    try {
      for (const index of this.uniqueIndexes.values()) index.check(idKey, next);
    } catch (error) {
      for (const index of this.uniqueIndexes.values()) index.add(idKey, previous);
      throw error;
    }
    for (const index of this.uniqueIndexes.values()) index.add(idKey, next);
    for (const index of this.equalityIndexes.values()) {
      index.remove(idKey, previous);
      index.add(idKey, next);
    }
    this.documents.set(idKey, next);
  }

  private remove(targets: readonly Document[]): number {
    for (const target of targets) {
      const idKey = keyOfId(target._id);
      for (const index of this.uniqueIndexes.values()) index.remove(idKey, target);
      for (const index of this.equalityIndexes.values()) index.remove(idKey, target);
      this.documents.delete(idKey);
    }
    return targets.length;
  }

  /** Stored documents (not clones) matching `filter`; a plain `_id` equality is a map lookup. */
  private match(filter: Filter, limit?: number): Document[] {
    const id = filter._id;
    if (id !== undefined && !isOperatorObject(id)) {
      const document = this.documents.get(keyOfId(id));
      if (document === undefined) return [];
      return Object.keys(filter).length === 1 || new Query(filter).test(document) ? [document] : [];
    }
    const query = new Query(filter);
    const matched: Document[] = [];
    for (const document of this.candidates(filter)) {
      if (!query.test(document)) continue;
      matched.push(document);
      if (limit !== undefined && matched.length >= limit) break;
    }
    return matched;
  }

  /** Every document, or only those an equality index allows for one of the filter's top-level fields. */
  private candidates(filter: Filter): Iterable<Document> {
    let best: string[] | undefined;
    for (const [field, value] of Object.entries(filter)) {
      const index = this.equalityIndexes.get(field);
      if (!index || !isIndexable(value)) continue;
      const keys = index.candidates(value);
      if (!best || keys.length < best.length) best = keys;
    }
    if (!best) return this.documents.values();
    return best.map((idKey) => this.documents.get(idKey)!);
  }

  private select(filter: Filter, options: FindOptions): Document[] {
    const unordered = !options.sort && !options.skip;
    const candidates = this.match(filter, unordered ? options.limit : undefined);
    if (unordered) {
      const spec = options.projection;
      const projected = spec ? candidates.map((d) => projectFlat(d, spec)) : candidates;
      if (projected.every((d) => d !== undefined)) return projected.map((d) => cloneValue(d));
    }
    let cursor = find(candidates, {}, options.projection);
    if (options.sort) cursor = cursor.sort(options.sort);
    if (options.skip) cursor = cursor.skip(options.skip);
    if (options.limit) cursor = cursor.limit(options.limit);
    return cursor.all().map((d) => cloneValue(d as Document));
  }

  private duplicate(key: string) {
    return new DuplicateKeyError(this.name, key);
  }
}

function keyOfId(id: unknown): string {
  return typeof id === 'string' ? `s:${id}` : `j:${canonicalJson(id)}`;
}
