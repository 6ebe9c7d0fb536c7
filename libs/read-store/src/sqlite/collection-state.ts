import type { Document } from '../document-store.port.js';
import { getPath } from '../documents/upsert-seed.js';
import { FieldKinds, KIND } from './field-kinds.js';
import type { SqlCondition } from './filter-to-sql.js';
import type { SqliteConnection } from './sqlite-connection.js';
import { type EncodedId, INTERNAL_PREFIX, encodeId, quoteIdentifier } from './sql-names.js';

export const FIELDS_TABLE = `${INTERNAL_PREFIX}_fields`;
export const MULTIKEY_TABLE = `${INTERNAL_PREFIX}_multikey`;
export const MULTIKEY_PATHS_TABLE = `${INTERNAL_PREFIX}_multikey_paths`;

export const CATALOG_SCHEMA = `
  CREATE TABLE IF NOT EXISTS ${FIELDS_TABLE} (
    collection TEXT NOT NULL, path TEXT NOT NULL, kinds INTEGER NOT NULL, PRIMARY KEY (collection, path)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS ${MULTIKEY_PATHS_TABLE} (
    collection TEXT NOT NULL, path TEXT NOT NULL, PRIMARY KEY (collection, path)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS ${MULTIKEY_TABLE} (
    collection TEXT NOT NULL, path TEXT NOT NULL, value NOT NULL, id NOT NULL, PRIMARY KEY (collection, path, value, id)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS ${MULTIKEY_TABLE}_by_id ON ${MULTIKEY_TABLE} (collection, id);
`;

/**
 * What the store knows about one collection, shared by every session (outside and inside
 * transactions): the kinds its paths have held and which indexed paths hold arrays. Indexes on
 * such paths are MongoDB multikey indexes; SQLite cannot index JSON array elements by expression,
 * so their elements are kept in a side table (collection, path, value, id), written with the document.
 */
export class CollectionState {
  readonly table: string;
  readonly kinds = new FieldKinds();
  readonly multikeyPaths = new Set<string>();
  /** Paths named by createIndex in this process: they become multikey once they hold an array. */
  readonly indexedPaths = new Set<string>();
  /** The table is known to exist on the writer (reset after any rollback). */
  ready = false;

  constructor(readonly name: string) {
    if (name.startsWith(INTERNAL_PREFIX) || name.startsWith('sqlite_') || name === '') {
      throw new Error(`invalid collection name ${name}`);
    }
    this.table = quoteIdentifier(name);
  }

  ensureTable(conn: SqliteConnection): void {
    if (this.ready) return;
    // No declared type on id: SQLite keeps each key's storage class (see encodeId).
    conn.db.exec(`CREATE TABLE IF NOT EXISTS ${this.table} (id PRIMARY KEY NOT NULL, doc TEXT NOT NULL)`);
    this.ready = true;
  }

  /** Records the kinds of `document`'s paths (persisting new ones) before it is written. */
  observe(conn: SqliteConnection, document: Document): void {
    this.kinds.observe(document, (path, kinds) => {
      conn.run(
        `INSERT INTO ${FIELDS_TABLE} (collection, path, kinds) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET kinds = kinds | excluded.kinds`,
        [this.name, path, kinds],
      );
      if ((kinds & KIND.array) !== 0 && this.indexedPaths.has(path)) this.makeMultikey(conn, path);
    });
  }

  /** Starts keeping `path`'s elements in the side table, filling it from the stored documents. */
  makeMultikey(conn: SqliteConnection, path: string): void {
    if (this.multikeyPaths.has(path)) return;
    this.ensureTable(conn);
    conn.run(`INSERT OR IGNORE INTO ${MULTIKEY_PATHS_TABLE} (collection, path) VALUES (?, ?)`, [this.name, path]);
    const rows = conn.unaudited<{ doc: string }>(`SELECT doc FROM ${this.table}`);
    for (const row of rows) {
      const document = JSON.parse(row.doc) as Document;
      this.insertElements(conn, encodeId(document._id), path, document);
    }
    this.multikeyPaths.add(path);
  }

  /** Keeps the side table in step with a written (or, with `document` undefined, deleted) document. */
  writeElements(conn: SqliteConnection, id: EncodedId, document: Document | undefined, inserted = false): void {
    if (this.multikeyPaths.size === 0) return;
    // A newly inserted row has no elements yet (a delete removed them along with its document).
    if (!inserted) conn.run(`DELETE FROM ${MULTIKEY_TABLE} WHERE collection = ? AND id = ?`, [this.name, id]);
    if (document) for (const path of this.multikeyPaths) this.insertElements(conn, id, path, document);
  }

  elementIn(path: string, values: readonly (string | number)[]): SqlCondition | undefined {
    if (!this.multikeyPaths.has(path)) return undefined;
    return {
      sql: `id IN (SELECT id FROM ${MULTIKEY_TABLE} WHERE collection = ? AND path = ? AND value IN (SELECT value FROM json_each(?)))`,
      params: [this.name, path, JSON.stringify(values)],
    };
  }

  /**
   * Reloads what the database says (after a rollback, which may have undone kinds, multikey paths
   * or the table itself; the database never knows less than its documents hold).
   */
  reload(conn: SqliteConnection): void {
    this.kinds.clear();
    this.multikeyPaths.clear();
    this.ready = false;
    const kinds = conn.unaudited<{ path: string; kinds: number }>(`SELECT path, kinds FROM ${FIELDS_TABLE} WHERE collection = ?`, [this.name]);
    for (const row of kinds) this.kinds.add(row.path, row.kinds);
    const paths = conn.unaudited<{ path: string }>(`SELECT path FROM ${MULTIKEY_PATHS_TABLE} WHERE collection = ?`, [this.name]);
    for (const row of paths) this.multikeyPaths.add(row.path);
    // Indexed paths from the persisted index definitions, so a reopened store needs no createIndex call.
    const indexes = conn.unaudited<{ sql: string | null }>(`SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?`, [this.name]);
    for (const { sql } of indexes) for (const path of indexedPathsOf(sql ?? '')) this.indexedPaths.add(path);
  }

  /** Drops the table (with its indexes) and everything known about it. */
  drop(conn: SqliteConnection): void {
    conn.db.exec(`DROP TABLE IF EXISTS ${this.table}`);
    for (const table of [FIELDS_TABLE, MULTIKEY_PATHS_TABLE, MULTIKEY_TABLE]) conn.run(`DELETE FROM ${table} WHERE collection = ?`, [this.name]);
    this.kinds.clear();
    this.multikeyPaths.clear();
    this.indexedPaths.clear();
    this.ready = false;
  }

  private insertElements(conn: SqliteConnection, id: EncodedId, path: string, document: Document): void {
    const value = getPath(document, path);
    for (const element of Array.isArray(value) ? value : [value]) {
      // Only strings and numbers: the side table answers string/number element equality alone.
      if (typeof element !== 'string' && !(typeof element === 'number' && Number.isFinite(element))) continue;
      conn.run(`INSERT OR IGNORE INTO ${MULTIKEY_TABLE} (collection, path, value, id) VALUES (?, ?, ?, ?)`, [this.name, path, element, id]);
    }
  }
}

/** The dotted paths of an index created by createIndex, from its `json_extract(doc, '$.a."b-c"')` terms. */
function indexedPathsOf(sql: string): string[] {
  return [...sql.matchAll(/json_extract\(doc, '\$\.([^']*)'\)/g)].map((m) => m[1]!.split('.').map((s) => s.replace(/^"(.*)"$/, '$1')).join('.'));
}
