import { Logger } from '@nestjs/common';
import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  START,
  StreamNotFoundError,
  excludeSystemEvents,
  jsonEvent,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type Position as ClientPosition,
} from '@kurrent/kurrentdb-client';
import { type EventMetadata, type NewEvent, type Position, type RecordedEvent, positionOf, positionParts } from '#core';
import type {
  AppendResult,
  BatchHandler,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RetryNotice,
  SubscribeOptions,
  Subscription,
} from '../event-store.port.js';
import { appendError, checkAppendResult, streamStateOf } from './append-result.js';
import { readerError, streamFilter } from './as-of-filter.js';
import { CATCH_UP_PAGE, DEFAULT_RETRY, type LiveFeed, type RetryPolicy, runSubscription } from './subscription.js';

/** The fields we read from an event the client has already decoded ($all reads and subscriptions). */
interface StoredEvent {
  readonly id: string;
  readonly streamId: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly position?: ClientPosition;
}

const DEFAULT_LIMIT = 1000;
const noop = () => undefined;

export interface EventStoreDbOptions {
  /** Subscription retries after connection failures (default: 8 over about 40 s, then `onError`). */
  readonly retry?: RetryPolicy;
  /** Reports each subscription retry unless the subscriber passes its own `onRetry`. */
  readonly onRetry?: (notice: RetryNotice) => void;
}

/**
 * The production event store: EventStoreDB (24.10+) or KurrentDB over gRPC, through
 * `@kurrent/kurrentdb-client`, with the same contract as the SQLite adapter.
 */
export class EventStoreDbEventStore implements EventStore {
  readonly kind = 'eventstoredb';
  private readonly client: KurrentDBClient;
  private readonly subscriptions = new Set<Subscription>();
  private readonly retry: RetryPolicy;
  private readonly onRetry: (notice: RetryNotice) => void;

  constructor(connectionString: string, options: EventStoreDbOptions = {}) {
    this.client = KurrentDBClient.connectionString(kurrentConnectionString(connectionString));
    this.retry = options.retry ?? DEFAULT_RETRY;
    const logger = new Logger('EventStoreDB');
    this.onRetry =
      options.onRetry ??
      ((n) =>
        logger.warn(
          `subscription failed (${describe(n.error)}); retry ${n.attempt}/${n.maxRetries} in ${n.delayMs} ms`,
        ));
  }

  async append(stream: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    const data = events.map((e) =>
      jsonEvent({ id: e.id, type: e.type, data: e.data as Record<string, unknown>, metadata: e.metadata }),
    );
    let appended: ReturnType<typeof checkAppendResult>;
    try {
      const result = await this.client.appendToStream(stream, data, { streamState: streamStateOf(expected) });
      appended = checkAppendResult(stream, expected, result);
    } catch (error) {
      throw appendError(stream, expected, error);
    }
    // An idempotent retry is acknowledged without a position: take it from the event already stored.
    const position = appended.position ?? (await this.positionAt(stream, BigInt(appended.nextRevision)));
    return { nextRevision: appended.nextRevision, position: toPosition(position) };
  }

  private async positionAt(stream: string, revision: bigint): Promise<ClientPosition | undefined> {
    for await (const resolved of this.client.readStream(stream, { fromRevision: revision, maxCount: 1 })) {
      return resolved.event?.position;
    }
    return undefined;
  }

