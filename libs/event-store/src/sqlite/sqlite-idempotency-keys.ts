import type Database from 'better-sqlite3';
import { DomainError, type EventMetadata, type NewEvent, type Position } from '#core';
import type { IdempotencyClaim, IdempotencyKeys, IdempotentRecord } from '../event-store.port.js';

interface KeyRow {
  fingerprint: string;
  stream: string;
  first_revision: number;
  last_revision: number;
  recorded_at: string;
}

interface EventRow {
  position: number;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
}

/** Forgotten keys are deleted at most this often (on a lookup), through the recorded_at index. */
const PRUNE_EVERY_MS = 60_000;

/**
 * Idempotency keys in the event store's own SQLite file (table `idempotency_keys`), on its
 * connection. `record` runs inside the append transaction, so a key is stored exactly when the
 * command's events are; a key already stored aborts that transaction (IDEMPOTENCY_KEY_IN_USE).
 */
export class SqliteIdempotencyKeys implements IdempotencyKeys {
  private readonly statements: ReturnType<typeof prepareStatements>;
  private lastPrune = 0;

  constructor(
    db: Database.Database,
    private readonly toPosition: (sequence: number) => Position,
  ) {
    this.statements = prepareStatements(db);
  }

  async find(scope: string, key: string, since: string): Promise<IdempotentRecord | undefined> {
    this.pruneBefore(since);
    const row = this.statements.find.get(scope, key);
    if (row === undefined) return undefined;
    if (row.recorded_at < since) {
      // Forgotten: free the key for the command about to run under it.
      this.statements.forget.run(scope, key, since);
      return undefined;
    }
    const events = this.statements.events.all(row.stream, row.first_revision, row.last_revision);
    const last = events.at(-1);
    if (last === undefined) return undefined;
    return {
      fingerprint: row.fingerprint,
      recordedAt: row.recorded_at,
      stream: row.stream,
      events: events.map(toNewEvent),
      position: this.toPosition(last.position),
    };
  }

  /** Inside the append transaction, after the events' inserts. */
  record(claim: IdempotencyClaim, stream: string, firstRevision: number, lastRevision: number): void {
    try {
      this.statements.insert.run(
        claim.scope,
        claim.key,
        claim.fingerprint,
        stream,
        firstRevision,
        lastRevision,
        claim.recordedAt,
      );
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw error;
      throw new DomainError(
        'IDEMPOTENCY_KEY_IN_USE',
        'Another request with this Idempotency-Key was recorded while this one ran; nothing was recorded for this one. Retry it to get the first answer.',
      );
    }
  }

  private pruneBefore(since: string): void {
    const now = Date.now();
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    this.statements.prune.run(since);
  }
}

function prepareStatements(db: Database.Database) {
  return {
    find: db.prepare<[string, string], KeyRow>(
      'SELECT fingerprint, stream, first_revision, last_revision, recorded_at FROM idempotency_keys WHERE scope = ? AND key = ?',
    ),
    events: db.prepare<[string, number, number], EventRow>(
      'SELECT position, event_id, type, data, metadata FROM events WHERE stream = ? AND revision BETWEEN ? AND ? ORDER BY revision',
    ),
    insert: db.prepare<[string, string, string, string, number, number, string]>(
      `INSERT INTO idempotency_keys (scope, key, fingerprint, stream, first_revision, last_revision, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    prune: db.prepare<[string]>('DELETE FROM idempotency_keys WHERE recorded_at < ?'),
    forget: db.prepare<[string, string, string]>(
      'DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND recorded_at < ?',
    ),
  };
}

function toNewEvent(row: EventRow): NewEvent {
  return {
    id: row.event_id,
    type: row.type,
    data: JSON.parse(row.data) as object,
    metadata: JSON.parse(row.metadata) as EventMetadata,
  };
}
