import { Logger } from '@nestjs/common';
import type { Decider, DomainEvent, RecordedEvent } from '#core';
import type { EventStore } from '../event-store.port.js';
import type { SnapshotStore } from '../snapshot-store.port.js';
import type { CachedStream } from './state-cache.js';

/** A snapshot is written once the state the pipeline holds is this many events past the last one. */
export const DEFAULT_SNAPSHOT_EVERY = 1000;

export interface SnapshotOptions {
  /** Where snapshots live; default: the event store's own (`store.snapshots`); `false`: none. */
  readonly snapshots?: SnapshotStore | false;
  /** Events between snapshots of a stream (default 1,000); 0 turns snapshots off. */
  readonly snapshotEvery?: number;
}

/** A cold stream's starting point: the restored snapshot and the events recorded after it. */
export interface Restored<S> {
  readonly from: CachedStream<S>;
  readonly newer: readonly RecordedEvent[];
}

/**
 * The pipeline's use of snapshots, a derived cache: on a cache miss it starts from the stream's
 * snapshot when one of the decider's version exists and still matches the stream (the event at
 * its revision carries its hash), and it writes one when the state is `every` events past the
 * last. Any failure here falls back to the full fold (reading) or is logged (writing): a
 * snapshot never decides an outcome and never fails a command.
 */
export class SnapshotKeeper {
  private readonly store: SnapshotStore | undefined;
  private readonly every: number;
  private readonly logger = new Logger('Snapshots');

  constructor(
    private readonly events: EventStore,
    options: SnapshotOptions = {},
  ) {
    this.every = options.snapshotEvery ?? DEFAULT_SNAPSHOT_EVERY;
    this.store = options.snapshots === false || this.every <= 0 ? undefined : (options.snapshots ?? events.snapshots);
  }

  async restore<C, E extends DomainEvent, S>(
    stream: string,
    decider: Decider<C, E, S>,
  ): Promise<Restored<S> | undefined> {
    const codec = decider.snapshot;
    if (!this.store || !codec) return undefined;
    try {
      const snapshot = await this.store.load(stream);
      if (!snapshot || snapshot.version !== codec.version) return undefined;
      // Read from the snapshot's own revision: its event must still be there with the same hash.
      const events = await this.events.readStream(stream, { fromRevision: snapshot.revision });
      const [covered, ...newer] = events;
      if (covered?.revision !== snapshot.revision || covered.metadata.hash !== snapshot.lastHash) {
        this.logger.warn(
          `ignored the snapshot of ${stream} at revision ${snapshot.revision}: it no longer matches the stream`,
        );
        return undefined;
      }
      const from: CachedStream<S> = {
        state: codec.fromJson(snapshot.state),
        revision: snapshot.revision,
        lastHash: snapshot.lastHash,
        ...(snapshot.lastOccurredAt === undefined ? {} : { lastOccurredAt: snapshot.lastOccurredAt }),
        snapshotRevision: snapshot.revision,
      };
      return { from, newer };
    } catch (error) {
      this.logger.warn(`ignored the snapshot of ${stream}: ${describe(error)}`);
      return undefined;
    }
  }

  /** Writes a snapshot of `entry` when it is due; answers the entry to cache (with its snapshot revision). */
  async saveIfDue<C, E extends DomainEvent, S>(
    stream: string,
    decider: Decider<C, E, S>,
    entry: CachedStream<S>,
  ): Promise<CachedStream<S>> {
    const codec = decider.snapshot;
    if (!this.store || !codec || entry.revision < 0) return entry;
    if (entry.revision - (entry.snapshotRevision ?? -1) < this.every) return entry;
    try {
      await this.store.save({
        stream,
        revision: entry.revision,
        version: codec.version,
        lastHash: entry.lastHash,
        ...(entry.lastOccurredAt === undefined ? {} : { lastOccurredAt: entry.lastOccurredAt }),
        state: codec.toJson(entry.state),
      });
    } catch (error) {
      this.logger.warn(`could not write a snapshot of ${stream} at revision ${entry.revision}: ${describe(error)}`);
    }
    // Also after a failed write: try again only `every` events later, not on every command.
    return { ...entry, snapshotRevision: entry.revision };
  }
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));
