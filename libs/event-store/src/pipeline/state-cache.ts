/** What the pipeline remembers of a stream: the folded state as of `revision`, and the chain's tip. */
export interface CachedStream<S> {
  readonly state: S;
  /** Revision of the last folded event; -1 for a stream with no events. */
  readonly revision: number;
  readonly lastHash: string;
  /** `occurredAt` of the last folded event (undefined for a stream with no events). */
  readonly lastOccurredAt?: string;
  /** Revision of the newest snapshot written or read for this stream (undefined: none known). */
  readonly snapshotRevision?: number;
}

/** A small LRU of recent aggregate states, so a command reads only events newer than its cache. */
export class StateCache {
  private readonly entries = new Map<string, CachedStream<unknown>>();

  constructor(private readonly capacity = 10_000) {}

  get<S>(stream: string): CachedStream<S> | undefined {
    const entry = this.entries.get(stream);
    if (entry === undefined) return undefined;
    this.entries.delete(stream);
    this.entries.set(stream, entry);
    return entry as CachedStream<S>;
  }

  set<S>(stream: string, entry: CachedStream<S>): void {
    this.entries.delete(stream);
    this.entries.set(stream, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(stream: string): void {
    this.entries.delete(stream);
  }
}
