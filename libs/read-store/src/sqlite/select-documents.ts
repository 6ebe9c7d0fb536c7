import { Query, find } from 'mingo';
import type { Document, Filter, SortSpec } from '../document-store.port.js';
import { isOperatorObject } from '../documents/upsert-seed.js';
import type { CollectionState } from './collection-state.js';
import { type FilterContext, allConditions, filterToSql, sortToSql } from './filter-to-sql.js';
import { type SqliteConnection, isNoSuchTable } from './sqlite-connection.js';
import type { EncodedId } from './sql-names.js';
import { encodeId, isRegExp } from './sql-names.js';

export interface StoredDocument {
  readonly id: EncodedId;
  readonly document: Document;
}

export interface SelectOptions {
  readonly sort?: SortSpec;
  readonly skip?: number;
  readonly limit?: number;
}

interface Row {
  id: EncodedId;
  doc: string;
}

/** The `_id` of a filter that is exactly `{_id: value}` (a point lookup), else undefined. */
export function plainIdOf(filter: Filter): { id: EncodedId } | undefined {
  const keys = Object.keys(filter);
  if (keys.length !== 1 || keys[0] !== '_id') return undefined;
  const value = filter._id;
  if (value === undefined || isRegExp(value) || isOperatorObject(value)) return undefined;
  return { id: encodeId(value) };
}

/**
 * The documents matching `filter`, as parsed copies. SQL does what it can answer exactly; when a
 * remainder must be tested by mingo or the sort done in JS, skip and limit are applied here after
 * that, never in SQL.
 */
export function selectDocuments(
  conn: SqliteConnection,
  state: CollectionState,
  filter: Filter,
  options: SelectOptions = {},
): StoredDocument[] {
  const point = plainIdOf(filter);
  if (point && !options.skip) {
    const row = guarded(conn, state, () =>
      conn.get<Row>(state.name, `SELECT id, doc FROM ${state.table} WHERE id = ?`, [point.id]),
    );
    return row ? [parse(row)] : [];
  }
  const translated = filterToSql(filter, filterContext(state));
  const where = allConditions(translated.where);
  const order =
    options.sort && Object.keys(options.sort).length > 0
      ? sortToSql(options.sort, state.kinds, (p) => state.columnFor(p))
      : '';
  const exact = translated.rest.length === 0 && order !== undefined;
  const paging = exact && (options.limit || options.skip);
  const sql =
    `SELECT id, doc FROM ${state.table}` +
    (where.sql === '1' ? '' : ` WHERE ${where.sql}`) +
    (order ? ` ORDER BY ${order}` : '') +
    (paging ? ' LIMIT ? OFFSET ?' : '');
  const params = paging ? [...where.params, options.limit || -1, options.skip ?? 0] : where.params;
  let found = (guarded(conn, state, () => conn.all<Row>(state.name, sql, params)) ?? []).map(parse);
  if (exact) return found;
  if (translated.rest.length > 0) {
    const query = new Query({ $and: translated.rest });
    found = found.filter((f) => query.test(f.document));
  }
  if (options.sort && order === undefined) {
    const byDocument = new Map(found.map((f) => [f.document, f]));
    found = (
      find(
        found.map((f) => f.document),
        {},
      )
        .sort(options.sort)
        .all() as Document[]
    ).map((d) => byDocument.get(d)!);
  }
  const start = options.skip ?? 0;
  return found.slice(start, options.limit ? start + options.limit : undefined);
}

export function countDocuments(conn: SqliteConnection, state: CollectionState, filter: Filter): number {
  const translated = filterToSql(filter, filterContext(state));
  if (translated.rest.length > 0) return selectDocuments(conn, state, filter).length;
  const where = allConditions(translated.where);
  const sql = `SELECT count(*) AS n FROM ${state.table}` + (where.sql === '1' ? '' : ` WHERE ${where.sql}`);
  return guarded(conn, state, () => conn.get<{ n: number }>(state.name, sql, where.params))?.n ?? 0;
}

function filterContext(state: CollectionState): FilterContext {
  return { kinds: state.kinds, elementIn: (p, v) => state.elementIn(p, v), column: (p) => state.columnFor(p) };
}

/** A collection that does not exist (yet, or not in the reader's committed state) is empty. */
/**
 * A read of a collection whose table may not exist yet (it is created by the first write): nothing.
 * That the table is missing is remembered with the schema cookie it was seen at, so the next reads
 * (a projection looking up documents no event has written yet) skip preparing a statement that
 * fails, until any schema change.
 */
function guarded<T>(conn: SqliteConnection, state: CollectionState, read: () => T): T | undefined {
  if (state.missingAtSchema !== undefined) {
    if (conn.schemaVersion() === state.missingAtSchema) return undefined;
    state.missingAtSchema = undefined;
  }
  try {
    return read();
  } catch (error) {
    if (!isNoSuchTable(error)) throw error;
    state.missingAtSchema = conn.schemaVersion();
    return undefined;
  }
}

function parse(row: Row): StoredDocument {
  return { id: row.id, document: JSON.parse(row.doc) as Document };
}
