import type { Position, RecordedEvent } from '#core';
import { DomainError } from '#core';
import type { EventStore, Subscription } from '#event-store/event-store.port';
import type { DocumentStore } from '../document-store.port.js';
import { CheckpointStore } from './checkpoint-store.js';
import { LeaseLostError, type ProjectionLease } from './projection-lease.js';
import type { Projection } from './projection.js';

export interface ProjectionStatus {
  readonly position: Position | null;
  readonly head: Position | null;
  readonly caughtUp: boolean;
  readonly running: boolean;
  readonly error?: string;
}

const EXTERNAL_POLL_MS = 50;
/** A rebuild commits this many batches per read-store transaction (bounded: each batch's documents stay in memory until its flush only). */
const REBUILD_BATCHES_PER_TRANSACTION = 4;

export interface ProjectionRunnerOptions {
  /** Each failure of the subscription, with the attempt that follows (retried with backoff). */
  readonly onError?: (error: unknown, retry: { attempt: number; inMs: number } | undefined) => void;
  /** After `maxRetries` consecutive failures the runner gives up: /health reports it; a projector process exits. */
  readonly onFatal?: (error: unknown) => void;
  readonly onReset?: (projection: string, from: number, to: number) => void;
  /** When set, every batch commits only while this lease still carries our fencing token. */
  readonly lease?: ProjectionLease;
  readonly maxRetries?: number;
  readonly backoffMs?: number;
}

/**
 * Feeds every registered projection from one subscription to $all, starting at the lowest stored
 * checkpoint; each projection only sees events after its own checkpoint, so a newly added (or
 * re-versioned) projection catches up without disturbing the others. A batch's documents and
 * checkpoints are written in one read-store transaction: exactly once where the store is atomic.
 */
export class ProjectionRunner {
  private readonly checkpoints: CheckpointStore;
  private subscription?: Subscription;
  private position?: Position;
  private perProjection = new Map<string, Position>();
  private waiters = new Set<() => void>();
  private failure?: unknown;
  private failures = 0;
  private retryTimer?: NodeJS.Timeout;
  /** Some read model may still be loading in bulk: its deferred indexes are built once the projections reach the head. */
  private indexesPending = false;