  /** Reads through the client's native reader so payloads are decoded only for events the read returns. */
  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const accept = streamFilter(options);
    const wanted = options.maxCount === undefined ? Number.MAX_SAFE_INTEGER : Math.max(Math.floor(options.maxCount), 0);
    if (wanted === 0) return [];
    // The server counts the events it sends: with a filter (applied here) it may have to send more than are kept.
    const filtered = options.until !== undefined || options.mentioning !== undefined;
    const events: RecordedEvent[] = [];
    try {
      const pages = this.client.rustClient.readStream(stream, {
        fromRevision: BigInt(options.fromRevision ?? 0),
        direction: FORWARDS,
        maxCount: BigInt(filtered ? Number.MAX_SAFE_INTEGER : wanted),
        requiresLeader: false,
        resolvesLink: false,
      });
      reading: for await (const page of pages) {
        for (const resolved of page) {
          const event = resolved.event && accept(resolved.event);
          if (event) events.push(event);
          if (events.length >= wanted) break reading;
        }
      }
    } catch (raw) {
      const error = readerError(raw, stream);
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const { after } = options;
    const limit = options.limit ?? DEFAULT_LIMIT;
    if (limit <= 0) return [];
    // System events are filtered out on the server; fromPosition is inclusive, hence one more.
    const read = this.client.readAll({
      fromPosition: after ? positionParts(after) : START,
      maxCount: limit + (after ? 1 : 0),
      filter: excludeSystemEvents(),
    });
    const events: RecordedEvent[] = [];
    for await (const resolved of read) {
      if (!isOurs(resolved)) continue;
      const event = toRecorded(resolved.event);
      if (event.position === after) continue;
      events.push(event);
      if (events.length >= limit) break;
    }
    return events;
  }

  async headPosition(): Promise<Position | undefined> {
    const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END, filter: excludeSystemEvents() });
    for await (const resolved of read) {
      if (isOurs(resolved)) return toPosition(resolved.event.position);
    }
    return undefined;
  }

  /** Catches up with paged `readAll` (5,000 events per handler call), then follows a live subscription. */
  subscribeToAll(handler: BatchHandler, options: SubscribeOptions = {}): Subscription {
    const inner = runSubscription(
      { page: (after, max) => this.readAll({ after, limit: max }), live: (after) => this.liveFeed(after) },
      handler,
      { ...options, onRetry: options.onRetry ?? this.onRetry, retry: this.retry },
    );
    const subscription: Subscription = {
      stop: async () => {
        this.subscriptions.delete(subscription);
        await inner.stop();
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  private liveFeed(after: Position | undefined): LiveFeed {
    // The buffer holds up to a full batch, so a live subscription that falls behind still drains in big batches.
    const sub = this.client.subscribeToAll(
      { fromPosition: after ? positionParts(after) : START, filter: excludeSystemEvents() },
      { highWaterMark: CATCH_UP_PAGE },
    );
    // Errors arriving after we stop iterating (cancellation, dispose) must not crash the process.
    sub.on('error', noop);
    return {
      async *[Symbol.asyncIterator]() {
        for await (const first of sub) {
          const batch = drain(sub, first as AllStreamResolvedEvent);
          if (batch.length > 0) yield batch;
        }
      },
      close: async () => {
        await sub.unsubscribe().catch(noop);
        sub.destroy();
      },
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.client.dispose();
  }
}

/**
 * `esdb://` still works but makes the client print a deprecation warning on every connect;
 * the same settings under `kurrentdb://` are identical.
 */
export function kurrentConnectionString(url: string): string {
  return url.replace(/^esdb(\+discover)?:\/\//, 'kurrentdb$1://');
}

/** The event already received plus whatever is buffered right now, as one batch of our events. */
function drain(sub: AllStreamSubscription, first: AllStreamResolvedEvent): RecordedEvent[] {
  const batch: RecordedEvent[] = [];
  let resolved: AllStreamResolvedEvent | null = first;
  while (resolved) {
    if (isOurs(resolved)) batch.push(toRecorded(resolved.event));
    if (batch.length >= CATCH_UP_PAGE || sub.readableLength === 0) break;
    resolved = sub.read() as AllStreamResolvedEvent | null;
  }
  return batch;
}

function isOurs(
  resolved: AllStreamResolvedEvent,
): resolved is AllStreamResolvedEvent & { event: NonNullable<AllStreamResolvedEvent['event']> } {
  const event = resolved.event;
  return event !== undefined && !event.streamId.startsWith('$') && !event.type.startsWith('$');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message || error.constructor.name : String(error);
}

function toPosition(position: ClientPosition | undefined): Position {
  if (!position) throw new Error('EventStoreDB returned no position (server older than 22.6?)');
  return positionOf(position.commit, position.prepare);
}

function toRecorded(event: StoredEvent): RecordedEvent {
  return {
    id: event.id,
    stream: event.streamId,
    revision: Number(event.revision),
    position: toPosition(event.position),
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: event.metadata as EventMetadata,
  };
}
