import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  type EventMetadata,
  type NewEvent,
  type Position,
  type RecordedEvent,
  WrongExpectedRevisionError,
  positionParts,
} from '../../../core/src/index.js';
import type {
  AppendOptions,
  AppendResult,
  BatchHandler,
  EventStore,
  ExpectedRevision,
  IdempotencyClaim,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../event-store.port.js';
import { SQLITE_PRAGMAS, SQLITE_SCHEMA } from './sqlite-schema.js';
import { SqliteIdempotencyKeys } from './sqlite-idempotency-keys.js';
import { SqliteSnapshotStore } from './sqlite-snapshot-store.js';

interface EventRow {
  position: number;
  event_id: string;
  stream: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
}

const DEFAULT_BATCH = 1000;
/** Catch-up (e.g. rebuilding the embedded read models at boot) reads in bigger slices. */
// A batch is synchronous work underneath: 1,000 events keep HTTP answered (~0.2 s apart) during catch-up.
const SUBSCRIPTION_BATCH = 1000;
/** Another process (a separate projector) may append to the same file: poll as a fallback. */
const POLL_MS = 250;

/** The embedded event store: one SQLite file, WAL, synchronous=FULL, immediate transactions. */
export class SqliteEventStore implements EventStore {
  readonly kind = 'sqlite';
  /** Snapshots of aggregate state, in the same file (table `snapshots`). */
  readonly snapshots: SqliteSnapshotStore;
  /** Commands' Idempotency-Keys, recorded in the append transaction (table `idempotency_keys`). */
  readonly idempotencyKeys: SqliteIdempotencyKeys;
  private readonly db: Database.Database;
  private readonly appended = new EventEmitter();
  private readonly subscriptions = new Set<Subscription>();
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly appendTransaction: Database.Transaction<
    (stream: string, events: readonly NewEvent[], expected: ExpectedRevision, idempotency: IdempotencyClaim | undefined) => AppendResult
  >;

  constructor(
    readonly file: string,
    /** Events per subscription batch (tests use small batches to see batch boundaries). */
    private readonly subscriptionBatch = SUBSCRIPTION_BATCH,
  ) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    for (const pragma of SQLITE_PRAGMAS) this.db.pragma(pragma);
    this.db.exec(SQLITE_SCHEMA);
    this.appended.setMaxListeners(0);
    this.statements = prepareStatements(this.db);
    this.snapshots = new SqliteSnapshotStore(this.db);
    this.idempotencyKeys = new SqliteIdempotencyKeys(this.db, toPosition);
    this.appendTransaction = this.db.transaction((stream, events, expected, idempotency) => {
      const result = this.appendRows(stream, events, expected);
      if (idempotency) this.idempotencyKeys.record(idempotency, stream, result.nextRevision - events.length + 1, result.nextRevision);
      return result;
    });
  }

  async append(stream: string, events: readonly NewEvent[], expected: ExpectedRevision, options: AppendOptions = {}): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    const result = this.appendTransaction.immediate(stream, events, expected, options.idempotency);
    this.appended.emit('appended');
    return result;
  }

  private appendRows(stream: string, events: readonly NewEvent[], expected: ExpectedRevision): AppendResult {
      const replay = this.idempotentReplay(stream, events);
      if (replay) return replay;
      const current = this.statements.lastRevision.get(stream)?.revision;
      assertExpected(stream, expected, current);
      let revision = current ?? -1;
      let position = 0;
      for (const event of events) {
        revision += 1;
        const info = this.statements.insert.run(
          event.id,
          stream,
          revision,
          event.type,
          JSON.stringify(event.data),
          JSON.stringify(event.metadata),
          event.metadata.occurredAt,
        );
        position = Number(info.lastInsertRowid);
      }
      return { nextRevision: revision, position: toPosition(position) };
  }

  /** A retried append with the same event ids returns the original result instead of failing. */
  private idempotentReplay(stream: string, events: readonly NewEvent[]): AppendResult | undefined {
    const rows = events.map((e) => this.statements.byId.get(e.id));
    if (rows.every((row) => row === undefined)) return undefined;
    const consistent =
      rows.every((row) => row !== undefined && row.stream === stream) &&
      rows.every((row, i) => i === 0 || row!.revision === rows[i - 1]!.revision + 1);
    if (!consistent) throw new Error(`event ids already used differently in ${stream}`);
    const last = rows[rows.length - 1]!;
    return { nextRevision: last.revision, position: toPosition(last.position) };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromRevision ?? 0;
    if (options.mentioning) return this.readMentioning(stream, from, options.until, options.mentioning).map(toRecorded);
    const rows = options.until
      ? this.statements.readStreamUntil.all(stream, from, options.until.toISOString())
      : this.statements.readStream.all(stream, from);
    return rows.map(toRecorded);
  }

  /** Filters inside SQLite (json_extract) so a replay for one person parses only that person's events. */
  private readMentioning(stream: string, from: number, until: Date | undefined, mentioning: { paths: readonly string[]; value: string }): EventRow[] {
    const paths = mentioning.paths.filter((p) => /^[A-Za-z0-9_.]+$/.test(p));
    if (paths.length === 0) return [];
    const any = paths.map(() => `json_extract(data, ?) = ?`).join(' OR ');
    const sql = `SELECT * FROM events WHERE stream = ? AND revision >= ?${until ? ' AND occurred_at <= ?' : ''} AND (${any}) ORDER BY revision`;
    const params: (string | number)[] = [stream, from, ...(until ? [until.toISOString()] : []), ...paths.flatMap((p) => [`$.${p}`, mentioning.value])];
    return this.db.prepare<(string | number)[], EventRow>(sql).all(...params);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.readAllSync(options.after, options.limit ?? DEFAULT_BATCH);
  }

  private readAllSync(after: Position | undefined, limit: number): RecordedEvent[] {
    const from = after ? Number(positionParts(after).commit) : 0;
    return this.statements.readAll.all(from, limit).map(fromRaw);
  }

  async headPosition(): Promise<Position | undefined> {
    const head = this.statements.head.get()?.position;
    return head == null ? undefined : toPosition(head);
  }

  subscribeToAll(handler: BatchHandler, options: SubscribeOptions = {}): Subscription {
    let stopped = false;
    let after = options.after;
    let wake: (() => void) | undefined;
    const onAppend = () => wake?.();
    this.appended.on('appended', onAppend);

    const loop = (async () => {
      while (!stopped) {
        const batch = this.readAllSync(after, this.subscriptionBatch);
        if (batch.length > 0) {
          await handler(batch);
          after = batch[batch.length - 1]!.position;
          // Reading and projecting are synchronous underneath: let HTTP requests in between batches.
          await new Promise<void>((resolve) => setImmediate(resolve));
          continue;
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, POLL_MS);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
      }
    })().catch((error: unknown) => {
      stopped = true;
      options.onError?.(error);
    });

    const subscription: Subscription = {
      stop: async () => {
        stopped = true;
        wake?.();
        this.appended.off('appended', onAppend);
        this.subscriptions.delete(subscription);
        await loop;
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** The durability settings in force, for /health and tests. */
  pragmas(): { journal_mode: string; synchronous: number } {
    return {
      journal_mode: this.db.pragma('journal_mode', { simple: true }) as string,
      synchronous: this.db.pragma('synchronous', { simple: true }) as number,
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    if (this.db.open) this.db.close();
  }
}

function prepareStatements(db: Database.Database) {
  return {
    lastRevision: db.prepare<[string], { revision: number }>(
      'SELECT revision FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1',
    ),
    byId: db.prepare<[string], EventRow>('SELECT * FROM events WHERE event_id = ?'),
    insert: db.prepare<[string, string, number, string, string, string, string]>(
      `INSERT INTO events (event_id, stream, revision, type, data, metadata, occurred_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    readStream: db.prepare<[string, number], EventRow>(
      'SELECT * FROM events WHERE stream = ? AND revision >= ? ORDER BY revision',
    ),
    readStreamUntil: db.prepare<[string, number, string], EventRow>(
      'SELECT * FROM events WHERE stream = ? AND revision >= ? AND occurred_at <= ? ORDER BY revision',
    ),
    // Raw rows (arrays, not objects): the replay hot path reads millions of them.
    readAll: db
      .prepare<[number, number], RawEventRow>(
        `SELECT position, event_id, stream, revision, type, data, metadata FROM events
         WHERE position > ? ORDER BY position LIMIT ?`,
      )
      .raw(true),
    head: db.prepare<[], { position: number | null }>('SELECT MAX(position) AS position FROM events'),
  };
}

function assertExpected(stream: string, expected: ExpectedRevision, current: number | undefined): void {
  const actual = current === undefined ? 'no_stream' : String(current);
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && current === undefined) ||
    (expected === 'stream_exists' && current !== undefined) ||
    (typeof expected === 'number' && expected === current);
  if (!ok) throw new WrongExpectedRevisionError(stream, String(expected), actual);
}

/** SQLite has one sequence: it is both commit and prepare part (same format as positionOf, no bigint on the hot path). */
function toPosition(sequence: number): Position {
  const part = String(sequence).padStart(20, '0');
  return `${part}-${part}` as Position;
}

type RawEventRow = [number, string, string, number, string, string, string];

function fromRaw([position, id, stream, revision, type, data, metadata]: RawEventRow): RecordedEvent {
  return {
    id,
    stream,
    revision,
    position: toPosition(position),
    type,
    data: JSON.parse(data) as Record<string, unknown>,
    metadata: JSON.parse(metadata) as EventMetadata,
  };
}

function toRecorded(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    stream: row.stream,
    revision: row.revision,
    position: toPosition(row.position),
    type: row.type,
    data: JSON.parse(row.data) as Record<string, unknown>,
    metadata: JSON.parse(row.metadata) as EventMetadata,
  };
}
