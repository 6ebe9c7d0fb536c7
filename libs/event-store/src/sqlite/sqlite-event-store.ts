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
} from '#core';
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
/** Appends sharing one transaction at most: bounds the time the event loop is held by one commit. */
const MAX_GROUP = 256;

export interface GroupCommitOptions {
  /** Appends per transaction at most (default 256). */
  readonly maxGroup?: number;
  /** Milliseconds the first append of a group waits for others (default 0: one event-loop turn). */
  readonly waitMs?: number;
}

interface PendingAppend {
  readonly stream: string;
  readonly events: readonly NewEvent[];
  readonly expected: ExpectedRevision;
  readonly idempotency: IdempotencyClaim | undefined;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

type Settled = { readonly ok: true; readonly result: AppendResult } | { readonly ok: false; readonly error: unknown };
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
  /** One append inside the shared transaction: better-sqlite3 runs a nested transaction as a SAVEPOINT. */
  private readonly appendOne: Database.Transaction<
    (
      stream: string,
      events: readonly NewEvent[],
      expected: ExpectedRevision,
      idempotency: IdempotencyClaim | undefined,
    ) => AppendResult
  >;
  private readonly commitGroup: Database.Transaction<(group: readonly PendingAppend[]) => Settled[]>;
  private readonly queue: PendingAppend[] = [];
  private flushTimer: { cancel(): void } | undefined;
  private readonly commits = { transactions: 0, appends: 0, largest: 0 };
  private readonly maxGroup: number;
  private readonly waitMs: number;

  constructor(
    readonly file: string,
    /** Events per subscription batch (tests use small batches to see batch boundaries). */
    private readonly subscriptionBatch = SUBSCRIPTION_BATCH,
    /**
     * Group commit: at most `maxGroup` appends share one transaction and fsync; the first append of a
     * group waits `waitMs` for others to join (0: until the next turn of the event loop).
     */
    groupCommit: GroupCommitOptions = {},
  ) {
    this.maxGroup = groupCommit.maxGroup ?? MAX_GROUP;
    this.waitMs = groupCommit.waitMs ?? 0;
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    for (const pragma of SQLITE_PRAGMAS) this.db.pragma(pragma);
    this.db.exec(SQLITE_SCHEMA);
    this.appended.setMaxListeners(0);
    this.statements = prepareStatements(this.db);
    this.snapshots = new SqliteSnapshotStore(this.db);
    this.idempotencyKeys = new SqliteIdempotencyKeys(this.db, toPosition);
    this.appendOne = this.db.transaction((stream, events, expected, idempotency) => {
      const result = this.appendRows(stream, events, expected);
      // In the append's own savepoint: the key commits with its events, or neither does.
      if (idempotency)
        this.idempotencyKeys.record(idempotency, stream, result.nextRevision - events.length + 1, result.nextRevision);
      return result;
    });
    this.commitGroup = this.db.transaction((group) => group.map((pending) => this.settle(pending)));
  }