  constructor(
    private readonly events: EventStore,
    private readonly store: DocumentStore,
    private readonly projections: readonly Projection[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.checkpoints = new CheckpointStore(store);
  }

  get running(): boolean {
    return this.subscription !== undefined;
  }

  /** Starts the live subscription; with `catchUp`, resolves only once the read models reach the head. */
  async start(options: { catchUp?: boolean } = {}): Promise<void> {
    if (this.subscription) return;
    await this.resetStale();
    for (const projection of this.projections) await projection.setup?.(this.store);
    this.perProjection = await this.loadPositions();
    this.position = this.lowestCheckpoint();
    const head = await this.events.headPosition();
    // Also what an earlier, interrupted bulk load left deferred (the store remembers it).
    this.indexesPending = this.store.endBulkLoad !== undefined;
    if (this.reached(head)) await this.endBulkLoad();
    this.subscribe();
    if (options.catchUp && head) await this.waitFor(head, Number.POSITIVE_INFINITY);
  }

  async stop(): Promise<void> {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
  }

  private subscribe(): void {
    const subscription = this.events.subscribeToAll((batch) => this.apply(batch), {
      after: this.position,
      onError: (error) => void this.failed(subscription, error),
    });
    this.subscription = subscription;
  }

  /** A lost lease stops quietly (another projector leads); anything else is retried with backoff, then fatal. */
  private async failed(subscription: Subscription, error: unknown): Promise<void> {
    if (this.subscription !== subscription) return; // stopped meanwhile
    this.subscription = undefined;
    await subscription.stop().catch(() => undefined);
    if (error instanceof LeaseLostError) {
      this.options.onError?.(error, undefined);
      return;
    }
    this.failure = error;
    this.failures += 1;
    const { maxRetries = 5, backoffMs = 500 } = this.options;
    if (this.failures > maxRetries) {
      this.options.onError?.(error, undefined);
      this.options.onFatal?.(error);
      return;
    }
    const inMs = Math.min(backoffMs * 2 ** (this.failures - 1), 30_000);
    this.options.onError?.(error, { attempt: this.failures, inMs });
    // Resubscribes from what was committed: a failed batch rolled back whole.
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.failure = undefined;
      this.subscribe();
    }, inMs);
    const waiting: Subscription = { stop: async () => clearTimeout(this.retryTimer) };
    this.subscription = waiting;
  }

  /** Drops every read model and its checkpoint, then replays the whole log (the runner must be stopped). */
  async rebuild(batchSize = 5000): Promise<number> {
    if (this.running) throw new Error('stop the runner before rebuilding');
    await this.reset(this.projections);
    this.perProjection = new Map();
    this.position = undefined;
    for (const projection of this.projections) await projection.setup?.(this.store);
    this.indexesPending = this.store.endBulkLoad !== undefined;
    let replayed = 0;
    let after: Position | undefined;
    for (let done = false; !done;) {
      // Several batches per transaction: fewer commits, and a page changed by several batches is written once.
      const batches: RecordedEvent[][] = [];
      while (batches.length < REBUILD_BATCHES_PER_TRANSACTION) {
        const batch = await this.events.readAll({ after, limit: batchSize });
        if (batch.length === 0) {
          done = true;
          break;
        }
        batches.push(batch);
        after = batch[batch.length - 1]!.position;
      }
      await this.applyAll(batches);
      for (const batch of batches) replayed += batch.length;
    }
    await this.endBulkLoad();
    return replayed;
  }

  /** Resolves once the read models include `position`, else PROJECTION_NOT_CAUGHT_UP after `timeoutMs`. */
  async waitFor(position: Position, timeoutMs = 5000): Promise<void> {
    const reached = async () => {
      const current = await this.currentPosition();
      return current !== undefined && current >= position;
    };
    if (await reached()) return;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.failure) break;
      await this.nextProgress(Math.min(deadline - Date.now(), this.running ? 1000 : EXTERNAL_POLL_MS));
      if (await reached()) return;
    }
    throw new DomainError(
      'PROJECTION_NOT_CAUGHT_UP',
      `The read models have not yet reached position ${position}; retry shortly.`,
    );
  }

  /** The position every read model includes: in memory when running here, else from the checkpoints. */
  async currentPosition(): Promise<Position | undefined> {
    if (this.running) return this.position;
    this.perProjection = await this.loadPositions();
    return this.lowestCheckpoint();
  }

  async status(): Promise<ProjectionStatus> {
    const [position, head] = await Promise.all([this.currentPosition(), this.events.headPosition()]);
    return {
      position: position ?? null,
      head: head ?? null,
      // Deferred indexes still building count as catching up (queries answer, slower).
      caughtUp: (head === undefined || (position !== undefined && position >= head)) && !this.indexesPending,
      running: this.running,
      ...(this.failure ? { error: String(this.failure) } : {}),
    };
  }

  private get names(): string[] {
    return this.projections.map((p) => p.name);
  }

  private lowestCheckpoint(): Position | undefined {
    let lowest: Position | undefined;
    for (const name of this.names) {
      const checkpoint = this.perProjection.get(name);
      if (checkpoint === undefined) return undefined;
      if (lowest === undefined || checkpoint < lowest) lowest = checkpoint;
    }
    return lowest;
  }

  private async apply(batch: readonly RecordedEvent[]): Promise<void> {
    await this.applyAll([batch]);
    if (this.indexesPending && this.reached(await this.events.headPosition())) await this.endBulkLoad();
  }

  /** Projects consecutive batches, in order, in one read-store transaction with the checkpoints they reach. */
  private async applyAll(batches: readonly (readonly RecordedEvent[])[]): Promise<void> {
    const last = batches.findLast((b) => b.length > 0)?.at(-1)?.position;
    if (last === undefined) return;
    const advanced = this.projections.filter((p) => {
      const checkpoint = this.perProjection.get(p.name);
      return checkpoint === undefined || checkpoint < last; // a projection ahead is never set back
    });
    await this.store.transaction(async (tx) => {
      await this.options.lease?.assertHeld(tx);
      for (const batch of batches) {
        for (const projection of advanced) {
          const checkpoint = this.perProjection.get(projection.name);
          const fresh = checkpoint === undefined ? batch : batch.filter((e) => e.position > checkpoint);
          if (fresh.length > 0) await projection.project(fresh, tx);
        }
      }
      await new CheckpointStore(tx).save(
        advanced.map((p) => ({ name: p.name, version: versionOf(p) })),
        last,
      );
    });
    for (const projection of advanced) this.perProjection.set(projection.name, last);
    this.position = this.lowestCheckpoint();
    this.failure = undefined;
    this.failures = 0;
    for (const wake of this.waiters) wake();
  }

  /** Whether every read model includes `head` (an empty log is reached at once). */
  private reached(head: Position | undefined): boolean {
    return head === undefined || (this.position !== undefined && this.position >= head);
  }

  /** Builds what bulk loads deferred (indexes, multikey entries), now that the read models have caught up. */
  private async endBulkLoad(): Promise<void> {
    if (!this.indexesPending) return;
    await this.store.endBulkLoad?.(this.projections.flatMap((p) => p.collections));
    this.indexesPending = false;
  }

  private async loadPositions(): Promise<Map<string, Position>> {
    const stored = await this.checkpoints.load(this.names);
    return new Map([...stored].map(([name, checkpoint]) => [name, checkpoint.position]));
  }

  /**
   * A projection without a checkpoint, or whose code version changed, starts over from an empty
   * read model; the others keep theirs.
   */
  private async resetStale(): Promise<void> {
    const stored = await this.checkpoints.load(this.names);
    const stale = this.projections.filter((p) => stored.get(p.name)?.version !== versionOf(p));
    if (stale.length === 0) return;
    for (const projection of stale.filter((p) => stored.has(p.name))) {
      this.options.onReset?.(projection.name, stored.get(projection.name)!.version, versionOf(projection));
    }
    await this.reset(stale);
  }

  private async reset(projections: readonly Projection[]): Promise<void> {
    await this.store.transaction(async (tx) => {
      const collections = projections.flatMap((p) => p.collections);
      for (const collection of collections) await tx.collection(collection).drop();
      await new CheckpointStore(tx).clear(projections.map((p) => p.name));
      // Built from zero: what only serves queries is built in one pass once the projections catch up.
      await tx.beginBulkLoad?.(collections);
    });
  }

  private nextProgress(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(timeoutMs, 0));
      this.waiters.add(done);
    });
  }
}

const versionOf = (projection: Projection): number => projection.version ?? 1;
