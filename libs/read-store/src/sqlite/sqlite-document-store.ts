import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Document, DocumentCollection, DocumentStore } from '../document-store.port.js';
import { CATALOG_SCHEMA, CollectionState } from './collection-state.js';
import { Mutex } from './mutex.js';
import { SqliteCollection, type SqliteSession } from './sqlite-collection.js';
import { type QueryPlan, SqliteConnection } from './sqlite-connection.js';
import { INTERNAL_PREFIX, quoteIdentifier } from './sql-names.js';

export interface SqliteDocumentStoreOptions {
  /** How long a connection waits for another process's lock on the file. */
  readonly busyTimeoutMs?: number;
  /**
   * The file is a rebuild's target (`read-models.sqlite.rebuilding`), discarded unless the rebuild
   * completes: commits are not synced to disk (a crash loses nothing that matters, as the file is
   * thrown away), which takes the syncs out of replaying a long history.
   */
  readonly rebuilding?: boolean;
}

/**
 * How this store lays out its file, kept in SQLite's `user_version`. Bump it whenever the tables,
 * columns or catalog change meaning: a file of another layout is emptied on opening, and the read
 * models (derived data) are rebuilt from the event log. 1: the first layout with a version
 * (indexed paths in columns of their own; before it, indexes were `json_extract` expressions).
 */
export const STORE_LAYOUT = 1;

/**
 * The persisted in-process read store: MongoDB's collection API over one SQLite file (or
 * ':memory:'), one table per collection, documents as JSON, each indexed path in a column of its
 * own that the writer fills from the document (see indexed-columns), indexes on those columns.
 *
 * A file store has two connections. The writer runs every write and every read made inside
 * `transaction`; the reader serves all other reads and, thanks to WAL, only ever sees committed
 * batches, even while a transaction is open across awaits. Transactions (and the autocommit
 * writes that arrive meanwhile) are serialized by a mutex. ':memory:' has a single connection, so
 * there reads outside a transaction also wait for an open one to finish.
 *
 * Differences from MongoDB, none of which the product relies on: documents are JSON (a Date is
 * stored as its ISO string, NaN as null); a unique index lets several documents lack its fields
 * (SQLite NULLs are distinct; MongoDB treats missing as a colliding null) and compares an array
 * value whole instead of per element.
 */
export class SqliteDocumentStore implements DocumentStore {
  readonly kind = 'embedded';
  private readonly plans = new Map<string, QueryPlan>();
  private readonly writer: SqliteConnection;
  private readonly reader: SqliteConnection;
  private readonly states = new Map<string, CollectionState>();
  private readonly collections = new Map<string, SqliteCollection>();
  private readonly lock = new Mutex();
  private readonly session: SqliteSession;
  /**
   * True when the file held read models of another layout (see STORE_LAYOUT), which were dropped
   * on opening: their checkpoints went with them, so the projection runner rebuilds them from the event log.
   */
  readonly layoutReset: boolean;

  constructor(
    readonly path: string,
    options: SqliteDocumentStoreOptions = {},
  ) {
    const memory = path === ':memory:';
    const timeout = options.busyTimeoutMs ?? 5000;
    if (!memory) mkdirSync(dirname(path), { recursive: true });
    const writer = new Database(path, { timeout });
    if (options.rebuilding && !memory) {
      // A rebuild's target is discarded unless complete: no WAL (each page written once, not to the
      // WAL and again at checkpoints), the rollback journal in memory (rollbacks still work), no syncs.
      // (Measured on 200k events: within noise of WAL with synchronous = OFF; a 256 MiB cache gained nothing.)
      writer.pragma('journal_mode = MEMORY');
      writer.pragma('synchronous = OFF');
      writer.pragma('cache_size = -65536');
    } else if (!memory) {
      writer.pragma('journal_mode = WAL');
      // Read models are rebuildable from the event log: a lost last commit on power failure is acceptable.
      writer.pragma('synchronous = NORMAL');
      // Replay inserts into every index of big tables: a 2 MiB page cache (the default) sends most of
      // those page visits to the OS. Pages are only held once used, so a small store stays small.
      writer.pragma('cache_size = -65536');
      // Every batch rewrites the same index pages; checkpointing every 40 MiB of WAL instead of every
      // 4 MiB copies each such page into the file once per several batches, not once per batch.
      writer.pragma('wal_autocheckpoint = 10000');
    }
    this.layoutReset = ensureLayout(writer);
    this.writer = new SqliteConnection(writer, this.plans);
    if (memory) {
      this.reader = this.writer;
    } else {
      const reader = new Database(path, { timeout });
      reader.pragma('query_only = ON');
      this.reader = new SqliteConnection(reader, this.plans);
    }
    // With no transaction open or queued, an autocommit write runs at once (it is synchronous).
    const write = async <T>(work: (conn: SqliteConnection) => T): Promise<T> =>
      this.lock.idle ? work(this.writer) : this.lock.run(() => work(this.writer));
    this.session = {
      write,
      read: memory ? write : async (work) => work(this.reader),
      rolledBack: (conn) => this.reloadStates(conn),
    };
  }

  collection<T extends Document = Document>(name: string): DocumentCollection<T> {
    let collection = this.collections.get(name);
    if (!collection) this.collections.set(name, (collection = new SqliteCollection(this.state(name), this.session)));
    return collection as unknown as DocumentCollection<T>;
  }

  async listCollectionNames(): Promise<string[]> {
    return this.session.read((conn) => tableNames(conn));
  }

