import {
  ANY, BACKWARDS, END, EventStoreDBClient, NO_STREAM, START, STREAM_EXISTS, StreamNotFoundError,
  WrongExpectedVersionError, excludeSystemEvents, jsonEvent,
  type AllStreamResolvedEvent, type AllStreamSubscription, type Position as EsdbPosition, type StreamingRead,
} from '@eventstore/db-client';
import {
  type EventMetadata, type NewEvent, type Position, type RecordedEvent,
  WrongExpectedRevisionError, positionOf, positionParts,
} from '../../../core/src/index.js';
import type {
  AppendResult, BatchHandler, EventStore, ExpectedRevision, ReadAllOptions, ReadStreamOptions, SubscribeOptions,
  Subscription,
} from '../event-store.port.js';
import { mentions } from '../mentions.js';

/** The fields we read from any ESDB recorded event (stream reads and $all reads alike). */
interface StoredEvent {
  readonly id: string;
  readonly streamId: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly position?: EsdbPosition;
}

const DEFAULT_LIMIT = 1000;
const MAX_BATCH = 500;
const MIN_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 5000;
const EXPECTED = { no_stream: NO_STREAM, any: ANY, stream_exists: STREAM_EXISTS } as const;
const noop = () => undefined;

/** The production event store: EventStoreDB over gRPC, with the same contract as the SQLite adapter. */
export class EventStoreDbEventStore implements EventStore {
  readonly kind = 'eventstoredb';
  private readonly client: EventStoreDBClient;
  private readonly subscriptions = new Set<Subscription>();

  constructor(connectionString: string) {
    this.client = EventStoreDBClient.connectionString(connectionString);
  }

  async append(stream: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    const expectedRevision = typeof expected === 'number' ? BigInt(expected) : EXPECTED[expected];
    const data = events.map((e) =>
      jsonEvent({ id: e.id, type: e.type, data: e.data as Record<string, unknown>, metadata: e.metadata }),
    );
    try {
      const result = await this.client.appendToStream(stream, data, { expectedRevision });
      // An idempotent retry is acknowledged without a position: take it from the event already stored.
      const position = result.position ?? (await this.positionAt(stream, result.nextExpectedRevision));
      return { nextRevision: Number(result.nextExpectedRevision), position: toPosition(position) };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        throw new WrongExpectedRevisionError(stream, String(expected), String(error.actualVersion));
      }
      throw error;
    }
  }

  private async positionAt(stream: string, revision: bigint): Promise<EsdbPosition | undefined> {
    for await (const resolved of this.client.readStream(stream, { fromRevision: revision, maxCount: 1 })) {
      return resolved.event?.position;
    }
    return undefined;
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const until = options.until?.toISOString();
    const read = this.client.readStream(stream, { fromRevision: BigInt(options.fromRevision ?? 0) });
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of cancelOnExit(read)) {
        if (!resolved.event) continue;
        const event = toRecorded(resolved.event);
        // occurredAt never decreases within a stream, so the first later event ends the read.
        if (until !== undefined && event.metadata.occurredAt > until) break;
        if (options.mentioning && !mentions(event, options.mentioning)) continue;
        events.push(event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const { after } = options;
    const limit = options.limit ?? DEFAULT_LIMIT;
    if (limit <= 0) return [];
    // readAll has no server-side filter in this client, and is inclusive of fromPosition.
    const read = this.client.readAll({ fromPosition: after ? positionParts(after) : START });
    const events: RecordedEvent[] = [];
    for await (const resolved of cancelOnExit(read)) {
      if (!isOurs(resolved)) continue;
      const event = toRecorded(resolved.event);
      if (event.position === after) continue;
      events.push(event);
      if (events.length >= limit) break;
    }
    return events;
  }

  async headPosition(): Promise<Position | undefined> {
    // System events (stats, scavenges) may sit on top of ours, so walk back until the first of ours.
    const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END });
    for await (const resolved of cancelOnExit(read)) {
      if (isOurs(resolved)) return toPosition(resolved.event.position);
    }
    return undefined;
  }

  subscribeToAll(handler: BatchHandler, options: SubscribeOptions = {}): Subscription {
    let stopped = false;
    let last = options.after;
    let current: AllStreamSubscription | undefined;
    let wake: () => void = noop;
    const sleep = (ms: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        wake = () => (clearTimeout(timer), resolve());
      });

    const run = async () => {
      let backoff = MIN_BACKOFF_MS;
      while (!stopped) {
        const sub = this.client.subscribeToAll({
          fromPosition: last ? positionParts(last) : START,
          filter: excludeSystemEvents(),
        });
        current = sub;
        // Errors arriving after we stop iterating (cancellation, dispose) must not crash the process.
        sub.on('error', noop);
        try {
          for await (const first of sub) {
            if (stopped) break;
            const batch = drain(sub, first as AllStreamResolvedEvent);
            if (batch.length === 0) continue;
            try {
              await handler(batch);
            } catch (error) {
              // A failing handler is a bug, not a transient fault: stop instead of retrying forever.
              stopped = true;
              await sub.unsubscribe().catch(noop);
              options.onError?.(error);
              return;
            }
            last = batch[batch.length - 1].position;
            backoff = MIN_BACKOFF_MS;
          }
        } catch {
          // Transport failure: the client never resubscribes by itself, so we do, from `last`.
        }
        if (stopped) return;
        await sleep(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
    };
    const loop = run().catch((error: unknown) => {
      stopped = true;
      options.onError?.(error);
    });

    const subscription: Subscription = {
      stop: async () => {
        stopped = true;
        wake();
        await current?.unsubscribe().catch(noop);
        current?.destroy();
        this.subscriptions.delete(subscription);
        await loop;
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.client.dispose();
  }
}

/** Iterates a read, cancelling the server call when the caller stops early. */
async function* cancelOnExit<E>(read: StreamingRead<E>): AsyncGenerator<E> {
  let finished = false;
  try {
    for await (const item of read) yield item;
    finished = true;
  } finally {
    if (!finished) await read.cancel().catch(noop);
  }
}

/** The event already received plus whatever is buffered right now, as one batch of our events. */
function drain(sub: AllStreamSubscription, first: AllStreamResolvedEvent): RecordedEvent[] {
  const batch: RecordedEvent[] = [];
  let resolved: AllStreamResolvedEvent | null = first;
  while (resolved) {
    if (isOurs(resolved)) batch.push(toRecorded(resolved.event));
    if (batch.length >= MAX_BATCH || sub.readableLength === 0) break;
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

function toPosition(position: EsdbPosition | undefined): Position {
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
