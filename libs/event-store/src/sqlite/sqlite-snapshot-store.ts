import type Database from 'better-sqlite3';
import type { SnapshotStore, StreamSnapshot } from '../snapshot-store.port.js';

interface SnapshotRow {
  stream: string;
  revision: number;
  version: number;
  last_hash: string;
  last_occurred_at: string | null;
  state: string;
}

/**
 * Snapshots in the event store's own SQLite file (table `snapshots`), on its connection. Each save
 * is one statement, hence its own short transaction, issued only after an append has committed.
 */
export class SqliteSnapshotStore implements SnapshotStore {
  private readonly statements: ReturnType<typeof prepareStatements>;

  constructor(db: Database.Database) {
    this.statements = prepareStatements(db);
  }

  async load(stream: string): Promise<StreamSnapshot | undefined> {
    const row = this.statements.load.get(stream);
    if (row === undefined) return undefined;
    return {
      stream: row.stream,
      revision: row.revision,
      version: row.version,
      lastHash: row.last_hash,
      ...(row.last_occurred_at === null ? {} : { lastOccurredAt: row.last_occurred_at }),
      state: JSON.parse(row.state) as unknown,
    };
  }

  async save(snapshot: StreamSnapshot): Promise<void> {
    this.statements.save.run({
      stream: snapshot.stream,
      revision: snapshot.revision,
      version: snapshot.version,
      last_hash: snapshot.lastHash,
      last_occurred_at: snapshot.lastOccurredAt ?? null,
      state: JSON.stringify(snapshot.state),
      written_at: new Date().toISOString(),
    });
  }

  async clear(): Promise<void> {
    this.statements.clear.run();
  }
}

function prepareStatements(db: Database.Database) {
  return {
    load: db.prepare<[string], SnapshotRow>(
      'SELECT stream, revision, version, last_hash, last_occurred_at, state FROM snapshots WHERE stream = ?',
    ),
    // Another process may have written a newer snapshot of the same version meanwhile: keep it.
    save: db.prepare<[Record<string, string | number | null>]>(
      `INSERT INTO snapshots (stream, revision, version, last_hash, last_occurred_at, state, written_at)
       VALUES (@stream, @revision, @version, @last_hash, @last_occurred_at, @state, @written_at)
       ON CONFLICT (stream) DO UPDATE SET
         revision = excluded.revision, version = excluded.version, last_hash = excluded.last_hash,
         last_occurred_at = excluded.last_occurred_at, state = excluded.state, written_at = excluded.written_at
       WHERE excluded.version <> snapshots.version OR excluded.revision > snapshots.revision`,
    ),
    clear: db.prepare('DELETE FROM snapshots'),
  };
}