  /**
   * Runs `work` in one SQLite transaction on the writer: everything it writes through the store it
   * is given commits together, or is rolled back if it throws; its reads see its own writes. Only
   * one transaction runs at a time. `work` must use the store it is given: a write through this
   * (outer) store while the transaction is open waits for it to finish.
   */
  transaction<T>(work: (store: DocumentStore) => Promise<T>): Promise<T> {
    return this.lock.run(async () => {
      const conn = this.writer;
      conn.db.exec('BEGIN IMMEDIATE');
      const scope = new TransactionScope(this, conn);
      try {
        const result = await work(scope);
        conn.db.exec('COMMIT');
        for (const committed of scope.afterCommit) committed();
        return result;
      } catch (error) {
        if (conn.db.inTransaction) conn.db.exec('ROLLBACK');
        this.reloadStates(conn);
        throw error;
      } finally {
        scope.finished = true;
      }
    });
  }

  beginBulkLoad(collections: readonly string[]): Promise<void> {
    return this.transaction((tx) => tx.beginBulkLoad!(collections));
  }

  endBulkLoad(collections: readonly string[]): Promise<void> {
    return this.transaction((tx) => tx.endBulkLoad!(collections));
  }

  /** Every distinct SELECT this store has prepared, with SQLite's plan for it (for index audits). */
  queryPlans(): QueryPlan[] {
    return [...this.plans.values()];
  }

  async close(): Promise<void> {
    if (this.reader !== this.writer) this.reader.close();
    this.writer.close();
    this.collections.clear();
    this.states.clear();
  }

  /** @internal */
  state(name: string): CollectionState {
    let state = this.states.get(name);
    if (!state) {
      state = new CollectionState(name);
      state.reload(this.writer);
      this.states.set(name, state);
    }
    return state;
  }

  /** @internal Forgets the plans recorded for `collection` (its indexes changed: the next use records the new plan). */
  forgetPlans(collection: string): void {
    for (const [sql, plan] of this.plans) if (plan.collection === collection) this.plans.delete(sql);
  }

  /** @internal After a rollback: what is cached about every collection is reloaded from the database. */
  reloadStates(conn: SqliteConnection): void {
    for (const state of this.states.values()) state.reload(conn);
  }
}

/** The store handed to `transaction`'s work: every read and write on the writer, inside the transaction. */
class TransactionScope implements DocumentStore {
  readonly kind = 'embedded';
  finished = false;
  /** Run once the transaction has committed. */
  readonly afterCommit: (() => void)[] = [];
  private readonly collections = new Map<string, SqliteCollection>();
  private readonly session: SqliteSession;
  /**
   * True when the file held read models of another layout (see STORE_LAYOUT), which were dropped
   * on opening: their checkpoints went with them, so the projection runner rebuilds them from the event log.
   */
  readonly layoutReset: boolean;

  constructor(
    private readonly store: SqliteDocumentStore,
    conn: SqliteConnection,
  ) {
    const run = async <T>(work: (c: SqliteConnection) => T): Promise<T> => {
      if (this.finished) throw new Error('this transaction has ended; use the store it was started from');
      return work(conn);
    };
    // A failed operation inside a transaction only rolled back its own savepoint.
    this.session = { read: run, write: run, rolledBack: () => this.store.reloadStates(conn) };
  }

  collection<T extends Document = Document>(name: string): DocumentCollection<T> {
    let collection = this.collections.get(name);
    if (!collection)
      this.collections.set(name, (collection = new SqliteCollection(this.store.state(name), this.session)));
    return collection as unknown as DocumentCollection<T>;
  }

  listCollectionNames(): Promise<string[]> {
    return this.session.read((conn) => tableNames(conn));
  }

  beginBulkLoad(collections: readonly string[]): Promise<void> {
    return this.session.write((conn) => {
      for (const name of collections) this.store.state(name).beginBulk(conn);
    });
  }

  endBulkLoad(collections: readonly string[]): Promise<void> {
    return this.session.write((conn) => {
      for (const name of collections) {
        // The plans recorded without the new indexes are forgotten once they are visible to readers.
        if (this.store.state(name).endBulk(conn)) this.afterCommit.push(() => this.store.forgetPlans(name));
      }
    });
  }

  /** Nested transactions join this one. */
  transaction<T>(work: (store: DocumentStore) => Promise<T>): Promise<T> {
    return work(this);
  }

  async close(): Promise<void> {
    throw new Error('close the store the transaction was started from');
  }
}

/**
 * Creates the catalog; a file written by another layout (an unversioned one with tables included)
 * first loses every table: nothing in it can be read as this layout. Answers whether that happened.
 */
function ensureLayout(db: Database.Database): boolean {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version === STORE_LAYOUT) {
    db.exec(CATALOG_SCHEMA);
    return false;
  }
  let dropped = false;
  db.transaction(() => {
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`)
      .all() as { name: string }[];
    for (const { name } of tables) db.exec(`DROP TABLE ${quoteIdentifier(name)}`);
    dropped = tables.length > 0;
    db.exec(CATALOG_SCHEMA);
    db.pragma(`user_version = ${STORE_LAYOUT}`);
  })();
  return dropped;
}

function tableNames(conn: SqliteConnection): string[] {
  const rows = conn.unaudited<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`);
  return rows.map((r) => r.name).filter((name) => !name.startsWith(INTERNAL_PREFIX) && !name.startsWith('sqlite_'));
}