  /**
   * Group commit: an append waits in a queue that drains on the next turn of the event loop
   * (setImmediate; after `waitMs` when configured, at once when `maxGroup` are waiting), so the appends that arrived meanwhile (many HTTP requests, each awaiting its own)
   * share one immediate transaction and one fsync, at most `maxGroup` of them. Each runs inside its
   * own SAVEPOINT with its own expected-revision check: a conflicting append rolls back to its
   * savepoint and fails alone, the others commit. Nobody's promise resolves before the COMMIT
   * returned (synchronous=FULL), so an answered append is durable.
   */
  append(
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    if (events.length === 0) return Promise.reject(new Error('append needs at least one event'));
    if (!this.db.open) return Promise.reject(new Error('the event store is closed'));
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ stream, events, expected, idempotency: options.idempotency, resolve, reject });
      this.scheduleFlush();
    });
  }

  /** What group commit has done so far: transactions, appends in them, the largest group (bench and tests). */
  groupCommitStats(): { transactions: number; appends: number; largest: number } {
    return { ...this.commits };
  }

  private scheduleFlush(): void {
    const full = this.queue.length >= this.maxGroup;
    if (this.flushTimer && !full) return;
    this.flushTimer?.cancel();
    const run = () => {
      this.flushTimer = undefined;
      this.flush();
    };
    if (this.waitMs > 0 && !full) {
      const timer = setTimeout(run, this.waitMs);
      this.flushTimer = { cancel: () => clearTimeout(timer) };
    } else {
      const immediate = setImmediate(run);
      this.flushTimer = { cancel: () => clearImmediate(immediate) };
    }
  }

  /** Commits what the queue holds, `maxGroup` appends per transaction, then answers each caller. */
  private flush(): void {
    while (this.queue.length > 0) {
      const group = this.queue.splice(0, this.maxGroup);
      let settled: Settled[];
      try {
        settled = this.commitGroup.immediate(group);
      } catch (error) {
        // BEGIN or COMMIT itself failed (disk full, I/O error): nothing of the group was recorded.
        for (const pending of group) pending.reject(error);
        continue;
      }
      this.commits.transactions += 1;
      this.commits.appends += group.length;
      this.commits.largest = Math.max(this.commits.largest, group.length);
      if (settled.some((s) => s.ok)) this.appended.emit('appended');
      settled.forEach((outcome, i) => {
        const pending = group[i]!;
        if (outcome.ok) pending.resolve(outcome.result);
        else pending.reject(outcome.error);
      });
    }
  }

  /** One append of the group in its own savepoint: its failure rolls back only its own rows. */
  private settle(pending: PendingAppend): Settled {
    try {
      return {
        ok: true,
        result: this.appendOne(pending.stream, pending.events, pending.expected, pending.idempotency),
      };
    } catch (error) {
      // SQLite rolled the whole transaction back (e.g. disk full): the group fails together.
      if (!this.db.inTransaction) throw error;
      return { ok: false, error };
    }
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
    // SQLite reads LIMIT -1 as no limit.
    const limit = options.maxCount === undefined ? -1 : Math.max(Math.floor(options.maxCount), 0);
    if (options.mentioning)
      return this.readMentioning(stream, from, options.until, options.mentioning, limit).map(toRecorded);
    const rows = options.until
      ? this.statements.readStreamUntil.all(stream, from, options.until.toISOString(), limit)
      : this.statements.readStream.all(stream, from, limit);
    return rows.map(toRecorded);
  }

  /** Filters inside SQLite (json_extract) so a replay for one person parses only that person's events. */
  private readMentioning(
    stream: string,
    from: number,
    until: Date | undefined,
    mentioning: { paths: readonly string[]; value: string },
    limit: number,
  ): EventRow[] {
    const paths = mentioning.paths.filter((p) => /^[A-Za-z0-9_.]+$/.test(p));
    if (paths.length === 0) return [];
    const any = paths.map(() => `json_extract(data, ?) = ?`).join(' OR ');
    const sql = `SELECT * FROM events WHERE stream = ? AND revision >= ?${until ? ' AND occurred_at <= ?' : ''} AND (${any}) ORDER BY revision LIMIT ?`;
    const params: (string | number)[] = [
      stream,
      from,
      ...(until ? [until.toISOString()] : []),
      ...paths.flatMap((p) => [`$.${p}`, mentioning.value]),
      limit,
    ];
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
    // Appends already accepted are committed (and answered) before the file closes.
    this.flushTimer?.cancel();
    this.flushTimer = undefined;
    if (this.db.open) this.flush();
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
    readStream: db.prepare<[string, number, number], EventRow>(
      'SELECT * FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?',
    ),
    readStreamUntil: db.prepare<[string, number, string, number], EventRow>(
      'SELECT * FROM events WHERE stream = ? AND revision >= ? AND occurred_at <= ? ORDER BY revision LIMIT ?',
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
