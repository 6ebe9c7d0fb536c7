/**
 * A snapshot of one stream's folded state: a derived cache, never the truth. Deleting every
 * snapshot changes no answer; it only makes the next cold load fold the whole stream again.
 */
export interface StreamSnapshot {
  readonly stream: string;
  /** Revision of the last event folded into `state`. */
  readonly revision: number;
  /** That event's `metadata.hash`: the next append chains from it, and a load checks it still matches the stream. */
  readonly lastHash: string;
  /** That event's `metadata.occurredAt` (the next event never goes back before it). */
  readonly lastOccurredAt?: string;
  /** The decider's `snapshot.version` that wrote `state`; another version is ignored. */
  readonly version: number;
  /** `decider.snapshot.toJson(state)`. */
  readonly state: unknown;
}

/** One snapshot per stream, replaced by newer ones. */
export interface SnapshotStore {
  /** The stream's snapshot, or undefined when it has none. */
  load(stream: string): Promise<StreamSnapshot | undefined>;
  /**
   * Writes the snapshot in its own short transaction (never with an append). An older revision
   * of the same version does not replace a newer one (another process may have written it).
   */
  save(snapshot: StreamSnapshot): Promise<void>;
  /** Removes every snapshot (tests and operators: snapshots are only a cache). */
  clear(): Promise<void>;
}
