import { find } from 'mingo';
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
import { projectFlat } from '../documents/projection-spec.js';
import { KIND } from './field-kinds.js';
import type { CollectionState } from './collection-state.js';
import { countDocuments, selectDocuments } from './select-documents.js';
import type { SqliteConnection } from './sqlite-connection.js';
import { columnOf } from './indexed-columns.js';
import { jsonPath, quoteIdentifier } from './sql-names.js';
import { deleteDocuments, insertDocument, replaceDocument, uniquely, updateDocuments } from './write-documents.js';

/** Which connection an operation runs on: the store's autocommit session, or an open transaction. */
export interface SqliteSession {
  read<T>(work: (conn: SqliteConnection) => T): Promise<T>;
  write<T>(work: (conn: SqliteConnection) => T): Promise<T>;
  /** Called after a failed operation rolled back: what the store caches about collections may be stale. */
  rolledBack(conn: SqliteConnection): void;
}

type Totals = { -readonly [K in keyof BulkWriteResult]: number };

/** One collection as one SQLite table (id, doc JSON); see filter-to-sql for what runs in SQL. */
export class SqliteCollection implements DocumentCollection {
  constructor(
    private readonly state: CollectionState,
    private readonly session: SqliteSession,
  ) {}

  get name(): string {
    return this.state.name;
  }

  insertOne(document: Document): Promise<{ insertedId: unknown }> {
    return this.write((conn) => ({ insertedId: insertDocument(conn, this.state, document) }));
  }

  updateOne(filter: Filter, update: UpdateDocument, options: UpdateOptions = {}): Promise<UpdateResult> {
    return this.write((conn) => updateDocuments(conn, this.state, filter, update, options.upsert, false));
  }

  updateMany(filter: Filter, update: UpdateDocument, options: UpdateOptions = {}): Promise<UpdateResult> {
    return this.write((conn) => updateDocuments(conn, this.state, filter, update, options.upsert, true));
  }

  replaceOne(filter: Filter, replacement: Document, options: UpdateOptions = {}): Promise<UpdateResult> {
    return this.write((conn) => replaceDocument(conn, this.state, filter, replacement, options.upsert));
  }

  deleteOne(filter: Filter): Promise<DeleteResult> {
    return this.write((conn) => deleteDocuments(conn, this.state, filter, false));
  }

  deleteMany(filter: Filter): Promise<DeleteResult> {
    return this.write((conn) => deleteDocuments(conn, this.state, filter, true));
  }

