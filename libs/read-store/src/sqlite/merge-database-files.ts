import Database from 'better-sqlite3';
import {
  BULK_TABLE,
  COLUMNS_TABLE,
  DEFERRED_INDEXES_TABLE,
  FIELDS_TABLE,
  MULTIKEY_PATHS_TABLE,
  MULTIKEY_TABLE,
} from './collection-state.js';
import { INTERNAL_PREFIX, quoteIdentifier } from './sql-names.js';

interface SchemaObject {
  readonly type: 'table' | 'index';
  readonly name: string;
  readonly tbl_name: string;
  readonly sql: string;
}

/**
 * Moves the read models of closed store files (`parts`, each built by its own projections, see
 * the parallel rebuild) into the closed store file `target`, in one transaction per part. A
 * collection new to the target is created with the part's own table and indexes and copied whole
 * (SQLite then transfers the rows and index entries as they are, without re-sorting); one both
 * files hold (the checkpoints) gets the part's rows added, and any clash of ids fails the merge.
 * The catalog rows follow their collections. A part still loading in bulk is refused.
 */
export function mergeDatabaseFiles(target: string, parts: readonly string[]): void {
  const db = new Database(target);
  try {
    db.pragma('journal_mode = MEMORY');
    db.pragma('synchronous = OFF');
    for (const part of parts) {
      db.prepare(`ATTACH DATABASE ? AS part`).run(part);
      try {
        db.transaction(() => mergeAttachedPart(db, part))();
      } finally {
        db.exec('DETACH DATABASE part');
      }
    }
  } finally {
    db.close();
  }
}

function mergeAttachedPart(db: Database.Database, part: string): void {
  for (const table of [BULK_TABLE, DEFERRED_INDEXES_TABLE]) {
    const pending = db.prepare(`SELECT count(*) AS n FROM part.${table}`).get() as { n: number };
    if (pending.n > 0) throw new Error(`${part} is still loading in bulk (${table}): it cannot be merged`);
  }
  const objects = db
    .prepare(
      `SELECT type, name, tbl_name, sql FROM part.sqlite_master
       WHERE type IN ('table', 'index') AND sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`,
    )
    .all() as SchemaObject[];
  const inTarget = new Set(
    (db.prepare(`SELECT name FROM main.sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map(
      (r) => r.name,
    ),
  );
  for (const table of objects.filter((o) => o.type === 'table' && !o.name.startsWith(INTERNAL_PREFIX))) {
    const name = quoteIdentifier(table.name);
    if (inTarget.has(table.name)) {
      const columns = columnsOf(db, 'part', table.name);
      db.exec(`INSERT INTO main.${name} (${columns}) SELECT ${columns} FROM part.${name}`);
      continue;
    }
    db.exec(table.sql);
    for (const index of objects.filter((o) => o.type === 'index' && o.tbl_name === table.name)) db.exec(index.sql);
    db.exec(`INSERT INTO main.${name} SELECT * FROM part.${name}`);
  }
  db.exec(`INSERT INTO main.${FIELDS_TABLE} (collection, path, kinds) SELECT collection, path, kinds FROM part.${FIELDS_TABLE} WHERE true
           ON CONFLICT DO UPDATE SET kinds = kinds | excluded.kinds`);
  for (const table of [MULTIKEY_PATHS_TABLE, MULTIKEY_TABLE, COLUMNS_TABLE])
    db.exec(`INSERT OR IGNORE INTO main.${table} SELECT * FROM part.${table}`);
}

function columnsOf(db: Database.Database, schema: string, table: string): string {
  const columns = db.prepare(`SELECT name FROM pragma_table_info(?, ?)`).all(table, schema) as { name: string }[];
  return columns.map((c) => quoteIdentifier(c.name)).join(', ');
}
