import type { Document } from '../document-store.port.js';
import { getPath } from '../documents/upsert-seed.js';
import { FieldKinds, KIND } from './field-kinds.js';
import type { SqlCondition } from './filter-to-sql.js';
import { columnOf, columnValue } from './indexed-columns.js';
import type { SqliteConnection } from './sqlite-connection.js';
import { type EncodedId, INTERNAL_PREFIX, jsonPath, quoteIdentifier } from './sql-names.js';

export const FIELDS_TABLE = `${INTERNAL_PREFIX}_fields`;
export const MULTIKEY_TABLE = `${INTERNAL_PREFIX}_multikey`;
export const MULTIKEY_PATHS_TABLE = `${INTERNAL_PREFIX}_multikey_paths`;
export const COLUMNS_TABLE = `${INTERNAL_PREFIX}_columns`;
/** Collections being loaded in bulk (see CollectionState.bulk). */
export const BULK_TABLE = `${INTERNAL_PREFIX}_bulk`;
/** The CREATE INDEX statements a bulk load defers until it ends. */
export const DEFERRED_INDEXES_TABLE = `${INTERNAL_PREFIX}_deferred_indexes`;

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
  CREATE TABLE IF NOT EXISTS ${COLUMNS_TABLE} (
    collection TEXT NOT NULL, path TEXT NOT NULL, ordinal INTEGER NOT NULL, PRIMARY KEY (collection, path)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS ${BULK_TABLE} (collection TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS ${DEFERRED_INDEXES_TABLE} (
    collection TEXT NOT NULL, name TEXT NOT NULL, sql TEXT NOT NULL, PRIMARY KEY (collection, name)
  ) WITHOUT ROWID;
`;

/**
 * What the store knows about one collection, shared by every session (outside and inside
 * transactions): its indexed paths, each kept in a column of its own that every write fills (see
 * indexed-columns), the kinds its paths have held and which indexed paths hold arrays. Indexes on
 * such paths are MongoDB multikey indexes; SQLite cannot index JSON array elements,
 * so their elements are kept in a side table (collection, path, value, id), written with the document.
 */
export class CollectionState {
  readonly table: string;
  readonly kinds = new FieldKinds();
  readonly multikeyPaths = new Set<string>();
  /** Paths named by createIndex, in column order: each has a column; they become multikey once they hold an array. */
  readonly indexedPaths = new Set<string>();
  private statements?: WriteStatements;
  /** The table is known to exist on the writer (reset after any rollback). */
  ready = false;
  /** The schema cookie at which a read found this collection's table missing (see select-documents' guarded). */
  missingAtSchema?: number;
  /**
   * Loaded in bulk: the read model is being built from zero by its projection. Until `endBulk`,
   * non-unique indexes are only recorded (see `deferIndex`) and array paths get no side-table
   * entries, so queries meanwhile are answered without them (slower, still exact); `endBulk` then
   * builds them in one pass each. Persisted, so a load interrupted by a restart stays bulk.
   */
  bulk = false;

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

  /** Gives `path` its column (filled from the stored documents) unless it has one. */
  addColumn(conn: SqliteConnection, path: string): void {
    if (this.indexedPaths.has(path)) return;
    this.ensureTable(conn);
    const column = columnOf(path);
    conn.db.exec(`ALTER TABLE ${this.table} ADD COLUMN ${column}`);
    conn.run(`INSERT INTO ${COLUMNS_TABLE} (collection, path, ordinal) VALUES (?, ?, ?)`, [
      this.name,
      path,
      this.indexedPaths.size,
    ]);
    const rows = conn.unaudited<{ id: EncodedId; doc: string }>(`SELECT id, doc FROM ${this.table}`);
    for (const row of rows)
      conn.run(`UPDATE ${this.table} SET ${column} = ? WHERE id = ?`, [
        columnValue(JSON.parse(row.doc) as Document, path),
        row.id,
      ]);
    this.indexedPaths.add(path);
    this.statements = undefined;
  }

  /** The column holding `path`'s value (what `json_extract` would give), when the path is indexed. */
  columnFor(path: string): string | undefined {
    return this.indexedPaths.has(path) ? columnOf(path) : undefined;
  }

  /** The SQL that writes a document with its columns; parameters: see `writeParams`. */
  get write(): WriteStatements {
    return (this.statements ??= writeStatements(this.table, [...this.indexedPaths].map(columnOf)));
  }

  /** The values of the indexed columns for `document`, in column order. */
  columnValues(document: Document): (string | number | null)[] {
    const values: (string | number | null)[] = [];
    for (const path of this.indexedPaths) values.push(columnValue(document, path));
    return values;
  }

  /** Records the kinds of `document`'s paths (persisting new ones) before it is written. */
  observe(conn: SqliteConnection, document: Document): void {
    this.kinds.observe(document, (path, kinds) => {
      conn.run(
        `INSERT INTO ${FIELDS_TABLE} (collection, path, kinds) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET kinds = kinds | excluded.kinds`,
        [this.name, path, kinds],
      );
      if ((kinds & KIND.array) !== 0 && this.indexedPaths.has(path) && !this.bulk) this.makeMultikey(conn, path);
    });
  }

  /** Starts keeping `path`'s elements in the side table, filling it from the stored documents. */
  makeMultikey(conn: SqliteConnection, path: string): void {
    if (this.multikeyPaths.has(path)) return;
    this.ensureTable(conn);
    conn.run(`INSERT OR IGNORE INTO ${MULTIKEY_PATHS_TABLE} (collection, path) VALUES (?, ?)`, [this.name, path]);
    // One pass inside SQLite: the same elements insertElements keeps (strings and numbers, the
    // value itself when it is not an array), without parsing any document in JS. When the path has
    // only ever held arrays (or null), its column holds each array's JSON text: reading that is
    // much cheaper than parsing every whole document.
    const json = jsonPath(path);
    if (json === undefined) throw new Error(`cannot index ${path}`);
    const onlyArrays = this.indexedPaths.has(path) && (this.kinds.at(path) & ~(KIND.array | KIND.null)) === 0;
    const source = onlyArrays
      ? `json_each(t.${columnOf(path)}) AS e WHERE t.${columnOf(path)} IS NOT NULL`
      : `json_each(t.doc, ${json}) AS e WHERE json_type(t.doc, ${json}) IN ('array', 'text', 'integer', 'real')`;
    conn.run(
      `INSERT OR IGNORE INTO ${MULTIKEY_TABLE} (collection, path, value, id)
       SELECT ?, ?, e.value, t.id FROM ${this.table} AS t, ${source} AND e.type IN ('text', 'integer', 'real')`,
      [this.name, path],
    );
    this.multikeyPaths.add(path);
    // An index led by an array's JSON text serves no query (the side table does): only unique ones stay.
    const indexes = conn.unaudited<{ name: string; sql: string }>(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`,
      [this.name],
    );
    for (const { name, sql } of indexes)
      if (this.ledByMultikey(sql) && !/^CREATE UNIQUE/i.test(sql)) conn.db.exec(`DROP INDEX ${quoteIdentifier(name)}`);
  }

  /** Whether an index (its CREATE INDEX text, or its first indexed path) starts with a multikey path. */
  ledByMultikey(sqlOrPath: string): boolean {
    for (const path of this.multikeyPaths) {
      if (
        sqlOrPath === path ||
        sqlOrPath.includes(`(${columnOf(path)},`) ||
        sqlOrPath.includes(`(${columnOf(path)})`) ||
        sqlOrPath.includes(`(${columnOf(path)} `)
      )
        return true;
    }
    return false;
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
    this.indexedPaths.clear();
    this.statements = undefined;
    this.ready = false;
    this.bulk = conn.unaudited(`SELECT 1 FROM ${BULK_TABLE} WHERE collection = ?`, [this.name]).length > 0;
    const kinds = conn.unaudited<{ path: string; kinds: number }>(
      `SELECT path, kinds FROM ${FIELDS_TABLE} WHERE collection = ?`,
      [this.name],
    );
    for (const row of kinds) this.kinds.add(row.path, row.kinds);
    const paths = conn.unaudited<{ path: string }>(`SELECT path FROM ${MULTIKEY_PATHS_TABLE} WHERE collection = ?`, [
      this.name,
    ]);
    for (const row of paths) this.multikeyPaths.add(row.path);
    // Indexed paths from the catalog, so a reopened store needs no createIndex call.
    const columns = conn.unaudited<{ path: string }>(
      `SELECT path FROM ${COLUMNS_TABLE} WHERE collection = ? ORDER BY ordinal`,
      [this.name],
    );
    for (const row of columns) this.indexedPaths.add(row.path);
  }

  /** Drops the table (with its indexes) and everything known about it. */
  drop(conn: SqliteConnection): void {
    conn.db.exec(`DROP TABLE IF EXISTS ${this.table}`);
    for (const table of [
      FIELDS_TABLE,
      MULTIKEY_PATHS_TABLE,
      MULTIKEY_TABLE,
      COLUMNS_TABLE,
      BULK_TABLE,
      DEFERRED_INDEXES_TABLE,
    ]) {
      conn.run(`DELETE FROM ${table} WHERE collection = ?`, [this.name]);
    }
    this.bulk = false;
    this.kinds.clear();
    this.multikeyPaths.clear();
    this.indexedPaths.clear();
    this.statements = undefined;
    this.ready = false;
  }

  /** Starts a bulk load (see `bulk`); meant for an empty collection, as its projection starts from zero. */
  beginBulk(conn: SqliteConnection): void {
    conn.run(`INSERT OR IGNORE INTO ${BULK_TABLE} (collection) VALUES (?)`, [this.name]);
    this.bulk = true;
  }

  /** Records a non-unique index to be created when the bulk load ends. */
  deferIndex(conn: SqliteConnection, name: string, sql: string): void {
    conn.run(`INSERT OR REPLACE INTO ${DEFERRED_INDEXES_TABLE} (collection, name, sql) VALUES (?, ?, ?)`, [
      this.name,
      name,
      sql,
    ]);
  }

  /**
   * Ends a bulk load: fills the side table for every indexed path that holds arrays, then creates
   * the deferred indexes (but those a multikey path leads, which the side table serves instead).
   * Answers whether the collection was being loaded in bulk.
   */
  endBulk(conn: SqliteConnection): boolean {
    if (!this.bulk) return false;
    this.ensureTable(conn);
    for (const path of this.indexedPaths) if ((this.kinds.at(path) & KIND.array) !== 0) this.makeMultikey(conn, path);
    const deferred = conn.unaudited<{ sql: string }>(
      `SELECT sql FROM ${DEFERRED_INDEXES_TABLE} WHERE collection = ? ORDER BY name`,
      [this.name],
    );
    for (const { sql } of deferred) if (!this.ledByMultikey(sql)) conn.db.exec(sql);
    conn.run(`DELETE FROM ${DEFERRED_INDEXES_TABLE} WHERE collection = ?`, [this.name]);
    conn.run(`DELETE FROM ${BULK_TABLE} WHERE collection = ?`, [this.name]);
    this.bulk = false;
    return true;
  }

  private insertElements(conn: SqliteConnection, id: EncodedId, path: string, document: Document): void {
    const value = getPath(document, path);
    for (const element of Array.isArray(value) ? value : [value]) {
      // Only strings and numbers: the side table answers string/number element equality alone.
      if (typeof element !== 'string' && !(typeof element === 'number' && Number.isFinite(element))) continue;
      conn.run(`INSERT OR IGNORE INTO ${MULTIKEY_TABLE} (collection, path, value, id) VALUES (?, ?, ?, ?)`, [
        this.name,
        path,
        element,
        id,
      ]);
    }
  }
}

export interface WriteStatements {
  /** INSERT (id, doc, columns…); with `orIgnore`, nothing happens when the id exists. */
  readonly insert: string;
  readonly insertOrIgnore: string;
  /** UPDATE doc and columns by id; params: doc, columns…, id. */
  readonly update: string;
  /** The same, only when the stored text differs; params: doc, columns…, id, doc. */
  readonly updateIfChanged: string;
}

function writeStatements(table: string, columns: readonly string[]): WriteStatements {
  const names = columns.map((c) => `, ${c}`).join('');
  const marks = columns.map(() => ', ?').join('');
  const sets = columns.map((c) => `, ${c} = ?`).join('');
  const insert = `INSERT INTO ${table} (id, doc${names}) VALUES (?, ?${marks})`;
  return {
    insert,
    insertOrIgnore: `${insert} ON CONFLICT (id) DO NOTHING`,
    update: `UPDATE ${table} SET doc = ?${sets} WHERE id = ?`,
    updateIfChanged: `UPDATE ${table} SET doc = ?${sets} WHERE id = ? AND doc <> ?`,
  };
}