  async findOne(
    filter: Filter,
    options: { projection?: ProjectionSpec; sort?: SortSpec } = {},
  ): Promise<Document | null> {
    const [first] = await this.find(filter, { ...options, limit: 1 });
    return first ?? null;
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<Document[]> {
    const found = await this.session.read((conn) => selectDocuments(conn, this.state, filter, options));
    const documents = found.map((f) => f.document);
    const spec = options.projection;
    if (!spec || Object.keys(spec).length === 0) return documents;
    const flat = documents.map((d) => projectFlat(d, spec));
    if (flat.every((d) => d !== undefined)) return flat as Document[];
    return find(documents, {}, spec).all() as Document[];
  }

  countDocuments(filter: Filter = {}): Promise<number> {
    return this.session.read((conn) => countDocuments(conn, this.state, filter));
  }

  /**
   * Ordered, in one SQLite transaction (or savepoint). Like MongoDB, the operations before a
   * failing one stay written and the failure is then thrown; each operation is itself atomic.
   */
  bulkWrite(operations: readonly BulkOperation[]): Promise<BulkWriteResult> {
    return this.session.write((conn) => {
      const total: Totals = { insertedCount: 0, matchedCount: 0, modifiedCount: 0, deletedCount: 0, upsertedCount: 0 };
      if (operations.length === 0) return total;
      // Fast path: the whole batch in one savepoint. Should an operation fail, that is rolled back
      // and the batch replayed with a savepoint per operation, which keeps the ones before it.
      try {
        return this.atomically(conn, () => {
          for (const operation of operations) add(total, this.apply(conn, operation));
          return total;
        });
      } catch {
        for (const key of Object.keys(total) as (keyof Totals)[]) total[key] = 0;
      }
      let failure: unknown;
      conn.atomic(() => {
        for (const operation of operations) {
          try {
            add(
              total,
              this.atomically(conn, () => this.apply(conn, operation)),
            );
          } catch (error) {
            failure = error;
            break;
          }
        }
      });
      if (failure !== undefined) throw failure;
      return total;
    });
  }

  createIndex(keys: Record<string, 1 | -1>, options: IndexOptions = {}): Promise<string> {
    const entries = Object.entries(keys);
    const name = options.name ?? entries.map(([k, d]) => `${k}_${d}`).join('_');
    return this.write((conn) => {
      this.state.ensureTable(conn);
      for (const [path] of entries) {
        if (path === '_id') continue;
        if (!jsonPath(path)) throw new Error(`cannot index ${path}`);
        this.state.addColumn(conn, path);
        if ((this.state.kinds.at(path) & KIND.array) !== 0 && !this.state.bulk) this.state.makeMultikey(conn, path);
      }
      if (entries.length === 1 && entries[0]![0] === '_id') return name;
      // Led by an array, it would index the arrays' JSON text, which no query uses (the side table serves them).
      if (!options.unique && this.state.ledByMultikey(entries[0]![0])) return name;
      const columns = entries.map(
        ([path, direction]) => `${path === '_id' ? 'id' : columnOf(path)}${direction === -1 ? ' DESC' : ''}`,
      );
      const index = quoteIdentifier(`${this.name}.${name}`);
      const unique = options.unique ? 'UNIQUE ' : '';
      const sql = `CREATE ${unique}INDEX IF NOT EXISTS ${index} ON ${this.state.table} (${columns.join(', ')})`;
      // While loading in bulk, an index that only serves queries is built once the load ends;
      // unique ones enforce invariants, and `immediate` ones serve the projection's own reads.
      if (this.state.bulk && !options.unique && !options.immediate) this.state.deferIndex(conn, name, sql);
      else uniquely(this.state, () => conn.db.exec(sql));
      return name;
    });
  }

  drop(): Promise<void> {
    return this.write((conn) => this.state.drop(conn));
  }

  private apply(conn: SqliteConnection, op: BulkOperation): Partial<Totals> {
    if ('insertOne' in op) return (insertDocument(conn, this.state, op.insertOne.document), { insertedCount: 1 });
    if ('updateOne' in op)
      return updateDocuments(conn, this.state, op.updateOne.filter, op.updateOne.update, op.updateOne.upsert, false);
    if ('updateMany' in op)
      return updateDocuments(conn, this.state, op.updateMany.filter, op.updateMany.update, op.updateMany.upsert, true);
    if ('replaceOne' in op)
      return replaceDocument(conn, this.state, op.replaceOne.filter, op.replaceOne.replacement, op.replaceOne.upsert);
    if ('deleteOne' in op) return deleteDocuments(conn, this.state, op.deleteOne.filter, false);
    return deleteDocuments(conn, this.state, op.deleteMany.filter, true);
  }

  private write<T>(work: (conn: SqliteConnection) => T): Promise<T> {
    return this.session.write((conn) => this.atomically(conn, () => work(conn)));
  }

  private atomically<T>(conn: SqliteConnection, work: () => T): T {
    try {
      return conn.atomic(work);
    } catch (error) {
      this.session.rolledBack(conn);
      throw error;
    }
  }
}

function add(total: Totals, result: Partial<Totals>): void {
  if (result.insertedCount) total.insertedCount += result.insertedCount;
  if (result.matchedCount) total.matchedCount += result.matchedCount;
  if (result.modifiedCount) total.modifiedCount += result.modifiedCount;
  if (result.deletedCount) total.deletedCount += result.deletedCount;
  if (result.upsertedCount) total.upsertedCount += result.upsertedCount;
}
