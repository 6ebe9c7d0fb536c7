import { randomUUID } from 'node:crypto';
import { DuplicateKeyError } from '#core';
import type { DeleteResult, Document, Filter, UpdateDocument, UpdateResult } from '../document-store.port.js';
import { applyUpdate } from '../documents/apply-update.js';
import { sameValue } from '../documents/document-values.js';
import { setPath, upsertSeed } from '../documents/upsert-seed.js';
import type { CollectionState } from './collection-state.js';
import { plainIdOf, selectDocuments } from './select-documents.js';
import { type SqliteConnection, isNoSuchTable, isUniqueViolation } from './sqlite-connection.js';
import { type EncodedId, encodeId } from './sql-names.js';

/**
 * The write operations, synchronous on one connection; the caller makes each atomic. Rows are
 * only ever INSERTed or UPDATEd in place, never `INSERT OR REPLACE`: REPLACE would silently delete
 * other rows that clash on a unique index instead of failing with DuplicateKeyError.
 */
const NOTHING: UpdateResult = { matchedCount: 0, modifiedCount: 0, upsertedCount: 0 };

export function insertDocument(conn: SqliteConnection, state: CollectionState, input: Document): unknown {
  const document = input._id === undefined ? { _id: randomUUID(), ...input } : input;
  state.ensureTable(conn);
  state.observe(conn, document);
  const id = encodeId(document._id);
  uniquely(state, () => conn.run(state.write.insert, [id, JSON.stringify(document), ...state.columnValues(document)]));
  state.writeElements(conn, id, document, true);
  return document._id;
}

export function replaceDocument(
  conn: SqliteConnection,
  state: CollectionState,
  filter: Filter,
  replacement: Document,
  upsert = false,
): UpdateResult {
  const point = plainIdOf(filter);
  if (point) return replaceById(conn, state, point.id, withId(replacement, filter._id), upsert);
  const [target] = selectDocuments(conn, state, filter, { limit: 1 });
  if (!target) {
    if (!upsert) return NOTHING;
    const seedId = upsertSeed(filter)._id;
    const upsertedId = insertDocument(conn, state, seedId === undefined ? replacement : withId(replacement, seedId));
    return { ...NOTHING, upsertedCount: 1, upsertedId };
  }
  const next = withId(replacement, target.document._id);
  if (sameValue(next, target.document)) return { ...NOTHING, matchedCount: 1 };
  rewrite(conn, state, target.id, next);
  return { ...NOTHING, matchedCount: 1, modifiedCount: 1 };
}

/** The projections' flush path: one UPDATE when the document exists and changed, else one INSERT. */
function replaceById(
  conn: SqliteConnection,
  state: CollectionState,
  id: EncodedId,
  next: Document,
  upsert: boolean,
): UpdateResult {
  if (upsert) state.ensureTable(conn);
  state.observe(conn, next);
  const text = JSON.stringify(next);
  const columns = state.columnValues(next);
  let updated;
  try {
    updated = uniquely(state, () => conn.run(state.write.updateIfChanged, [text, ...columns, id, text]));
  } catch (error) {
    // Without upsert a missing collection is not created, as in MongoDB.
    if (isNoSuchTable(error)) return NOTHING;
    throw error;
  }
  if (updated.changes > 0) {
    state.writeElements(conn, id, next);
    return { ...NOTHING, matchedCount: 1, modifiedCount: 1 };
  }
  if (upsert) {
    if (uniquely(state, () => conn.run(state.write.insertOrIgnore, [id, text, ...columns])).changes > 0) {
      state.writeElements(conn, id, next, true);
      return { ...NOTHING, upsertedCount: 1, upsertedId: next._id };
    }
    return { ...NOTHING, matchedCount: 1 };
  }
  const exists = conn.get(state.name, `SELECT 1 FROM ${state.table} WHERE id = ?`, [id]);
  return exists ? { ...NOTHING, matchedCount: 1 } : NOTHING;
}

export function updateDocuments(
  conn: SqliteConnection,
  state: CollectionState,
  filter: Filter,
  update: UpdateDocument,
  upsert: boolean | undefined,
  many: boolean,
): UpdateResult {
  const { $setOnInsert, ...modifier } = update;
  const targets = selectDocuments(conn, state, filter, many ? {} : { limit: 1 });
  if (targets.length === 0) {
    if (!upsert) return NOTHING;
    const seed = upsertSeed(filter);
    for (const [path, value] of Object.entries($setOnInsert ?? {})) setPath(seed, path, value);
    applyUpdate(seed, modifier);
    return { ...NOTHING, upsertedCount: 1, upsertedId: insertDocument(conn, state, seed) };
  }
  let modifiedCount = 0;
  for (const { id, document } of targets) {
    const originalId = document._id;
    // `document` is this call's own parsed copy, so it is updated in place.
    if (!applyUpdate(document, modifier)) continue;
    if (!sameValue(document._id, originalId)) throw new Error(`${state.name}: _id is immutable`);
    rewrite(conn, state, id, document);
    modifiedCount += 1;
  }
  return { ...NOTHING, matchedCount: targets.length, modifiedCount };
}

export function deleteDocuments(
  conn: SqliteConnection,
  state: CollectionState,
  filter: Filter,
  many: boolean,
): DeleteResult {
  const point = plainIdOf(filter);
  const ids = point ? [point.id] : selectDocuments(conn, state, filter, many ? {} : { limit: 1 }).map((t) => t.id);
  let deletedCount = 0;
  for (const id of ids) {
    try {
      if (conn.run(`DELETE FROM ${state.table} WHERE id = ?`, [id]).changes === 0) continue;
    } catch (error) {
      if (isNoSuchTable(error)) return { deletedCount: 0 };
      throw error;
    }
    state.writeElements(conn, id, undefined);
    deletedCount += 1;
  }
  return { deletedCount };
}

function rewrite(conn: SqliteConnection, state: CollectionState, id: EncodedId, next: Document): void {
  state.observe(conn, next);
  uniquely(state, () => conn.run(state.write.update, [JSON.stringify(next), ...state.columnValues(next), id]));
  state.writeElements(conn, id, next);
}

/** The replacement with the target's `_id` first (MongoDB keeps `_id` and refuses to change it). */
function withId(replacement: Document, id: unknown): Document {
  const { _id: _ignored, ...fields } = replacement;
  return { _id: id, ...fields };
}

/** SQLite's unique-constraint failures (primary key or unique index) as the project's DuplicateKeyError. */
export function uniquely<T>(state: CollectionState, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicateKeyError(state.name, error.message);
    throw error;
  }
}
