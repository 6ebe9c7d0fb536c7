import {
  type Decider,
  type DomainEvent,
  DomainError,
  GENESIS_HASH,
  type IdGenerator,
  type NewEvent,
  type Position,
  type RecordedEvent,
  WrongExpectedRevisionError,
  eventHash,
  randomIds,
} from '#core';
import type { EventStore, IdempotencyClaim, IdempotencyKeys, IdempotentRecord } from '../event-store.port.js';
import type { CommandMeta } from './command-meta.js';
import { KeyedMutex } from './keyed-mutex.js';
import { MemoryIdempotencyKeys } from './memory-idempotency-keys.js';
import { SnapshotKeeper, type SnapshotOptions } from './snapshot-keeper.js';
import { type CachedStream, StateCache } from './state-cache.js';

export const MAX_CONFLICT_RETRIES = 3;
export const DEFAULT_IDEMPOTENCY_RETENTION_MS = 24 * 3_600_000;

export interface PipelineOptions extends SnapshotOptions {
  /** How long an Idempotency-Key answers retries (default 24 h). */
  readonly idempotencyRetentionMs?: number;
}

export interface CommandRequest<C, E extends DomainEvent, S> {
  readonly stream: string;
  readonly decider: Decider<C, E, S>;
  readonly command: C;
  readonly meta: CommandMeta;
}

export type CommandOutcome<S> =
  | { readonly changed: false; readonly state: S }
  | {
      readonly changed: true;
      readonly confirmationNumber: string;
      readonly position: Position;
      readonly events: readonly NewEvent[];
      readonly state: S;
      /** True when this is the recorded answer of an earlier request with the same Idempotency-Key (nothing new was recorded). */
      readonly replayed?: boolean;
    };

/**
 * The one write path: load (cached state + newer events), decide (pure), append with the expected
 * revision. A conflict means another writer got there first; decide is pure, so re-deciding on
 * the fresh state is always safe. A stream not in the cache starts from its snapshot, when the
 * decider keeps them, and only the events after it are folded.
 */
export class CommandPipeline {
  private readonly cache = new StateCache();
  private readonly mutex = new KeyedMutex();
  private readonly snapshots: SnapshotKeeper;
  /** Requests with the same Idempotency-Key (and principal) wait for each other here. */
  private readonly keyMutex = new KeyedMutex();
  private readonly keys: IdempotencyKeys;
  /** Set when the store cannot record keys with its appends: the pipeline remembers them itself. */
  private readonly memoryKeys: MemoryIdempotencyKeys | undefined;
  private readonly retentionMs: number;

  constructor(
    private readonly store: EventStore,
    private readonly ids: IdGenerator = randomIds,
    options: PipelineOptions = {},
  ) {
    this.snapshots = new SnapshotKeeper(store, options);
    this.memoryKeys = store.idempotencyKeys ? undefined : new MemoryIdempotencyKeys();
    this.keys = store.idempotencyKeys ?? this.memoryKeys!;
    this.retentionMs = options.idempotencyRetentionMs ?? DEFAULT_IDEMPOTENCY_RETENTION_MS;
  }

  execute<C, E extends DomainEvent, S>(request: CommandRequest<C, E, S>): Promise<CommandOutcome<S>> {
    const claim = request.meta.idempotency;
    if (claim === undefined) return this.mutex.run(request.stream, () => this.executeWithRetries(request));
    return this.keyMutex.run(`${claim.scope}\u0000${claim.key}`, () => this.executeOnce(request, claim));
  }

  /**
   * A request with an Idempotency-Key: the key's first command answers every retry (same
   * fingerprint) without deciding again; another request under the same key is refused. The key
   * is recorded with the command's events, so it exists exactly when they do.
   */
  private async executeOnce<C, E extends DomainEvent, S>(
    request: CommandRequest<C, E, S>,
    claim: IdempotencyClaim,
  ): Promise<CommandOutcome<S>> {
    const since = new Date(Date.parse(claim.recordedAt) - this.retentionMs).toISOString();
    const earlier = await this.keys.find(claim.scope, claim.key, since);
    if (earlier) return this.replay(request, claim, earlier);
    const outcome = await this.mutex.run(request.stream, () => this.executeWithRetries(request));
    if (outcome.changed && this.memoryKeys) {
      const { fingerprint, recordedAt } = claim;
      this.memoryKeys.remember(claim, {
        fingerprint,
        recordedAt,
        stream: request.stream,
        events: outcome.events,
        position: outcome.position,
      });
    }
    return outcome;
  }

  private async replay<C, E extends DomainEvent, S>(
    request: CommandRequest<C, E, S>,
    claim: IdempotencyClaim,
    earlier: IdempotentRecord,
  ): Promise<CommandOutcome<S>> {
    if (earlier.fingerprint !== claim.fingerprint) {
      throw new DomainError(
        'IDEMPOTENCY_KEY_REUSED',
        `This Idempotency-Key was already used at ${earlier.recordedAt} for a different request (method, path or body); nothing was recorded. Use a new key for a new request.`,
      );
    }
    const first = earlier.events[0];
    if (first === undefined) throw new Error(`the record of Idempotency-Key ${claim.key} names no events`);
    const state = await this.mutex.run(
      earlier.stream,
      async () => (await this.load(earlier.stream, request.decider)).state,
    );
    return {
      changed: true,
      replayed: true,
      confirmationNumber: first.metadata.confirmationNumber,
      position: earlier.position,
      events: earlier.events,
      state,
    };
  }

