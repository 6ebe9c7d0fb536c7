import type { NewEvent, Position, RecordedEvent } from '../../core/src/index.js';
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

export interface ReadStreamOptions {
  /** Only events with a revision >= this (default 0). */
  readonly fromRevision?: number;
  /** Only events that occurred at or before this instant (`metadata.occurredAt`). */
  readonly until?: Date;
  /** Only events where one of these payload paths (e.g. `userId`, `to.userId`) equals `value`. */
  readonly mentioning?: { readonly paths: readonly string[]; readonly value: string };
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
  /**
   * Appends atomically or throws WrongExpectedRevisionError; re-appending the same event ids is a no-op.
   * Concurrent appends are independent: each is checked against its own expected revision and one
   * failing leaves the others unaffected (an adapter may commit them together, as SQLite's group commit does).
   */
  append(stream: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
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
