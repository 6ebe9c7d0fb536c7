import type { NewEvent, Position, RecordedEvent } from '#core';
import type { SnapshotStore } from './snapshot-store.port.js';

/**
 * The revision a writer expects a stream to be at:
 * `no_stream` (creates), `any`, `stream_exists`, or the exact 0-based revision of its last event.
 */
export type ExpectedRevision = 'no_stream' | 'any' | 'stream_exists' | number;

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  readonly nextRevision: number;
  /** Position of the last appended event in the global log. */
  readonly position: Position;
}

/**
 * A command's `Idempotency-Key`, as the store records it next to the command's events: keyed per
 * scope (the principal) with a fingerprint of the request, so a retry can be told from a misuse.
 */
export interface IdempotencyClaim {
  readonly scope: string;
  readonly key: string;
  readonly fingerprint: string;
  /** When the command was issued (ISO 8601); the key is remembered for the retention from then. */
  readonly recordedAt: string;
}

/** What a key's first command recorded: enough to answer a retry exactly as the first time. */
export interface IdempotentRecord {
  readonly fingerprint: string;
  readonly recordedAt: string;
  readonly stream: string;
  /** The events the first command appended, in order (their metadata holds its confirmation number). */
  readonly events: readonly NewEvent[];
  /** Position of the last of them. */
  readonly position: Position;
}

/** Looks up the keys a store recorded atomically with the appends that carried them. */
export interface IdempotencyKeys {
  /** The key's record when it was recorded at or after `since` (ISO 8601); older records are forgotten. */
  find(scope: string, key: string, since: string): Promise<IdempotentRecord | undefined>;
}

export interface AppendOptions {
  /** Recorded in the same transaction as the events by a store that has `idempotencyKeys`; ignored by others. */
  readonly idempotency?: IdempotencyClaim;
}

export interface ReadStreamOptions {
  /** Only events with a revision >= this (default 0). */
  readonly fromRevision?: number;
  /** Only events that occurred at or before this instant (`metadata.occurredAt`). */
  readonly until?: Date;
  /** Only events where one of these payload paths (e.g. `userId`, `to.userId`) equals `value`. */
  readonly mentioning?: { readonly paths: readonly string[]; readonly value: string };
  /** At most this many events (the first ones, after the other filters); default: all. */
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: only events strictly after this position (default: from the start). */
  readonly after?: Position;
  readonly limit?: number;
}

/** Receives events in log order, a batch at a time; the next batch waits for the promise. */
export type BatchHandler = (events: readonly RecordedEvent[]) => Promise<void>;

export interface Subscription {
  /** Stops delivery; resolves once no handler call is running. */
  stop(): Promise<void>;
}

export interface SubscribeOptions {
  /** Exclusive start position; undefined means from the very beginning. */
  readonly after?: Position;
  /** Called when the subscription fails for good (after its own retries). */
  readonly onError?: (error: unknown) => void;
  /** Called before each retry after a connection failure (adapters that retry; the default logs a warning). */
  readonly onRetry?: (notice: RetryNotice) => void;
}

/** One retry of a subscription after a connection failure. */
export interface RetryNotice {
  /** 1-based count of consecutive failures. */
  readonly attempt: number;
  /** After this many consecutive failures `onError` is called instead. */
  readonly maxRetries: number;
  readonly delayMs: number;
  readonly error: unknown;
}

export interface EventStore {
  readonly kind: 'sqlite' | 'eventstoredb';
  /** Where the command pipeline keeps snapshots of aggregate state next to the events; absent: no snapshots. */
  readonly snapshots?: SnapshotStore;
  /** Idempotency keys recorded with the appends (SQLite); absent: the pipeline keeps them in memory, best effort. */
  readonly idempotencyKeys?: IdempotencyKeys;
  /**
   * Appends atomically or throws WrongExpectedRevisionError; re-appending the same event ids is a no-op.
   * With `options.idempotency` a store that has `idempotencyKeys` records the key in the same
   * transaction, and throws IDEMPOTENCY_KEY_IN_USE (nothing appended) when the key is already recorded.
   * Concurrent appends are independent: each is checked against its own expected revision and one
   * failing leaves the others unaffected (an adapter may commit them together, as SQLite's group commit does).
   */
  append(
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
    options?: AppendOptions,
  ): Promise<AppendResult>;
  /** The stream's events in revision order; [] for a stream that does not exist. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Events of every stream in log order (our own events only, never system events). */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Position of the newest event in the log, or undefined when the log is empty. */
  headPosition(): Promise<Position | undefined>;
  /** Catch up from `after`, then keep delivering new events live until stopped. */
  subscribeToAll(handler: BatchHandler, options?: SubscribeOptions): Subscription;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