  private async executeWithRetries<C, E extends DomainEvent, S>(
    request: CommandRequest<C, E, S>,
  ): Promise<CommandOutcome<S>> {
    const { stream, decider, command, meta } = request;
    for (let attempt = 0; attempt <= MAX_CONFLICT_RETRIES; attempt++) {
      const loaded = await this.load(stream, decider);
      const decided = decider.decide(command, loaded.state);
      if (decided.length === 0) {
        this.cache.set(stream, await this.snapshots.saveIfDue(stream, decider, loaded));
        return { changed: false, state: loaded.state };
      }

      const events = this.toNewEvents(decided, meta, loaded);
      try {
        const result = await this.store.append(
          stream,
          events,
          loaded.revision < 0 ? 'no_stream' : loaded.revision,
          meta.idempotency ? { idempotency: meta.idempotency } : {},
        );
        const state = decided.reduce(decider.evolve, loaded.state);
        const last = events.at(-1)!.metadata;
        const appended = {
          state,
          revision: result.nextRevision,
          lastHash: last.hash,
          lastOccurredAt: last.occurredAt,
          snapshotRevision: loaded.snapshotRevision,
        };
        // The events are committed; the snapshot (when due) goes in its own transaction after them.
        this.cache.set(stream, await this.snapshots.saveIfDue(stream, decider, appended));
        return { changed: true, confirmationNumber: meta.confirmationNumber, position: result.position, events, state };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        this.cache.delete(stream);
      }
    }
    throw new DomainError(
      'CONCURRENCY_CONFLICT',
      `The ${stream} record kept changing while this command ran; nothing was recorded. Try again.`,
    );
  }

  /** The stream's state now, folded from the cache (or its snapshot) and only the events it has not seen. */
  async load<C, E extends DomainEvent, S>(stream: string, decider: Decider<C, E, S>): Promise<CachedStream<S>> {
    const { from, newer } = await this.startingPoint(stream, decider);
    if (newer.length === 0) {
      this.cache.set(stream, from);
      return from;
    }
    const loaded = foldRecorded(decider, from, newer);
    this.cache.set(stream, loaded);
    return loaded;
  }

  private async startingPoint<C, E extends DomainEvent, S>(stream: string, decider: Decider<C, E, S>) {
    const cached = this.cache.get<S>(stream);
    if (cached === undefined) {
      const restored = await this.snapshots.restore(stream, decider);
      if (restored) return restored;
    }
    const from = cached ?? { state: decider.initialState(), revision: -1, lastHash: GENESIS_HASH };
    return { from, newer: await this.store.readStream(stream, { fromRevision: from.revision + 1 }) };
  }

  private toNewEvents(decided: readonly DomainEvent[], meta: CommandMeta, previous: CachedStream<unknown>): NewEvent[] {
    let hash = previous.lastHash;
    const occurredAt = notBefore(meta.occurredAt, previous.lastOccurredAt);
    return decided.map((event) => {
      const metadata = {
        actorId: meta.actorId,
        occurredAt,
        correlationId: meta.correlationId,
        causationId: meta.causationId,
        command: meta.commandName,
        confirmationNumber: meta.confirmationNumber,
      };
      // Round-trip through JSON so the hash covers exactly what the store will hand back.
      const data = JSON.parse(JSON.stringify(event.data)) as object;
      hash = eventHash(hash, { type: event.type, data, metadata });
      return { id: this.ids.uuid(), type: event.type, data, metadata: { ...metadata, hash } };
    });
  }
}

/**
 * `occurredAt` never goes back within a stream: as-of reads ("the stream as it was at T") must see
 * a prefix of the stream, never a later event without an earlier one.
 *
 * Two things would otherwise break it. A conflict retry re-decides on the fresh state but keeps
 * the command's original time, which can be earlier than the event that won the race; and API
 * replicas (or the projector) stamp with their own clocks, which skew. We clamp rather than
 * re-stamp on retry: re-stamping needs a clock in the pipeline and still loses to a replica whose
 * clock is behind, while the clamp covers both. The price is that a clamped event carries the
 * previous event's instant (at most the skew or the retry window later than the command was
 * issued), which is the order it actually took effect in.
 */
export function notBefore(occurredAt: string, lastOccurredAt: string | undefined): string {
  if (lastOccurredAt === undefined) return occurredAt;
  return Date.parse(lastOccurredAt) > Date.parse(occurredAt) ? lastOccurredAt : occurredAt;
}

function foldRecorded<C, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  from: CachedStream<S>,
  events: readonly RecordedEvent[],
): CachedStream<S> {
  let state = from.state;
  for (const event of events) {
    const stored = { type: event.type, data: event.data };
    // Through the context's registry (upcasters) when it has one; a foreign type in the stream is skipped.
    const read = decider.read ? decider.read(stored) : (stored as unknown as E);
    if (read) state = decider.evolve(state, read);
  }
  const last = events.at(-1);
  if (last === undefined) return from;
  return {
    state,
    revision: last.revision,
    lastHash: last.metadata.hash,
    lastOccurredAt: last.metadata.occurredAt,
    snapshotRevision: from.snapshotRevision,
  };
}
